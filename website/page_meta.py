"""What every page says about itself outside its body: one rule each, for the page's
<head> and for the site search's results."""

from functools import cache

from django.template.defaultfilters import striptags, truncatewords
from django.utils.text import slugify


def page_description(page) -> str:
    """The page's search description, else its summary, else its introduction, as plain
    text of at most forty words."""
    for name in ("search_description", "summary", "intro"):
        # getattr with a default: a template asking for a field the page type lacks
        # costs a dir() of the whole page, a fifth of a millisecond.
        text = getattr(page, name, "")
        if text:
            return truncatewords(striptags(str(text)), 40)
    return ""


@cache
def _type_class(model) -> str:
    return f"template-{slugify(model.get_verbose_name())}"


def page_type_class(page) -> str:
    """The <body> class naming the page's type ("template-article"), worked out once per
    type."""
    model = getattr(page, "specific_class", None)  # no page: an empty variable
    return _type_class(model) if model is not None else ""

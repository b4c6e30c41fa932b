"""The "get help now" card: warning signs, numbers to call and helplines, on every health page."""

from django import template

from core.models import SiteSettings
from core.site_cache import site_cached
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.selectors import support_contacts_helplines

register = template.Library()


@register.inclusion_tag("components/get_help_now.html", takes_context=True)
def get_help_now(context):
    """The warning signs from the site settings, the region's numbers and the live helplines."""
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    if site_settings is None:
        return {"signs": None}
    return {
        "request": request,
        "site_settings": site_settings,
        "signs": site_settings.live_warning_signs,
        "words": site_settings.words,
        "helplines": site_cached("helplines", support_contacts_helplines),
    }


@register.simple_tag(takes_context=True)
def directory_page(context):
    """The live directory page, or None: for the search box offered when nothing is found."""
    return directory_page_find()

"""Where the directory is published, for code below the web layer that defines its page."""

from wagtail.models import Page

DIRECTORY_PAGE_TYPE = ("help_contacts", "directorypage")


def directory_page_find() -> Page | None:
    """The live, public directory page as a plain `Page` (its URL and title are all we need)."""
    app_label, model = DIRECTORY_PAGE_TYPE
    return (
        Page.objects.live()
        .public()
        .filter(content_type__app_label=app_label, content_type__model=model)
        .order_by("path")
        .first()
    )

"""Where the directory is published, for code below the web layer that defines its page."""

from wagtail.models import Page

from core.site_cache import public_pages, site_cached

DIRECTORY_PAGE_TYPE = ("help_contacts", "directorypage")


def _directory_page() -> Page | None:
    app_label, model = DIRECTORY_PAGE_TYPE
    return (
        public_pages(Page.objects.live())
        .filter(content_type__app_label=app_label, content_type__model=model)
        .order_by("path")
        .first()
    )


def directory_page_find() -> Page | None:
    """The live, public directory page as a plain `Page` (its URL and title are all we need).

    Kept in the site cache, which publishing, moving or restricting any page clears."""
    return site_cached("directory-page", _directory_page)

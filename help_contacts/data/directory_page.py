"""Where the directory is published."""

from core.site_cache import public_pages, site_cached
from help_contacts.data.models.pages import DirectoryPage


def _directory_page() -> DirectoryPage | None:
    return public_pages(DirectoryPage.objects.live()).order_by("path").first()


def directory_page_find() -> DirectoryPage | None:
    """The live, public directory page.

    Kept in the site cache, which publishing, moving or restricting any page clears."""
    return site_cached("directory-page", _directory_page)

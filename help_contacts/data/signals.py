"""Forget what the directory keeps between searches whenever a listing changes, and the
cached helplines whenever a support contact does."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import published, unpublished

from core.signals import clear_site_cache_when_changed
from help_contacts.data.directory_cache import directory_cache_clear
from help_contacts.data.models import Consultant, SupportContact


def _clear_directory_cache(sender, **kwargs):
    directory_cache_clear()


def connect_receivers():
    # Publishing and unpublishing save the row too; their own signals cover any that would not.
    for signal in (post_save, post_delete, published, unpublished):
        signal.connect(
            _clear_directory_cache,
            sender=Consultant,
            dispatch_uid=f"directory_cache_{id(signal)}",
        )
    # The helplines on every page's "get help now" card are cached with the site.
    clear_site_cache_when_changed(SupportContact)

"""Forget the directory's cached home-visit reach whenever a listing changes, and the
cached helplines whenever a support contact does."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import published, unpublished

from core.signals import clear_site_cache_when_changed
from help_contacts.data.models import Consultant, SupportContact
from help_contacts.data.selectors import home_visit_reach_clear


def _clear_home_visit_reach(sender, **kwargs):
    home_visit_reach_clear()


def connect_receivers():
    # Publishing and unpublishing save the row too; their own signals cover any that would not.
    for signal in (post_save, post_delete, published, unpublished):
        signal.connect(
            _clear_home_visit_reach,
            sender=Consultant,
            dispatch_uid=f"home_visit_reach_{id(signal)}",
        )
    # The helplines on every page's "get help now" card are cached with the site.
    clear_site_cache_when_changed(SupportContact)

"""Drop what `core.site_cache` holds whenever an editor changes something it shows."""

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import ReviewerProfile, SiteSettings, WarningSigns
from core.site_cache import site_cache_clear


def _clear_site_cache(**kwargs):
    site_cache_clear()
    # Again once the change is committed: a request that read the old rows between the
    # first clear and the commit may have cached them.
    transaction.on_commit(site_cache_clear)


def _clear_site_cache_for_pages(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _clear_site_cache()


def _clear_site_cache_after_migrate(sender, **kwargs):
    """A deploy runs `migrate`: what was drawn by the old release's templates is dropped."""
    if sender.label == "core":
        site_cache_clear()


def clear_site_cache_when_changed(model):
    """For apps above core: drop the site cache whenever a row of `model` is saved or deleted."""
    for signal in (post_save, post_delete):
        signal.connect(
            _clear_site_cache,
            sender=model,
            dispatch_uid=f"site_cache_{model._meta.label_lower}_{id(signal)}",
        )


def connect_receivers():
    post_migrate.connect(_clear_site_cache_after_migrate, dispatch_uid="site_cache_migrate")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_clear_site_cache, dispatch_uid=f"site_cache_{id(signal)}")
    for signal in (post_save, post_delete):
        # Every page type saves and deletes as its own model as well as Page.
        signal.connect(_clear_site_cache_for_pages, dispatch_uid=f"site_cache_pages_{id(signal)}")
        # ReviewerProfile: the reviewer's name shown in every page's review dates.
        for model in (PageViewRestriction, ReviewerProfile, Site, SiteSettings, WarningSigns):
            signal.connect(
                _clear_site_cache, sender=model, dispatch_uid=f"site_cache_{model.__name__}"
            )

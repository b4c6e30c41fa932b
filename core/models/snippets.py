"""The snippet classes for content editors write once and show in many places."""

from django.db import models

from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.models.reviews import MedicallyReviewed


class EditorialSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    models.Model,
):
    """A snippet edited like a page: drafts, revisions, locking, preview and a workflow."""

    class Meta:
        abstract = True


class ReviewedSnippet(MedicallyReviewed, EditorialSnippet, index.Indexed):
    """Health content shown on many pages, approved through the medical review workflow.

    It carries its own review dates and reviewer, which every page showing it takes into
    account (`core.selectors.review_summary_for`). Indexed, so the admin's choosers can
    search it.
    """

    class Meta:
        abstract = True

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


class ReviewedSnippet(EditorialSnippet, index.Indexed):
    """Health content shown on many pages, approved through the medical review workflow.

    Indexed, so the admin's choosers can search it.
    """

    class Meta:
        abstract = True

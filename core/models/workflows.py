"""The medical review step that health content passes through before it goes live."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

from core.reviews import review_record_approval


class MedicalReviewTask(AbstractGroupApprovalTask):
    """A medical reviewer's approval: it publishes the content and records the review dates."""

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            content_object = task_state.workflow_state.content_object
            revision = review_record_approval(obj=content_object, reviewer=user)
            if revision is not None:
                # The workflow goes on to publish this cached object's latest revision,
                # which must now be the one carrying the review dates.
                content_object.latest_revision = revision
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve or reject health content. Approving "
            "publishes it and sets its 'last reviewed' and 'next review due' dates."
        )

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")

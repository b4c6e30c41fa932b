"""The medical review step that health content passes through before it goes live."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

from core.reviews import ReviewerProfileMissing, review_record_approval, reviewer_profile_for


class MedicalReviewTask(AbstractGroupApprovalTask):
    """A medical reviewer's approval: it publishes the content and records the review."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and reviewer_profile_for(user=user) is None:
            # Readers are told who reviewed what they read, so an approval needs a name and
            # credentials to record; the reviewer can still request changes.
            return [action for action in actions if action[0] != "approve"]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            if reviewer_profile_for(user=user) is None:
                raise ReviewerProfileMissing
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
            "Members of the chosen groups approve health content or request changes to it. "
            "Approving publishes it and records the review date and the reviewer's profile."
        )

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")

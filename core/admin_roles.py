"""What each editorial role is offered in the admin: only the actions it may carry out."""

from django.apps import apps

from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from core.models import MedicalReviewTask

# Bulk action -> the permission it needs. A listing offers an action only to someone
# holding that permission somewhere, so nobody is offered what is refused a click later.
PAGE_BULK_ACTION_PERMISSIONS = {
    "publish": "publish",
    "unpublish": "publish",
    "delete": "delete",
    "move": "delete",  # Wagtail treats moving a page like deleting and re-adding it
}
SNIPPET_BULK_ACTION_PERMISSIONS = {"delete": "delete"}


def bulk_action_permitted(*, user, app_label: str, model_name: str, action_type: str) -> bool:
    model = apps.get_model(app_label, model_name)
    if issubclass(model, Page):
        permission = PAGE_BULK_ACTION_PERMISSIONS.get(action_type)
        return permission is None or PagePermissionPolicy().user_has_permission(user, permission)
    permission = SNIPPET_BULK_ACTION_PERMISSIONS.get(action_type)
    if permission is None:
        return True
    return policy_registry.get_by_type(model).user_has_permission(user, permission)


def user_is_medical_reviewer(*, user) -> bool:
    """Someone who may approve or request changes in a Medical review task."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return MedicalReviewTask.objects.filter(active=True, groups__in=user.groups.all()).exists()


def changes_requested_on(*, obj) -> TaskState | None:
    """The finished review step that sent `obj` back for changes, while it waits for them."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state

"""Editorial rules: who may do what, the medical review workflow, and recording a review.

The role and workflow functions take an `apps` registry so that a data migration
can call them with its historical models and a later migration (or a shell) can
call them again with the real ones; each is idempotent.
"""

import calendar
import datetime

from django.apps import apps as global_apps
from django.db import models
from django.utils import timezone

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
DIRECTORY_MANAGERS = "Directory managers"
MEDICAL_REVIEW = "Medical review"
DEFAULT_REVIEW_PERIOD_MONTHS = 12

# Health content an editor writes and a medical reviewer approves.
HEALTH_SNIPPETS = (("factors", "practicalinsight"), ("help_contacts", "supportcontact"))
ALL_SNIPPET_ACTIONS = ("add", "change", "delete", "publish", "lock", "unlock")

# The directory, which directory managers run on their own: listings (with drafts,
# publishing and locks) and the public's problem reports. Models that do not exist
# yet are skipped, so the roles can be applied before the directory lands.
DIRECTORY_PERMISSIONS = {
    ("help_contacts", "consultant"): ALL_SNIPPET_ACTIONS,
    ("help_contacts", "problemreport"): ("change", "delete", "view"),
}

# Role name -> (page permissions on the root page, {model: snippet permissions}).
# Page permissions on the tree's root reach every site and every section created
# later, so they do not depend on when the demo tree or a new section is built.
ROLES = {
    EDITORS: (
        ("add", "change"),
        dict.fromkeys(HEALTH_SNIPPETS, ("add", "change", "lock")),
    ),
    MEDICAL_REVIEWERS: (
        ("add", "change", "publish", "lock", "unlock"),
        dict.fromkeys(HEALTH_SNIPPETS, ALL_SNIPPET_ACTIONS),
    ),
    DIRECTORY_MANAGERS: (
        (),
        DIRECTORY_PERMISSIONS,
    ),
}


def _model(apps, app_label: str, model_name: str):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def _permission(apps, *, app_label: str, model_name: str, action: str):
    """The permission row, created if Django's or Wagtail's post-migrate step has not run yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    model = _model(apps, app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    verbose_name = model._meta.verbose_name_raw if model is not None else model_name
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model_name}",
        defaults={"name": f"Can {action} {verbose_name}"[:255]},
    )
    return permission


def editorial_roles_apply(*, apps=global_apps) -> dict[str, models.Model]:
    """Create the editorial groups and grant them their page and snippet permissions."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    admin_access = _permission(apps, app_label="wagtailadmin", model_name="admin", action="access")

    root = Page.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name, (page_actions, snippet_actions) in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for action in page_actions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=_permission(
                    apps, app_label="wagtailcore", model_name="page", action=action
                ),
            )
        for (app_label, model_name), actions in snippet_actions.items():
            if _model(apps, app_label, model_name) is None:
                continue
            group.permissions.add(
                *(
                    _permission(apps, app_label=app_label, model_name=model_name, action=action)
                    for action in actions
                )
            )
        groups[name] = group
    return groups


def medical_review_workflow_apply(*, apps=global_apps) -> models.Model:
    """The "Medical review" workflow, approved by medical reviewers, on all pages and snippets.

    It is assigned to the root page, so every section (articles, factors and any
    created later) inherits it, and to the health snippet types.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    MedicalReviewTask = apps.get_model("website", "MedicalReviewTask")

    reviewers, _ = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
    task_type, _ = ContentType.objects.get_or_create(app_label="website", model="medicalreviewtask")
    task, _ = MedicalReviewTask.objects.get_or_create(
        name=MEDICAL_REVIEW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=MEDICAL_REVIEW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.filter(depth=1).order_by("path").first()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for app_label, model_name in HEALTH_SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
    return workflow


def months_after(*, day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def review_period_months_for(*, page) -> int:
    """The review period the page's site sets, or the default when no site is configured."""
    from wagtail.models import Site

    from website.models import SiteSettings

    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_REVIEW_PERIOD_MONTHS
    return SiteSettings.for_site(site).review_period_months


def review_record_approval(*, obj, reviewer, today: datetime.date | None = None):
    """Stamp the review dates on the content a medical reviewer approves.

    The dates go into a new revision by the reviewer, so the revision the
    workflow then publishes carries them, the history shows who reviewed it, and
    the next edit starts from them. Content without review dates is left alone.
    Returns the new revision, or None.
    """
    from website.reviews import MedicallyReviewed

    obj = getattr(obj, "specific", obj)
    if not isinstance(obj, MedicallyReviewed):
        return None
    today = today or timezone.localdate()
    draft = obj.get_latest_revision_as_object()
    draft.last_reviewed = today
    draft.next_review_due = months_after(day=today, months=review_period_months_for(page=draft))
    reviewer_name = reviewer.get_full_name() if reviewer is not None else ""
    if reviewer_name:
        draft.reviewed_by = reviewer_name
    return draft.save_revision(user=reviewer, log_action=True)

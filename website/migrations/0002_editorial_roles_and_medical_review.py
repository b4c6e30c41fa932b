"""Editorial roles and the Medical review workflow.

This migration holds the roles it grants, rather than importing them from code that
may change later; a later change to the roles is a new migration. Both steps are
idempotent: they create only what is missing, so running them again changes nothing.
Reversing leaves the groups and workflow in place: people may have been added to
them, and deleting them would silently drop those people's access.
"""

from django.db import migrations

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
DIRECTORY_MANAGERS = "Directory managers"
MEDICAL_REVIEW = "Medical review"

# Health content an editor writes and a medical reviewer approves.
HEALTH_SNIPPETS = (("factors", "practicalinsight"), ("help_contacts", "supportcontact"))
ALL_SNIPPET_ACTIONS = ("add", "change", "delete", "publish", "lock", "unlock")

# The directory, which directory managers run on their own: listings (with drafts,
# publishing and locks) and the public's problem reports.
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


def editorial_roles_apply(apps, schema_editor=None):
    """Create the editorial groups and grant them their page and snippet permissions."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    admin_access = _permission(apps, app_label="wagtailadmin", model_name="admin", action="access")

    root = Page.objects.filter(depth=1).order_by("path").first()
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


def medical_review_workflow_apply(apps, schema_editor=None):
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
    MedicalReviewTask = apps.get_model("core", "MedicalReviewTask")

    reviewers, _ = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
    task_type, _ = ContentType.objects.get_or_create(app_label="core", model="medicalreviewtask")
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


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("core", "0001_initial"),
        ("factors", "0002_initial"),
        ("help_contacts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(editorial_roles_apply, migrations.RunPython.noop),
        migrations.RunPython(medical_review_workflow_apply, migrations.RunPython.noop),
    ]

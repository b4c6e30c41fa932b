"""Warning signs are health content: editors write them, medical reviewers approve them.

Like 0002, this holds what it grants rather than importing code that may change, and
creates only what is missing, so running it again changes nothing.
"""

from django.db import migrations

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
MEDICAL_REVIEW = "Medical review"
WARNING_SIGNS = ("core", "warningsigns")
GRANTS = {
    EDITORS: ("add", "change", "lock"),
    MEDICAL_REVIEWERS: ("add", "change", "delete", "publish", "lock", "unlock"),
}


def warning_signs_review_apply(apps, schema_editor=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    app_label, model_name = WARNING_SIGNS
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    for group_name, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model_name}",
                defaults={"name": f"Can {action} warning signs"},
            )
            group.permissions.add(permission)
    workflow = Workflow.objects.filter(name=MEDICAL_REVIEW).first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_editorial_roles_and_medical_review"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(warning_signs_review_apply, migrations.RunPython.noop),
    ]

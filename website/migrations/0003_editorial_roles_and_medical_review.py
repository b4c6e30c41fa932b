"""Editorial roles and the Medical review workflow.

Both steps live in website.services so the same code can be run again later
(for example once the directory's models exist); here they run with this
migration's historical models.
"""

from django.db import migrations


def apply_roles_and_workflow(apps, schema_editor):
    from website.services import editorial_roles_apply, medical_review_workflow_apply

    editorial_roles_apply(apps=apps)
    medical_review_workflow_apply(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_medical_review_task"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("factors", "0002_initial"),
        ("help_contacts", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    # Reversing leaves the groups and workflow in place: people may have been
    # added to them, and deleting them would silently drop those people's access.
    operations = [migrations.RunPython(apply_roles_and_workflow, migrations.RunPython.noop)]

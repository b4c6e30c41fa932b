"""Grant directory managers their permissions now that the directory's models exist."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from website.services import editorial_roles_apply

    editorial_roles_apply(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_editorial_roles_and_medical_review"),
        ("help_contacts", "0002_directory"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]

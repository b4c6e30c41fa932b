import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("help_contacts", "0003_moderation"),
    ]

    operations = [
        migrations.CreateModel(
            name="HsdsIdentity",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("hsds_id", models.UUIDField(unique=True, verbose_name="HSDS service id")),
                ("imported_at", models.DateTimeField(auto_now=True, verbose_name="last imported")),
                (
                    "consultant",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hsds_identity",
                        to="help_contacts.consultant",
                        verbose_name="listing",
                    ),
                ),
            ],
            options={
                "verbose_name": "HSDS identity",
                "verbose_name_plural": "HSDS identities",
            },
        ),
    ]

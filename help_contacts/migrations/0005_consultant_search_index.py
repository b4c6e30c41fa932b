"""The directory search reads a covering index of published locations (PostgreSQL)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("help_contacts", "0004_hsds_identity"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="consultant",
            name="consultant_live_lat_lon",
        ),
        migrations.AddIndex(
            model_name="consultant",
            index=models.Index(
                condition=models.Q(("live", True)),
                fields=["latitude", "longitude"],
                include=(
                    "id",
                    "name",
                    "practice_name",
                    "home_visit_radius_km",
                    "accepting_new_clients",
                    "languages",
                    "services",
                    "costs",
                    "specialties",
                ),
                name="consultant_live_lat_lon",
            ),
        ),
    ]

"""A GiST index that finds the gazetteer's nearest town to a point on PostgreSQL, as the
directory's own nearest-first index finds listings (migration 0003).

A search from a bare point (the browser's location) asks which town is nearest, to know
the parent's country and region. With the latitude/longitude index alone, that measured
every town within 50 km and sorted them: about 600 rows around London, 1.3 ms. Walking
this index nearest first reads a handful. SQLite keeps the bounding box.
"""

from django.db import migrations

from core.migration_operations import RunSQLOnPostgreSQL
from help_contacts.data.unit_sphere import POSITION_OF_ROW

POSITION = POSITION_OF_ROW


class Migration(migrations.Migration):
    dependencies = [("help_contacts", "0008_filter_choices_in_nearest_first_index")]

    operations = [
        RunSQLOnPostgreSQL(
            sql=(
                "CREATE INDEX place_town_position ON help_contacts_place "
                f"USING gist (({POSITION})) WHERE kind = 'place'"
            ),
            reverse_sql="DROP INDEX place_town_position",
        ),
    ]

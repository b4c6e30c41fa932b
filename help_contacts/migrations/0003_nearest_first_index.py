"""The GiST index that finds listings nearest first on PostgreSQL (see
`help_contacts.data.selectors.Nearness`). It needs the `cube` extension, which ships with
PostgreSQL and which a database owner may create (it is a trusted extension). SQLite, the
embedded default, keeps the bounding-box search and gets neither.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations

from core.migration_operations import RunSQLOnPostgreSQL
from help_contacts.data.unit_sphere import POSITION_OF_ROW

POSITION = POSITION_OF_ROW


class Migration(migrations.Migration):
    dependencies = [("help_contacts", "0002_remote_ranking_index")]

    operations = [
        CreateExtension("cube"),
        RunSQLOnPostgreSQL(
            sql=(
                "CREATE INDEX consultant_live_position ON help_contacts_consultant "
                f"USING gist (({POSITION})) WHERE live"
            ),
            reverse_sql="DROP INDEX consultant_live_position",
        ),
    ]

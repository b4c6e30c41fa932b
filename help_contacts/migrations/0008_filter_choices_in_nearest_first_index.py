"""The nearest-first index also holds each listing's filter choices (PostgreSQL only).

A filtered search (say Spanish, home visits or video, free or sliding scale, taking new
families) walks the GiST index nearest first. With only the position in the index, the
walk read every listing's row to test the filters: among a million listings, 7,600 rows
to find 201 that match. Now the index also holds the choices as integers (languages,
services, specialties, costs, and whether the listing takes new families), tested with
`intarray`'s overlap operator inside the index, so rows are read only for listings that
match. `intarray`, like `cube`, ships with PostgreSQL and is a trusted extension.

The choices are coded in this file alone: `help_contacts_filter_tags` codes a listing's
choices for the index, and `help_contacts_filter_codes` the choices a search asks for, in
the same way (tests/help_contacts/test_nearest_first_filters.py checks they agree). A
code is a hash of "kind:value", so a hash shared by two values can only let an extra row through to
the exact test on the row (the jsonb filters stay in every search), never hide one.
SQLite, the embedded default, keeps the bounding-box search and gets none of this.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations

from core.migration_operations import RunSQLOnPostgreSQL
from help_contacts.data.unit_sphere import POSITION_OF_ROW

POSITION = POSITION_OF_ROW

FILTER_CODES = """
CREATE FUNCTION help_contacts_filter_codes(kind text, choices jsonb) RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(hashtext(kind || ':' || choice)), '{}')
    FROM jsonb_array_elements_text(
        CASE jsonb_typeof(choices) WHEN 'array' THEN choices ELSE '[]'::jsonb END
    ) AS choice
$$
"""
# The same coding as above, written out again rather than called: an index expression that
# calls another function of ours would need a search path of its own, and setting one on
# every call made building the index on a million listings take four times as long.
FILTER_TAGS = """
CREATE FUNCTION help_contacts_filter_tags(
    languages jsonb, services jsonb, specialties jsonb, costs jsonb, accepting boolean
) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(hashtext(kind || ':' || choice)), '{}')
    FROM (
        SELECT 'language' AS kind, jsonb_array_elements_text(
            CASE jsonb_typeof(languages) WHEN 'array' THEN languages ELSE '[]'::jsonb END
        ) AS choice
        UNION ALL SELECT 'service', jsonb_array_elements_text(
            CASE jsonb_typeof(services) WHEN 'array' THEN services ELSE '[]'::jsonb END)
        UNION ALL SELECT 'specialty', jsonb_array_elements_text(
            CASE jsonb_typeof(specialties) WHEN 'array' THEN specialties ELSE '[]'::jsonb END)
        UNION ALL SELECT 'cost', jsonb_array_elements_text(
            CASE jsonb_typeof(costs) WHEN 'array' THEN costs ELSE '[]'::jsonb END)
        UNION ALL SELECT 'accepting', 'yes' WHERE accepting
    ) AS tags
$$
"""

NEW_INDEX = (
    "CREATE INDEX consultant_live_position_filters ON help_contacts_consultant USING gist "
    f"(({POSITION}), (help_contacts_filter_tags(languages, services, specialties, costs, "
    "accepting_new_clients)) gist__int_ops) WHERE live"
)
OLD_INDEX = (
    "CREATE INDEX consultant_live_position ON help_contacts_consultant "
    f"USING gist (({POSITION})) WHERE live"
)


class Migration(migrations.Migration):
    dependencies = [("help_contacts", "0007_place_from_file")]

    operations = [
        CreateExtension("intarray"),
        RunSQLOnPostgreSQL(
            sql=[FILTER_CODES, FILTER_TAGS, NEW_INDEX, "DROP INDEX consultant_live_position"],
            reverse_sql=[
                OLD_INDEX,
                "DROP INDEX consultant_live_position_filters",
                "DROP FUNCTION help_contacts_filter_tags(jsonb, jsonb, jsonb, jsonb, boolean)",
                "DROP FUNCTION help_contacts_filter_codes(text, jsonb)",
            ],
        ),
    ]

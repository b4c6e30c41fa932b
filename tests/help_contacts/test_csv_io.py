"""CSV: one row per listing out, the same columns back in as drafts."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Revision

from help_contacts.interchange.csv_io import CSV_COLUMNS, csv_import
from help_contacts.interchange.importing import consultant_hsds_id
from help_contacts.models import Consultant
from tests.factories import ConsultantFactory, UserFactory, complete_listing, interchange_values

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/directory_import/"


def listing(**fields):
    return complete_listing(
        costs=["sliding-scale", "free"],
        insurance_plans="",  # named plans only go with the "Named insurance plans" cost
        specialties=["latch"],
        bio="Twenty years, and “quotes”, commas, and\nlines.",
        **fields,
    )


def export_csv(tmp_path):
    path = tmp_path / "listings.csv"
    call_command("export_directory_csv", output=str(path), verbosity=0)
    return path


def rows(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def import_csv(path, *, dry_run=False):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_directory_csv", str(path), dry_run=dry_run, stdout=out, stderr=err)
    return out.getvalue()


def write_csv(path, records):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(records)
    return path


def test_export_writes_one_row_per_published_listing_by_name(tmp_path):
    zofia = listing()
    ConsultantFactory(name="Amara Obi")
    ConsultantFactory(name="Draft Dora", live=False)

    exported = rows(export_csv(tmp_path))

    assert [row["name"] for row in exported] == ["Amara Obi", "Zofia Nowak"]
    row = exported[1]
    assert row["id"] == str(consultant_hsds_id(consultant=zofia))
    assert row["languages"] == "pl; en"
    assert (row["accepting_new_clients"], row["last_verified"]) == ("no", "2025-03-01")
    assert row["latitude"] == "51.5308"


def test_export_keeps_spreadsheets_from_running_cells_as_formulas(tmp_path):
    listing(name='=HYPERLINK("http://evil.example")', phone="+44 20 7946 0123")

    row = rows(export_csv(tmp_path))[0]

    assert row["name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["phone"] == "'+44 20 7946 0123"
    assert row["longitude"] == "-0.1238"  # numbers are left as numbers


def test_export_then_import_into_an_empty_directory_reproduces_the_listings(tmp_path):
    originals = [listing(), listing(name="=Eve", practice_name="", phone="", website="")]
    before = sorted(
        (interchange_values(consultant) for consultant in originals), key=lambda v: v["name"]
    )
    path = export_csv(tmp_path)
    Consultant.objects.all().delete()

    output = import_csv(path)

    assert "Imported: 2 new draft listings" in output
    after = [interchange_values(consultant) for consultant in Consultant.objects.order_by("name")]
    assert after == before
    assert not Consultant.objects.filter(live=True).exists()


def test_reimporting_an_export_adds_no_drafts(tmp_path):
    listing()
    path = export_csv(tmp_path)
    revisions = Revision.objects.count()

    output = import_csv(path)

    assert "1 unchanged" in output
    assert Revision.objects.count() == revisions


def test_dry_run_changes_nothing(tmp_path):
    existing = listing()
    path = export_csv(tmp_path)
    exported = rows(path)
    exported[0]["name"] = "Zofia Nowak-Smith"
    exported.append(exported[0] | {"id": "", "name": "Amara Obi"})
    write_csv(path, exported)
    before = (Consultant.objects.count(), Revision.objects.count())

    output = import_csv(path, dry_run=True)

    assert "row 2: Zofia Nowak-Smith (would get a new draft)" in output
    assert "row 3: Amara Obi (would be a new draft)" in output
    assert (Consultant.objects.count(), Revision.objects.count()) == before
    existing.refresh_from_db()
    assert existing.name == "Zofia Nowak" and not existing.has_unpublished_changes


def test_new_rows_become_drafts_with_slugs_of_their_own(tmp_path):
    path = tmp_path / "new.csv"
    row = dict.fromkeys(CSV_COLUMNS, "") | {
        "name": "Amara Obi",
        "city": "Leeds",
        "country": "gb",
        "latitude": "53.8",
        "longitude": "-1.55",
        "services": "clinic",
        "accepting_new_clients": "yes",
    }
    write_csv(path, [row, row | {"phone": "0113 496 0000"}])

    import_csv(path)

    created = list(Consultant.objects.order_by("pk"))
    assert [consultant.name for consultant in created] == ["Amara Obi", "Amara Obi"]
    assert created[0].slug != created[1].slug
    assert all(not consultant.live and consultant.country == "GB" for consultant in created)


def test_bad_rows_are_reported_by_row_number_and_reason_and_nothing_is_stored(tmp_path):
    existing = listing()
    path = export_csv(tmp_path)
    good = rows(path)[0]
    write_csv(
        path,
        [
            good | {"name": "Renamed"},
            good | {"id": "", "latitude": "200"},
            good | {"id": "", "services": "home-visits; teleportation", "name": ""},
            good | {"id": "", "longitude": "west", "accepting_new_clients": "maybe"},
            good | {"id": "not-a-uuid"},
        ],
    )

    with pytest.raises(CommandError, match="4 row"):
        import_csv(path)

    existing.refresh_from_db()
    assert existing.name == "Zofia Nowak" and not existing.has_unpublished_changes
    assert Consultant.objects.count() == 1
    report = csv_import(content=path.read_bytes(), dry_run=False, user=None)
    problems = {problem.number: " ".join(problem.reasons) for problem in report.problems}
    assert set(problems) == {3, 4, 5, 6}
    assert "latitude: Ensure this value is less than or equal to 90." in problems[3]
    assert "unknown code “teleportation”" in problems[4]
    assert "name: This field cannot be blank." in problems[4]
    assert "“west” is not a number" in problems[5]
    assert "write yes or no, not “maybe”" in problems[5]
    assert "is not a UUID" in problems[6]


def test_a_row_with_too_few_cells_is_reported(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text(",".join(CSV_COLUMNS) + "\n,Amara Obi,,ibclc\n", encoding="utf-8")

    report = csv_import(content=path.read_bytes(), dry_run=True, user=None)

    assert report.problems[0].number == 2
    assert "has 4 cells" in report.problems[0].reasons[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,city\nAmara,Leeds\n", "missing columns: id, practice_name"),
        ((",".join(CSV_COLUMNS) + ",favourite_colour\n").encode(), "unknown columns: favourite_c"),
        ("name,city\nZoë,Łódź\n".encode("latin-1", "replace"), "not a UTF-8 CSV file"),
        (b"", "The file is empty"),
        ((",".join(CSV_COLUMNS) + "\n").encode(), "no listings"),
    ],
)
def test_a_file_that_cannot_be_read_ends_the_command_with_a_message(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        import_csv(path)


def test_csv_upload_in_the_admin_creates_drafts_for_a_directory_manager(client, tmp_path):
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name="Directory managers"))
    client.force_login(manager)
    listing()
    content = export_csv(tmp_path).read_bytes().replace(b"Zofia Nowak", b"Zofia Nowak-Smith")

    response = client.post(
        IMPORT_URL,
        {"file": SimpleUploadedFile("listings.csv", content), "file_format": "csv"},
    )

    assert response.status_code == 200
    assert "1 listings with a new draft" in response.content.decode()
    consultant = Consultant.objects.get()
    assert consultant.name == "Zofia Nowak"  # still published as it was
    assert consultant.get_latest_revision_as_object().name == "Zofia Nowak-Smith"


@pytest.mark.parametrize("dry_run", [True, False])
@pytest.mark.parametrize("bad", ["Ann\x00e", "Ann\x1be", "Ann\x7fe"])
def test_control_characters_are_refused_alike_by_dry_run_and_import(tmp_path, dry_run, bad):
    existing = listing()
    good = rows(export_csv(tmp_path))[0]
    path = write_csv(tmp_path / "bad.csv", [good | {"id": "", "name": bad, "bio": "ok\nfine"}])
    report = csv_import(content=path.read_bytes(), dry_run=dry_run, user=None)
    assert [problem.number for problem in report.problems] == [2]
    assert "invisible control characters" in " ".join(report.problems[0].reasons)
    assert not report.written
    assert list(Consultant.objects.all()) == [existing]

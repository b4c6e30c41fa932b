"""Open Referral HSDS 3.0 in: the import command, all or nothing, as drafts, with a dry run."""

import datetime
import json
import uuid

import pytest

from django.core.management.base import CommandError

from wagtail.models import Revision

from help_contacts.data import representations
from help_contacts.interchange.hsds import consultant_to_hsds, hsds_import
from help_contacts.models import Consultant, HsdsIdentity
from tests.factories import ConsultantFactory, UserFactory, complete_listing, interchange_values
from tests.help_contacts.hsds_support import export, run_import, service_validator

pytestmark = pytest.mark.django_db

HSDS_API = "/api/v1/hsds/services/"
DIRECTORY_API = "/api/v1/directory/"
IMPORT_URL = "/admin/directory_import/"
INTERCHANGE_FIELDS = representations.INTERCHANGE_FIELDS


# Import -----------------------------------------------------------------------------------


def test_export_then_import_into_an_empty_directory_reproduces_the_listings(tmp_path):
    originals = [complete_listing(), complete_listing(name="Amara Obi", practice_name="", phone="")]
    before = {consultant.name: interchange_values(consultant) for consultant in originals}
    path = export(tmp_path)
    exported = json.loads(path.read_text())
    Consultant.objects.all().delete()

    run_import(path)

    imported = Consultant.objects.order_by("name")
    assert {consultant.name: interchange_values(consultant) for consultant in imported} == before
    for consultant in imported:
        consultant.latest_revision.publish()
    again = json.loads(export(tmp_path, "again.json").read_text())
    for service in (*exported, *again):
        service.pop("last_modified")
    assert again == exported  # the same ids and the same content


def test_reimporting_an_export_into_the_same_directory_changes_nothing(tmp_path):
    complete_listing()
    path = export(tmp_path)
    revisions = Revision.objects.count()

    output = run_import(path)

    assert "1 unchanged" in output
    assert Revision.objects.count() == revisions
    assert Consultant.objects.count() == 1


def test_dry_run_changes_nothing_and_says_what_would_happen(tmp_path):
    existing = complete_listing()
    services = [consultant_to_hsds(consultant=existing)]
    services[0]["name"] = "Zofia Nowak-Smith"
    services.append({**consultant_to_hsds(consultant=existing), "id": str(uuid.uuid4())})
    services[1]["name"] = "Someone New"
    path = tmp_path / "changes.json"
    path.write_text(json.dumps(services))
    before = (Consultant.objects.count(), Revision.objects.count(), HsdsIdentity.objects.count())

    output = run_import(path, dry_run=True)

    assert "would create 1 new draft listings and add a new draft to 1 listings" in output
    assert "record 1: Zofia Nowak-Smith (would get a new draft)" in output
    assert "record 2: Someone New (would be a new draft)" in output
    after = (Consultant.objects.count(), Revision.objects.count(), HsdsIdentity.objects.count())
    assert after == before
    existing.refresh_from_db()
    assert existing.name == "Zofia Nowak" and not existing.has_unpublished_changes


def test_bad_records_are_reported_by_number_and_reason_and_nothing_is_written(tmp_path):
    existing = complete_listing()
    good_update = consultant_to_hsds(consultant=existing) | {"name": "Renamed"}
    good_new = consultant_to_hsds(consultant=existing) | {"id": str(uuid.uuid4()), "name": "New"}
    bad = consultant_to_hsds(consultant=existing) | {"id": str(uuid.uuid4()), "name": "Bad"}
    bad["service_at_locations"][0]["location"]["latitude"] = 123.0
    bad["languages"][0]["code"] = "xx"
    not_hsds = {"id": "not-a-uuid", "name": "Broken"}
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([good_update, good_new, bad, not_hsds]))
    revisions = Revision.objects.count()

    with pytest.raises(CommandError, match="2 record"):
        run_import(path)

    assert Consultant.objects.count() == 1
    assert Revision.objects.count() == revisions
    existing.refresh_from_db()
    assert existing.name == "Zofia Nowak"
    report = hsds_import(data=json.loads(path.read_text()), dry_run=False, user=None)
    problems = {problem.number: " ".join(problem.reasons) for problem in report.problems}
    assert set(problems) == {3, 4}
    assert "latitude" in problems[3] and "less than or equal to 90" in problems[3]
    assert "Unknown language code “xx”" in problems[3]
    assert "id" in problems[4] and "uuid" in problems[4]
    assert not report.written


def test_imported_listings_are_drafts_until_a_person_publishes_them(client, directory, tmp_path):
    live = complete_listing()
    update = consultant_to_hsds(consultant=live) | {"name": "Zofia Nowak-Smith"}
    new = consultant_to_hsds(consultant=live) | {"id": str(uuid.uuid4()), "name": "Amara Obi"}
    path = tmp_path / "incoming.json"
    path.write_text(json.dumps([update, new]))
    search = {"lat": "51.5308", "lon": "-0.1238"}

    run_import(path)

    names = [result["name"] for result in client.get(DIRECTORY_API, search).json()["results"]]
    assert names == ["Zofia Nowak"]  # the published version stays; the new one is not shown
    created = Consultant.objects.get(name="Amara Obi")
    assert not created.live
    assert client.get(f"/find-support/{created.slug}/").status_code == 404
    live.refresh_from_db()
    assert live.live and live.has_unpublished_changes

    created.latest_revision.publish()
    live.latest_revision.publish()

    names = [result["name"] for result in client.get(DIRECTORY_API, search).json()["results"]]
    assert sorted(names) == ["Amara Obi", "Zofia Nowak-Smith"]
    assert client.get(f"/find-support/{created.slug}/").status_code == 200


def test_import_reads_hsds_from_another_directory():
    service = {
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "Breastfeeding Drop-in",
        "status": "active",
        "description": "A weekly drop-in.",
        "organization": {"id": str(uuid.uuid4()), "name": "Town Health", "description": "x"},
        "schedules": [
            {"id": str(uuid.uuid4()), "byday": "TU", "opens_at": "10:00", "closes_at": "12:00"}
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location": {
                    "id": str(uuid.uuid4()),
                    "location_type": "physical",
                    "latitude": 53.8,
                    "longitude": -1.55,
                    "phones": [{"id": str(uuid.uuid4()), "number": "0113 496 0000"}],
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "1 Park Row",
                            "city": "Leeds",
                            "state_province": "West Yorkshire",
                            "postal_code": "LS1 5AB",
                            "country": "gb",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "attributes": [
            {"id": str(uuid.uuid4()), "taxonomy_term": {"id": str(uuid.uuid4()), "code": "x",
             "name": "Other taxonomy", "description": "ignored", "taxonomy": "open-eligibility"}},
        ],
    }  # fmt: skip

    report = hsds_import(data={"contents": [service]}, dry_run=False, user=None)

    assert report.written, report.lines()
    listing = Consultant.objects.get()
    assert (listing.name, listing.practice_name, listing.city) == (
        "Breastfeeding Drop-in",
        "Town Health",
        "Leeds",
    )
    assert (listing.country, listing.phone) == ("GB", "0113 496 0000")
    assert listing.opening_hours == "TU 10:00–12:00"
    assert not listing.live
    assert listing.hsds_identity.hsds_id == uuid.UUID(service["id"])


def test_a_record_whose_id_appears_twice_is_reported():
    record = consultant_to_hsds(consultant=complete_listing())
    report = hsds_import(data=[record, record | {"name": "Copy"}], dry_run=True, user=None)

    assert [problem.number for problem in report.problems] == [2]
    assert "record 1 has it too" in report.problems[0].reasons[0]


def test_a_listing_locked_by_someone_else_is_not_changed():
    listing = complete_listing(locked=True, locked_by=UserFactory())
    record = consultant_to_hsds(consultant=listing) | {"name": "Changed"}

    report = hsds_import(data=[record], dry_run=False, user=UserFactory())

    assert "locked" in report.problems[0].reasons[0]
    assert Revision.objects.for_instance(listing).count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"contents": [', "not valid JSON"),
        (b"\xff\xfe[]", "not a UTF-8"),
        (b'{"hello": "world"}', "not HSDS services"),
        (b"[]", "no listings"),
        (b'[{"id": "ac148810-d857-441c-9679-408f346de14b", "name": "x", "status": "active", '
         b'"service_at_locations": [{"id": "ac148810-d857-441c-9679-408f346de14c", "location": '
         b'{"id": "ac148810-d857-441c-9679-408f346de14d", "location_type": "physical", '
         b'"latitude": NaN}}]}]', "NaN"),
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_read_ends_the_command_with_a_message(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        run_import(path)


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_nul_byte_in_an_imported_name_is_refused_by_dry_run_and_import(tmp_path, dry_run):
    listing = ConsultantFactory(name="Ada Nwosu")
    document = json.loads(export(tmp_path).read_text())
    document[0]["name"] = "Ada\x00 Nwosu"
    document[0]["id"] = str(uuid.uuid4())
    report = hsds_import(data=document, dry_run=dry_run, user=None)
    assert len(report.problems) == 1
    assert "invisible control characters" in " ".join(report.problems[0].reasons)
    assert not report.written
    assert list(Consultant.objects.all()) == [listing]


def test_export_carries_the_credential_check_and_recertification_dates_but_import_ignores_them(
    tmp_path,
):
    listing = complete_listing()
    checked, due = datetime.date(2026, 3, 2), datetime.date(2028, 6, 30)
    Consultant.objects.filter(pk=listing.pk).update(
        credential_verified_on=checked, recertification_due=due
    )
    listing.refresh_from_db()
    service = consultant_to_hsds(consultant=listing)
    assert list(service_validator().iter_errors(service)) == []
    values = {
        attribute["taxonomy_term"]["code"]: attribute.get("value")
        for attribute in service["attributes"]
    }
    assert values["credential-verified-on"] == "2026-03-02"
    assert values["recertification-due"] == "2028-06-30"
    assert service["assured_date"] == listing.last_verified.isoformat()
    path = export(tmp_path)
    Consultant.objects.all().delete()
    run_import(path)
    imported = Consultant.objects.get()
    # A check counts only when one of this site's directory managers made it.
    assert imported.credential_verified_on is None

"""Open Referral HSDS 3.0: the export, its API, the import command and the admin import view."""

import datetime
import io
import json
import uuid

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Revision

from help_contacts.data import representations
from help_contacts.interchange.hsds import consultant_to_hsds, hsds_import
from help_contacts.interchange.importing import consultant_hsds_id
from help_contacts.interchange.schema import SCHEMA_DIR
from help_contacts.models import Consultant, HsdsIdentity
from tests.conftest import member_of
from tests.factories import ConsultantFactory, UserFactory, complete_listing, interchange_values

pytestmark = pytest.mark.django_db

HSDS_API = "/api/v1/hsds/services/"
DIRECTORY_API = "/api/v1/directory/"
IMPORT_URL = "/admin/directory_import/"
SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
INTERCHANGE_FIELDS = representations.INTERCHANGE_FIELDS


def _hsds_registry():
    """The HSDS schema files, each under its published address; built here, not by the app."""
    resources = [
        (
            f"{SCHEMA_BASE}{path.name}",
            Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012),
        )
        for path in SCHEMA_DIR.glob("*.json")
    ]
    return Registry().with_resources(resources)


def service_validator():
    return Draft202012Validator(
        {"$ref": f"{SCHEMA_BASE}service.json"},
        registry=_hsds_registry(),
        format_checker=FormatChecker(),
    )


def page_validator():
    openapi = json.loads((SCHEMA_DIR / "openapi.json").read_text())
    return Draft202012Validator(
        {**openapi["components"]["schemas"]["Page"], "required": ["total_items", "contents"]}
    )


def export(tmp_path, name="export.json"):
    path = tmp_path / name
    call_command("export_hsds", output=str(path), verbosity=0)
    return path


def run_import(path, *, dry_run=False):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(path), dry_run=dry_run, stdout=out, stderr=err)
    return out.getvalue()


# Export -----------------------------------------------------------------------------------


def test_exported_listing_is_a_valid_hsds_3_service():
    service = consultant_to_hsds(consultant=complete_listing())

    validator = service_validator()
    assert list(validator.iter_errors(service)) == []
    # The schema check can fail: a service missing its required status is refused.
    assert not validator.is_valid({key: value for key, value in service.items() if key != "status"})


def test_export_maps_the_listing_onto_hsds_objects():
    consultant = complete_listing()
    service = consultant_to_hsds(consultant=consultant)

    assert service["name"] == "Zofia Nowak"
    assert service["organization"]["name"] == "Latch & Learn"
    assert service["phones"][0]["number"] == "+44 20 7946 0123"
    assert [language["code"] for language in service["languages"]] == ["pl", "en"]
    assert service["schedules"][0]["description"] == "Monday to Friday, 9am to 5pm"
    assert service["assured_date"] == "2025-03-01"
    location = service["service_at_locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == (51.5308, -0.1238)
    assert location["addresses"][0]["postal_code"] == "N1 9GU"
    codes = {
        (attribute["taxonomy_term"]["taxonomy"], attribute["taxonomy_term"]["code"]): attribute.get(
            "value"
        )
        for attribute in service["attributes"]
    }
    assert ("lactation-directory-service", "home-visits") in codes
    assert ("lactation-directory-credential", "ibclc") in codes
    assert codes[("lactation-directory-listing", "accepting-new-clients")] == "no"
    assert codes[("lactation-directory-listing", "home-visit-radius-km")] == "15"


def _object_ids(value, found):
    """Every `id` of an object in the document (references such as service_id are not ids)."""
    if isinstance(value, dict):
        if "id" in value:
            found.append(value["id"])
        for key, child in value.items():
            if key != "taxonomy_term" and key != "taxonomy_detail":
                _object_ids(child, found)
    elif isinstance(value, list):
        for child in value:
            _object_ids(child, found)
    return found


def test_export_ids_are_stable_and_distinct(tmp_path):
    complete_listing()
    complete_listing(name="Amara Obi", practice_name="")

    first = export(tmp_path, "first.json").read_text()
    second = export(tmp_path, "second.json").read_text()

    assert first == second
    ids = _object_ids(json.loads(first), [])
    assert len(ids) == len(set(ids))
    assert all(uuid.UUID(value).version == 5 for value in ids)


def test_export_command_writes_every_published_listing_by_name_and_no_drafts(tmp_path):
    ConsultantFactory(name="Bea")
    ConsultantFactory(name="Ann")
    ConsultantFactory(name="Draft Dora", live=False)

    services = json.loads(export(tmp_path).read_text())

    assert [service["name"] for service in services] == ["Ann", "Bea"]
    validator = service_validator()
    assert all(validator.is_valid(service) for service in services)


# The HSDS API -----------------------------------------------------------------------------


@pytest.fixture
def london_listings(places):
    """Listings at known distances from central London, with a few filters to tell apart."""
    listings = [
        ConsultantFactory(name="Near", latitude=51.51, longitude=-0.13, languages=["en", "pl"]),
        ConsultantFactory(name="Middle", latitude=51.6, longitude=-0.1, languages=["pl"]),
        ConsultantFactory(name="Far", latitude=51.75, longitude=-0.3, services=["video"]),
        ConsultantFactory(name="Also near", latitude=51.51, longitude=-0.13),
        ConsultantFactory(name="Draft", latitude=51.51, longitude=-0.13, live=False),
        ConsultantFactory(name="Leeds", latitude=53.8, longitude=-1.55),
    ]
    listings += [
        ConsultantFactory(name=f"Crowd {number:02}", latitude=51.52, longitude=-0.12)
        for number in range(25)
    ]
    return listings


@pytest.mark.parametrize(
    "params",
    [
        {"location": "London, United Kingdom", "radius": "50"},
        {"location": "London, United Kingdom", "radius": "50", "page": "2"},
        {"lat": "51.5074", "lon": "-0.1278", "radius": "25", "language": "pl"},
        {"location": "London, United Kingdom", "radius": "100", "service": "video"},
    ],
)
def test_hsds_api_gives_the_directory_apis_listings_in_its_order(client, london_listings, params):
    directory = client.get(DIRECTORY_API, params).json()
    hsds = client.get(HSDS_API, params).json()

    by_pk = {consultant.pk: consultant for consultant in london_listings}
    expected = [
        str(consultant_hsds_id(consultant=by_pk[result["id"]])) for result in directory["results"]
    ]
    assert expected  # each case finds something, so the comparison means something
    assert [service["id"] for service in hsds["contents"]] == expected
    assert hsds["total_items"] == directory["count"]


def test_hsds_api_without_a_place_lists_every_published_listing_by_name(client, london_listings):
    response = client.get(HSDS_API, {"per_page": "100"})

    data = response.json()
    names = [service["name"] for service in data["contents"]]
    published = Consultant.objects.filter(live=True).order_by("name", "pk")
    assert names == [consultant.name for consultant in published]
    assert "Draft" not in names


def test_hsds_api_page_follows_the_hsds_page_shape(client, london_listings):
    data = client.get(HSDS_API, {"page": "2", "per_page": "10"}).json()

    assert list(page_validator().iter_errors(data)) == []
    assert data["page_number"] == 2
    assert data["size"] == 10
    assert (data["first_page"], data["last_page"], data["empty"]) == (False, False, False)
    assert data["total_pages"] == 3  # 30 published listings, 10 a page
    validator = service_validator()
    assert all(validator.is_valid(service) for service in data["contents"])


def test_hsds_api_with_no_results_says_it_is_empty(client, places):
    data = client.get(HSDS_API, {"location": "London, United Kingdom"}).json()

    assert (data["total_items"], data["empty"], data["contents"]) == (0, True, [])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"language": "pl"}, "location"),
        ({"location": "Atlantis"}, "location"),
        ({"per_page": "1000"}, "per_page"),
        ({"page": "99"}, "page"),
        ({"lat": "91", "lon": "0"}, "lat"),
    ],
)
def test_hsds_api_refuses_bad_parameters_with_a_400(client, london_listings, params, field):
    response = client.get(HSDS_API, params)

    assert response.status_code == 400
    assert response.json()["errors"][field]


def test_hsds_api_query_count_does_not_grow_with_the_page(
    client, london_listings, django_assert_max_num_queries
):
    HsdsIdentity.objects.create(consultant=london_listings[0], hsds_id=uuid.uuid4())
    params = {"location": "London, United Kingdom", "per_page": "50"}
    client.get(HSDS_API, params)  # caches the longest home-visit reach, which every search reads
    with django_assert_max_num_queries(4):
        response = client.get(HSDS_API, params)
    assert len(response.json()["contents"]) == 28  # all but Far, Leeds and the draft


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
    assert Revision.objects.filter(object_id=str(listing.pk)).count() == 0


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


# The admin view ---------------------------------------------------------------------------


def upload(content, name="listings.json", file_format="hsds", dry_run=True):
    data = {"file": SimpleUploadedFile(name, content), "file_format": file_format}
    if dry_run:
        data["dry_run"] = "on"
    return data


def test_directory_manager_sees_import_in_the_directory_menu_and_can_dry_run(client):
    existing = complete_listing()
    client.force_login(member_of("Directory managers"))
    record = consultant_to_hsds(consultant=existing) | {"name": "Renamed"}

    assert IMPORT_URL in client.get("/admin/").content.decode()
    response = client.post(IMPORT_URL, upload(json.dumps([record]).encode()))

    assert response.status_code == 200
    assert "would create 0 new draft listings and add a new draft to 1 listings" in (
        response.content.decode()
    )
    existing.refresh_from_db()
    assert not existing.has_unpublished_changes


def test_directory_manager_imports_listings_as_drafts(client):
    manager = member_of("Directory managers")
    client.force_login(manager)
    record = consultant_to_hsds(consultant=complete_listing()) | {"id": str(uuid.uuid4())}
    record["name"] = "Amara Obi"

    response = client.post(IMPORT_URL, upload(json.dumps([record]).encode(), dry_run=False))

    assert response.status_code == 200
    assert "Imported: 1 new draft listings" in response.content.decode()
    created = Consultant.objects.get(name="Amara Obi")
    assert not created.live
    assert created.latest_revision.user == manager


def test_admin_import_with_bad_records_is_refused_with_their_reasons(client):
    client.force_login(member_of("Directory managers"))
    record = consultant_to_hsds(consultant=complete_listing()) | {"id": str(uuid.uuid4())}
    record["name"] = ""

    response = client.post(IMPORT_URL, upload(json.dumps([record]).encode(), dry_run=False))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Record 1" in html and "name: this field cannot be blank." in html
    assert Consultant.objects.count() == 1


def test_editor_cannot_open_or_use_the_import(client):
    client.force_login(member_of("Editors"))

    assert IMPORT_URL not in client.get("/admin/").content.decode()
    response = client.post(IMPORT_URL, upload(b"[]", dry_run=False))
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get(IMPORT_URL).status_code == 302


@pytest.mark.parametrize(
    ("content", "file_format", "message"),
    [
        (b"not json at all", "hsds", "This is not valid JSON"),
        (b"\x89PNG\r\n\x1a\n", "hsds", "not a UTF-8 JSON file"),
        (b'"just a string"', "hsds", "This JSON is not HSDS services"),
        (b"name,city\nAnn,Leeds\n", "csv", "missing columns"),
    ],
)
def test_malformed_upload_gets_a_400_and_a_message(
    client, superuser, content, file_format, message
):
    client.force_login(superuser)

    response = client.post(IMPORT_URL, upload(content, file_format=file_format))

    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_upload_over_the_size_limit_is_refused_before_reading(client, superuser, monkeypatch):
    monkeypatch.setattr("help_contacts.web.interchange_views.MAX_IMPORT_BYTES", 10)
    client.force_login(superuser)

    response = client.post(IMPORT_URL, upload(b"[" + b" " * 20 + b"]"))

    assert response.status_code == 400
    assert "The file is too big" in response.content.decode()


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

"""The admin's 'Import listings': who may use it, dry runs, drafts, and bad files refused."""

import json
import uuid

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from help_contacts.data import representations
from help_contacts.interchange.hsds import consultant_to_hsds
from help_contacts.models import Consultant
from tests.conftest import member_of
from tests.factories import complete_listing

pytestmark = pytest.mark.django_db

HSDS_API = "/api/v1/hsds/services/"
DIRECTORY_API = "/api/v1/directory/"
IMPORT_URL = "/admin/directory_import/"
INTERCHANGE_FIELDS = representations.INTERCHANGE_FIELDS


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

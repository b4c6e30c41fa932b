"""Public forms take small bodies and no files; the admin keeps its uploads; behind the
proxy each visitor is counted by the address nginx saw."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings

from help_contacts.models import ProblemReport
from tests.factories import ConsultantFactory, DirectoryPageFactory
from website.request_limits import ClientAddressFromProxyMiddleware

REPORT = "/find-support/zofia/report/"


@pytest.fixture
def listing(home):
    DirectoryPageFactory(parent=home)
    return ConsultantFactory(slug="zofia")


def test_public_form_refuses_a_body_over_the_limit_before_reading_it(client, listing):
    response = client.post(REPORT, {"kind": "phone", "details": "x" * 70_000})
    assert response.status_code == 413
    assert not ProblemReport.objects.exists()


def test_public_form_refuses_a_file(client, listing):
    attachment = SimpleUploadedFile("listing.pdf", b"%PDF-1.4 " + b"x" * 1000)
    response = client.post(
        REPORT, {"kind": "phone", "details": "See attached.", "attachment": attachment}
    )
    assert response.status_code == 400
    assert not ProblemReport.objects.exists()


def test_public_form_still_takes_a_multipart_body_without_files(client, listing):
    response = client.post(
        REPORT,
        b'--B\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphone\r\n--B--\r\n',
        content_type="multipart/form-data; boundary=B",
    )
    assert response.status_code == 302
    assert ProblemReport.objects.get().kind == "phone"


def test_admin_takes_bodies_bigger_than_a_public_form(client, db):
    response = client.post("/admin/login/", {"username": "nobody", "password": "x" * 70_000})
    assert response.status_code == 200
    assert "Your username and password didn" in response.content.decode()


@override_settings(TRUSTED_PROXY_IPS=["127.0.0.1"])
@pytest.mark.parametrize(
    ("peer", "header", "seen"),
    [
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        ("127.0.0.1", None, "127.0.0.1"),
        ("198.51.100.2", "203.0.113.7", "198.51.100.2"),
    ],
    ids=["from the proxy", "no header", "not from the proxy"],
)
def test_client_address_comes_from_the_proxy_only(peer, header, seen):
    request = RequestFactory().get("/", REMOTE_ADDR=peer)
    if header:
        request.META["HTTP_X_REAL_IP"] = header
    ClientAddressFromProxyMiddleware(lambda request: None)(request)
    assert request.META["REMOTE_ADDR"] == seen

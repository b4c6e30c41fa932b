"""No role sees in Wagtail's admin API what its screens refuse it."""

import pytest
import wagtail_factories

from wagtail.documents.models import Document

from tests.conftest import member_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/admin/api/main/images/", "/admin/api/main/documents/"]


@pytest.fixture
def media(home):
    wagtail_factories.ImageFactory(title="Private scan")
    Document.objects.create(title="Internal rota", file="documents/rota.pdf")


@pytest.mark.parametrize("url", ENDPOINTS)
def test_a_directory_manager_is_shown_no_images_or_documents(client, media, url):
    client.force_login(member_of("Directory managers"))
    response = client.get(url)
    assert response.status_code in (200, 403)
    if response.status_code == 200:
        assert response.json()["meta"]["total_count"] == 0
        assert response.json()["items"] == []


@pytest.mark.parametrize("url", ENDPOINTS)
def test_those_who_may_use_them_still_see_them(client, media, url):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 1

"""The directory panel shows directory managers the listings and submissions waiting for them."""

import datetime
import re

import pytest

from django.urls import reverse
from django.utils import timezone

from help_contacts.models import Consultant, ListingSource, ProblemKind, ProblemReport
from tests.conftest import member_of


def listing(name, **fields):
    values = {
        "slug": re.sub(r"\W+", "-", name.lower()),
        "credentials": ["ibclc"],
        "city": "London",
        "country": "GB",
        "latitude": 51.5074,
        "longitude": -0.1278,
        "languages": ["en"],
        "services": ["clinic"],
        "costs": ["private-fee"],
        "specialties": [],
        "live": True,
        "last_verified": timezone.localdate(),
    }
    values.update(fields)
    return Consultant.objects.create(name=name, **values)


def directory_panel(response):
    html = response.content.decode()
    start = html.find('id="directory-waiting')
    if start == -1:
        return None
    return re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start : html.find("</section>", start)])
    )


@pytest.fixture
def directory_work(db):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    stale = listing("Stale Listing", last_verified=long_ago)
    listing("Never Verified", last_verified=None)
    listing("Fresh Listing")
    listing("Hidden Stale Draft", last_verified=long_ago, live=False)
    suggestion = listing("Suggested Person", live=False, source=ListingSource.SUGGESTION)
    report = ProblemReport.objects.create(consultant=stale, kind=ProblemKind.PHONE)
    ProblemReport.objects.create(consultant=stale, kind=ProblemKind.CLOSED, resolved=True)
    return {"stale": stale, "suggestion": suggestion, "report": report}


def test_directory_manager_sees_exactly_the_work_waiting(client, directory_work):
    client.force_login(member_of("Directory managers"))
    response = client.get(reverse("wagtailadmin_home"))
    panel = directory_panel(response)
    # The credentials queue (tested in tests/help_contacts/test_credentials.py) comes last.
    panel = panel[: panel.index("to check against the register")]
    assert "2 listings not verified for 12 months" in panel
    assert "Stale Listing" in panel
    assert "Never Verified" in panel
    assert "Fresh Listing" not in panel
    assert "Hidden Stale Draft" not in panel
    assert "1 suggested listing waiting" in panel
    assert "Suggested Person" in panel
    assert "1 problem report waiting" in panel
    assert "The phone number or email is wrong" in panel
    assert "They have closed or moved" not in panel

    html = response.content.decode()
    edit = "wagtailsnippets_help_contacts_consultant:edit"
    assert reverse(edit, args=[directory_work["suggestion"].pk]) in html
    report_edit = "wagtailsnippets_help_contacts_problemreport:edit"
    assert reverse(report_edit, args=[directory_work["report"].pk]) in html


def test_directory_manager_can_open_what_the_panel_links_to(client, directory_work):
    client.force_login(member_of("Directory managers"))
    for url in (
        reverse("wagtailsnippets_help_contacts_consultant:edit", args=[directory_work["stale"].pk]),
        reverse(
            "wagtailsnippets_help_contacts_problemreport:edit", args=[directory_work["report"].pk]
        ),
        reverse("wagtailsnippets_help_contacts_consultant:list") + "?not_verified=true",
    ):
        assert client.get(url).status_code == 200, url


def test_editors_and_reviewers_do_not_see_the_directory_panel(client, directory_work):
    for group in ("Editors", "Medical reviewers"):
        client.force_login(member_of(group))
        assert directory_panel(client.get(reverse("wagtailadmin_home"))) is None, group
        listing_url = reverse("wagtailsnippets_help_contacts_consultant:list")
        assert client.get(listing_url).status_code == 302, group

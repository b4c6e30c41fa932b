"""Demo directory content: fictional, labelled, and safe to load again."""

import io

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command

from help_contacts.data.choices import ContactKind
from help_contacts.demo import load_directory_demo
from help_contacts.models import Consultant, DirectoryPage, ListingSource, SupportContact

pytestmark = pytest.mark.django_db


def test_demo_creates_directory_page_helplines_and_labelled_listings(home):
    page = load_directory_demo(
        home=home, listings=50, log=lambda message: None, stream=io.StringIO()
    )
    home.refresh_from_db()
    assert page.slug == "find-support" and page.live
    assert home.support_page_id == page.pk
    listings = Consultant.objects.all()
    assert listings.count() == 50
    # Every state can be tried: IBCLCs checked on the register (the "IBCLC only" filter finds
    # them), unchecked credentials, and listings fresh and stale.
    assert Consultant.objects.verified_ibclc().exists()
    assert listings.filter(credential_verified_on__isnull=True).exists()
    assert Consultant.objects.not_verified_for().exists()
    assert Consultant.objects.verified_within().exists()
    assert all(
        listing.source == ListingSource.DEMO and listing.live and "(demo)" in listing.practice_name
        and listing.bio.startswith("Demo listing")
        for listing in listings
    )  # fmt: skip
    assert {listing.country for listing in listings} > {"US"}
    assert all(
        -90 <= listing.latitude <= 90 and -180 <= listing.longitude <= 180 for listing in listings
    )
    assert all(
        listing.home_visit_radius_km for listing in listings if "home-visits" in listing.services
    )
    # The helplines are real ones, each with a number, the region it serves and its source.
    helplines = SupportContact.objects.filter(kind=ContactKind.HELPLINE)
    assert {(h.name, h.region) for h in helplines} == {
        ("National Breastfeeding Helpline", "uk"),
        ("National Maternal Mental Health Hotline", "us"),
        ("PlunketLine", "nz"),
        ("Healthline", "nz"),
        ("healthdirect", "au"),
    }
    assert all(h.phone and h.source_url.startswith("https://") for h in helplines)
    assert not any("demo" in h.name.lower() for h in helplines)


def test_loading_the_demo_again_removes_the_fictional_helplines_of_earlier_versions(home):
    SupportContact.objects.create(
        kind=ContactKind.HELPLINE, name="Example breastfeeding helpline (demo)", summary="x",
        when_to_contact="<p>x</p>", live=True,
    )  # fmt: skip
    load_directory_demo(home=home, listings=0, log=lambda message: None, stream=io.StringIO())
    assert not SupportContact.objects.filter(name__contains="(demo)").exists()


def test_demo_is_idempotent_and_tops_up(home):
    quiet = {"log": lambda message: None, "stream": io.StringIO()}
    load_directory_demo(home=home, listings=20, **quiet)
    first = dict(Consultant.objects.values_list("slug", "name"))
    load_directory_demo(home=home, listings=20, **quiet)
    assert dict(Consultant.objects.values_list("slug", "name")) == first
    load_directory_demo(home=home, listings=30, **quiet)
    assert Consultant.objects.count() == 30
    assert DirectoryPage.objects.count() == 1
    assert SupportContact.objects.filter(kind=ContactKind.HELPLINE).count() == 5


def test_progress_bar_is_quiet_when_not_a_terminal(demo_site):
    out = io.StringIO()
    call_command("load_demo_content", "--listings", "10", stdout=out)
    assert "[#" not in out.getvalue()
    assert Consultant.objects.count() == 10


@pytest.mark.parametrize(
    ("region", "shown", "number", "not_shown"),
    [
        ("nz", "PlunketLine", "0800 933 922", "National Breastfeeding Helpline"),
        ("nz", "Healthline", "0800 611 116", "healthdirect"),
        ("au", "healthdirect", "1800 022 222", "PlunketLine"),
        ("uk", "National Breastfeeding Helpline", "0300 100 0212", "healthdirect"),
    ],
)
def test_each_regions_card_lists_its_own_real_helplines(
    home, client, region, shown, number, not_shown
):
    load_directory_demo(home=home, listings=0, log=lambda message: None, stream=io.StringIO())
    card = BeautifulSoup(client.get(f"/?region={region}").content.decode(), "html.parser").find(
        id="get-help-now"
    )
    text = " ".join(card.get_text(" ").split())
    assert f"{shown} : {number}" in text or f"{shown}: {number}" in text
    assert not_shown not in text
    assert card.find("a", href=f"tel:{number.replace(' ', '')}")

"""A referral worker picks up to three listings and gets a sheet to print or share; its
whole state is the URL."""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Site

from core.models import SiteSettings
from tests.conftest import visible_text
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

URL = "/find-support/"
SHEET = "/find-support/referral-sheet/"


@pytest.fixture
def urgent_notice(home):
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.urgent_care_notice = "<p>Your baby has fewer wet nappies.</p>"
    settings_obj.save()


def test_results_offer_a_referral_sheet_carrying_the_search(client, directory, places):
    nadia = ConsultantFactory(name="Near Nadia")
    soup = BeautifulSoup(
        client.get(URL, {"location": "London, UK", "radius": "10"}).content, "html.parser"
    )
    form = soup.find("form", id="referral-form")
    assert form["action"] == SHEET and form["method"] == "get"
    hidden = {field["name"]: field["value"] for field in form.find_all("input", type="hidden")}
    assert hidden == {"location": "London, UK", "radius": "10"}
    box = soup.find("input", attrs={"name": "pick", "value": str(nadia.pk)})
    assert box["form"] == "referral-form"
    assert soup.find("label", attrs={"for": box["id"]}) is not None


def test_sheet_lists_the_picked_contacts_the_urgent_card_and_the_search(
    client, directory, places, urgent_notice, django_assert_max_num_queries
):
    ada = ConsultantFactory(name="Ada Abbott", phone="020 7946 0001", costs=["nhs"])
    bea = ConsultantFactory(name="Bea Brennan", email="bea@example.org")
    ConsultantFactory(name="Not Picked")
    params = {"pick": [ada.pk, bea.pk], "location": "London, UK", "radius": "25"}
    # A fixed number, however many are picked. On this cold cache that includes the warning
    # signs of the get-help-now card (the site's, then the region's when the site has none)
    # and which countries' postcodes the gazetteer holds.
    with django_assert_max_num_queries(15):
        response = client.get(SHEET, params)
    assert response.status_code == 200
    text = visible_text(response)
    assert "Ada Abbott" in text and "020 7946 0001" in text and "NHS (free)" in text
    assert "Bea Brennan" in text and "bea@example.org" in text
    assert "Not Picked" not in text
    assert "Your baby has fewer wet nappies." in text
    assert "Found by searching within 25 km of London, United Kingdom." in text
    assert "Last checked" in text
    assert 'name="robots" content="noindex"' in response.content.decode()
    assert text.index("Ada Abbott") < text.index("Bea Brennan")


@pytest.mark.parametrize(
    ("picks", "message"),
    [
        ([], "Tick at least one listing for the referral sheet."),
        (["abc"], "not in the directory any more"),
        (["999999"], "not in the directory any more"),
        ("four", "A referral sheet holds at most 3 listings"),
    ],
)
def test_a_sheet_that_cannot_be_made_says_why_with_a_400(client, directory, picks, message):
    if picks == "four":
        picks = [ConsultantFactory().pk for _ in range(4)]
    response = client.get(SHEET, {"pick": picks})
    assert response.status_code == 400
    assert message in visible_text(response)


def test_an_unpublished_listing_cannot_be_put_on_a_sheet(client, directory):
    hidden = ConsultantFactory(live=False)
    assert client.get(SHEET, {"pick": hidden.pk}).status_code == 400


def test_too_many_ticks_lead_back_to_the_results_with_the_ticks_kept(client, directory, places):
    people = [ConsultantFactory(name=f"Person {n}") for n in range(4)]
    picks = [person.pk for person in people]
    sheet = client.get(SHEET, {"pick": picks, "location": "London, UK", "radius": "10"})
    assert sheet.status_code == 400
    assert "A referral sheet holds at most 3 listings: untick some." in visible_text(sheet)
    soup = BeautifulSoup(sheet.content, "html.parser")
    back = soup.find("a", string="Back to the directory to choose again")["href"]
    results = client.get(back)
    assert results.status_code == 200
    boxes = BeautifulSoup(results.content, "html.parser").find_all("input", attrs={"name": "pick"})
    assert {int(box["value"]) for box in boxes if box.has_attr("checked")} == set(picks)
    # With JavaScript the form stops a fourth tick before it is sent; it says how many.
    form = BeautifulSoup(results.content, "html.parser").find("form", id="referral-form")
    assert form["data-max-picks"] == "3"

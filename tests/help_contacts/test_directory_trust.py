"""What a parent can rely on in the directory: when each listing was checked, whether its
availability still stands, whose credentials were checked, and pages that say what they show."""

import datetime

import pytest
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta

from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from help_contacts.models import Consultant
from tests.conftest import visible_text
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

URL = "/find-support/"
API = "/api/v1/directory/"
STALE_AGE = relativedelta(months=20)
LONDON = {"location": "London, UK"}


def cards(response):
    """Each result card's text, in the order shown."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [" ".join(item.get_text(" ").split()) for item in soup.select("li.listing")]


def long_date(day):
    return date_format(day, "j F Y")


# Freshness -----------------------------------------------------------------------------


def test_every_card_says_when_it_was_checked(client, directory, places, today):
    ConsultantFactory(name="Fresh Fiona", last_verified=today - datetime.timedelta(days=3))
    ConsultantFactory(name="Unchecked Una", last_verified=None, latitude=51.52)
    fresh, unchecked = cards(client.get(URL, LONDON))
    assert "Fresh Fiona" in fresh
    assert f"Last checked {long_date(today - datetime.timedelta(days=3))}" in fresh
    assert "Unchecked Una" in unchecked and "Not yet checked with them" in unchecked


def test_stale_listing_does_not_claim_to_accept_new_clients(
    client, directory, places, settings, today
):
    settings.DIRECTORY_STALE_AFTER_MONTHS = 12
    ConsultantFactory(name="Old Olive", last_verified=today - STALE_AGE, accepting_new_clients=True)
    (card,) = cards(client.get(URL, LONDON))
    assert "Accepting new clients" not in card
    assert f"May have changed: last checked {long_date(today - STALE_AGE)}" in card


def test_the_staleness_period_is_the_setting(client, directory, places, settings, today):
    ConsultantFactory(last_verified=today - relativedelta(months=8))
    settings.DIRECTORY_STALE_AFTER_MONTHS = 12
    assert "Accepting new clients" in cards(client.get(URL, LONDON))[0]
    settings.DIRECTORY_STALE_AFTER_MONTHS = 6
    assert "May have changed" in cards(client.get(URL, LONDON))[0]


def test_at_equal_distance_fresh_listings_come_before_stale_ones(client, directory, places, today):
    # Two at one point, as listings geocoded from the same town's name are.
    ConsultantFactory(name="Aaron Stale", last_verified=today - STALE_AGE, latitude=51.52)
    ConsultantFactory(name="Zoe Fresh", last_verified=today, latitude=51.52)
    ConsultantFactory(name="Nearer Stale", last_verified=None, latitude=51.5074)
    names = [
        card.split(" ")[0] + " " + card.split(" ")[1] for card in cards(client.get(URL, LONDON))
    ]
    assert names == ["Nearer Stale", "Zoe Fresh", "Aaron Stale"], "distance still comes first"
    api_names = [item["name"] for item in client.get(API, LONDON).json()["results"]]
    assert api_names == names


def test_listing_page_hedges_a_stale_availability(client, directory, today):
    ConsultantFactory(slug="olive", last_verified=today - STALE_AGE, accepting_new_clients=True)
    ConsultantFactory(slug="fiona", last_verified=today, accepting_new_clients=True)
    stale = visible_text(client.get(f"{URL}olive/"))
    assert "Accepting new clients" not in stale
    assert f"May have changed: last checked {long_date(today - STALE_AGE)}" in stale
    fresh = visible_text(client.get(f"{URL}fiona/"))
    assert "Accepting new clients" in fresh and f"Last checked {long_date(today)}" in fresh


def test_api_carries_the_dates_and_staleness(client, directory, places, today):
    ConsultantFactory(
        last_verified=today - STALE_AGE,
        credential_number="L-12345",
        credential_verified_on=today - datetime.timedelta(days=10),
        recertification_due=today + relativedelta(years=2),
    )
    (item,) = client.get(API, LONDON).json()["results"]
    assert item["last_verified"] == (today - STALE_AGE).isoformat()
    assert item["stale"] is True
    assert item["credential_number"] == "L-12345"
    assert item["credential_verified_on"] == (today - datetime.timedelta(days=10)).isoformat()
    assert item["recertification_due"] == (today + relativedelta(years=2)).isoformat()
    assert item["verified_ibclc"] is True


# Credentials ---------------------------------------------------------------------------


def test_unchecked_credentials_are_labelled_self_reported(client, directory, places, today):
    ConsultantFactory(name="Self Sam", credentials=["ibclc"], credential_verified_on=None)
    ConsultantFactory(
        name="Checked Chloe",
        credentials=["ibclc"],
        credential_verified_on=today - datetime.timedelta(days=2),
        latitude=51.52,
    )
    sam, chloe = cards(client.get(URL, LONDON))
    assert "Self-reported: not yet checked against a register" in sam
    day = long_date(today - datetime.timedelta(days=2))
    assert f"Checked against the public register on {day}" in chloe


def test_ibclc_only_shows_ibclcs_checked_and_not_past_recertification(
    client, directory, places, today
):
    checked = {"credential_verified_on": today - datetime.timedelta(days=30)}
    ConsultantFactory(name="Checked Chloe", credentials=["ibclc"], **checked)
    ConsultantFactory(name="Self Sam", credentials=["ibclc"])
    ConsultantFactory(name="Counsellor Cat", credentials=["counsellor"], **checked)
    ConsultantFactory(
        name="Lapsed Lena",
        credentials=["ibclc"],
        recertification_due=today - datetime.timedelta(days=1),
        **checked,
    )
    ConsultantFactory(
        name="Renewed Rita",
        credentials=["clc", "ibclc"],
        recertification_due=today,
        **checked,
    )
    everyone = client.get(API, LONDON).json()
    assert everyone["count"] == 5
    only = client.get(API, {**LONDON, "ibclc": "1"}).json()
    assert sorted(item["name"] for item in only["results"]) == ["Checked Chloe", "Renewed Rita"]
    page = client.get(URL, {**LONDON, "ibclc": "1"})
    assert [card.split(" IBCLC")[0].split(" CLC")[0] for card in cards(page)] == [
        "Checked Chloe",
        "Renewed Rita",
    ]
    assert client.get(API, {**LONDON, "ibclc": "perhaps"}).status_code == 400


# Home visits ---------------------------------------------------------------------------


def test_home_visit_wording_says_whether_she_reaches_the_parent(client, directory, places):
    # London's centre is 51.5074; one degree of latitude is about 111 km.
    ConsultantFactory(
        name="Reaching Rosa",
        services=["home-visits", "clinic"],
        home_visit_radius_km=30,
        latitude=51.60,
    )
    ConsultantFactory(
        name="Short Sue",
        services=["home-visits"],
        home_visit_radius_km=5,
        latitude=51.65,
    )
    rosa, sue = cards(client.get(URL, LONDON))
    assert "Visits homes up to 30 km away, including where you searched" in rosa
    assert "Clinic appointments" in rosa
    assert "Visits homes up to 5 km away, which does not reach where you searched" in sue
    assert "Visits your area" not in sue


# Pages beyond the end -------------------------------------------------------------------


def test_a_page_past_the_end_is_refused_on_page_and_api_alike(client, directory, places):
    for index in range(21):
        ConsultantFactory(name=f"Listing {index:02d}", latitude=51.5 + index / 1000)
    assert len(cards(client.get(URL, {**LONDON, "page": "2"}))) == 1
    page = client.get(URL, {**LONDON, "page": "3"})
    api = client.get(API, {**LONDON, "page": "3"})
    assert page.status_code == 400  # the form, with its message and a way on
    assert api.status_code == 404  # for a client: that page does not exist
    message = "There is no page 3 of these results: they end at page 2."
    assert message in visible_text(page)
    assert api.json()["errors"]["page"] == [message]
    assert not cards(page), "no other page is passed off as page 3"
    soup = BeautifulSoup(page.content.decode(), "html.parser")
    link = soup.find("a", string="Go to the last page")
    assert link is not None and "page=2" in link["href"]


# Privacy -------------------------------------------------------------------------------


def test_a_precise_position_is_redirected_to_one_rounded_to_about_100_m(client, directory):
    response = client.get(URL, {"lat": "51.507412", "lon": "-0.127758", "radius": "10"})
    assert response.status_code == 302
    assert "lat=51.507" in response["Location"] and "lon=-0.128" in response["Location"]
    assert "51.5074" not in response["Location"]
    assert client.get(response["Location"]).status_code == 200


def test_a_rounded_position_is_searched_without_a_redirect(client, directory):
    ConsultantFactory(name="Near Nadia", latitude=51.51)
    response = client.get(URL, {"lat": "51.507", "lon": "-0.128"})
    assert response.status_code == 200
    assert "Near Nadia" in visible_text(response)


def test_the_api_searches_from_the_rounded_position(client, directory):
    data = client.get(API, {"lat": "51.507412", "lon": "-0.127758"}).json()
    assert data["location"]["lat"] == 51.507 and data["location"]["lon"] == -0.128


# A phone-sized page ---------------------------------------------------------------------


def test_after_a_search_the_form_folds_into_a_summary_above_the_results(client, directory, places):
    ConsultantFactory(name="Near Nadia")
    html = client.get(URL, LONDON).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    summary = soup.select_one("details.search-summary")
    assert summary is not None and not summary.has_attr("open")
    assert "Change search" in summary.summary.get_text()
    assert summary.find("form") is not None
    assert html.index("search-summary") < html.index("Near Nadia")
    # Before a search the form stands open, with nothing folded.
    assert (
        BeautifulSoup(client.get(URL).content, "html.parser").select_one("details.search-summary")
        is None
    )


# Help by video or phone ------------------------------------------------------------------

SPRINGFIELD = {"location": "Springfield, MO", "radius": "100"}


def remote_names(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "remote-heading"})
    if section is None:
        return []
    return [name.get_text(strip=True) for name in section.select(".listing__name")]


def test_nobody_near_still_finds_who_helps_by_video_in_the_state(client, directory, places):
    # Kansas City, MO (about 220 km away) and Chicago, IL: neither within 100 km.
    kansas = {"latitude": 39.0997, "longitude": -94.5786, "country": "US"}
    ConsultantFactory(name="Video Vera", services=["video"], remote_regions=["US-MO"], **kansas)
    ConsultantFactory(name="Phone Pat", services=["phone"], remote_regions=["US"], **kansas)
    ConsultantFactory(name="Anywhere Ann", services=["video"], remote_regions=["*"], **kansas)
    ConsultantFactory(
        name="Illinois Ida",
        services=["video"],
        remote_regions=["US-IL"],
        latitude=41.8781,
        longitude=-87.6298,
    )
    ConsultantFactory(name="Clinic Cleo", services=["clinic"], remote_regions=[], **kansas)
    response = client.get(URL, {**SPRINGFIELD, "service": "video"})
    text = visible_text(response)
    assert "0 listings within 100 km of Springfield, Missouri" in text
    assert "Can help by video or phone where you are" in text
    assert sorted(remote_names(response)) == ["Anywhere Ann", "Phone Pat", "Video Vera"]
    data = client.get(API, {**SPRINGFIELD, "service": "video"}).json()
    assert data["count"] == 0
    assert [item["name"] for item in data["remote"]] == remote_names(response)
    # Video first, because video was asked for; then the freshest.
    assert data["remote"][-1]["name"] == "Phone Pat"


def test_remote_helpers_rank_fresh_before_stale(client, directory, places, today):
    kansas = {"latitude": 39.0997, "longitude": -94.5786, "services": ["video"]}
    ConsultantFactory(
        name="Old Olga", remote_regions=["US"], last_verified=today - STALE_AGE, **kansas
    )
    ConsultantFactory(name="New Nora", remote_regions=["US"], last_verified=today, **kansas)
    assert remote_names(client.get(URL, SPRINGFIELD)) == ["New Nora", "Old Olga"]


def test_remote_helpers_follow_the_filters(client, directory, places):
    kansas = {"latitude": 39.0997, "longitude": -94.5786, "services": ["video"]}
    ConsultantFactory(name="Spanish Sol", languages=["es"], remote_regions=["US"], **kansas)
    ConsultantFactory(name="English Eve", languages=["en"], remote_regions=["US"], **kansas)
    assert remote_names(client.get(URL, {**SPRINGFIELD, "language": "es"})) == ["Spanish Sol"]


def test_someone_nearby_is_not_listed_twice(client, directory, places):
    ConsultantFactory(
        name="Local Lou",
        services=["video", "clinic"],
        remote_regions=["US-MO"],
        latitude=37.22,
        longitude=-93.30,
    )
    response = client.get(URL, SPRINGFIELD)
    assert "Local Lou" in visible_text(response)
    assert remote_names(response) == []


def test_a_position_finds_its_region_from_the_nearest_town(client, directory, places):
    ConsultantFactory(
        name="Video Vera",
        services=["video"],
        remote_regions=["US-MO"],
        latitude=39.0997,
        longitude=-94.5786,
    )
    data = client.get(API, {"lat": "37.3", "lon": "-93.3", "radius": "25"}).json()
    assert [item["name"] for item in data["remote"]] == ["Video Vera"]
    far = client.get(API, {"lat": "10.0", "lon": "-40.0", "radius": "25"}).json()
    assert far["remote"] == []


def test_remote_regions_need_video_or_phone_and_known_codes(db):
    listing = ConsultantFactory.build(services=["clinic"], remote_regions=["US"])
    with pytest.raises(ValidationError) as error:
        listing.full_clean()
    assert "remote_regions" in error.value.message_dict
    listing = ConsultantFactory.build(services=["video"], remote_regions=["Missouri"])
    with pytest.raises(ValidationError) as error:
        listing.full_clean()
    assert "remote_regions" in error.value.message_dict


def test_region_codes_are_typed_as_text_in_the_admin_form():
    field = Consultant._meta.get_field("remote_regions").formfield()
    assert field.clean("us-mo, US-KS  gb") == ["US-MO", "US-KS", "GB"]
    assert field.prepare_value(["US-MO", "GB"]) == "US-MO, GB"
    with pytest.raises(ValidationError):
        field.clean("Missouri")


# Conditional requests on the APIs ----------------------------------------------------------


@pytest.mark.parametrize("url", [API, "/api/v1/hsds/services/"])
def test_apis_answer_head_and_conditional_requests(client, directory, places, url):
    ConsultantFactory()
    first = client.get(url, LONDON)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    head = client.head(url, LONDON)
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == first["ETag"]
    again = client.get(url, LONDON, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, LONDON, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    ConsultantFactory(name="Someone New", latitude=51.51)
    changed = client.get(url, LONDON, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Someone New" in changed.content.decode()
    assert client.post(url, LONDON).status_code == 405


def test_hsds_page_past_the_end_says_where_the_results_end(client, directory):
    ConsultantFactory()
    response = client.get("/api/v1/hsds/services/", {"page": "4"})
    assert response.status_code == 404
    assert response.json()["errors"]["page"] == [
        "There is no page 4 of these results: they end at page 1."
    ]


# Ways of paying -------------------------------------------------------------------------


def test_parents_filter_on_how_they_can_pay_and_cards_name_the_plans(client, directory, places):
    ConsultantFactory(name="Medicaid Mia", costs=["medicaid"])
    ConsultantFactory(
        name="Plans Paula", costs=["insurance", "sliding-scale"], insurance_plans="Aetna, Cigna"
    )
    ConsultantFactory(name="NHS Nell", costs=["nhs"])
    ConsultantFactory(name="Fee Fay", costs=["private-fee"])
    found = client.get(API, {**LONDON, "cost": ["medicaid", "nhs"]}).json()
    assert sorted(item["name"] for item in found["results"]) == ["Medicaid Mia", "NHS Nell"]
    (paula,) = client.get(API, {**LONDON, "cost": "insurance"}).json()["results"]
    assert paula["costs"] == ["insurance", "sliding-scale"]
    assert paula["insurance_plans"] == "Aetna, Cigna"
    (card,) = cards(client.get(URL, {**LONDON, "cost": "insurance"}))
    assert "Sliding scale; Named insurance plans: Aetna, Cigna" in card
    (nell,) = cards(client.get(URL, {**LONDON, "cost": "nhs"}))
    assert "NHS (free)" in nell
    assert client.get(API, {**LONDON, "cost": "medicare"}).status_code == 400


def test_named_plans_need_the_named_plans_cost(db):
    listing = ConsultantFactory.build(costs=["private-fee"], insurance_plans="Aetna")
    with pytest.raises(ValidationError) as error:
        listing.full_clean()
    assert "insurance_plans" in error.value.message_dict

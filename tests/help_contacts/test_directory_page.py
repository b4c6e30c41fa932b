"""The public directory page and the listing pages, as a parent sees them."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail.models import Site

from core.models import SiteSettings
from help_contacts.data.choices import ContactKind
from tests.factories import ConsultantFactory, SupportContactFactory, complete_listing

pytestmark = pytest.mark.django_db

URL = "/find-support/"


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_empty_directory_page_shows_the_search_form_and_no_errors(client, directory):
    response = client.get(URL)
    assert response.status_code == 200
    html = text_of(response)
    assert 'name="location"' in html and "Use my location" in html
    assert "errorlist" not in html
    for radius in (5, 10, 25, 50, 100):
        assert f'<option value="{radius}"' in html


def test_search_by_place_lists_nearest_first_with_distance_in_km_and_miles(
    client, directory, places
):
    ConsultantFactory(name="Far Farrah", latitude=51.60, longitude=-0.1278)
    ConsultantFactory(
        name="Near Nadia", latitude=51.51, longitude=-0.1278, phone="+44 20 7946 0123",
        website="https://example.org/nadia",
    )  # fmt: skip
    html = text_of(client.get(URL, {"location": "London, UK"}))
    assert "2 listings within 25 km of London, United Kingdom" in html
    assert html.index("Near Nadia") < html.index("Far Farrah")
    assert "0.3 km (0.2 mi) away" in html
    assert 'href="tel:+442079460123"' in html
    assert "Directions" in html and "Accepting new clients" in html
    assert 'href="/find-support/' in html


def test_default_radius_is_25_km(client, directory, places):
    html = text_of(client.get(URL, {"location": "London, UK"}))
    assert '<option value="25" selected>' in html


def test_ambiguous_place_says_which_one_was_used_and_offers_the_others(client, directory, places):
    html = text_of(client.get(URL, {"location": "Springfield", "radius": "50"}))
    assert "Springfield, Missouri, United States" in html
    # One line (a <details>), so the first result stays in a phone's first screen.
    assert "Not this Springfield? 1 other" in html
    assert "location=Springfield%2C+Illinois%2C+United+States" in html
    assert "radius=50" in html


def test_unknown_place_is_a_clear_message_on_the_location_field(client, directory, places):
    response = client.get(URL, {"location": "Atlantis"})
    assert response.status_code == 400
    html = text_of(response)
    assert "We could not find “Atlantis”" in html
    assert 'id="id_location_error"' in html
    assert re.search(r'<input[^>]*aria-describedby="id_location_helptext id_location_error"', html)


def test_bad_parameters_are_a_400_with_the_form_and_its_messages(client, directory, places):
    response = client.get(URL, {"location": "London, UK", "radius": "7", "lat": "abc"})
    assert response.status_code == 400
    html = text_of(response)
    assert 'id="id_radius_error"' in html
    assert "<form" in html


def test_valid_search_is_a_200(client, directory, places):
    assert client.get(URL, {"location": "London, UK"}).status_code == 200


def test_no_results_offers_a_wider_radius_and_helplines(client, directory, places):
    SupportContactFactory(name="Feeding Helpline", kind=ContactKind.HELPLINE)
    SupportContactFactory(name="Not a helpline", kind=ContactKind.MIDWIFE)
    html = text_of(client.get(URL, {"location": "London, UK", "radius": "10", "cost": "free"}))
    assert "We have no listings within 10 km of London, United Kingdom" in html
    assert "Search within 25 km instead" in html
    assert re.search(r'href="\?[^"]*radius=25', html)
    assert "cost=free" in html
    assert "Feeding Helpline" in html and "Not a helpline" not in html


def test_results_are_paginated_by_twenty_keeping_the_query(client, directory, places):
    for index in range(45):
        ConsultantFactory(name=f"Listing {index:02d}", latitude=51.5 + index / 1000)
    response = client.get(URL, {"location": "London, UK", "service": "clinic", "page": "2"})
    html = text_of(response)
    assert html.count('class="listing"') == 20
    assert "Page 2 of 3" in html
    assert "location=London%2C+UK&amp;service=clinic&amp;page=3" in html
    assert html.count('class="listing"') == 20
    last = text_of(client.get(URL, {"location": "London, UK", "page": "3"}))
    assert last.count('class="listing"') == 5


def test_get_help_now_card_and_explainer_are_shown(client, directory, home, places):
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.urgent_care_notice = "<p>Your baby has fewer wet nappies.</p>"
    settings_obj.save()
    html = text_of(client.get(URL, {"location": "London, UK"}))
    assert "Your baby has fewer wet nappies." in html
    assert "IBCLCs are certified lactation consultants" in html


def test_home_visitor_is_marked_visits_your_area(client, directory, places):
    ConsultantFactory(
        name="Visiting Vera", latitude=51.5074, longitude=0.3, services=["home-visits"],
        home_visit_radius_km=40,
    )  # fmt: skip
    html = text_of(client.get(URL, {"location": "London, UK", "radius": "5"}))
    assert "Visiting Vera" in html and "Visits your area" in html


def test_demo_listing_is_labelled(client, directory, places):
    ConsultantFactory(source="demo", slug="demo-listing-1")
    assert "Demo listing" in text_of(client.get(URL, {"location": "London, UK"}))
    assert "Demo listing" in text_of(client.get(URL + "demo-listing-1/"))


def test_geolocation_coordinates_search_from_your_location(client, directory):
    ConsultantFactory(name="Near Nadia")
    html = text_of(client.get(URL, {"lat": "51.5", "lon": "-0.12"}))
    assert "1 listing within 25 km of your location" in html


def test_listing_page_shows_details_json_ld_and_report_link(client, directory):
    listing = ConsultantFactory(
        name="Zofia Novak", slug="zofia-novak-leeds", city="Leeds", languages=["pl", "en"],
        services=["home-visits"], home_visit_radius_km=20, last_verified=timezone.localdate(),
        bio="Helps with <b>latch</b>.",
    )  # fmt: skip
    response = client.get(f"{URL}{listing.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Zofia Novak</h1>" in html
    assert "Polish, English" in html or "English, Polish" in html
    assert "&lt;b&gt;latch&lt;/b&gt;" in html
    assert f'href="{URL}{listing.slug}/report/"' in html
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@context"] == "https://schema.org"
    assert data["employee"]["name"] == "Zofia Novak"
    assert data["address"]["addressLocality"] == "Leeds"
    assert data["areaServed"]["geoRadius"] == 20000
    assert data["url"] == f"http://testserver{URL}{listing.slug}/"


def test_unknown_or_unpublished_listing_is_not_found(client, directory):
    ConsultantFactory(slug="draft-listing", live=False)
    assert client.get(f"{URL}draft-listing/").status_code == 404
    assert client.get(f"{URL}no-such-listing/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [URL, f"{URL}?location=London,+UK", f"{URL}listed/", f"{URL}suggest-a-listing/",
     f"{URL}listed/report/"],
)  # fmt: skip
def test_public_directory_pages_have_no_inline_scripts_styles_or_handlers(
    client, directory, places, path
):
    ConsultantFactory(slug="listed")
    html = client.get(path).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/ld+json"' in tag, tag
    assert not re.search(r"<script(?![^>]*type=\"application/ld\+json\")[^>]*>\s*[^<\s]", html)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "<style" not in html


def test_nothing_third_party_is_loaded_by_the_page_itself(client, directory, places):
    ConsultantFactory()
    html = client.get(URL, {"location": "London, UK"}).content.decode()
    for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
        # Only plain links (websites, directions) may point elsewhere, never loaded assets.
        assert not re.search(rf'<(script|link|img|iframe)[^>]*"{re.escape(url)}"', html)
    assert "tile.openstreetmap.org" in html  # only as a data attribute for the map script


def test_query_count_does_not_grow_with_results(
    client, directory, places, django_assert_max_num_queries
):
    ConsultantFactory()
    # Warm the caches; the first request creates the site settings, which clears them.
    for _ in range(2):
        client.get(URL, {"location": "London, UK"})
    # Routing (the directory by slug, then its own row), the place, the ranking, the
    # page's listings, who helps by video or phone in the region and, as so few are near,
    # the helplines: site, home page, settings, menu, view restrictions and the longest
    # home-visit reach are cached. The ranking and the video-and-phone helpers run in one
    # transaction that tells PostgreSQL to walk their indexes (begin, the setting, end).
    with django_assert_max_num_queries(10) as few:
        client.get(URL, {"location": "London, UK"})
    budget = len(few.captured_queries)  # read now: the next request starts a new query log
    for index in range(40):
        ConsultantFactory(latitude=51.5 + index / 1000)
    client.get(URL, {"location": "London, UK"})  # the new listings cleared the cached reach
    with django_assert_max_num_queries(budget):
        response = client.get(URL, {"location": "London, UK"})
    assert response.content.decode().count('class="listing"') == 20


def test_factor_page_links_to_the_directory_with_its_specialty(client, directory, factor_index):
    from tests.factories import FactorPageFactory

    factor = FactorPageFactory(parent=factor_index, slug="prematurity", specialty="premature")
    html = text_of(client.get(factor.url))
    assert "Find a consultant experienced with this near you" in html
    assert 'href="/find-support/?specialty=premature"' in html
    directory_html = text_of(client.get("/find-support/", {"specialty": "premature"}))
    assert re.search(r'<input[^>]*value="premature"[^>]*checked', directory_html)
    assert "errorlist" not in directory_html


def test_factor_page_without_specialty_has_no_directory_link(client, directory, factor_index):
    from tests.factories import FactorPageFactory

    factor = FactorPageFactory(parent=factor_index, slug="stress", specialty="")
    assert "Find a consultant experienced" not in text_of(client.get(factor.url))


def test_filters_stay_folded_away_unless_one_is_set(client, directory, places):
    blank_form = {"location": "London, UK", "language": "", "q": "", "lat": "", "lon": ""}
    assert 'filters" open' not in text_of(client.get(URL, blank_form))
    assert 'filters" open' in text_of(client.get(URL, {**blank_form, "language": "pl"}))


def test_result_cards_escape_what_listings_say(client, directory, places):
    ConsultantFactory(
        name="Ana <b>& Co</b>", latitude=51.51, longitude=-0.1278, phone="+44 20 <7946>",
        website="https://example.org/ana",
    )  # fmt: skip
    html = client.get(URL, {"location": "London, UK"}).content.decode()
    assert "<b>" not in html
    assert 'data-name="Ana &lt;b&gt;&amp; Co&lt;/b&gt;"' in html
    assert "of Ana &lt;b&gt;&amp; Co&lt;/b&gt;</span>" in html
    assert "to Ana &lt;b&gt;&amp; Co&lt;/b&gt;</span>" in html
    assert "Call +44 20 &lt;7946&gt;</a>" in html


def test_a_bad_page_number_is_explained_on_the_page(client, directory, places):
    response = client.get(URL, {"location": "London, UK", "page": "0"})
    assert response.status_code == 400
    assert "Page of results:" in text_of(response)


def test_a_listing_reached_from_results_leads_back_to_them(client, directory, places):
    from tests.factories import ConsultantFactory

    ConsultantFactory(slug="nadia", name="Nadia Near", phone="020 7946 0000")
    results = client.get(URL, {"location": "London, UK", "radius": "50", "utm_source": "x"})
    link = re.search(r'<a href="(/find-support/nadia/[^"]*)">Nadia Near</a>', text_of(results))
    assert link, "the result links to the listing"
    href = link.group(1).replace("&amp;", "&")
    assert "location=London" in href and "radius=50" in href and "utm_source" not in href
    listing = text_of(client.get(href))
    assert (
        'href="/find-support/?location=London%2C+UK&amp;radius=50">Back to the results' in listing
    )
    # One address for search engines, whatever search led here; the call button comes first.
    assert '<link rel="canonical" href="http://testserver/find-support/nadia/">' in listing
    assert listing.index('href="tel:02079460000"') < listing.index('id="get-help-now"')
    plain = text_of(client.get("/find-support/nadia/"))
    assert "Back to the results" not in plain


def test_a_filter_that_excludes_everyone_is_named_with_a_way_to_drop_it(client, directory, places):
    from tests.factories import ConsultantFactory

    ConsultantFactory(slug="nadia", name="Nadia Near", languages=["en"], credentials=[])
    html = text_of(
        client.get(URL, {"location": "London, UK", "language": "es", "ibclc": "1", "page": ""})
    )
    assert "We have no listings within 25 km of London" in html
    soup = BeautifulSoup(html, "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select(".no-results__drop a")}
    assert set(links) == {
        "Search again without Language: Spanish",
        "Search again without IBCLC only",
    }
    without_language = client.get(URL + links["Search again without Language: Spanish"])
    assert "language=" not in links["Search again without Language: Spanish"]
    assert "ibclc=1" in links["Search again without Language: Spanish"]
    assert without_language.status_code == 200
    without_both = client.get(URL, {"location": "London, UK"})
    assert "Nadia Near" in text_of(without_both)


def test_a_misspelt_place_offers_the_places_it_may_mean(client, directory, places):
    from tests.help_contacts.conftest import make_place

    make_place(
        "Manchester", country="United Kingdom", code="GB", latitude=53.48, longitude=-2.24,
        population=552_000,
    )  # fmt: skip
    response = client.get(URL, {"location": "Manchster"})
    assert response.status_code == 400
    html = text_of(response)
    assert "We could not find “Manchster”. Did you mean Manchester, United Kingdom?" in html
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one(".place-suggestions a")
    assert link.get_text() == "Manchester, United Kingdom"
    assert client.get(URL + link["href"]).status_code == 200
    # Nothing close: the usual advice, no suggestion.
    assert "Did you mean" not in text_of(client.get(URL, {"location": "Qwxzv"}))


@pytest.mark.parametrize(
    "query",
    [
        {"location": "Atlantis"},
        {"location": "London, UK", "radius": "7"},
        {"lat": "91", "lon": "0"},
    ],
    ids=["place-not-found", "bad-radius", "bad-point"],
)
def test_a_search_that_cannot_run_still_offers_remote_help_and_helplines(
    client, directory, places, query
):
    """No dead end: the site's region (the UK here) decides who is offered."""
    ConsultantFactory(name="Video Vera", services=["video"], remote_regions=["GB"])
    ConsultantFactory(name="Ohio Olive", services=["video"], remote_regions=["US-OH"])
    SupportContactFactory(
        name="National Breastfeeding Helpline", kind=ContactKind.HELPLINE, region="uk"
    )
    response = client.get(URL, query)
    assert response.status_code == 400
    html = text_of(response)
    assert "Help by video or phone, wherever you are" in html
    assert "Video Vera" in html and "Ohio Olive" not in html
    assert "Helplines you can call from anywhere" in html
    assert "National Breastfeeding Helpline" in html


def test_a_full_results_page_stays_under_60_kb_of_html(client, directory, places):
    """Twenty listings with every field filled, and remote helpers: the heaviest page."""
    for number in range(25):
        complete_listing(
            name=f"Consultant {number:02d} with a longer name",
            slug=f"full-{number}",
            latitude=51.5074 + number / 1000,
            longitude=-0.1278,
            remote_regions=["GB"] if number % 5 == 0 else [],
        )
    response = client.get(URL, {"location": "London, UK"})
    assert response.status_code == 200
    assert text_of(response).count("Consultant ") >= 20
    assert len(response.content) < 60_000, len(response.content)

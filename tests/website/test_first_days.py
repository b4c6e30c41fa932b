"""The first-days guide: a day-by-day table edited as data, every block with its sources."""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from core.models import HealthPage, SiteSettings
from tests.conftest import visible_text
from website.demo import content
from website.models import FirstDaysPage, HomePage

URL = "/first-days/"


def test_the_table_shows_each_day_with_feeds_nappies_and_when_to_call(demo_site, client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(response)
    assert html.count("<tr>") == len(content.FIRST_DAYS["days"]) + 1  # and the header row
    for heading in ("Feeds in 24 hours", "Wet nappies", "Dirty nappies", "When to call"):
        assert f'<th scope="col">{heading}</th>' in html
    assert "Days 3 to 4" in text
    assert "Milk usually comes in between 48 and 72 hours after the birth" in text
    assert "At least 6 heavy ones a day" in text
    # At 375 px each cell carries its column's name, shown by CSS.
    assert 'data-label="Wet nappies"' in html
    # Every row's "When to call" carries the numbers to call, as links a phone can ring.
    rows = len(content.FIRST_DAYS["days"])
    assert html.count('<a href="tel:111">Call NHS 111</a>') == rows
    assert html.count('<a href="tel:999">In an emergency, 999</a>') == rows


def test_every_block_shows_its_sources_and_the_page_lists_them_all(demo_site, client):
    text = visible_text(client.get(URL))
    assert text.count("Sources:") == 1 + len(content.FIRST_DAYS["sections"])
    references = text[text.index("References") :]
    for day in content.FIRST_DAYS["days"]:
        for key in day["sources"]:
            assert content.REFERENCES[key]["title"] in references
    assert "Is my baby getting enough milk?" in text


def test_each_row_links_beside_it_to_the_sources_it_rests_on(demo_site, client):
    soup = BeautifulSoup(client.get(URL).content.decode(), "html.parser")
    rows = soup.select(".day-table tbody tr")
    assert len(rows) == len(content.FIRST_DAYS["days"])
    for row, day in zip(rows, content.FIRST_DAYS["days"], strict=True):
        markers = row.select("a.ref-marker")
        cited = []
        for marker in markers:
            target = soup.find(id=marker["href"].removeprefix("#"))
            assert target is not None, marker
            cited.append(target.get_text(" "))
        # Each marker leads to one of the row's own sources, and every one of them is there.
        assert len(markers) == len(day["sources"])
        for key in day["sources"]:
            assert any(content.REFERENCES[key]["title"] in source for source in cited), key


def test_the_72_hour_point_and_the_differences_in_guidance_are_stated(demo_site, client):
    text = visible_text(client.get(URL))
    assert "If your milk has not come in by 72 hours" in text
    assert "the NHS says from day 5" in text
    assert "This table follows the NHS" in text


def test_the_guide_shows_the_get_help_now_card_and_its_review_status(demo_site, client):
    text = visible_text(client.get(URL))
    assert "Call 999 now if" in text
    assert "Not yet medically reviewed" in text


def test_a_us_site_says_diapers_in_the_table(demo_site, client):
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.region = "us"
    settings_obj.save()
    html = client.get(URL).content.decode()
    assert '<th scope="col">Wet diapers</th>' in html
    assert "Call 911 now if" in visible_text(client.get(URL))


def test_the_home_page_leads_to_the_guide(demo_site, client):
    html = client.get("/").content.decode()
    assert f'href="{URL}"' in html


def test_the_guide_is_a_health_page_so_it_goes_through_medical_review():
    assert issubclass(FirstDaysPage, HealthPage)


class FirstDaysPageRulesTests(WagtailPageTestCase):
    def test_it_lives_under_the_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(FirstDaysPage, {HomePage})
        self.assertAllowedSubpageTypes(FirstDaysPage, {})


@pytest.mark.django_db
def test_the_guide_stays_within_its_query_budget(demo_site, client, django_assert_max_num_queries):
    client.get(URL)
    client.get(URL)
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200


def test_about_page_states_the_review_status_from_the_data(demo_site, client):
    text = visible_text(client.get("/about/"))
    assert "checked by medical reviewers before" not in text
    assert (
        "None of our" in text and "health pages has been checked by a medical reviewer yet" in text
    )
    guide = FirstDaysPage.objects.get()
    guide.last_reviewed = guide.next_review_due
    guide.save_revision().publish()
    text = visible_text(client.get("/about/"))
    assert "1 of our" in text and "the others are waiting for their first review" in text


def test_the_long_page_opens_with_its_contents_each_leading_to_its_section(demo_site, client):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    contents = soup.find("nav", attrs={"aria-labelledby": "contents-heading"})
    links = contents.find_all("a")
    assert len(links) == 1 + len(content.FIRST_DAYS["sections"])
    for link in links:
        target = soup.find(id=link["href"][1:])
        assert target is not None and target.get_text(strip=True), link["href"]
    assert "Keeping your baby fed while your milk builds" in [a.get_text() for a in links]

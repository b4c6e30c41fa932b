"""Nothing can quietly lose the get-help-now card.

Every page type (`BasePage.shows_help_card`, the one registry) and every state of the
directory is rendered from the demo content and checked for what a parent needs at once:
the card, its emergency number as a `tel:` link, the page's landmarks, and in-page links
that all land somewhere.
"""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Page, get_page_models

from help_contacts.demo import load_directory_demo
from help_contacts.models import Consultant
from tests.factories import ConsultantFactory
from tests.help_contacts.conftest import make_place

DIRECTORY = "/find-support/"


def what_a_parent_needs(html, *, number="999"):
    """The problems on one page, as readable strings (empty when all is well)."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    card = soup.find(id="get-help-now")
    if card is None:
        return ["no get-help-now card"]
    if card.find("a", href=f"tel:{number}") is None:
        problems.append(f"the card has no tel:{number} link")
    if not card.find(class_="help-now__line"):
        problems.append("the card has no emergency line")
    for landmark in ("header", "main", "footer"):
        if soup.find(landmark) is None:
            problems.append(f"no <{landmark}>")
    if len(soup.find_all("h1")) != 1:
        problems.append("not exactly one h1")
    ids = {element["id"] for element in soup.find_all(id=True)}
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if href.startswith("#") and href[1:] not in ids:
            problems.append(f"in-page link {href} leads nowhere")
    # The card comes before the page's content, right under its heading.
    main = soup.find("main")
    if main is not None and main.find(id="get-help-now") is None:
        problems.append("the card is outside <main>")
    return problems


@pytest.fixture
def directory_states(demo_site):
    """The demo directory with a few listings near London and one in New York."""
    load_directory_demo(home=demo_site, listings=0, log=lambda message: None)
    make_place(
        "London", country="United Kingdom", code="GB", latitude=51.5074, longitude=-0.1278,
        population=8_961_989,
    )  # fmt: skip
    make_place(
        "New York", region="New York", region_code="NY", latitude=40.7128, longitude=-74.006,
        population=8_804_190,
    )  # fmt: skip
    make_place(
        "Thule", country="Greenland", code="GL", latitude=77.47, longitude=-69.23, population=600
    )
    for index in range(3):
        ConsultantFactory(slug=f"near-london-{index}", latitude=51.5074 + index / 100)
    ConsultantFactory(
        slug="in-new-york", country="US", latitude=40.7484, longitude=-73.9967, city="New York"
    )
    return demo_site


def test_every_page_type_shows_the_card_or_says_why_not(client, directory_states):
    page_types = [model for model in get_page_models() if model is not Page]
    checked = []
    for model in page_types:
        assert hasattr(model, "shows_help_card"), f"{model.__name__} is not one of the site's pages"
        instance = model.objects.live().first()
        assert instance is not None, f"the demo content has no {model.__name__}"
        response = client.get(instance.url)
        assert response.status_code == 200, model.__name__
        problems = what_a_parent_needs(response.content.decode())
        if model.shows_help_card:
            assert problems == [], f"{model.__name__}: {problems}"
        checked.append(model.__name__)
    assert len(checked) >= 9, checked


@pytest.mark.parametrize(
    ("query", "status", "number"),
    [
        ({"location": "London"}, 200, "999"),  # results
        ({"location": "Thule", "radius": "5"}, 200, "999"),  # nobody near
        ({"location": "Zzzzqqqq"}, 400, "999"),  # a place not found
        ({"location": "London", "radius": "7"}, 400, "999"),  # a bad value
        ({"location": "London", "language": "xx"}, 400, "999"),  # a bad filter
        ({"lat": "40.7484", "lon": "-73.9967"}, 200, "911"),  # New York: the US card
        ({"location": "London", "region": "eu"}, 200, "112"),  # the reader's own choice
    ],
)
def test_every_directory_state_shows_the_card(client, directory_states, query, status, number):
    response = client.get(DIRECTORY, query, follow=True)  # a point is rounded by a redirect
    assert response.status_code == status
    assert what_a_parent_needs(response.content.decode(), number=number) == []


def test_listing_pages_show_the_card_for_the_listings_country(client, directory_states):
    london = client.get(f"{DIRECTORY}near-london-0/")
    assert what_a_parent_needs(london.content.decode(), number="999") == []
    new_york = client.get(f"{DIRECTORY}in-new-york/")
    assert what_a_parent_needs(new_york.content.decode(), number="911") == []


def test_the_referral_sheet_and_search_pages_show_the_card(client, directory_states):
    picks = Consultant.objects.filter(slug__startswith="near-london").values_list("pk", flat=True)
    sheet = client.get(f"{DIRECTORY}referral-sheet/", {"pick": list(picks)[:2]})
    assert sheet.status_code == 200
    assert what_a_parent_needs(sheet.content.decode()) == []
    for query in ("milk", "zzzzqqqq"):
        found = client.get("/search/", {"q": query})
        assert what_a_parent_needs(found.content.decode()) == [], query


def test_every_page_type_names_its_type_and_describes_itself(client, directory_states):
    """The <body> class styles each type, and the description is what search engines and
    link previews show: the search description, else the summary, else the introduction."""
    from django.utils.text import slugify

    for model in [model for model in get_page_models() if model is not Page]:
        instance = model.objects.live().first().specific
        soup = BeautifulSoup(client.get(instance.url).content.decode(), "html.parser")
        expected = f"template-{slugify(model.get_verbose_name())}"
        assert expected in soup.body["class"], (model.__name__, soup.body["class"])
        meta = soup.find("meta", attrs={"name": "description"})
        source = next(
            (
                getattr(instance, name, "")
                for name in ("search_description", "summary", "intro")
                if getattr(instance, name, "")
            ),
            "",
        )
        if not source:
            assert meta is None, model.__name__
            continue
        words = BeautifulSoup(str(source), "html.parser").get_text(" ").split()
        assert meta is not None, model.__name__
        described = meta["content"].split()
        assert described[: min(len(words), 40) - 1] == words[: min(len(words), 40) - 1], (
            model.__name__
        )
        assert len(described) <= 41  # forty words and the ellipsis

"""The "get help now" card: one set of warning signs, the region's numbers and the helplines,
on every health and listing page."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Site

from core.models import SiteSettings
from help_contacts.data.choices import ContactKind
from tests.conftest import visible_text
from tests.factories import (
    ArticlePageFactory,
    ConsultantFactory,
    DirectoryPageFactory,
    FactorPageFactory,
    SupportContactFactory,
    UserFactory,
    WarningSignsFactory,
)

pytestmark = pytest.mark.django_db


def card_text(response):
    """The text of the get-help-now card alone."""
    card = BeautifulSoup(response.content.decode(), "html.parser").find(id="get-help-now")
    return " ".join(card.get_text(" ").split())


def site_settings(**fields):
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(settings_obj, name, value)
    settings_obj.save()
    return settings_obj


@pytest.fixture
def pages(home, topic, factor_index):
    factor = FactorPageFactory(parent=factor_index, slug="a-factor")
    article = ArticlePageFactory(parent=topic, slug="an-article")
    return {
        "home": home.url,
        "topic": topic.url,
        "article": article.url,
        "factor index": factor_index.url,
        "factor": factor.url,
    }


def test_every_health_and_listing_page_shows_the_signs_and_the_numbers_to_call(client, pages):
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    for name, url in pages.items():
        text = visible_text(client.get(url))
        assert "Call 999 now if your baby cannot be woken" in text, name
        assert "has had no wet nappy for 8 hours" in text, name
        assert "are bleeding heavily" in text, name
        assert "Call NHS 111" in text, name
        assert "Where these signs come from: Warning signs guidance . NHS." in text, name


def test_the_card_links_the_numbers_so_a_phone_can_ring_them(client, pages):
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    html = client.get(pages["article"]).content.decode()
    assert 'href="tel:999"' in html
    assert 'href="tel:111"' in html


@pytest.mark.parametrize(
    ("region", "says", "never"),
    [
        ("us", "Call 911 now if", "111"),
        ("eu", "Call 112 now if", "111"),
    ],
)
def test_numbers_follow_the_sites_region(client, pages, region, says, never):
    site_settings(region=region, warning_signs=WarningSignsFactory())
    text = visible_text(client.get(pages["factor"]))
    assert says in text
    assert never not in text


def test_the_card_names_who_to_call_in_the_regions_words(client, pages):
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    uk = visible_text(client.get(pages["article"]))
    assert "Call your midwife or health visitor today if" in uk
    assert (
        "Get urgent help now — call NHS 111, ask your GP for an urgent appointment, or go to A&E"
        in uk
    )
    site_settings(region="us")
    # No reviewed card for the US yet: its notice, in US words, with 911.
    us = card_text(client.get(pages["article"]))
    assert "Call 911 now if you think your baby's life, or yours, is in danger" in us
    assert "call your midwife or pediatrician now" in us
    assert "health visitor" not in us and "NHS" not in us


def test_a_number_typed_in_the_settings_wins_over_the_regions(client, pages):
    site_settings(
        region="eu",
        emergency_number="1 1 2",
        urgent_number="116 117",
        urgent_number_name="Medical on-call service",
        warning_signs=WarningSignsFactory(),
    )
    html = client.get(pages["home"]).content.decode()
    assert "Call 1 1 2 now if" in visible_text(client.get(pages["home"]))
    assert 'href="tel:112"' in html
    assert 'href="tel:116117"' in html
    assert "Medical on-call service" in html


def test_the_card_lists_the_published_helplines_only(client, pages):
    site_settings(warning_signs=WarningSignsFactory())
    SupportContactFactory(kind=ContactKind.HELPLINE, name="Feeding Line", phone="0300 000 0000")
    SupportContactFactory(kind=ContactKind.HELPLINE, name="Withdrawn Line", live=False)
    SupportContactFactory(kind=ContactKind.MIDWIFE, name="Not A Helpline")
    text = visible_text(client.get(pages["topic"]))
    helplines = text[text.index("Helplines") :]
    assert "Feeding Line : 0300 000 0000" in helplines
    assert "Withdrawn Line" not in text
    assert "Not A Helpline" not in text


def test_unpublished_warning_signs_are_not_shown_and_the_numbers_still_are(client, pages):
    signs = WarningSignsFactory(live=False)
    site_settings(warning_signs=signs, urgent_care_notice="<p>Call your midwife.</p>")
    text = visible_text(client.get(pages["article"]))
    assert "cannot be woken" not in text
    assert "Call your midwife." in text
    assert "Call 999 now if you think your baby's life, or yours, is in danger" in text


def test_publishing_new_signs_shows_them_on_the_next_request(client, pages):
    signs = WarningSignsFactory()
    site_settings(warning_signs=signs)
    assert "cannot be woken" in visible_text(client.get(pages["factor"]))
    signs.emergency_line = "your baby is floppy"
    signs.save_revision().publish()
    assert "Call 999 now if your baby is floppy" in visible_text(client.get(pages["factor"]))


def test_warning_signs_are_health_content_approved_through_medical_review():
    signs = WarningSignsFactory()
    assert signs.get_workflow().name == "Medical review"


def test_the_admin_screens_for_warning_signs_and_the_region_open(client, home):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    signs = WarningSignsFactory()
    urls = (
        reverse("wagtailsnippets_core_warningsigns:list"),
        reverse("wagtailsnippets_core_warningsigns:add"),
        reverse("wagtailsnippets_core_warningsigns:edit", args=[signs.pk]),
        reverse(
            "wagtailsettings:edit",
            args=["core", "sitesettings", Site.objects.get(is_default_site=True).pk],
        ),
    )
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Region and numbers to call" in response.content.decode()


def test_a_reader_can_choose_her_country_in_the_url_and_the_page_stays_cacheable(client, pages):
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    us_signs = WarningSignsFactory(region="us", emergency_line="your baby is not breathing")
    response = client.get(pages["article"], {"region": "us"})
    text = visible_text(response)
    assert "Call 911 now if your baby is not breathing" in text
    assert 'href="tel:911"' in response.content.decode()
    assert "Not in the US? Choose your country:" in text
    assert not response.cookies
    assert "public" in response.headers["Cache-Control"]
    # The switch is a link that keeps the page's own query.
    html = client.get(pages["article"]).content.decode()
    assert 'href="?region=us"' in html and 'href="?region=eu"' in html
    assert us_signs.region == "us"


def test_the_country_switch_keeps_the_rest_of_the_query_and_replaces_the_region(client, pages):
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    html = client.get(pages["article"], {"ref": "a&b <c>", "region": "us"}).content.decode()
    assert 'href="?ref=a%26b+%3Cc%3E&amp;region=uk"' in html
    assert 'href="?ref=a%26b+%3Cc%3E&amp;region=eu"' in html
    assert "region=us" not in html.split('class="help-now__region')[1].split("</p>")[0]


@pytest.mark.parametrize("value", ["xx", "US", "ｕｓ", "uk\x00", "", "u" * 5000])
def test_a_region_that_is_not_one_is_ignored(client, pages, value):
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    response = client.get(pages["article"], {"region": value})
    assert response.status_code == 200
    assert "Call 999 now if your baby cannot be woken" in visible_text(response)


def test_each_sign_links_to_its_numbered_source(client, pages):
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    html = client.get(pages["article"]).content.decode()
    assert 'class="ref-marker" href="#help-now-source-1"' in html
    assert 'id="help-now-source-1"' in html


def test_a_sign_cannot_cite_a_source_the_card_does_not_list():
    from django.core.exceptions import ValidationError

    signs = WarningSignsFactory.build(
        signs=[("sign", {"tier": "today", "who": "baby", "text": "x", "sources": [2]})]
    )
    with pytest.raises(ValidationError, match="cites source 2"):
        signs.clean()


def test_the_fallback_notice_shows_where_the_region_has_no_reviewed_card(client, pages):
    site_settings(
        region="uk", warning_signs=None, urgent_care_notice="<p>Your baby is not feeding.</p>"
    )
    text = visible_text(client.get(pages["factor"]))
    assert "If you are worried Your baby is not feeding." in text
    assert "Call 999 now if you think your baby's life, or yours, is in danger" in text


@pytest.mark.parametrize(
    ("country", "number"),
    [("GB", "999"), ("US", "911"), ("CA", "911"), ("IE", "112"), ("DE", "112"), ("AU", "000"),
     ("NZ", "111")],
)  # fmt: skip
def test_a_listings_card_rings_its_own_countrys_emergency_number(client, home, country, number):
    DirectoryPageFactory(parent=home)
    site_settings(region="uk", warning_signs=WarningSignsFactory())
    ConsultantFactory(slug="far-away", country=country)
    html = client.get("/find-support/far-away/").content.decode()
    card = BeautifulSoup(html, "html.parser").find(id="get-help-now")
    assert card.find("a", href=f"tel:{number}"), country

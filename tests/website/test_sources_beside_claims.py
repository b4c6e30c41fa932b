"""Every health claim carries its source beside it, from the source's own publisher."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from wagtail.blocks import StructBlockValidationError

from factors.models import PracticalInsight
from tests.conftest import visible_text
from website.blocks import DayTableBlock
from website.demo import content

# Publishers of primary guidance and peer-reviewed research: a health service's, a
# guideline body's or a journal's own pages, a DOI or PubMed. A copy of a page on someone
# else's site, or a study on a personal page, is not on this list and so fails the test.
PRIMARY_PUBLISHERS = (
    "nhs.uk",
    "nhs.scot",
    "nidirect.gov.uk",  # the Northern Ireland Government's public health pages
    "nice.org.uk",
    "who.int",
    "doi.org",
    "pubmed.ncbi.nlm.nih.gov",
    "pmc.ncbi.nlm.nih.gov",
    "link.springer.com",
    "aap.org",
    "healthychildren.org",  # the American Academy of Pediatrics' site for parents
    "cdc.gov",
    "childrenscolorado.org",  # Children's Hospital Colorado
    "seattlechildrens.org",  # Seattle Children's Hospital
    "stanfordchildrens.org",  # Stanford Medicine Children's Health
    "therotherhamft.nhs.uk",
    "yeovilhospital.co.uk",  # Yeovil District Hospital NHS Foundation Trust
    "mindwell-leeds.org.uk",  # NHS in Leeds
    "kentandmedwaylms.nhs.uk",
    "derbyshirehealthyfamily.org.uk",  # the county's health visiting service
    "dct-start4life.service.nhs.uk",
    "flipbooks.gs-cdn.co.uk",  # the host East Suffolk and North Essex NHS FT publishes on
)


def _primary(host: str) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in PRIMARY_PUBLISHERS)


@pytest.mark.parametrize("key", sorted(content.REFERENCES))
def test_every_source_is_its_publishers_own_page(key):
    url = content.REFERENCES[key].get("url")
    if url is None:
        # Only a source that is not online at all may go without a link, and it says so.
        assert "not online" in content.REFERENCES[key]["publisher"]
        return
    assert _primary(urlsplit(url).hostname), url


def test_an_insight_shows_its_sources_wherever_it_appears(demo_site, client):
    insight = PracticalInsight.objects.get(title="Ask about expressing colostrum before the birth")
    for url in ("/why-milk-can-be-slow/diabetes-and-pcos/", "/why-milk-can-be-slow/thyroid/"):
        soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        tip = next(li for li in soup.select("li.insight") if insight.title in li.get_text())
        sources = tip.select(".sources a")
        assert [a["href"] for a in sources] == [r.value["url"] for r in insight.references]
        assert "Wye Valley NHS Trust" in tip.get_text()


def test_the_table_refuses_a_row_citing_a_source_it_does_not_list():
    block = DayTableBlock()
    value = block.to_python(
        {
            "caption": "Days",
            "days": [
                {
                    "day": "Day 1",
                    "normal": "Colostrum.",
                    "feeds": "3",
                    "wet_nappies": "1",
                    "dirty_nappies": "1",
                    "stool_colour": "Dark",
                    "when_to_call": "If worried.",
                    "sources": [1, 2],
                }
            ],
            "note": "",
            "sources": [{"title": "Only one", "publisher": "", "url": "", "year": None}],
        }
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert "Row 1 cites source 2, but the table has 1 sources." in str(
        refused.value.block_errors["days"]
    )


def test_the_new_factors_say_how_strong_their_evidence_is(demo_site, client):
    placenta = visible_text(client.get("/why-milk-can-be-slow/retained-placenta/"))
    assert "case reports" in placenta
    assert "Failure of lactogenesis associated with placental retention" in placenta
    weight = visible_text(client.get("/why-milk-can-be-slow/higher-body-weight/"))
    assert "found none" in weight  # the study that disagrees is named, not hidden
    formula = visible_text(client.get("/why-milk-can-be-slow/formula-before-milk/"))
    assert "If a top-up is advised, give it" in formula
    tongue = visible_text(client.get("/why-milk-can-be-slow/tongue-tie/"))
    assert "Things that can affect your milk supply" in tongue


def test_claims_no_source_supports_are_gone(demo_site, client):
    thyroid = visible_text(client.get("/why-milk-can-be-slow/thyroid/"))
    assert "makes hormones that milk production depends on" not in thyroid
    diabetes = visible_text(client.get("/why-milk-can-be-slow/diabetes-and-pcos/"))
    assert "how much milk is made" not in diabetes
    assert "only a few case reports" in diabetes


def test_the_card_names_meconium_that_has_not_changed_by_day_3(demo_site, client):
    text = visible_text(client.get("/first-days/"))
    assert "still has black, sticky poo (meconium) after day 3" in text
    assert "Baby's poo" in text  # its source, in the card's numbered list

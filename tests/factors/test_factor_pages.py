"""Factor pages say what the research shows, cite it, and point to help feeding the baby."""

from tests.conftest import visible_text
from tests.factories import FactorPageFactory, StandardPageFactory
from website.demo import content


def test_a_factor_page_shows_its_evidence_note_and_references(demo_site, client):
    text = visible_text(client.get("/why-milk-can-be-slow/caesarean-birth/"))
    assert "What the research says" in text
    assert "the odds of a delay were more than twice as high in the Perth study" in text
    references = text[text.index("References") :]
    for key in content.NEW_FACTORS["caesarean-birth"]["references"]:
        assert content.REFERENCES[key]["title"] in references


def test_a_factor_without_a_source_says_so_rather_than_claiming_evidence(demo_site, client):
    text = visible_text(client.get("/why-milk-can-be-slow/poor-latch/"))
    assert "A medical reviewer has not yet added a published source for it." in text
    assert "Well-established" not in text


def test_factor_pages_link_to_keeping_the_baby_fed_where_it_applies(demo_site, client):
    html = client.get("/why-milk-can-be-slow/first-baby/").content.decode()
    assert "Keeping your baby fed while your milk builds" in html
    assert 'href="/first-days/"' in html
    assert (
        "Keeping your baby fed"
        not in client.get("/why-milk-can-be-slow/medications/").content.decode()
    )


def test_an_unpublished_feeding_guide_is_not_linked(client, home, factor_index):
    guide = StandardPageFactory(parent=home, slug="draft-guide", live=False)
    factor = FactorPageFactory(parent=factor_index, slug="linked", feeding_guide=guide)
    assert "Keeping your baby fed" not in client.get(factor.url).content.decode()


def test_the_factor_pages_show_the_get_help_now_card(demo_site, client):
    for slug in ("premature-birth", "thyroid"):
        assert "Call 999 now if" in visible_text(client.get(f"/why-milk-can-be-slow/{slug}/"))

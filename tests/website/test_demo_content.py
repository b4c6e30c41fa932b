"""`load_demo_content` can be run any number of times without changing or losing anything."""

from django.apps import apps
from django.core.management import call_command

from factors.models import FactorPage, PracticalInsight
from website.demo import content
from website.models import ArticlePage, FirstDaysPage

MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "factors.PracticalInsight",
    "factors.FactorInsight",
    "help_contacts.SupportContact",
    "wagtailcore.Site",
]


def row_counts():
    return {label: apps.get_model(label).objects.count() for label in MODELS}


def test_running_twice_leaves_the_same_rows(db):
    call_command("load_demo_content", verbosity=0)
    first = row_counts()
    call_command("load_demo_content", verbosity=0)
    assert row_counts() == first
    assert first["wagtailcore.Site"] == 1
    assert FactorPage.objects.live().count() == len(content.FACTORS) + len(content.NEW_FACTORS)
    assert FirstDaysPage.objects.live().count() == 1
    assert ArticlePage.objects.live().count() == 1


def test_rerun_never_overwrites_an_editors_change(db):
    call_command("load_demo_content", verbosity=0)
    insight = PracticalInsight.objects.get(title="Look after your own rest")
    insight.body = "<p>Edited by an editor.</p>"
    insight.save()
    factor = FactorPage.objects.get(slug="medications")
    factor.summary = "An editor's summary."
    factor.save_revision().publish()

    call_command("load_demo_content", verbosity=0)

    insight.refresh_from_db()
    factor.refresh_from_db()
    assert insight.body == "<p>Edited by an editor.</p>"
    assert factor.summary == "An editor's summary."


def test_demo_site_replaces_wagtails_welcome_page(db):
    from wagtail.models import Site

    call_command("load_demo_content", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert type(site.root_page.specific).__name__ == "HomePage"
    assert not site.root_page.get_siblings(inclusive=False).exists()

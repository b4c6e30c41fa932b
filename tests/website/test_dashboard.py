"""The editor dashboard lists exactly the health pages overdue or soon due for medical review."""

import datetime
import re

import pytest

from django.urls import reverse
from django.utils import timezone

from core.selectors import pages_due_for_review
from tests.conftest import member_of
from tests.factories import ArticlePageFactory, FactorPageFactory


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def reviews_panel(response):
    """The dashboard's medical review panel as (title, status) rows, or None when absent."""
    html = response.content.decode()
    start = html.find('id="medical-reviews-due')
    if start == -1:
        return None
    panel = html[start : html.find("</section>", start)]
    rows = re.findall(r"<tr>(.*?)</tr>", panel, re.S)[1:]
    result = []
    for row in rows:
        title = re.search(r"<a [^>]*>([^<]+)</a>", row).group(1)
        status = (
            "never reviewed"
            if "Never reviewed" in row
            else "overdue"
            if "Review overdue" in row
            else "due soon"
        )
        result.append((title, status))
    return result


@pytest.fixture
def due_pages(topic, factor_index):
    """Pages reviewed a year ago whose next review falls at various distances, one never
    reviewed, and the factor index reviewed recently (so it is due for nothing)."""
    factor_index.last_reviewed = days_from_today(-10)
    factor_index.next_review_due = days_from_today(170)
    factor_index.save()
    reviewed = days_from_today(-365)
    return {
        "never": FactorPageFactory(
            parent=factor_index, title="Never reviewed", next_review_due=days_from_today(200)
        ),
        "overdue": FactorPageFactory(
            parent=factor_index,
            title="Overdue factor",
            last_reviewed=reviewed,
            next_review_due=days_from_today(-3),
        ),
        "soon": ArticlePageFactory(
            parent=topic,
            title="Article due soon",
            last_reviewed=reviewed,
            next_review_due=days_from_today(10),
        ),
        "edge": FactorPageFactory(
            parent=factor_index,
            title="Due in thirty days",
            last_reviewed=reviewed,
            next_review_due=days_from_today(30),
        ),
        "later": FactorPageFactory(
            parent=factor_index,
            title="Due later",
            last_reviewed=reviewed,
            next_review_due=days_from_today(31),
        ),
        "undated": FactorPageFactory(
            parent=factor_index, title="No date", last_reviewed=reviewed, next_review_due=None
        ),
        "draft": FactorPageFactory(
            parent=factor_index,
            title="Overdue draft",
            last_reviewed=reviewed,
            next_review_due=days_from_today(-30),
            live=False,
        ),
    }


def test_dashboard_lists_exactly_the_overdue_and_soon_due_pages(client, due_pages):
    client.force_login(member_of("Editors"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reviews_panel(response) == [
        ("Never reviewed", "never reviewed"),
        ("Overdue factor", "overdue"),
        ("Article due soon", "due soon"),
        ("Due in thirty days", "due soon"),
    ]
    html = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[due_pages["overdue"].pk]) in html
    assert "1 page is past its review date. It stays public until it is reviewed." in html
    assert "1 page has never been medically reviewed." in html


def test_dashboard_says_so_when_nothing_is_due(client, factor_index):
    factor_index.last_reviewed = days_from_today(-1)
    factor_index.save()
    FactorPageFactory(
        parent=factor_index, last_reviewed=days_from_today(-1), next_review_due=days_from_today(90)
    )
    client.force_login(member_of("Medical reviewers"))
    response = client.get(reverse("wagtailadmin_home"))
    assert reviews_panel(response) == []
    assert (
        "Every page has been reviewed, and none is due for medical review in the next 30 days."
        in response.content.decode()
    )


def test_directory_managers_do_not_see_the_health_review_panel(client, due_pages):
    client.force_login(member_of("Directory managers"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reviews_panel(response) is None
    assert "Overdue factor" not in response.content.decode()


def test_selector_orders_due_pages_soonest_first(due_pages):
    titles = [page.title for page in pages_due_for_review()]
    assert titles == ["Never reviewed", "Overdue factor", "Article due soon", "Due in thirty days"]
    later = pages_due_for_review(today=days_from_today(2), within_days=29)
    assert [page.title for page in later] == [
        "Never reviewed",
        "Overdue factor",
        "Article due soon",
        "Due in thirty days",
        "Due later",
    ]


def test_opening_an_overdue_page_in_the_editor_warns_about_it(client, due_pages):
    client.force_login(member_of("Editors"))
    overdue = due_pages["overdue"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[overdue.pk]))
    text = response.content.decode()
    assert "This page&#x27;s medical review was due on" in text or (
        "This page's medical review was due on" in text
    )
    assert f"{overdue.next_review_due:%-d %B %Y}" in text
    fresh = client.get(reverse("wagtailadmin_pages:edit", args=[due_pages["later"].pk]))
    assert "medical review was due on" not in fresh.content.decode()


def test_overdue_page_stays_public_and_unreviewed_pages_say_so(client, due_pages):
    response = client.get(due_pages["overdue"].url)
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    assert f"Next review due {due_pages['overdue'].next_review_due:%-d %B %Y}" in text
    never = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get(due_pages["never"].url).content.decode())
    )
    assert "Last reviewed Not yet medically reviewed" in never
    assert "Next review due" not in never

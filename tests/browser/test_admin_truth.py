"""Through the real admin in a browser: who reviewed what, History, and moderation nobody sidesteps.

Editors, medical reviewers and directory managers sign in and click as they would; the
public pages and the emails are then checked for what they say.
"""

from importlib import import_module
from urllib.parse import urlparse

import pytest

from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from factors.models import FactorPage, PracticalInsight
from help_contacts.data import services
from tests.browser.conftest import ensure_wagtail_tree
from tests.conftest import member_of
from tests.factories import ReviewerProfileFactory, SuggestedConsultantFactory
from website.demo.site import load_site_content

PASSWORD = "correct-horse-battery"
ARTICLE = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"
roles = import_module("website.migrations.0002_editorial_roles_and_medical_review")


@pytest.fixture
def demo(transactional_db):
    # The flush after each browser test removes what the data migrations made; put it back.
    ensure_wagtail_tree()
    roles.editorial_roles_apply(apps)
    roles.medical_review_workflow_apply(apps)
    load_site_content(log=lambda message: None)


@pytest.fixture
def editor(demo):
    return member_of("Editors", username="eddie")


@pytest.fixture
def reviewer(demo):
    user = member_of("Medical reviewers", username="rita", first_name="Rita", last_name="Okafor")
    ReviewerProfileFactory(user=user, display_name="Dr Rita Okafor", credentials="MBBS, IBCLC")
    return user


def sign_in(tab, live_server, user):
    tab.context.clear_cookies()
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("input[name=username]", user.username)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{live_server.url}/admin/")


def footer_action(tab, name):
    """Click a button of the edit form's footer, opening its menu first if it is in there."""
    button = tab.locator(f'footer button[name="{name}"]').first
    if not button.is_visible():
        tab.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button.click()
    tab.wait_for_load_state("networkidle")


def approve_from_edit_page(tab, live_server, edit_path):
    tab.goto(live_server.url + edit_path)
    tab.locator("footer [data-w-dropdown-target=toggle]").first.click()
    tab.locator("footer button", has_text="Approve and Publish").first.click()
    tab.wait_for_load_state("networkidle")


def foreign_requests(tab, live_server):
    server = urlparse(live_server.url).netloc
    return [url for url in tab.requests if urlparse(url).netloc not in ("", server)]


def test_editor_cannot_choose_the_reviewer_and_approving_an_insight_shows_on_the_article(
    demo, editor, reviewer, live_server, page
):
    impostor = ReviewerProfileFactory(display_name="Dr Made Up", credentials="FRCP")
    factor = FactorPage.objects.get(slug="stress-and-fatigue")
    insight = PracticalInsight.objects.get(title="Look after your own rest")

    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/pages/{factor.pk}/edit/")
    assert page.locator('[name="reviewed_by"]').count() == 0
    # Whatever an editor slips into the form, the reviewer is not theirs to choose.
    page.evaluate(
        """(id) => {
            const form = document.querySelector('#w-editor-form, form[method=POST]');
            for (const [name, value] of [['reviewed_by', id], ['last_reviewed', '2020-01-01']]) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
            }
        }""",
        str(impostor.pk),
    )
    page.fill('textarea[name="summary"]', "Rest and help at home support milk supply.")
    footer_action(page, "action-submit")
    assert "has been sent to Medical review" in page.content()

    insight_edit = f"/admin/snippets/factors/practicalinsight/edit/{insight.pk}/"
    page.goto(live_server.url + insight_edit)
    page.fill('input[name="title"]', "Look after your own rest, and ask for help")
    footer_action(page, "action-submit")

    sign_in(page, live_server, reviewer)
    dashboard = page.content()
    assert dashboard.index('id="awaiting-review') < dashboard.index('id="medical-reviews-due')
    assert "Snippet: Practical insight" in page.locator("[id^=awaiting-review]").first.inner_text()
    approve_from_edit_page(page, live_server, f"/admin/pages/{factor.pk}/edit/")
    approve_from_edit_page(page, live_server, insight_edit)
    assert foreign_requests(page, live_server) == []

    today = f"{timezone.localdate():%-d %B %Y}"
    page.context.clear_cookies()
    page.goto(live_server.url + factor.url)
    text = page.locator("main").inner_text()
    assert "Dr Made Up" not in text
    assert "Rest and help at home support milk supply." in text
    page.get_by_text("Who reviewed each part of this page").click()
    parts = page.locator(".review-dates__parts").inner_text()
    assert f"This page's own text: reviewed {today} by Dr Rita Okafor, MBBS, IBCLC" in parts
    assert (
        "Practical insight “Look after your own rest, and ask for help”: "
        f"reviewed {today} by Dr Rita Okafor, MBBS, IBCLC"
    ) in parts

    page.goto(live_server.url + ARTICLE)
    page.get_by_text("Who reviewed each part of this page").click()
    parts = page.locator(".review-dates__parts").inner_text()
    assert (
        "Practical insight “Look after your own rest, and ask for help”: "
        f"reviewed {today} by Dr Rita Okafor, MBBS, IBCLC"
    ) in parts
    assert "Dr Made Up" not in page.content()


def test_reviewer_reverts_seeded_content_to_its_first_version_from_history(
    demo, reviewer, live_server, page
):
    insight = PracticalInsight.objects.get(title="Look after your own rest")
    original = insight.title
    insight.title = "A wrong title"
    insight.save_revision(user=reviewer, log_action=True).publish(user=reviewer)

    sign_in(page, live_server, reviewer)
    page.goto(f"{live_server.url}/admin/snippets/factors/practicalinsight/history/{insight.pk}/")
    first = insight.revisions.order_by("created_at", "id").first()
    revert = reverse(
        "wagtailsnippets_factors_practicalinsight:revisions_revert", args=[insight.pk, first.pk]
    )
    # History offers it in the first version's row menu ("Created", by the demo loader).
    created_row = page.locator("tr", has_text="Created")
    created_row.locator("[data-w-dropdown-target=toggle]").click()
    page.locator(f'a[href="{revert}"]').click()
    page.wait_for_load_state("networkidle")
    assert page.locator('input[name="title"]').input_value() == original
    footer_action(page, "action-publish")
    assert foreign_requests(page, live_server) == []

    insight.refresh_from_db()
    assert insight.title == original and insight.live
    page.context.clear_cookies()
    page.goto(live_server.url + ARTICLE)
    assert original in page.locator("main").inner_text()
    assert "A wrong title" not in page.content()


def test_footer_publish_on_a_suggestion_is_its_approval_with_decision_and_email(
    demo, live_server, page
):
    manager = member_of("Directory managers", username="dora")
    listing = SuggestedConsultantFactory(name="Ada Byrne")
    mail.outbox.clear()

    sign_in(page, live_server, manager)
    assert 'placeholder="Search all pages…"' not in page.content()
    page.goto(f"{live_server.url}/admin/snippets/help_contacts/consultant/edit/{listing.pk}/")
    assert "suggested by the public, not yet approved" in page.content()
    primary = page.locator("footer button").first
    assert primary.inner_text().strip() == "Approve and publish"
    primary.click()
    page.wait_for_load_state("networkidle")
    assert "“Ada Byrne” approved and published." in page.content()
    # The listing's map (tiles from the map provider) is drawn only on request.
    assert foreign_requests(page, live_server) == []

    listing.refresh_from_db()
    assert listing.live and not listing.is_waiting_suggestion
    assert listing.last_verified == timezone.localdate()
    assert (
        ModelLogEntry.objects.for_instance(listing)
        .filter(action=services.SUGGESTION_APPROVED, user=manager)
        .exists()
    )
    assert [message.to for message in mail.outbox] == [["suggester@example.org"]]


def test_the_admin_loads_nothing_from_a_third_party(demo, editor, live_server, page):
    sign_in(page, live_server, editor)
    factor = FactorPage.objects.get(slug="stress-and-fatigue")
    for path in ("/admin/", "/admin/account/", f"/admin/pages/{factor.pk}/edit/", "/admin/pages/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert page.locator("img[src*='gravatar']").count() == 0
    assert foreign_requests(page, live_server) == []

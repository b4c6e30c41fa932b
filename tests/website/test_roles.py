"""What each editorial role can see, edit and publish in the Wagtail admin."""

from importlib import import_module

import pytest

from django.apps import apps as global_apps
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

from factors.models import FactorPage, PracticalInsight
from tests.conftest import member_of, visible_text
from tests.website.admin_forms import form_data
from website.models import ArticlePage

FACTOR_URL = "/why-milk-can-be-slow/stress-and-fatigue/"


def denied(response):
    """Wagtail answers a forbidden admin view with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.fixture
def article(demo_site):
    return ArticlePage.objects.get()


@pytest.fixture
def insight(demo_site):
    return PracticalInsight.objects.get(title="Look after your own rest")


def insight_url(action, insight):
    return reverse(f"wagtailsnippets_factors_practicalinsight:{action}", args=[insight.pk])


def test_each_role_can_reach_the_admin(db):
    for group in ("Editors", "Medical reviewers", "Directory managers"):
        user = member_of(group)
        assert user.has_perm("wagtailadmin.access_admin"), group


def test_editor_can_edit_an_article_but_only_submit_it_for_review(client, article):
    client.force_login(member_of("Editors"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Submit to Medical review" in html
    assert 'name="action-publish"' not in html


def test_editor_asking_to_publish_a_factor_only_saves_a_draft(client, demo_site):
    factor = FactorPage.objects.get(slug="stress-and-fatigue")
    client.force_login(member_of("Editors"))
    url = reverse("wagtailadmin_pages:edit", args=[factor.pk])
    data = form_data(
        client.get(url).content.decode(),
        action=url,
        summary="An unreviewed claim.",
        # Drawn by the admin's JavaScript in a browser; this factor has no references.
        **{"action-publish": "1", "references-count": "0"},
    )
    assert client.post(url, data).status_code == 302
    factor.refresh_from_db()
    assert factor.has_unpublished_changes
    assert factor.get_latest_revision_as_object().summary == "An unreviewed claim."
    client.logout()
    assert "An unreviewed claim." not in visible_text(client.get(FACTOR_URL))


def test_editor_can_write_insights_but_not_publish_or_delete_them(client, insight):
    client.force_login(member_of("Editors"))
    edit = client.get(insight_url("edit", insight))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "Submit to Medical review" in html
    assert 'name="action-publish"' not in html
    assert denied(client.get(insight_url("delete", insight)))

    data = form_data(
        html,
        action=insight_url("edit", insight),
        title="Rest, unreviewed",
        **{"action-publish": "1"},
    )
    client.post(insight_url("edit", insight), data)
    insight.refresh_from_db()
    assert insight.title == "Look after your own rest"


def test_editor_can_add_an_insight_as_a_draft(client, demo_site):
    client.force_login(member_of("Editors"))
    url = reverse("wagtailsnippets_factors_practicalinsight:add")
    add = client.get(url)
    assert add.status_code == 200
    assert 'name="action-publish"' not in add.content.decode()
    data = form_data(
        add.content.decode(),
        action=url,
        title="Drink to thirst",
        body=rich_text("<p>No need to force fluids.</p>"),
        **{"action-publish": "1"},
    )
    assert client.post(url, data).status_code == 302
    insight = PracticalInsight.objects.get(title="Drink to thirst")
    assert not insight.live


def test_medical_reviewer_can_publish_health_content_directly(client, article, insight):
    client.force_login(member_of("Medical reviewers"))
    page_html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert 'name="action-publish"' in page_html
    snippet_html = client.get(insight_url("edit", insight)).content.decode()
    assert 'name="action-publish"' in snippet_html
    assert client.get(insight_url("delete", insight)).status_code == 200


def test_directory_manager_has_no_access_to_articles_or_health_content(client, article, insight):
    client.force_login(member_of("Directory managers"))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    assert denied(client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk])))
    assert denied(client.get(reverse("wagtailsnippets_factors_practicalinsight:list")))
    assert denied(client.get(insight_url("edit", insight)))
    menu = visible_text(client.get(reverse("wagtailadmin_home")))
    assert "Health content" not in menu


def test_editor_sees_pages_and_health_content_in_the_menu(client, demo_site):
    client.force_login(member_of("Editors"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Health content" in html
    assert "Practical insights" in html


def test_medical_reviewer_sees_the_factor_explorer(client, demo_site):
    client.force_login(member_of("Medical reviewers"))
    factor_index = FactorPage.objects.first().get_parent()
    response = client.get(reverse("wagtailadmin_explore", args=[factor_index.pk]))
    assert response.status_code == 200
    assert FactorPage.objects.first().title in visible_text(response)


def test_applying_the_roles_again_changes_nothing(db):
    before = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.all()
    }
    page_permissions = Group.objects.get(name="Editors").page_permissions.count()
    roles_migration = import_module("website.migrations.0002_editorial_roles_and_medical_review")
    roles_migration.editorial_roles_apply(global_apps)
    roles_migration.medical_review_workflow_apply(global_apps)
    after = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.all()
    }
    assert after == before
    assert Group.objects.get(name="Editors").page_permissions.count() == page_permissions

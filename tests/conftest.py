"""Fixtures every test folder shares, and helpers for reading what a person sees."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.models import Page, Site

from tests.factories import (
    ArticleIndexPageFactory,
    FactorIndexPageFactory,
    HomePageFactory,
    UserFactory,
)
from website.demo.site import load_site_content


def member_of(group_name, **fields):
    """A new user in one of the editorial groups (Editors, Medical reviewers, …)."""
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def visible_text(response):
    """What a person reads on the page: its text, parsed as HTML, whitespace collapsed."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: nothing cached for another test's rows leaks in."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """A HomePage as the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-test")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def topic(home):
    return ArticleIndexPageFactory(parent=home, slug="topic")


@pytest.fixture
def factor_index(home):
    return FactorIndexPageFactory(parent=home, slug="why-milk-can-be-slow")


@pytest.fixture
def demo_site(db):
    """The full demo content, as `make run` loads it."""
    return load_site_content(log=lambda message: None)


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)

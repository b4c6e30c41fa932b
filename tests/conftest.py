import pytest

from django.core.cache import cache

from wagtail.models import Page, Site

from tests.factories import (
    ArticleIndexPageFactory,
    FactorIndexPageFactory,
    HomePageFactory,
    UserFactory,
)
from website.demo.site import load_site_content


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

"""The page tree stays sane: each page type only lives where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from factors.models import FactorIndexPage, FactorPage
from website.models import ArticleIndexPage, ArticlePage, HomePage, StandardPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(ArticleIndexPage, HomePage)
        self.assertCanNotCreateAt(FactorIndexPage, HomePage)

    def test_home_page_holds_topics_factor_index_and_plain_pages(self):
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertCanCreateAt(HomePage, FactorIndexPage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, FactorPage)

    def test_articles_only_live_in_topics_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_factors_only_live_in_the_factor_index(self):
        self.assertAllowedParentPageTypes(FactorPage, {FactorIndexPage})
        self.assertAllowedSubpageTypes(FactorPage, set())
        self.assertAllowedSubpageTypes(FactorIndexPage, {FactorPage})

    def test_plain_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_a_second_home_page_cannot_be_created(self):
        root = Page.get_first_root_node()
        self.assertTrue(HomePage.can_create_at(root))
        root.add_child(instance=HomePage(title="Home", slug="home-one", heading="Welcome"))
        self.assertFalse(HomePage.can_create_at(root))

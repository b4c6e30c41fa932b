"""The page classes every page type of the site is built on."""

from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page, Site

from core.http_cache import PAGE, Lifetime, response_cache_allow
from core.models.reviews import MedicallyReviewed
from core.page_cache import kept_page_response
from core.search_weights import page_search_fields
from core.selectors import review_summary_for
from core.site_cache import (
    CachedPublicPageManager,
    CachedRoutingMixin,
    CachedViewRestrictionsMixin,
    site_cached,
)


class BasePage(CachedRoutingMixin, CachedViewRestrictionsMixin, Page):
    """A page of this site: routed to and served without asking the database for the path
    and restrictions the site cache already knows.

    Its anonymous answer may be kept by browsers and shared caches for `cache_lifetime`
    (`core/http_cache.py`); a page behind a view restriction never is.
    """

    cache_lifetime: Lifetime = PAGE
    objects = CachedPublicPageManager()  # `public()` without a query each time
    search_fields = page_search_fields()  # the title counts most (core/search_weights.py)
    # The registry of pages that must show the get-help-now card near the top: every page
    # type says whether it does, and tests/website/test_help_card_everywhere.py renders each
    # one (and every directory state) to check the card, its number and every in-page link.
    shows_help_card: bool = True
    # Whether an anonymous reader's answer may be drawn once per version of the site's
    # content and sent to the next (core/page_cache.py): a page type that shows anything
    # a publish does not change, other than the day and `?region=`, says False.
    kept_whole: bool = True

    class Meta:
        abstract = True

    @property
    def title_for_search(self):
        """The title, indexed once more at the search's top weight (core/search_weights.py)."""
        return self.title

    def serve(self, request, *args, **kwargs):
        response = kept_page_response(
            self, request, lambda: super(BasePage, self).serve(request, *args, **kwargs)
        )
        return self.response_cache_allow(response)

    def get_full_url(self, request=None):
        """The page's address on the host the request came to (the sitemap, feeds, JSON-LD),
        not the host and port the Site record was created with; without a request, Wagtail's."""
        if request is None:
            return super().get_full_url(request)
        path = self.get_url(request, current_site=Site.find_for_request(request))
        if path is None:
            return None
        return request.build_absolute_uri(path)

    def response_cache_allow(self, response, lifetime: Lifetime | None = None):
        """Let caches keep this page's response, unless a view restriction guards it."""
        if not self.get_view_restrictions().exists():
            response_cache_allow(response, lifetime or self.cache_lifetime)
        return response


class HealthPage(MedicallyReviewed, BasePage):
    """A page that gives health information, so a medical reviewer checks it."""

    class Meta:
        abstract = True

    def reviewed_parts(self, context) -> list:
        """The reviewed snippets and pages this page shows readers, from its template context.

        Each page type that shows shared health content lists it here, so the page's
        review summary covers everything on it.
        """
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        url = self.get_full_url(request)

        def summary():
            return review_summary_for(obj=self, parts=self.reviewed_parts(context), url=url)

        # Lazy: worked out when the template shows it, after each page type has added the
        # content it shows to the context. With RENDER_CACHE, kept in the site cache (any
        # publish, a reviewer's profile or an insight changing clears it) for the day,
        # except in a preview; the template's cached parts follow the same rule.
        render_cache = settings.RENDER_CACHE and not getattr(request, "is_preview", False)
        context["render_cache"] = render_cache
        if render_cache:
            key = f"review-summary:{self.pk}:{timezone.localdate()}:{url}"
            context["review"] = SimpleLazyObject(lambda: site_cached(key, summary))
        else:
            context["review"] = SimpleLazyObject(summary)
        return context

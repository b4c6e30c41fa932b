"""The public directory's page: search, one page per listing, and the forms that feed it.

The page is a model, so it lives with the directory's other models; its routes are web
views, named by path (`_view`) so that this layer never imports the one above it.
"""

from django.shortcuts import redirect
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.db_routing import replica_reads
from core.http_cache import SEARCH
from core.models import BasePage
from core.search_weights import INTRO_BOOST, page_search_fields

# The module, not the class: consultants.py imports this module (through the page's
# finder) before it has defined Consultant.
from . import consultants


def _view(name: str):
    """A view of `help_contacts.web.views`, found when a request needs it."""
    return import_string(f"help_contacts.web.views.{name}")


class DirectoryPage(RoutablePageMixin, BasePage):
    """Find a lactation consultant near you: the search page and every listing under it."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    suggest_intro = RichTextField(
        _("suggest-a-listing introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Shown above the form consultants use to suggest a listing."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("suggest_intro")]
    search_fields = page_search_fields(index.SearchField("intro", boost=INTRO_BOOST))

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1
    template = "help_contacts/directory_page.html"
    # Its searches and listings change with every listing, not with a publish.
    kept_whole = False

    class Meta:
        verbose_name = _("directory page")

    def serve(self, request, *args, **kwargs):
        # Each route's answer (a listing, a thanks page) is a page like any other; the
        # forms set a CSRF cookie, so core.http_cache keeps them private.
        return self.response_cache_allow(super().serve(request, *args, **kwargs))

    @path("")
    def search(self, request):
        # Public, read-only and the busiest route: its listings may come from a read
        # replica (core/db_routing.py).
        with replica_reads():
            return self._search(request)

    def _search(self, request):
        context = _view("directory_search_context")(request, self)
        rounded = _view("rounded_coordinates_query")(request, context["search"])
        if rounded is not None:
            return redirect(f"{self.get_url(request)}?{rounded}")
        response = self.render(request, context_overrides=context)
        if context["form"].is_bound and not context["form"].is_valid():
            # The page explains what was wrong beside the field; the status says so too.
            response.status_code = 400
        # Results change whenever a listing does: purged then (website/frontend_cache.py),
        # and kept for less time by caches that cannot purge every search at once.
        return self.response_cache_allow(response, SEARCH)

    @path("suggest-a-listing/")
    def suggest_listing(self, request):
        return _view("suggest_listing")(request, self)

    @path("suggest-a-listing/thanks/")
    def suggest_listing_thanks(self, request):
        return self.render(
            request,
            template="help_contacts/form_thanks.html",
            context_overrides={"thanks": "suggestion"},
        )

    @path("referral-sheet/")
    def referral_sheet(self, request):
        return _view("referral_sheet")(request, self)

    @path("listing-check/<str:token>/", name="listing_check")
    def listing_check(self, request, token):
        # The owner's link: private, never cached, never indexed.
        return _view("listing_check")(request, self, token)

    @path("<slug:slug>/")
    def listing(self, request, slug):
        return _view("consultant_detail")(request, self, slug)

    @path("<slug:slug>/report/")
    def report_problem(self, request, slug):
        return _view("report_problem")(request, self, slug)

    @path("<slug:slug>/report/thanks/")
    def report_problem_thanks(self, request, slug):
        return self.render(
            request,
            template="help_contacts/form_thanks.html",
            context_overrides={"thanks": "report", "listing_slug": slug},
        )

    def listing_url(self, slug, request=None):
        return f"{self.get_url(request)}{slug}/"

    def route_url(self, name, request=None, **kwargs):
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["suggest_url"] = self.route_url("suggest_listing", request)
        context["referral_url"] = self.route_url("referral_sheet", request)
        return context

    def get_sitemap_urls(self, request=None):
        """The search page, then one entry per published listing, in one query."""
        entries = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not entries or base is None:
            return entries  # the page itself is left out (not live, or private)
        listings = consultants.Consultant.objects.published().order_by("slug")
        entries.extend(
            {"location": f"{base}{slug}/", "lastmod": updated_at}
            for slug, updated_at in listings.values_list("slug", "updated_at").iterator()
        )
        return entries

    def redirect_to_route(self, name, request=None, **kwargs):
        return redirect(self.route_url(name, request, **kwargs))

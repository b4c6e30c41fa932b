"""Site-wide views that are not pages: search, robots.txt, the favicon, the admin's throttled
password reset."""

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_GET

from wagtail.admin.views.account import PasswordResetView
from wagtail.models import Page
from wagtail.search.query import Or, Phrase, PlainText

from core.http_cache import ROBOTS, SEARCH, public_cache
from core.models import SiteSettings
from core.numbers import whole_number
from core.page_cache import kept_view
from core.site_cache import fragment_key, public_pages, site_cached
from website.page_meta import page_description
from website.search_words import search_vocabulary, spelling_correction

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12  # beyond this, more words only slow the query down


def clean_search_query(raw):
    """What the reader typed, without control characters that databases reject, trimmed."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def _term(words):
    return Phrase(words) if " " in words else PlainText(words)


def expand_synonyms(query, groups):
    """The query with each word (or the whole query) matching any word of its synonym group.

    "pumping at night" with the group {pumping, expressing} becomes
    (pumping OR expressing) OR night: a parent's question rarely uses the page's own
    words, so any word may match and the pages that match more of them, in their titles
    first, rank first (PostgreSQL's ranking; see docs/architecture.md, *Site search*).
    """
    lowered = query.lower()
    for group in groups:
        if lowered in group:
            return Or([_term(word) for word in sorted(group)])
    terms = []
    for word in lowered.split()[:MAX_QUERY_WORDS]:
        group = next((group for group in groups if word in group), None)
        terms.append(
            Or([_term(synonym) for synonym in sorted(group)]) if group else PlainText(word)
        )
    return terms[0] if len(terms) == 1 else Or(terms)


def _search_pages(query, groups):
    pages = public_pages(Page.objects.live()).specific()
    return pages.search(expand_synonyms(query, groups))


def search_answer(request, query) -> dict:
    """Every page that matches `query`, best first, as the results list shows them, and
    whether the query was corrected; worked out once per query and version of the site's
    content (see `search`)."""
    groups = SiteSettings.for_request(request).synonym_groups
    results = list(_search_pages(query, groups))
    corrected = ""
    if not results:
        corrected = spelling_correction(query, vocabulary=search_vocabulary(groups))
        if corrected:
            results = list(_search_pages(corrected, groups))
    return {
        "results": [
            {"url": page.get_url(request), "title": page.title, "summary": page_description(page)}
            for page in results
        ],
        "corrected_query": corrected,
        "searched_instead": bool(corrected),
    }


@require_GET
@public_cache(SEARCH)
@kept_view("site-search")
def search(request):
    """Search every live, public page; what the reader typed is never stored.

    When nothing matches as typed, each word the site never uses ("brestfeeding") is
    replaced by the closest one it does, that is searched instead, and the page says so
    ("Showing results for breastfeeding").

    The results only change when an editor changes the site's content, so with the render
    caches on (docs/architecture.md, *Render caching*) each query's answer is kept in the
    site cache, which every publish clears: asked again, a search reads no database at all.
    A query is kept under a keyed hash of its cleaned words (an HMAC with the site's secret
    key: the words cannot be recovered from the shared cache by hashing guesses), whatever
    its length, and only while it is asked (`SITE_CACHE_TIMEOUT`); Varnish already keeps
    every search's page in memory for the same reason, for as long. The page as drawn is
    kept too, per whole query string, for readers without a session (core/page_cache.py)."""
    query = clean_search_query(request.GET.get("q", ""))
    answer = {"results": [], "corrected_query": "", "searched_instead": False}
    if query:
        if settings.RENDER_CACHE:
            digest = salted_hmac("site-search-answer", query, algorithm="sha256").hexdigest()
            answer = site_cached(
                f"search:{fragment_key(request)}:{digest}", lambda: search_answer(request, query)
            )
        else:
            answer = search_answer(request, query)
    number = whole_number(request.GET.get("page"), minimum=1) or 1
    page = Paginator(answer["results"], RESULTS_PER_PAGE).get_page(number)
    return TemplateResponse(
        request,
        "website/search.html",
        {
            "search_query": query,
            "results": page,
            "corrected_query": answer["corrected_query"],
            "searched_instead": answer["searched_instead"],
        },
    )


@require_GET
@public_cache(ROBOTS)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


_password_reset = PasswordResetView.as_view()


def admin_password_reset(request, *args, **kwargs):
    """Wagtail's password reset, refused with 429 once an address has asked too often.

    Every request counts, valid or not: each one could send an email to someone.
    """
    if request.method == "POST" and is_ratelimited(
        request,
        group="admin-password-reset",
        key="ip",
        rate=f"{settings.ADMIN_PASSWORD_RESETS_PER_HOUR}/h",
        increment=True,
    ):
        return TemplateResponse(request, "admin_password_reset_limited.html", status=429)
    return _password_reset(request, *args, **kwargs)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static icon."""
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))

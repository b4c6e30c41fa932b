"""The directory's views: search context for the page, listing pages, forms and the JSON API.

The page and the API read their parameters through `DirectorySearchForm` and their
results from `consultants_near`, so they can never disagree.
"""

import functools

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.core.paginator import EmptyPage
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _

from core.http_cache import SEARCH, public_cache
from help_contacts.data.choices import ContactKind
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.models import Consultant, SupportContact
from help_contacts.data.representations import (
    consultant_api_json,
    consultant_json_ld,
    listing_cards,
)
from help_contacts.data.selectors import NearestFirstPaginator, consultants_near
from help_contacts.data.services import listing_suggestion_create, problem_report_create
from help_contacts.web.forms import (
    RADIUS_CHOICES,
    SEARCH_PARAMETERS,
    DirectorySearchForm,
    ProblemReportForm,
    SuggestListingForm,
)

RESULTS_PER_PAGE = 20


def _results_page(search, page_number):
    results = consultants_near(
        point=search.point, radius_km=search.radius_km, filters=search.filters
    )
    return NearestFirstPaginator(results, RESULTS_PER_PAGE).get_page(page_number)


def directory_search_context(request, page):
    """Everything the directory page shows for the query in its URL."""
    submitted = any(name in request.GET for name in SEARCH_PARAMETERS)
    form = DirectorySearchForm(request.GET if submitted else None)
    filter_names = ("language", "service", "specialty", "cost", "accepting", "q")
    context = {
        "form": form,
        "search": None,
        "listing_base_url": page.get_url(request),
        # Open the filters when one is set (an empty drop-down sends "language=").
        "filters_open": any(
            value.strip() for name in filter_names for value in request.GET.getlist(name)
        ),
    }
    if not submitted or not form.is_valid() or form.search is None:
        return context

    search = form.search
    page_obj = _results_page(search, request.GET.get("page"))
    wider = [radius for radius, _label in RADIUS_CHOICES if radius > search.radius_km]
    context.update(
        search=search,
        page_obj=page_obj,
        results=page_obj.object_list,
        cards=listing_cards(
            listings=page_obj.object_list, listing_base_url=context["listing_base_url"]
        ),
        wider_radius=wider[0] if wider else None,
        alternatives=search.alternatives,
    )
    if not page_obj.paginator.count:
        context["helplines"] = SupportContact.objects.filter(
            kind=ContactKind.HELPLINE, live=True
        ).order_by("sort_order", "name")
    return context


def _published_or_404(slug):
    consultant = Consultant.objects.published().filter(slug=slug).first()
    if consultant is None:
        raise Http404
    return consultant


def consultant_detail(request, page, slug):
    consultant = _published_or_404(slug)
    url = request.build_absolute_uri(page.listing_url(slug, request))
    return page.render(
        request,
        template="help_contacts/consultant_detail.html",
        context_overrides={
            "consultant": consultant,
            "json_ld": consultant_json_ld(consultant=consultant, url=url),
            "report_url": page.route_url("report_problem", request, slug=slug),
        },
    )


def _submission_status(response, *, request, limited):
    """429 when an address sent too many; 400 when a posted form comes back with its errors."""
    if limited:
        response.status_code = 429
    elif request.method == "POST":
        response.status_code = 400
    return response


def _submission_rate_limited(request, *, group: str) -> bool:
    """Counts a valid submission from this address and says whether it is one too many.

    django-ratelimit keeps only a hash of the address in the cache, never the address.
    """
    return is_ratelimited(
        request,
        group=f"directory-submissions:{group}",
        key="ip",
        rate=f"{settings.DIRECTORY_SUBMISSIONS_PER_HOUR}/h",
        method="POST",
        increment=True,
    )


def suggest_listing(request, page):
    form = SuggestListingForm(request.POST or None)
    limited = False
    if request.method == "POST":
        if form.is_spam:
            # Bots are thanked like people, so they learn nothing about the trap.
            return page.redirect_to_route("suggest_listing_thanks", request)
        # Only a submission that could be stored counts against the address's limit.
        limited = form.is_valid() and _submission_rate_limited(request, group="suggest")
        if not limited and form.is_valid():
            listing_suggestion_create(consultant=form.save(commit=False))
            return page.redirect_to_route("suggest_listing_thanks", request)
    response = page.render(
        request,
        template="help_contacts/suggest_listing.html",
        context_overrides={"form": form, "rate_limited": limited},
    )
    return _submission_status(response, request=request, limited=limited)


def report_problem(request, page, slug):
    consultant = _published_or_404(slug)
    form = ProblemReportForm(request.POST or None)
    limited = False
    if request.method == "POST":
        if form.is_spam:
            return page.redirect_to_route("report_problem_thanks", request, slug=slug)
        limited = form.is_valid() and _submission_rate_limited(request, group="report")
        if not limited and form.is_valid():
            problem_report_create(consultant=consultant, **{
                key: form.cleaned_data[key] for key in ("kind", "details", "reporter_email")
            })  # fmt: skip
            return page.redirect_to_route("report_problem_thanks", request, slug=slug)
    response = page.render(
        request,
        template="help_contacts/report_problem.html",
        context_overrides={
            "form": form,
            "consultant": consultant,
            "listing_url": page.listing_url(slug, request),
            "rate_limited": limited,
        },
    )
    return _submission_status(response, request=request, limited=limited)


# JSON API ---------------------------------------------------------------------------------


def _errors_response(errors):
    return JsonResponse({"errors": errors}, status=400)


def api_view(view):
    """GET and HEAD only; any other method gets a JSON 405, like every API error."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse(
                {"errors": {"__all__": [_("Only GET and HEAD are allowed here.")]}}, status=405
            )
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return wrapped


@api_view
@public_cache(SEARCH)
def directory_api(request):
    """GET /api/v1/directory/: the directory search as JSON, with the page's parameters."""
    form = DirectorySearchForm(request.GET, require_location=True)
    if not form.is_valid() or form.search is None:
        return _errors_response(
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    search = form.search
    results = consultants_near(
        point=search.point, radius_km=search.radius_km, filters=search.filters
    )
    paginator = NearestFirstPaginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(form.cleaned_data.get("page") or 1)
    except EmptyPage:
        return _errors_response({"page": [_("There is no page with that number.")]})

    directory = directory_page_find()
    listing_base_url = request.build_absolute_uri(directory.get_url(request)) if directory else None

    def page_link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "location": {
                "name": search.place_name,
                "lat": search.point.lat,
                "lon": search.point.lon,
            },
            "radius_km": search.radius_km,
            "count": paginator.count,
            "next": page_link(page_obj.next_page_number()) if page_obj.has_next() else None,
            "previous": (
                page_link(page_obj.previous_page_number()) if page_obj.has_previous() else None
            ),
            "alternatives": [
                {"name": place.label, "lat": place.latitude, "lon": place.longitude}
                for place in search.alternatives
            ],
            "results": [
                consultant_api_json(consultant=consultant, listing_base_url=listing_base_url)
                for consultant in page_obj.object_list
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )

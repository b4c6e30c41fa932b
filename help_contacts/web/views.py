"""The directory's views: search context for the page, listing pages, forms and the JSON API.

The page and the API read their parameters through `DirectorySearchForm` and their
results from `consultants_near`, so they can never disagree.
"""

import functools
import hashlib

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.core.paginator import EmptyPage
from django.http import Http404, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.db_routing import reads_from_replica
from core.http_cache import SEARCH, public_cache
from core.models import SiteSettings
from core.numbers import whole_number
from core.regions import region_countries, region_for_country
from core.site_cache import fragment_key
from help_contacts.data import listing_checks
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.models import Consultant
from help_contacts.data.representations import consultant_api_json, consultant_json_ld
from help_contacts.data.selectors import (
    NearestFirstPaginator,
    consultants_remote,
    consultants_remote_for_countries,
    index_walks_planned,
    search_regions,
    support_contacts_helplines,
)
from help_contacts.data.services import listing_suggestion_create, problem_report_create
from help_contacts.web.cards import result_cards
from help_contacts.web.forms import (
    MAX_REFERRAL_PICKS,
    PLACE_NOT_FOUND,
    RADIUS_CHOICES,
    SEARCH_PARAMETERS,
    DirectorySearchForm,
    OwnerChangesForm,
    ProblemReportForm,
    ReferralSheetForm,
    SuggestListingForm,
    coordinate_text,
)

RESULTS_PER_PAGE = 20
FEW_RESULTS = 3  # fewer nearby than this and the page also lists the helplines


class PageOutOfRange(Exception):
    """A page number past the last page of results: the page and the API both answer 400."""

    def __init__(self, *, number: int, last: int):
        self.last = last
        super().__init__(
            _("There is no page %(number)s of these results: they end at page %(last)s.")
            % {"number": number, "last": last}
        )


def search_form(request, data, **kwargs) -> DirectorySearchForm:
    """The directory's search form, preferring places in the site's region where a name is
    shared ("Perth" is in Scotland on a UK site)."""
    countries = region_countries(SiteSettings.for_request(request).region)
    return DirectorySearchForm(data, prefer_countries=countries, **kwargs)


def results_page(search, page_number: int | None):
    """The page of results asked for (the first when none is), by one rule for page and API.

    A number past the end raises `PageOutOfRange`, rather than quietly showing another
    page: a link that promised page 5 must not show page 1 as if it were page 5.
    """
    paginator = NearestFirstPaginator.for_search(search, RESULTS_PER_PAGE)
    number = page_number or 1
    try:
        return paginator.page(number)
    except EmptyPage:
        raise PageOutOfRange(number=number, last=paginator.num_pages) from None


def remote_helpers(search, page_obj):
    """Who can help by video or phone in the parent's region, shown with the first page."""
    if page_obj.number != 1:
        return []
    return consultants_remote(search=search, regions=search_regions(search=search))


def _help_without_a_place(request, listing_base_url: str) -> dict:
    """No dead end: when a search cannot run (a place not found, a bad value), the page
    still offers who helps by video or phone in the site's region, and its helplines."""
    region = SiteSettings.for_request(request).region
    return {
        "fallback_remote_cards": result_cards(
            request,
            listings=consultants_remote_for_countries(countries=region_countries(region)),
            listing_base_url=listing_base_url,
            remote=True,
        ),
        "helplines": support_contacts_helplines(region),
    }


def rounded_coordinates_query(request, search):
    """The query string with lat/lon at the form's precision, or None if already so.

    The page redirects a sharper position to it, so the browser history and any shared
    link keep only a rounded point.
    """
    if "lat" not in request.GET or search is None or search.place is not None:
        return None
    query = request.GET.copy()
    query["lat"] = coordinate_text(search.point.lat)
    query["lon"] = coordinate_text(search.point.lon)
    if query["lat"] == request.GET["lat"] and query["lon"] == request.GET.get("lon"):
        return None
    return query.urlencode()


def search_results(form):
    """The page of nearby listings and the remote helpers for a valid search form: what the
    directory page and the API both show, found the same way (PageOutOfRange past the end)."""
    with index_walks_planned():
        page_obj = results_page(form.search, form.cleaned_data.get("page"))
        return page_obj, remote_helpers(form.search, page_obj)


# The search form's filters, drawn together (help_contacts/includes/search_filters.html).
FILTER_FIELDS = ("language", "service", "cost", "specialty", "accepting", "ibclc", "q")


def filters_cache_key(request, form) -> str | None:
    """What the drawn filters vary on, or None to draw them afresh.

    Every value a filter accepts is one of its choices, so searches that set the same
    filters share one drawing and the number of drawings stays small; free text (`q`) or a
    refused value is drawn for its own request, never kept. The key holds the site cache's
    version, which a deploy's `migrate` and every publish replace."""
    if not settings.RENDER_CACHE:
        return None
    if form.is_bound and (
        any(name in form.errors for name in FILTER_FIELDS)
        or any(value.strip() for value in request.GET.getlist("q"))
    ):
        return None
    chosen = [(name, sorted(request.GET.getlist(name))) for name in FILTER_FIELDS]
    key = repr((form.is_bound, chosen, get_language(), fragment_key(request)))
    return hashlib.sha256(key.encode()).hexdigest()


def directory_search_context(request, page):
    """Everything the directory page shows for the query in its URL."""
    submitted = any(name in request.GET for name in SEARCH_PARAMETERS)
    form = search_form(request, request.GET if submitted else None)
    filter_names = ("language", "service", "specialty", "cost", "accepting", "q")
    context = {
        "filters_cache_key": filters_cache_key(request, form),
        "form": form,
        "search": None,
        "max_picks": MAX_REFERRAL_PICKS,
        # Back from a referral sheet that had too many: the ticks are kept, to untick one.
        "picked": {
            number
            for value in request.GET.getlist("pick")
            if (number := whole_number(value, minimum=1)) is not None
        },
        "listing_base_url": page.get_url(request),
        # Open the filters when one is set (an empty drop-down sends "language=").
        "filters_open": any(
            value.strip() for name in filter_names for value in request.GET.getlist(name)
        ),
    }
    if not submitted:
        return context
    if not form.is_valid() or form.search is None:
        return {**context, **_help_without_a_place(request, context["listing_base_url"])}

    search = form.search
    try:
        page_obj, remote = search_results(form)
    except PageOutOfRange as error:
        form.add_error("page", str(error))
        context["last_page_url"] = _query_with(request, page=error.last)
        return context
    wider = [radius for radius, _label in RADIUS_CHOICES if radius > search.radius_km]
    # The get-help-now card speaks for the country searched: 911 for New York, 999 for Leeds.
    place = search.region_place
    context["card_region"] = region_for_country(place.country_code) if place else None
    context.update(
        # The referral sheet's form repeats the search, so the sheet can say what found them.
        search_query_values=[
            (name, request.GET.getlist(name)) for name in SEARCH_PARAMETERS if name in request.GET
        ],
        remote_cards=result_cards(
            request,
            listings=remote,
            listing_base_url=context["listing_base_url"],
            remote=True,
            search_query=_search_query(request),
            picked=context["picked"],
        ),
        search=search,
        page_obj=page_obj,
        results=page_obj.object_list,
        cards=result_cards(
            request,
            listings=page_obj.object_list,
            listing_base_url=context["listing_base_url"],
            search_query=_search_query(request),
            picked=context["picked"],
        ),
        wider_radius=wider[0] if wider else None,
        filters_to_drop=filters_to_drop(request, form) if not page_obj.paginator.count else [],
        alternatives=search.alternatives,
    )
    if page_obj.paginator.count < FEW_RESULTS:
        context["helplines"] = support_contacts_helplines(context["card_region"])
    return context


def referral_sheet(request, page):
    """A printable, shareable sheet of up to three listings and the search that found them.

    Its whole state is the URL (`pick` ids and the search's parameters): no account,
    nothing stored, so a referral worker can print it or send the link.
    """
    form = ReferralSheetForm(request.GET)
    valid = form.is_valid()
    directory_form = search_form(request, request.GET)
    search = directory_form.search if directory_form.is_valid() else None
    listing_base_url = page.get_url(request)
    response = page.render(
        request,
        template="help_contacts/referral_sheet.html",
        context_overrides={
            "form": form,
            "search": search,
            # Back to the search with the ticks kept, to untick one (the sheet had too many).
            "search_url": f"{listing_base_url}?{_query_with_picks(request)}" if search else "",
            "sheet_url": request.build_absolute_uri(),
            "max_picks": MAX_REFERRAL_PICKS,
            "listing_base_url": request.build_absolute_uri(listing_base_url),
            "listings": form.picked_listings if valid else [],
        },
    )
    if not valid:
        response.status_code = 400
    return response


def _search_query(request) -> str:
    """The search's own parameters from the URL, without empty ones or anything else."""
    query = request.GET.copy()
    for name in list(query):
        values = [value for value in query.getlist(name) if value]
        if name not in SEARCH_PARAMETERS or not values:
            del query[name]
        else:
            query.setlist(name, values)
    return query.urlencode()


def _query_with_picks(request) -> str:
    query = request.GET.copy()
    for name in list(query):
        if name not in (*SEARCH_PARAMETERS, "pick"):
            del query[name]
    return query.urlencode()


def _query_with(request, **values) -> str:
    """The request's query with `values` set; a value of None takes the parameter out."""
    query = request.GET.copy()
    for name, value in values.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = str(value)
    return f"?{query.urlencode()}"


FILTERS = ("language", "service", "specialty", "cost", "accepting", "ibclc", "q")


def filters_to_drop(request, form) -> list[dict]:
    """Each filter the search used, by name, with the same search without it: when nobody
    matches, the parent sees which filter to let go of rather than a dead end."""
    dropped = []
    for name in FILTERS:
        value = form.cleaned_data.get(name)
        if not value:
            continue
        field = form.fields[name]
        if isinstance(value, list):
            labels = dict(field.choices)
            shown = ", ".join(str(labels.get(code, code)) for code in value)
            label = f"{field.label}: {shown}"
        elif isinstance(value, str):
            label = f"{field.label}: “{value}”"
        else:
            label = str(field.label)
        dropped.append({"label": label, "url": _query_with(request, page=None, **{name: None})})
    return dropped


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
            "card_region": region_for_country(consultant.country),
            # Came from a search: the breadcrumb leads back to its results.
            "results_url": f"{page.get_url(request)}?{query}"
            if (query := _search_query(request))
            else "",
            "canonical_url": url,
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


# Listing owners' check links --------------------------------------------------------------

# A dead link answers 404 when it was never ours and 410 when it was used or has expired.
DEAD_LINK_STATUS = {"invalid": 404, "used": 410, "expired": 410}


def _owner_answers_limited(request, check) -> bool:
    """Counts an answer from this address and for this listing; True if one too many."""
    rate = f"{settings.LISTING_CHECK_ANSWERS_PER_HOUR}/h"
    by_address = is_ratelimited(
        request, group="listing-check:address", key="ip", rate=rate, method="POST", increment=True
    )
    by_listing = is_ratelimited(
        request,
        group="listing-check:listing",
        key=lambda group, request: str(check.consultant_id),
        rate=rate,
        method="POST",
        increment=True,
    )
    return by_address or by_listing


def _private(response):
    """The link is the owner's key: never cached, indexed or passed on as a referrer."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    # Not "no-referrer": browsers then send `Origin: null` with the page's forms, which
    # Django's CSRF check rightly refuses. "same-origin" keeps the link off other sites.
    response["Referrer-Policy"] = "same-origin"
    return response


def _dead_link(request, page, problem, *, resent=False, limited=False):
    response = page.render(
        request,
        template="help_contacts/listing_check_dead.html",
        context_overrides={
            "reason": problem.reason,
            "can_resend": problem.check is not None,
            "resent": resent,
            "rate_limited": limited,
        },
    )
    response.status_code = 429 if limited else DEAD_LINK_STATUS[problem.reason]
    return _private(response)


def listing_check(request, page, token):
    """The page an owner's email links to: the listing as parents see it, and three answers."""
    try:
        check = listing_checks.check_for_token(token)
    except listing_checks.LinkProblem as problem:
        if request.method == "POST" and request.POST.get("resend") and problem.check is not None:
            if _owner_answers_limited(request, problem.check):
                return _dead_link(request, page, problem, limited=True)
            listing_checks.resend(problem.check)
            # Said whether or not it went, so the page never tells whose address is whose.
            return _dead_link(request, page, problem, resent=True)
        return _dead_link(request, page, problem)

    consultant = check.consultant
    form = OwnerChangesForm(instance=consultant)
    answer = request.POST.get("answer") if request.method == "POST" else None
    status = 200
    done = None
    waiting = []
    if answer is not None:
        if _owner_answers_limited(request, check):
            status = 429
        else:
            try:
                if answer == "confirm":
                    consultant = listing_checks.confirm(check)
                    done = "confirmed"
                elif answer == "change":
                    form = OwnerChangesForm(
                        request.POST, instance=Consultant.objects.get(pk=consultant.pk)
                    )
                    if form.is_valid():
                        consultant, waiting = listing_checks.apply_changes(check, form.cleaned_data)
                        done = "changed"
                    else:
                        status = 400
                elif answer == "remove" and request.POST.get("sure") == "yes":
                    consultant = listing_checks.remove(check)
                    done = "removed"
                else:
                    status = 400
            except listing_checks.LinkProblem as problem:  # answered twice at once
                return _dead_link(request, page, problem)
    response = page.render(
        request,
        template="help_contacts/listing_check.html",
        context_overrides={
            "consultant": consultant,
            "form": form,
            "done": done,
            "answer": answer,
            "rate_limited": status == 429,
            "card_region": region_for_country(consultant.country),
            "waiting": [OwnerChangesForm.base_fields[name].label for name in waiting],
        },
    )
    response.status_code = status
    return _private(response)


# JSON API ---------------------------------------------------------------------------------


def errors_response(errors, status=400):
    return JsonResponse({"errors": errors}, status=status)


def form_errors_response(form):
    """The form's errors as the APIs give them: 404 when all that is wrong is a place the
    gazetteer does not hold (nothing was found), 400 for anything the client got wrong."""
    errors = {
        field: [error["message"] for error in field_errors]
        for field, field_errors in form.errors.get_json_data().items()
    }
    not_found = list(errors) == ["location"] and form.has_error("location", PLACE_NOT_FOUND)
    return errors_response(errors, status=404 if not_found else 400)


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


def conditional(view):
    """An ETag (a hash of the body) on GET and HEAD alike, and a 304 for a client that asks
    again with If-None-Match or If-Modified-Since when nothing has changed.

    Django's ConditionalGetMiddleware leaves HEAD without an ETag; here the view builds
    the body either way (the server drops it for HEAD), so both carry the same one.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )

    return wrapped


def with_last_modified(response, listings):
    """Last-Modified: the latest change among the listings in the answer (already loaded)."""
    changed = [listing.updated_at for listing in listings if listing.updated_at]
    if changed and response.status_code == 200:
        response.headers["Last-Modified"] = http_date(max(changed).timestamp())
    return response


@api_view
@public_cache(SEARCH)
@conditional
@reads_from_replica
def directory_api(request):
    """GET /api/v1/directory/: the directory search as JSON, with the page's parameters."""
    form = search_form(request, request.GET, require_location=True)
    if not form.is_valid() or form.search is None:
        return form_errors_response(form)
    search = form.search
    try:
        page_obj, remote = search_results(form)
    except PageOutOfRange as error:
        return errors_response({"page": [str(error)]}, status=404)
    paginator = page_obj.paginator

    directory = directory_page_find()
    listing_base_url = request.build_absolute_uri(directory.get_url(request)) if directory else None

    def page_link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    response = JsonResponse(
        {
            "location": {
                "name": search.place_name,
                "lat": search.point.lat,
                "lon": search.point.lon,
                "approximate": search.approximate,
            },
            "radius_km": search.radius_km,
            "count": paginator.count,
            "more_than_count": paginator.more_than_count,
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
            "remote": [
                consultant_api_json(consultant=consultant, listing_base_url=listing_base_url)
                for consultant in remote
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    return with_last_modified(response, [*page_obj.object_list, *remote])

"""The directory's views: search context for the page, listing pages, forms and the JSON API.

The page and the API read their parameters through `DirectorySearchForm` and their
results from `consultants_near`, so they can never disagree.
"""

import json

from django.core.paginator import EmptyPage
from django.http import Http404, JsonResponse
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from help_contacts.choices import ContactKind
from help_contacts.forms import (
    RADIUS_CHOICES,
    SEARCH_PARAMETERS,
    DirectorySearchForm,
    ProblemReportForm,
    SuggestListingForm,
)
from help_contacts.listing_cards import listing_cards
from help_contacts.models import Consultant, DirectoryPage, SupportContact
from help_contacts.selectors import NearestFirstPaginator, consultants_near
from help_contacts.services import (
    listing_suggestion_create,
    problem_report_create,
    submission_rate_limited,
)

RESULTS_PER_PAGE = 20
KM_PER_MILE = 1.609344


def _query_string(params, **changes):
    query = params.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


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
    params = request.GET.copy()
    wider = [radius for radius, _label in RADIUS_CHOICES if radius > search.radius_km]
    context.update(
        search=search,
        page_obj=page_obj,
        results=page_obj.object_list,
        cards=listing_cards(
            listings=page_obj.object_list, listing_base_url=context["listing_base_url"]
        ),
        query_string=_query_string(params, page=None),
        wider_radius=wider[0] if wider else None,
        wider_query=_query_string(params, page=None, radius=str(wider[0])) if wider else "",
        alternatives=[
            (place, _query_string(params, page=None, lat=None, lon=None, location=place.label))
            for place in search.alternatives
        ],
    )
    if not page_obj.paginator.count:
        context["helplines"] = SupportContact.objects.filter(
            kind=ContactKind.HELPLINE, live=True
        ).order_by("sort_order", "name")
    return context


def consultant_json_ld(consultant, url):
    """schema.org data for one listing, safe to place inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalBusiness",
        "name": consultant.practice_name or consultant.name,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": consultant.street_address,
            "addressLocality": consultant.city,
            "addressRegion": consultant.region,
            "postalCode": consultant.postcode,
            "addressCountry": consultant.country,
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": consultant.latitude,
            "longitude": consultant.longitude,
        },
        "employee": {
            "@type": "Person",
            "name": consultant.name,
            "hasCredential": [str(label) for label in consultant.credential_labels],
        },
        "knowsLanguage": consultant.languages,
        "isAcceptingNewPatients": consultant.accepting_new_clients,
    }
    if consultant.phone:
        data["telephone"] = consultant.phone
    if consultant.email:
        data["email"] = consultant.email
    if consultant.website:
        data["sameAs"] = consultant.website
    if consultant.opening_hours:
        data["openingHours"] = consultant.opening_hours
    if consultant.home_visit_radius_km:
        data["areaServed"] = {
            "@type": "GeoCircle",
            "geoMidpoint": data["geo"],
            "geoRadius": consultant.home_visit_radius_km * 1000,
        }
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(text)  # every <, > and & is escaped above


def _published_or_404(slug):
    consultant = Consultant.objects.filter(slug=slug, live=True).first()
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
            "json_ld": consultant_json_ld(consultant, url),
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


def _client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def suggest_listing(request, page):
    form = SuggestListingForm(request.POST or None)
    limited = False
    if request.method == "POST":
        if form.is_spam:
            # Bots are thanked like people, so they learn nothing about the trap.
            return page.redirect_to_route("suggest_listing_thanks", request)
        limited = submission_rate_limited(client_address=_client_address(request), scope="suggest")
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
        limited = submission_rate_limited(client_address=_client_address(request), scope="report")
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


def _consultant_json(consultant, listing_base_url):
    return {
        "id": consultant.pk,
        "name": consultant.name,
        "url": f"{listing_base_url}{consultant.slug}/" if listing_base_url else None,
        "credentials": consultant.credentials,
        "practice_name": consultant.practice_name,
        "address": {
            "street_address": consultant.street_address,
            "city": consultant.city,
            "region": consultant.region,
            "postcode": consultant.postcode,
            "country": consultant.country,
        },
        "lat": consultant.latitude,
        "lon": consultant.longitude,
        "phone": consultant.phone,
        "email": consultant.email,
        "website": consultant.website,
        "languages": consultant.languages,
        "services": consultant.services,
        "costs": consultant.costs,
        "specialties": consultant.specialties,
        "opening_hours": consultant.opening_hours,
        "accepting_new_clients": consultant.accepting_new_clients,
        "home_visit_radius_km": consultant.home_visit_radius_km,
        "visits_your_area": bool(consultant.reaches_you),
        "last_verified": consultant.last_verified.isoformat() if consultant.last_verified else None,
        "is_demo": consultant.is_demo,
        "distance_km": round(consultant.distance_km, 2),
        "distance_miles": round(consultant.distance_km / KM_PER_MILE, 2),
    }


@require_GET
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

    directory = DirectoryPage.objects.live().public().first()
    listing_base_url = request.build_absolute_uri(directory.get_url(request)) if directory else None

    def page_link(number):
        return request.build_absolute_uri(
            f"{request.path}?{_query_string(request.GET, page=str(number))}"
        )

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
            "results": [_consultant_json(c, listing_base_url) for c in page_obj.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )

"""The "get help now" card: warning signs, numbers to call and helplines, on every health page."""

from django import template
from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.models import SiteSettings, WarningSigns
from core.regions import Region, region_from_query
from core.site_cache import fragment_key, site_cached
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.selectors import support_contacts_helplines

register = template.Library()


def warning_signs_for(site_settings, region):
    """The live warning signs written for `region`: the site's own card if it is for that
    region, otherwise the newest live one for it, or None (the card then shows its notice)."""

    def find():
        chosen = site_settings.live_warning_signs
        if chosen is not None and chosen.region == region:
            return chosen
        return WarningSigns.objects.filter(live=True, region=region).order_by("-pk").first()

    return site_cached(f"warning-signs:{site_settings.pk}:{region}", find)


def card_region(request, site_settings, page_region=None):
    """The region the card speaks for: the reader's choice in the URL (`?region=`), else the
    page's own (the place searched, the listing's country), else the site's."""
    chosen = region_from_query(request.GET.get("region")) if request is not None else None
    return chosen or page_region or site_settings.region


def other_regions(request, region) -> list[tuple[str, str, str]]:
    """Each other region, its name and the address of this page for it: the page's query
    with `region` set, as `{% querystring region=value %}` writes it, worked out here once
    for the whole list rather than by the template tag for each link."""
    query = request.GET.copy()
    links = []
    for value, label in Region.choices:
        if value != region:
            query["region"] = value
            links.append((value, label, f"?{query.urlencode()}"))
    return links


def card_cache_key(request, region) -> str | None:
    """What the card's cached lines and signs vary on, or None to draw them afresh.

    Everything they show (the live card, the helplines, the site settings' numbers and
    notice) clears the site cache when it changes, so the key holds its version
    (`fragment_key`). A page's preview shows the same live card as the page, so it may use
    the cached one; a preview of a card itself passes its draft (`signs`) and is never
    cached. Nothing is kept without a shared cache (RENDER_CACHE: with one cache per
    process a change made in one would not reach the others)."""
    if not settings.RENDER_CACHE:
        return None
    return f"{region}:{fragment_key(request)}"


@register.inclusion_tag("components/get_help_now.html", takes_context=True)
def get_help_now(context, region=None, signs=None):
    """The warning signs for the page's region, that region's numbers and the live helplines.

    `signs` shows a given card instead (the admin's preview of a draft)."""
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    if site_settings is None:
        return {"signs": None}
    region = card_region(request, site_settings, region or context.get("card_region"))
    help_numbers = site_settings.help_for_region(region)
    return {
        "card_cache_key": card_cache_key(request, region) if signs is None else None,
        "request": request,
        "site_settings": site_settings,
        "help": help_numbers,
        "words": help_numbers.words,
        "region": region,
        "other_regions": other_regions(request, region),
        # Read only when the card's body is drawn: with it in the render cache, not at all.
        "signs": (
            signs
            if signs is not None
            else SimpleLazyObject(lambda: warning_signs_for(site_settings, region))
        ),
        "helplines": SimpleLazyObject(
            lambda: site_cached(f"helplines:{region}", lambda: support_contacts_helplines(region))
        ),
    }


@register.simple_tag(takes_context=True)
def directory_page(context):
    """The live directory page, or None: for the search box offered when nothing is found."""
    return directory_page_find()

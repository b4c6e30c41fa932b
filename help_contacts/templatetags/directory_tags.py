"""Small display helpers for directory listings."""

from django import template
from django.conf import settings
from django.utils.formats import number_format

register = template.Library()

KM_PER_MILE = 1.609344


@register.filter
def distance_label(km):
    """'2.4 km (1.5 miles)', with one decimal under 10 km and none above."""
    if km is None:
        return ""
    miles = km / KM_PER_MILE
    digits = 1 if km < 10 else 0
    # number_format truncates, so round first: 0.29 km reads 0.3 km, not 0.2 km.
    km_text = number_format(round(km, digits), digits)
    miles_text = number_format(round(miles, digits), digits)
    return f"{km_text} km ({miles_text} mi)"


@register.simple_tag
def directions_url(consultant):
    return settings.MAP_DIRECTIONS_URL.format(
        lat=f"{consultant.latitude:.5f}", lon=f"{consultant.longitude:.5f}"
    )


@register.simple_tag
def map_settings():
    return {"tile_url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


@register.simple_tag(takes_context=True)
def directory_search_url(context, specialty=""):
    """The directory's URL with a specialty filter set, or '' when there is no directory."""
    from django.utils.http import urlencode

    from help_contacts.models import DirectoryPage

    directory = DirectoryPage.objects.live().public().first()
    if directory is None:
        return ""
    url = directory.get_url(context.get("request"))
    return f"{url}?{urlencode({'specialty': specialty})}" if specialty else url

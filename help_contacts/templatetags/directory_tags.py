"""Small display helpers for directory listings, from `help_contacts.data.representations`."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.http import urlencode

from help_contacts.data import opening_hours, representations
from help_contacts.data.directory_page import directory_page_find

register = template.Library()


@register.filter
def distance_label(km):
    return representations.distance_label(km)


@register.simple_tag
def directions_url(consultant):
    return representations.directions_url(consultant=consultant)


@register.simple_tag
def listing_notes(consultant):
    """What a listing's page says about its freshness, availability and credentials."""
    return {
        "availability": representations.availability_note(consultant=consultant),
        "checked": representations.freshness_note(consultant=consultant),
        "credential": representations.credential_note(consultant=consultant),
    }


@register.simple_tag
def helpline_status(contact):
    """ "Open now, until 17:00 (Europe/London time)" or when it opens; None without hours."""
    return opening_hours.helpline_status(
        spans=contact.opening_spans, time_zone=contact.time_zone, now=timezone.now()
    )


@register.simple_tag
def map_settings():
    return {
        "tile_url": settings.MAP_TILE_URL,
        "tile_host": urlsplit(settings.MAP_TILE_URL).hostname or "",
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@register.simple_tag(takes_context=True)
def directory_search_url(context, specialty=""):
    """The directory's URL with a specialty filter set, or '' when there is no directory."""
    directory = directory_page_find()
    if directory is None:
        return ""
    url = directory.get_url(context.get("request"))
    return f"{url}?{urlencode({'specialty': specialty})}" if specialty else url

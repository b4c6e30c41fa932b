"""The directory's result cards, each drawn once per version of its listing.

A results page shows twenty cards; working out what each says (labels, translations,
dates) and drawing it cost more than the search that found them. A card's drawing depends
only on the listing's own row, whether it reaches the place searched, whether it is
stale, the language and the day, so it is kept under a fingerprint of exactly those and
reused by every search that finds the listing. What differs from one search to the next
(the link back to the search, the distance, the tick for a referral sheet) is left in the
drawing as markers and filled in for each request.

The fingerprint is every field of the row the search loaded (not a hand-kept list, so a
field added to the card later is in it too): a change made any way at all, through the
admin, an owner's answer or an update that no signal sees, is a new fingerprint.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.site_cache import fragment_key
from help_contacts.data.models import Consultant
from help_contacts.data.representations import card_distance, card_url, listing_cards

CARD_TIMEOUT = 60 * 60
# NUL cannot be stored in a listing (PostgreSQL refuses it in text and Django's forms
# refuse it in input), so no listing's own words can contain a marker.
URL = "\x00url\x00"
DISTANCE = "\x00distance\x00"
PICKED = "\x00picked\x00"
SEPARATOR = "\x00card\x00"  # between the cards drawn together
_FIELDS = tuple(field.attname for field in Consultant._meta.concrete_fields)


class _Unloaded:
    """Stands in a fingerprint for a field the search did not load (a deferred one)."""

    def __repr__(self):
        return "<unloaded>"


_UNLOADED = _Unloaded()


def _fingerprint(consultant: Consultant, *, remote: bool, drawn_for: str) -> str:
    """The card's key: every field of the row as loaded, what the search says of the
    listing, and `drawn_for` (`_drawn_for`: the language, the day and the site cache's
    version), hashed."""
    loaded = consultant.__dict__
    key = repr(
        (
            [loaded.get(name, _UNLOADED) for name in _FIELDS],
            remote,
            bool(getattr(consultant, "reaches_you", False)),
            consultant.is_stale,
            drawn_for,
        )
    )
    return "directory-card:" + hashlib.sha256(key.encode()).hexdigest()


def _drawn_for(request) -> str:
    """What every card of a request is drawn for alike, worked out once a request."""
    return repr((get_language(), timezone.localdate(), fragment_key(request)))


def _drawn(listings, *, remote: bool) -> list[str]:
    """Each listing's card with markers where the search's own values go."""
    cards = listing_cards(listings=listings, listing_base_url="", remote=remote)
    for card in cards:
        card.update(url=URL, picked=PICKED)
        if not remote:
            card["distance"] = DISTANCE
    drawn = render_to_string(
        "help_contacts/includes/listing_cards.html",
        {"cards": cards, "remote": remote, "separator": SEPARATOR},
    )
    return drawn.split(SEPARATOR)[: len(cards)]


def result_cards(
    request,
    *,
    listings,
    listing_base_url: str,
    remote: bool = False,
    search_query: str = "",
    picked=frozenset(),
) -> list[SafeString]:
    """The cards for `listings`, in order, as HTML: drawn or taken from the cache."""
    listings = list(listings)
    if not listings:
        return []
    drawn_for = _drawn_for(request)
    keys = [_fingerprint(listing, remote=remote, drawn_for=drawn_for) for listing in listings]
    kept = caches["template_fragments"].get_many(keys) if settings.RENDER_CACHE else {}
    missing = [
        (key, listing) for key, listing in zip(keys, listings, strict=True) if key not in kept
    ]
    if missing:
        drawings = _drawn([listing for _key, listing in missing], remote=remote)
        drawn = {key: html for (key, _listing), html in zip(missing, drawings, strict=True)}
        if settings.RENDER_CACHE:
            caches["template_fragments"].set_many(drawn, CARD_TIMEOUT)
        kept = {**kept, **drawn}
    cards = []
    for listing, key in zip(listings, keys, strict=True):
        html = (
            kept[key]
            .replace(URL, conditional_escape(card_url(listing, listing_base_url, search_query)))
            .replace(PICKED, " checked" if listing.pk in picked else "")
        )
        if not remote:
            html = html.replace(DISTANCE, conditional_escape(card_distance(listing)))
        cards.append(mark_safe(html))  # drawn by the template; the values put in are escaped
    return cards

"""What each result card on the directory page says, worked out in Python for its template.

The template only places these values. Resolved there, twenty cards each looking up some
forty expressions through the model (labels, translations, filters) cost more than the
search that found them.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from help_contacts.templatetags.directory_tags import directions_url, distance_label


def _filled_in(message: str, **values) -> SafeString:
    """A translated message with escaped values put in, as `{% blocktranslate %}` does."""
    return mark_safe(message % {name: conditional_escape(value) for name, value in values.items()})


def _joined(labels) -> str:
    return ", ".join(str(label) for label in labels)


def listing_cards(*, listings, listing_base_url: str) -> list[dict]:
    """One dict per listing; an optional line is None when the template leaves it out."""
    # Each message is translated once for the whole list.
    away = gettext("%(distance)s away")
    call = gettext("Call %(phone)s")
    website_of = gettext("of %(name)s")
    directions_to = gettext("to %(name)s")
    cards = []
    for consultant in listings:
        address = consultant.address_lines
        cards.append(
            {
                "name": consultant.name,
                "url": f"{listing_base_url}{consultant.slug}/",
                "lat": f"{consultant.latitude:f}",  # as the stringformat:"f" filter wrote it
                "lon": f"{consultant.longitude:f}",
                "credentials": consultant.short_credentials if consultant.credentials else None,
                "distance": _filled_in(away, distance=distance_label(consultant.distance_km)),
                "reaches_you": consultant.reaches_you,
                "accepting_new_clients": consultant.accepting_new_clients,
                "is_demo": consultant.is_demo,
                "address": ", ".join(address) if address else None,
                "services": _joined(consultant.service_labels) if consultant.services else None,
                "languages": _joined(consultant.language_labels) if consultant.languages else None,
                "costs": _joined(consultant.cost_labels) if consultant.costs else None,
                "phone_tel": consultant.phone_tel,
                "call": _filled_in(call, phone=consultant.phone) if consultant.phone else None,
                "website": consultant.website,
                "website_of": _filled_in(website_of, name=consultant.name),
                "directions_url": directions_url(consultant),
                "directions_to": _filled_in(directions_to, name=consultant.name),
            }
        )
    return cards

"""Which listings an export holds: the directory's own search, or every published listing."""

from __future__ import annotations

from django.db.models import QuerySet

from help_contacts.data.models import Consultant
from help_contacts.data.selectors import DirectorySearch, consultants_near


def listings_for_export(*, search: DirectorySearch | None) -> QuerySet[Consultant]:
    """The listings a search finds, in the directory's order; all published ones by name if none.

    A search goes through `consultants_near`, the query behind the directory page and its
    JSON API, so an export can never disagree with them.
    """
    if search is None:
        listings = Consultant.objects.published().order_by("name", "pk")
    else:
        listings = consultants_near(
            point=search.point, radius_km=search.radius_km, filters=search.filters
        ).defer(None)  # the search leaves out the about text, which an export carries
    return listings.select_related("hsds_identity")

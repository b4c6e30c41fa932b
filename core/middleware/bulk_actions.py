"""Wagtail's bulk-action screens: ids that are not whole numbers are a 400."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from core.numbers import whole_number


class BulkActionIdsMiddleware:
    """Wagtail's bulk-action screens read `?id=` as database keys without checking them
    (`?id=None` was a 500): outside "all", every id must be a whole number, or it is a 400."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"{settings.ADMIN_URL_PREFIX}bulk/"

    def __call__(self, request):
        if request.path_info.startswith(self.prefix):
            ids = request.GET.getlist("id")
            if any(value != "all" and whole_number(value) is None for value in ids):
                return HttpResponseBadRequest(
                    _("Choose the items again: one of them is not a valid item."),
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)

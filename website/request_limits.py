"""What a request from the public may carry, and who sent it when a proxy passes it on.

Public forms (search, "suggest a listing", "report a problem") are a few short fields, so
outside the admin a body is refused before anything reads it once it passes
`PUBLIC_MAX_BODY_SIZE`, and a multipart body may carry no file at all. The admin keeps
Django's and Wagtail's own limits, which its uploads need. nginx applies the same size
limits in front (`deploy/nginx/milk.conf`), so most oversized bodies never reach gunicorn.
"""

import contextlib
import ipaddress

from django.conf import settings
from django.core.exceptions import TooManyFilesSent
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse
from django.utils.translation import gettext as _

from core.numbers import whole_number


class NoFilesUploadHandler(FileUploadHandler):
    """Refuse the first file in a public multipart body (Django answers 400)."""

    def new_file(self, *args, **kwargs):
        raise TooManyFilesSent("Public forms take no files.")

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


class PublicRequestBodyLimitMiddleware:
    """Outside the admin, answer 413 to a body over PUBLIC_MAX_BODY_SIZE and take no files."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_body_size = settings.PUBLIC_MAX_BODY_SIZE

    def __call__(self, request):
        if not request.path.startswith(settings.ADMIN_URL_PREFIX):
            length = whole_number(request.META.get("CONTENT_LENGTH") or "0")
            if length is None:
                return HttpResponse(
                    _("The request's length is not a number."),
                    status=400,
                    content_type="text/plain; charset=utf-8",
                )
            if length > self.max_body_size:
                return HttpResponse(
                    _("That is more than this form can take."),
                    status=413,
                    content_type="text/plain; charset=utf-8",
                )
            request.upload_handlers = [NoFilesUploadHandler(request)]
        return self.get_response(request)


class ClientAddressFromProxyMiddleware:
    """Take the visitor's address from nginx's X-Real-IP, when nginx is the one asking.

    Behind the proxy every request comes from its address, so the per-address limit on
    public forms would count all visitors as one. nginx sets X-Real-IP to the address it
    saw (replacing whatever the client sent); the header is believed only from an address
    in TRUSTED_PROXY_IPS, so a client that reaches gunicorn directly cannot choose its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = frozenset(settings.TRUSTED_PROXY_IPS)

    def __call__(self, request):
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        if forwarded and request.META.get("REMOTE_ADDR") in self.trusted:
            # An address, or nothing: what is not one is ignored rather than trusted.
            with contextlib.suppress(ValueError):
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(forwarded))
        return self.get_response(request)

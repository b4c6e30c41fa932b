"""Refuse, with a 400, a form that declares a charset other than UTF-8.

Browsers send forms in UTF-8, and say so if they say anything; a request that declares
another charset is a bot or a probe, and Django copes badly with it: a charset it does not
know (`charset=klingon`) is ignored and the body read as UTF-8 anyway, a codec that is not
a text encoding (`rot13`, `base64`) makes the multipart parser fail with a 500, and a
known charset on a urlencoded form is refused only when something first reads the body.
Such a request gets the 400 page here, before anything reads the body (the CSRF check is
the first thing that would).
"""

import codecs

from django.core.exceptions import BadRequest

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def is_utf_8(charset: str) -> bool:
    """Whether `charset` names UTF-8, under any of its spellings ("utf8", "UTF-8", "U8")."""
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


class FormCharsetMiddleware:
    """400 for a form that declares a charset other than UTF-8 (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = (request.content_params or {}).get("charset")
        if request.content_type in FORM_TYPES and charset is not None and not is_utf_8(charset):
            raise BadRequest(f"A form was sent in a charset other than UTF-8: {charset[:40]!r}")
        return self.get_response(request)

"""A form sent in a charset other than UTF-8 gets the 400 page, never a 500.

Two layers: `website.request_guards.FormCharsetMiddleware` refuses such a body before
anything reads it, and the site's error handlers (`website/errors.py`) never read the
body, as Django's defaults do (so a body Django refuses later still ends in a 400).
"""

import pytest

from django.core.exceptions import BadRequest
from django.test import Client, RequestFactory
from django.views import defaults

from tests.factories import ConsultantFactory, DirectoryPageFactory
from website import errors

TOKEN = "a" * 32  # a well-formed CSRF secret, sent both as the cookie and in the form
FORMS = ["/find-support/suggest-a-listing/", "/find-support/zofia/report/", "/search/", "/"]
CHARSETS = ["klingon", "latin-1", "utf-16", "rot13", "base64", "shift_jis"]


@pytest.fixture
def forms(home):
    DirectoryPageFactory(parent=home, slug="find-support")
    ConsultantFactory(name="Zofia Nowak", slug="zofia")


@pytest.fixture
def browser():
    """A client that checks CSRF as a real visit does, with a token it already holds."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = TOKEN
    return client


def urlencoded_body() -> bytes:
    return f"csrfmiddlewaretoken={TOKEN}&name=Zofia&details=%FF%FE".encode() + b"\xff\xfe"


def multipart_body() -> bytes:
    return (
        f'--BOUNDARY\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f'{TOKEN}\r\n--BOUNDARY\r\nContent-Disposition: form-data; name="nam\xe9"\r\n\r\n'
        "Zof\xeda\r\n--BOUNDARY--\r\n"
    ).encode("latin-1")


def assert_bad_request_page(response):
    assert response.status_code == 400
    text = response.content.decode()
    assert "We could not understand that request" in text
    assert "midwife" in text  # the error pages' own urgent-care line


@pytest.mark.parametrize("charset", CHARSETS)
@pytest.mark.parametrize("url", FORMS)
def test_a_form_in_an_unexpected_charset_gets_the_bad_request_page(forms, browser, url, charset):
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    response = browser.generic("POST", url, data=urlencoded_body(), content_type=content_type)
    assert_bad_request_page(response)


@pytest.mark.parametrize("charset", CHARSETS)
def test_a_multipart_form_in_an_unexpected_charset_gets_the_bad_request_page(
    forms, browser, charset
):
    content_type = f"multipart/form-data; boundary=BOUNDARY; charset={charset}"
    response = browser.generic(
        "POST", "/find-support/suggest-a-listing/", data=multipart_body(), content_type=content_type
    )
    assert_bad_request_page(response)


def test_a_form_in_utf_8_is_still_accepted(forms, browser):
    data = f"csrfmiddlewaretoken={TOKEN}&kind=phone".encode()
    response = browser.generic(
        "POST",
        "/find-support/zofia/report/",
        data=data,
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert response.status_code == 302


def unreadable_post():
    """A request whose body Django refuses to read, as after the CSRF check refused it."""
    request = RequestFactory().generic(
        "POST",
        "/",
        data=b"q=milk",
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    with pytest.raises(BadRequest):
        request.POST  # noqa: B018
    return request


def test_djangos_default_bad_request_handler_reads_the_body_again():
    """Why the site has its own handlers: the default one fails on such a request."""
    request = unreadable_post()
    request.COOKIES["csrftoken"] = TOKEN  # as a visitor who had the form would send
    with pytest.raises(BadRequest):
        defaults.bad_request(request, exception=BadRequest())


def test_the_sites_error_handlers_never_read_the_body(forms):
    assert_bad_request_page(errors.bad_request(unreadable_post(), exception=BadRequest()))
    forbidden = errors.permission_denied(unreadable_post(), exception=None)
    assert forbidden.status_code == 403
    assert "You cannot see this page" in forbidden.content.decode()
    missing = errors.page_not_found(unreadable_post(), exception=None)
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
    failed = errors.server_error(unreadable_post())
    assert failed.status_code == 500
    assert "Something went wrong" in failed.content.decode()


def test_a_missing_page_still_uses_the_site_layout(forms, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found" in text
    assert 'class="skip-link"' in text  # the site's own layout, from base.html

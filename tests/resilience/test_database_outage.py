"""With the database down, every page answers 503 with the urgent-care text and helpline.

`database_down` points the default connection at a closed port: each request really tries
to connect and fails, wherever in the stack its first query happens.
"""

import pytest

from django.db import OperationalError
from django.test import Client, RequestFactory

from website import errors

PAGES = [
    "/",
    "/breastfeeding-issues/when-breast-milk-is-not-coming-out/",
    "/find-support/",
    "/find-support/zofia/",
    "/search/?q=milk",
    "/no-such-page/",
    "/admin/",
]


@pytest.fixture
def helpline(settings):
    settings.FALLBACK_HELPLINE_NAME = "Feeding helpline"
    settings.FALLBACK_HELPLINE_PHONE = "+44 300 100 0212"
    settings.FALLBACK_HELPLINE_HOURS = "9am to 9pm"


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert "The site is having trouble" in text
    assert "Get medical help today if" in text
    assert "your baby is not feeding, or seems very sleepy or unwell" in text
    assert "call your local emergency number" in text
    assert 'href="/static/css/site.css"' in text  # styled like every other error page


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_503_while_the_database_is_down(database_down, helpline, url):
    response = Client(raise_request_exception=False).get(url)
    assert_outage_page(response)
    text = response.content.decode()
    assert "Feeding helpline" in text
    assert '<a href="tel:+443001000212">+44 300 100 0212</a>' in text
    assert "(9am to 9pm)" in text


@pytest.mark.parametrize("url", ["/api/v1/directory/?location=Leeds", "/api/v1/hsds/services/"])
def test_the_apis_answer_503_in_json_while_the_database_is_down(database_down, url):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {"errors": {"__all__": ["Try again in a minute."]}}


def test_a_form_sent_while_the_database_is_down_gets_the_503_page(database_down):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    response = client.post(
        "/find-support/suggest-a-listing/", {"csrfmiddlewaretoken": "a" * 32, "name": "Zofia"}
    )
    assert_outage_page(response)


def test_the_outage_page_needs_neither_database_nor_cache(settings):
    """No `db` fixture: pytest-django fails any query; the cache is one that cannot work."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.FALLBACK_URGENT_CARE_TEXT = "Call 111 today if your baby is not feeding."
    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = errors.server_error(request)
    assert response.status_code == 503
    text = response.content.decode()
    assert "Call 111 today if your baby is not feeding." in text
    assert "seems very sleepy" not in text  # the editor's text replaces the built-in one
    assert "tel:" not in text  # no helpline configured, none shown


def test_other_errors_still_answer_500():
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = errors.server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_a_database_error_wrapped_in_another_is_recognised():
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as error:
            raise RuntimeError("rendering failed") from error
    except RuntimeError as wrapped:
        assert errors.database_unreachable(wrapped)
    assert not errors.database_unreachable(ValueError("no"))
    assert not errors.database_unreachable(None)


def test_between_a_wipe_and_a_restore_the_site_says_503_not_500():
    """PostgreSQL's 'relation does not exist' (a wiped database) is an outage, not a bug."""
    import psycopg

    from django.db import ProgrammingError

    request = RequestFactory().get("/")
    try:
        try:
            raise psycopg.errors.UndefinedTable('relation "wagtailcore_site" does not exist')
        except psycopg.Error as missing:
            raise ProgrammingError(str(missing)) from missing
    except ProgrammingError:
        response = errors.server_error(request)
    assert response.status_code == 503
    # Other programming errors are still bugs.
    try:
        raise psycopg.errors.SyntaxError("syntax error at or near")
    except psycopg.Error as bug:
        assert not errors.database_unreachable(bug)

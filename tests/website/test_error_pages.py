"""Error pages are plain, kind and never need the database.

The first three tests have no database access at all: pytest-django fails any query.
"""

from django.test import RequestFactory
from django.views import defaults
from django.views.csrf import csrf_failure


def test_server_error_page_renders_without_the_database():
    request = RequestFactory().get("/")
    response = defaults.server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "midwife" in response.content.decode()


def test_bad_request_page_explains_what_to_do():
    request = RequestFactory().get("/")
    response = defaults.bad_request(request, exception=None)
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()


def test_expired_form_page_asks_to_send_again():
    response = csrf_failure(RequestFactory().post("/"), reason="CSRF token missing")
    assert response.status_code == 403
    assert "Please send the form again" in response.content.decode()


def test_forbidden_page_uses_the_site_layout(demo_site):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = defaults.permission_denied(request, exception=None)
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()

"""The smallest Django application: one view that answers "ok", for `make loadtest`.

Run under the same gunicorn configuration as the site (deploy/gunicorn.conf.py), it is the
ceiling for what any Django view can do on this machine: the rest of the site's cost is
middleware, the database and templates.
"""

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="minimal-view-for-the-load-test-only",
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok)]
application = get_wsgi_application()

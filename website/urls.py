from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.http_cache import PAGE, public_cache
from help_contacts.urls import openapi_schema
from website import health, views

urlpatterns = [
    # Before Wagtail's own URL of the same path, so every reset request is counted.
    path("admin/password_reset/", views.admin_password_reset, name="admin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    path("api/v1/", include("help_contacts.urls")),
    path("api/schema/", openapi_schema, name="api_schema"),
    # Purged whenever a page is published (website/frontend_cache.py).
    path("sitemap.xml", public_cache(PAGE)(sitemap), name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("favicon.ico", views.favicon, name="favicon"),
]

# Error pages that never read the request body, and a 503 when the database is down.
handler400 = "website.errors.bad_request"
handler403 = "website.errors.permission_denied"
handler404 = "website.errors.page_not_found"
handler500 = "website.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

from django.urls import path

from help_contacts.web import interchange_views, views
from help_contacts.web.openapi import openapi_schema

__all__ = ["app_name", "openapi_schema", "urlpatterns"]

app_name = "help_contacts"
urlpatterns = [
    path("directory/", views.directory_api, name="directory_api"),
    path("hsds/services/", interchange_views.hsds_services_api, name="hsds_services"),
]

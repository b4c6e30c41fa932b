from django.urls import path

from help_contacts import views

app_name = "help_contacts"
urlpatterns = [
    path("directory/", views.directory_api, name="directory_api"),
]

from django.urls import path

from coffee.network import views

app_name = "network"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.organisation_detail, name="organisation-detail"),
]

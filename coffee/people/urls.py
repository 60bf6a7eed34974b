from django.urls import path

from coffee.people import views

app_name = "people"
urlpatterns = [
    path("", views.account_settings, name="account"),
    path("privacy/", views.privacy_page, name="privacy"),
    path("privacy/export.zip", views.export_zip, name="export"),
    path("privacy/export.json", views.export_json, name="export-json"),
    path("privacy/erase/", views.erase, name="erase"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("companies/new/", views.company_create_view, name="company-create"),
    path("companies/<int:pk>/edit/", views.company_edit, name="company-edit"),
]

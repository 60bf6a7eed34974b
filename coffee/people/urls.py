from django.urls import path

from coffee.people import views

app_name = "people"
urlpatterns = [
    path("", views.account_settings, name="account"),
]

"""iCalendar feeds under /feeds/, outside the language prefix."""

from django.urls import path

from coffee.events.views import feeds

app_name = "event-feeds"
urlpatterns = [
    path("events.ics", feeds.network_feed, name="network"),
    path("spaces/<slug:slug>.ics", feeds.space_feed, name="space"),
    path("types/<slug:kind>.ics", feeds.type_feed, name="type"),
    path("me/<str:token>.ics", feeds.personal_feed, name="personal"),
]

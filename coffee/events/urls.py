"""Pages of the agenda, under /<language>/agenda/."""

from django.urls import path

from coffee.events.views import agenda, attendance, events, registrations

app_name = "events"
urlpatterns = [
    path("", agenda.event_list, name="event-list"),
    path("calendar/", agenda.event_calendar, name="event-calendar"),
    path("new/", events.event_create_view, name="event-create"),
    path("mine/", registrations.my_agenda, name="my-agenda"),
    path(
        "mine/feed/regenerate/",
        registrations.calendar_token_regenerate_view,
        name="calendar-token-regenerate",
    ),
    path(
        "mine/feed/revoke/", registrations.calendar_token_revoke_view, name="calendar-token-revoke"
    ),
    path("<int:pk>/", events.event_detail, name="event-detail"),
    path("<int:pk>/event.ics", events.event_ics, name="event-ics"),
    path("<int:pk>/edit/", events.event_update_view, name="event-update"),
    path("<int:pk>/publish/", events.event_publish_view, name="event-publish"),
    path("<int:pk>/cancel/", events.event_cancel_view, name="event-cancel"),
    path("<int:pk>/register/", registrations.registration_create_view, name="registration-create"),
    path(
        "<int:pk>/unregister/", registrations.registration_cancel_view, name="registration-cancel"
    ),
    path("<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path(
        "<int:pk>/attendance/<int:registration_pk>/",
        attendance.attendance_toggle,
        name="attendance-toggle",
    ),
]

"""Speed-networking pages, under /<language>/networking/<event id>/."""

from django.urls import path

from coffee.networking import views

app_name = "networking"
urlpatterns = [
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/plan/", views.plan_create, name="plan-create"),
    path("<int:pk>/close-round/", views.round_close, name="round-close"),
    path("<int:pk>/replan/", views.replan, name="replan"),
    path("<int:pk>/people/<int:person>/", views.departure_set, name="departure-set"),
    path("<int:pk>/tables/", views.table_sheets, name="table-sheets"),
    path("<int:pk>/tables.pdf", views.table_sheets, {"as_pdf": True}, name="table-sheets-pdf"),
    path("<int:pk>/participants/", views.participant_sheets_view, name="participant-sheets"),
    path(
        "<int:pk>/participants.pdf",
        views.participant_sheets_view,
        {"as_pdf": True},
        name="participant-sheets-pdf",
    ),
    path("<int:pk>/me/", views.my_sheet, name="my-sheet"),
    path("<int:pk>/me.pdf", views.my_sheet_pdf, name="my-sheet-pdf"),
]

"""Admin of the agenda, scoped to the spaces a manager runs.

Events are created, published and cancelled on the agenda's pages, which go through the
services (seats, waiting list, e-mails); the admin looks them up and corrects their texts.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from coffee.core.admin import ScopedAdminMixin, managed_ids, sees_everything
from coffee.events.models import Event, EventHost, Registration


class MultiHostScopeMixin(ScopedAdminMixin):
    """An event belongs to several spaces: a manager of any one of them may touch it."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).distinct()

    def _may_touch(self, request: HttpRequest, obj: Model | None) -> bool:
        if obj is None or sees_everything(request.user):
            return super()._may_touch(request, obj)
        event = obj if isinstance(obj, Event) else obj.event  # type: ignore[attr-defined]
        hosts = set(event.event_hosts.values_list("organisation_id", flat=True))
        return bool(hosts & managed_ids(request.user))


class EventHostInline(admin.TabularInline):
    model = EventHost
    extra = 0
    can_delete = False
    readonly_fields = ["organisation", "position"]

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(MultiHostScopeMixin, TranslationAdmin):
    organisation_path = "hosts"
    managers_may_add = False
    managers_may_delete = False
    list_display = ["title", "kind", "starts_at", "status", "capacity", "confirmed_count"]
    list_filter = ["status", "kind", "audience"]
    search_fields = ["title", "place"]
    date_hierarchy = "starts_at"
    inlines = [EventHostInline]
    exclude = ["hosts"]

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        # Texts only: anything else goes through the services (seats, sequence, e-mails).
        return [
            f.name
            for f in Event._meta.fields
            if f.editable and not f.name.startswith(("title", "description"))
        ]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # Only drafts go away; a published event is cancelled, so that calendars hear of it.
        draft = obj is None or getattr(obj, "is_draft", False)
        return draft and super().has_delete_permission(request, obj)


@admin.register(Registration)
class RegistrationAdmin(MultiHostScopeMixin, admin.ModelAdmin):
    organisation_path = "event__hosts"
    list_display = ["event", "user", "status", "waiting_position", "attended", "created_at"]
    list_filter = ["status", "attended"]
    search_fields = ["user__email", "user__last_name", "event__title"]
    list_select_related = ["event", "user"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

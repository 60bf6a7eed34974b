"""Admin helpers: records scoped to the spaces a manager runs."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from coffee.core.models import AuditEntry


def sees_everything(user: Any) -> bool:
    """Superusers and network coordinators see every space's records."""
    return bool(user.is_active and (user.is_superuser or getattr(user, "is_coordinator", False)))


def managed_ids(user: Any) -> set[int]:
    """Ids of the organisations this user manages (empty for anyone else)."""
    method = getattr(user, "managed_organisation_ids", None)
    return set(method()) if method else set()


class ScopedAdminMixin:
    """Limit an admin to the organisations the user manages.

    `organisation_path` is the lookup from the model to its organisation's id
    ("pk" for the organisation itself, "organisation_id" for a resource).
    Coordinators may do everything; managers may view and change their own rows,
    and add rows (never organisations) for their own spaces.
    """

    organisation_path = "organisation_id"
    managers_may_add = True
    managers_may_delete = True

    def _is_manager(self, request: HttpRequest) -> bool:
        return request.user.is_active and bool(managed_ids(request.user))

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        if sees_everything(request.user):
            return queryset
        return queryset.filter(**{f"{self.organisation_path}__in": managed_ids(request.user)})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user) or self._is_manager(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_touch(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_touch(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        if sees_everything(request.user):
            return True
        return self.managers_may_add and self._is_manager(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if sees_everything(request.user):
            return True
        return self.managers_may_delete and self._may_touch(request, obj)

    def _may_touch(self, request: HttpRequest, obj: Model | None) -> bool:
        if sees_everything(request.user):
            return True
        if not self._is_manager(request):
            return False
        if obj is None:
            return True
        return self.organisation_of(obj) in managed_ids(request.user)

    def organisation_of(self, obj: Model) -> int | None:
        """Return the id of the organisation an object belongs to."""
        value: Any = obj
        for part in self.organisation_path.split("__"):
            value = getattr(value, part)
        return int(value) if value is not None else None


class CoordinatorReadOnlyMixin:
    """Records only coordinators may look at, and nobody changes in the admin."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(CoordinatorReadOnlyMixin, admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "object_type", "object_id"]
    list_filter = ["action"]
    search_fields = ["action", "object_id"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

"""The seating plans in the admin: read-only, for coordinators (organisers use the pages)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from coffee.core.admin import sees_everything
from coffee.networking.models import NetworkingPlan


@admin.register(NetworkingPlan)
class NetworkingPlanAdmin(admin.ModelAdmin):
    list_display = ["event", "table_size", "rounds", "rounds_held", "updated_at"]
    list_select_related = ["event"]
    search_fields = ["event__title"]
    readonly_fields = [f.name for f in NetworkingPlan._meta.fields]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

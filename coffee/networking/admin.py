"""The seating plans in the admin: read-only, for coordinators (organisers use the pages)."""

from __future__ import annotations

from django.contrib import admin

from coffee.core.admin import CoordinatorReadOnlyMixin
from coffee.networking.models import NetworkingPlan


@admin.register(NetworkingPlan)
class NetworkingPlanAdmin(CoordinatorReadOnlyMixin, admin.ModelAdmin):
    list_display = ["event", "table_size", "rounds", "rounds_held", "updated_at"]
    list_select_related = ["event"]
    search_fields = ["event__title"]
    readonly_fields = [f.name for f in NetworkingPlan._meta.fields]

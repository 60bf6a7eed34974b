"""Admin of the network: adding a region or a space is data entry, never code."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import ForeignKey, Model
from django.forms import ModelChoiceField
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from coffee.core.admin import ScopedAdminMixin, managed_ids, sees_everything
from coffee.network.models import (
    LANGUAGE_CHOICES,
    Amenity,
    Closure,
    OpeningHours,
    Organisation,
    Region,
    Resource,
)


class CoordinatorOnlyMixin:
    """Reference data that only coordinators change."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user) or bool(managed_ids(request.user))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)


@admin.register(Region)
class RegionAdmin(CoordinatorOnlyMixin, TranslationAdmin):
    list_display = ["name", "country", "time_zone"]
    prepopulated_fields = {"slug": ("name_fr",)}
    search_fields = ["name"]


@admin.register(Amenity)
class AmenityAdmin(CoordinatorOnlyMixin, TranslationAdmin):
    list_display = ["name", "icon", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    search_fields = ["name"]


class OrganisationForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisation
        fields = "__all__"  # noqa: DJ007 - the admin lays out every field


class OpeningHoursInline(ScopedAdminMixin, admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosureInline(ScopedAdminMixin, TranslationStackedInline):
    model = Closure
    extra = 0


class ResourceInline(ScopedAdminMixin, TranslationStackedInline):
    model = Resource
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(ScopedAdminMixin, TranslationAdmin):
    """Coordinators add and edit every space; a manager edits their own spaces only."""

    form = OrganisationForm
    organisation_path = "pk"
    managers_may_add = False
    managers_may_delete = False
    list_display = ["name", "kind", "city", "region", "joined_on", "left_on"]
    list_filter = ["kind", "region", "region__country"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ["amenities"]
    inlines = [OpeningHoursInline, ClosureInline, ResourceInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        if sees_everything(request.user):
            return ()
        # Membership of the network is the coordinators' decision.
        return ("kind", "region", "slug", "joined_on", "left_on")


@admin.register(Resource)
class ResourceAdmin(ScopedAdminMixin, TranslationAdmin):
    list_display = [
        "name",
        "organisation",
        "kind",
        "zone",
        "quantity",
        "capacity",
        "price_per_hour",
        "is_active",
    ]
    list_filter = ["kind", "zone", "organisation"]
    search_fields = ["name", "organisation__name"]

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField | None:
        if db_field.name == "organisation" and not sees_everything(request.user):
            kwargs["queryset"] = Organisation.objects.filter(pk__in=managed_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

"""Admin for people: coordinators manage accounts, roles, profiles and companies."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from coffee.core.admin import managed_ids, sees_everything
from coffee.people.models import Company, Consent, Profile, ProfileLanguage, Role, User
from coffee.people.signals import notify_profile_changed, notify_profile_removed


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["organisation", "company"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Coordinators see everyone; a space manager sees the people of their own spaces."""

    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "language", "is_active", "date_joined"]
    list_filter = ["is_active", "is_staff", "roles__role", "language"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [RoleInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "language")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if sees_everything(request.user):
            return queryset
        return queryset.filter(roles__organisation_id__in=managed_ids(request.user)).distinct()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user) or bool(managed_ids(request.user))

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)


class CoordinatorsOnlyAdmin(admin.ModelAdmin):
    """Profiles, companies and consents: network coordinators only."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return sees_everything(request.user)


class ProfileLanguageInline(admin.TabularInline):
    model = ProfileLanguage
    extra = 0


@admin.register(Profile)
class ProfileAdmin(CoordinatorsOnlyAdmin, TranslationAdmin):
    """The photo shows through people:photo, never as a /media/ link; the visibility is the
    member's own consent, so it is read-only here."""

    list_display = ["__str__", "headline", "home_space", "country", "status", "visibility"]
    list_filter = ["visibility", "status", "country", "open_to_cross_border"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "headline", "city"]
    list_select_related = ["user", "home_space"]
    raw_id_fields = ["user", "company"]
    exclude = ["photo"]
    readonly_fields = ["photo_link", "visibility"]
    inlines = [ProfileLanguageInline]

    def save_model(self, request: HttpRequest, obj: Profile, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        notify_profile_changed(obj.pk)

    def delete_model(self, request: HttpRequest, obj: Profile) -> None:
        profile_id = obj.pk
        super().delete_model(request, obj)
        notify_profile_removed(profile_id)

    @admin.display(description=_("photo"))
    def photo_link(self, obj: Profile) -> str:
        if not obj.pk or not obj.photo:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("people:photo", args=[obj.pk]), _("See"))


@admin.register(Company)
class CompanyAdmin(CoordinatorsOnlyAdmin):
    list_display = ["name", "country", "registration_number", "vat_number", "sector", "created_on"]
    list_filter = ["country", "sector"]
    search_fields = ["name", "registration_number", "vat_number"]


@admin.register(Consent)
class ConsentAdmin(CoordinatorsOnlyAdmin):
    """Consents are evidence: readable, never changed by hand."""

    list_display = ["user", "purpose", "value", "recorded_at"]
    list_filter = ["purpose", "value"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "purpose", "value", "recorded_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

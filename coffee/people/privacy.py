"""Privacy: who may see a profile, and a member's right to get and to erase their data.

People sits low in the import graph, so the apps above it (skills, events, ...) contribute their
part of the export and of the erasure through a registry, from their AppConfig.ready():

    register_exporter("skills", skills_export, csv_columns=[...])
    register_eraser("skills", skills_erase)

An exporter is `fn(user) -> dict | list`; with `csv_columns`, its rows also become skills.csv in
the ZIP. An eraser is `fn(user) -> None`; erasers run inside the erasure transaction, before
people removes its own rows.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from coffee.core.admin import sees_everything
from coffee.core.audit import log_action
from coffee.core.models import AuditEntry
from coffee.people.models import Company, Profile, Role, User, Visibility
from coffee.people.signals import notify_profile_removed

Exporter = Callable[[User], dict[str, Any] | list[Any]]
Eraser = Callable[[User], None]
RESERVED_NAMES = {
    *("format", "exported_at", "account", "profile", "languages"),
    *("company", "roles", "consents", "audit"),
}
_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}
_csv_columns: dict[str, list[str]] = {}
_DB_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


def register_exporter(name: str, fn: Exporter, csv_columns: Sequence[str] = ()) -> None:
    """Add an app's part to every member's data export, under the key `name`.

    With `csv_columns`, the part (a list of flat rows) also becomes `<name>.csv` in the ZIP.
    """
    if name in RESERVED_NAMES:
        raise ValueError(f"The export key {name!r} is taken by people.")
    _exporters[name] = fn
    if csv_columns:
        _csv_columns[name] = list(csv_columns)
    else:
        _csv_columns.pop(name, None)


def register_eraser(name: str, fn: Eraser) -> None:
    """Run `fn(user)` in every erasure, before people removes its own rows."""
    _erasers[name] = fn


# Who sees a profile -----------------------------------------------------------------------------


class Access(enum.Enum):
    ALLOWED = "allowed"
    LOGIN = "login"  # members only, and the viewer is not logged in
    DENIED = "denied"


def profile_access(profile: Profile, viewer: Any) -> Access:
    """Owner and coordinators always; others as the member chose (never an inactive account)."""
    if viewer.is_authenticated and viewer.pk == profile.user_id:
        return Access.ALLOWED
    if sees_everything(viewer):
        return Access.ALLOWED
    if not profile.user.is_active:
        return Access.DENIED
    if profile.visibility == Visibility.PUBLIC:
        return Access.ALLOWED
    if profile.visibility == Visibility.MEMBERS:
        return Access.ALLOWED if viewer.is_authenticated and viewer.is_active else Access.LOGIN
    return Access.DENIED


def profile_visible_to(profile: Profile, viewer: Any) -> bool:
    return profile_access(profile, viewer) is Access.ALLOWED


def profiles_visible_to(queryset: QuerySet[Profile], viewer: Any) -> QuerySet[Profile]:
    """The same rule as a filter, for lists (search, matches, exports)."""
    if sees_everything(viewer):
        return queryset
    rule = Q(visibility=Visibility.PUBLIC, user__is_active=True)
    if viewer.is_authenticated and viewer.is_active:
        rule |= Q(visibility=Visibility.MEMBERS, user__is_active=True) | Q(user_id=viewer.pk)
    return queryset.filter(rule)


# Export -----------------------------------------------------------------------------------------


def _account(user: User) -> dict[str, Any]:
    addresses = EmailAddress.objects.filter(user=user).order_by("email")
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary} for a in addresses
        ],
    }


def _translations(profile: Profile, field: str) -> dict[str, str]:
    return {code: getattr(profile, f"{field}_{code}") or "" for code in ("fr", "nl", "en")}


def _profile(profile: Profile) -> dict[str, Any]:
    space = profile.home_space
    return {
        "id": profile.pk,
        "headline": _translations(profile, "headline"),
        "bio": _translations(profile, "bio"),
        "has_photo": bool(profile.photo),
        "home_space": {"slug": space.slug, "name": space.name} if space else None,
        "city": profile.city,
        "country": str(profile.country or ""),
        "status": profile.status,
        "links": list(profile.links or []),
        "open_to_cross_border": profile.open_to_cross_border,
        "willing_to_travel": profile.willing_to_travel,
        "visibility": profile.visibility,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def _company(company: Company) -> dict[str, Any]:
    return {
        "id": company.pk,
        "name": company.name,
        "country": str(company.country),
        "registration_number": company.registration_number,
        "vat_number": company.vat_number,
        "sector": company.sector,
        "created_on": company.created_on,
        "website": company.website,
    }


def _people_part(user: User) -> dict[str, Any]:
    profile = (
        Profile.objects.filter(user=user)
        .select_related("home_space", "company")
        .prefetch_related("languages")
        .first()
    )
    roles = Role.objects.filter(user=user).select_related("organisation", "company")
    audit = AuditEntry.objects.filter(actor=user).order_by("created_at", "id")
    return {
        "account": _account(user),
        "profile": _profile(profile) if profile else None,
        "languages": [
            {"language": row.language, "level": row.level}
            for row in (profile.languages.all() if profile else [])
        ],
        "company": _company(profile.company) if profile and profile.company else None,
        "roles": [
            {
                "role": role.role,
                "space": role.organisation.slug if role.organisation else None,
                "company": role.company.name if role.company else None,
                "since": role.created_at,
            }
            for role in roles
        ],
        "consents": [
            {"purpose": c.purpose, "value": c.value, "recorded_at": c.recorded_at}
            for c in user.consents.order_by("recorded_at", "id")
        ],
        "audit": [
            {
                "at": entry.created_at,
                "action": entry.action,
                "object_type": entry.object_type,
                "object_id": entry.object_id,
                "data": entry.data,
            }
            for entry in audit
        ],
    }


def user_export(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about a member, as JSON-ready data (dates as ISO text)."""
    data: dict[str, Any] = {"format": "coffee-export/1", "exported_at": timezone.now()}
    data |= _people_part(user)
    for name, exporter in _exporters.items():
        data[name] = exporter(user)
    # A round trip through JSON turns dates and decimals into text, as the file will hold them.
    result: dict[str, Any] = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    return result


def _csv_bytes(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    # The byte-order mark makes spreadsheet programs read the accents right.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def user_export_zip(*, user: User) -> bytes:
    """The export as a ZIP: coffee-data.json, plus a CSV for each app's list of rows."""
    data = user_export(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        text = json.dumps(data, indent=2, ensure_ascii=False)
        archive.writestr("coffee-data.json", text.encode("utf-8"))
        for name, columns in _csv_columns.items():
            rows = data.get(name)
            if isinstance(rows, list):
                archive.writestr(f"{name}.csv", _csv_bytes(rows, columns))
    return buffer.getvalue()


def user_export_record(*, user: User) -> None:
    """Leave a trace that the member downloaded their data."""
    log_action(actor=user, action="people.user.exported", target=user)


# Erasure ----------------------------------------------------------------------------------------


def _sessions_end(user: User) -> None:
    """Log the person out everywhere (the sessions kept in the database)."""
    if settings.SESSION_ENGINE not in _DB_SESSION_ENGINES:
        return  # other engines: the unusable password already invalidates the session hash
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            store(session_key=session.session_key).delete()


def _admin_log_anonymise(user: User, profile_pk: int | None) -> None:
    """The admin's history keeps the row's name (object_repr): replace it."""
    label = f"erased-{user.pk}"
    targets = [(User, user.pk), (Profile, profile_pk)]
    for model, pk in targets:
        if pk is not None:
            content_type = ContentType.objects.get_for_model(model)
            LogEntry.objects.filter(content_type=content_type, object_id=str(pk)).update(
                object_repr=label
            )


def _profile_remove(user: User) -> int | None:
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return None
    if profile.photo:
        storage, name = profile.photo.storage, str(profile.photo.name)
        transaction.on_commit(lambda: storage.delete(name))
    profile_pk = profile.pk
    profile.delete()
    notify_profile_removed(profile_pk)
    return profile_pk


def _user_anonymise(user: User) -> None:
    user.email = f"erased-{user.pk}@invalid.example"
    user.first_name = user.last_name = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.save()


@transaction.atomic
def user_erase(*, user: User, actor: Any) -> None:
    """Remove a member's personal data; keep the pseudonymised account the records point to.

    Kept: the user row (anonymised, inactive, language and sign-up date kept for the
    indicators), consents (purpose, choice, date), companies, the audit trail.
    """
    for eraser in _erasers.values():
        eraser(user)
    profile_pk = _profile_remove(user)
    Role.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    _admin_log_anonymise(user, profile_pk)
    _sessions_end(user)
    _user_anonymise(user)
    log_action(actor=actor, action="people.user.erased", target=user)

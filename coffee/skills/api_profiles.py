"""One member's profile with their skills: GET /api/v1/catalogue/profiles/{id}, as its visibility
allows (404 for a hidden profile, or a members-only one asked without a session)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from coffee.people.models import Profile
from coffee.people.privacy import Access
from coffee.people.validators import links_safe
from coffee.skills.models import Skill
from coffee.skills.privacy import profile_for_viewer

router = Router(tags=["catalogue"])
LANGUAGES = ("fr", "nl", "en")


class SkillOut(Schema):
    key: str
    label: str
    labels: dict[str, str]
    esco_uri: str | None
    level: int | None = None


class NamedOut(Schema):
    slug: str
    name: str


class CompanyOut(Schema):
    name: str
    country: str
    sector: str


class LanguageOut(Schema):
    language: str
    level: str


class ProfileOut(Schema):
    id: int
    name: str
    headline: dict[str, str]
    bio: dict[str, str]
    photo_url: str | None
    home_space: NamedOut | None
    city: str
    country: str
    status: str
    company: CompanyOut | None
    languages: list[LanguageOut]
    links: list[str]
    open_to_cross_border: bool
    willing_to_travel: bool
    visibility: str
    skills_offered: list[SkillOut]
    skills_sought: list[SkillOut]


def _skill(skill: Skill, level: int | None = None) -> dict[str, Any]:
    labels = {code: getattr(skill, f"label_{code}") or "" for code in LANGUAGES}
    return {
        "key": skill.key,
        "label": str(skill.label),
        "labels": labels,
        "esco_uri": skill.esco_uri,
        "level": level,
    }


def _texts(profile: Profile, field: str) -> dict[str, str]:
    return {code: getattr(profile, f"{field}_{code}") or "" for code in LANGUAGES}


def _profile(request: HttpRequest, profile: Profile) -> dict[str, Any]:
    space, company = profile.home_space, profile.company
    photo = reverse("people:photo", args=[profile.pk]) if profile.photo else None
    return {
        "id": profile.pk,
        "name": profile.display_name,
        "headline": _texts(profile, "headline"),
        "bio": _texts(profile, "bio"),
        "photo_url": request.build_absolute_uri(photo) if photo else None,
        "home_space": {"slug": space.slug, "name": space.name} if space else None,
        "city": profile.city,
        "country": str(profile.country or ""),
        "status": profile.status,
        "company": (
            {"name": company.name, "country": str(company.country), "sector": company.sector}
            if company
            else None
        ),
        "languages": [{"language": r.language, "level": r.level} for r in profile.languages.all()],
        "links": links_safe(profile.links),
        "open_to_cross_border": profile.open_to_cross_border,
        "willing_to_travel": profile.willing_to_travel,
        "visibility": profile.visibility,
        "skills_offered": [
            _skill(r.skill, r.level)
            for r in sorted(profile.offered_skills.all(), key=lambda r: (-r.level, r.skill.key))
        ],
        "skills_sought": [_skill(r.skill) for r in profile.sought_skills.all()],
    }


@router.get("/{profile_id}", response=ProfileOut, summary="One member's profile with their skills")
def get_profile(request: HttpRequest, profile_id: int) -> dict[str, Any]:
    profile, access = profile_for_viewer(pk=profile_id, viewer=request.user)
    if profile is None or access is not Access.ALLOWED:
        raise Http404
    return _profile(request, profile)

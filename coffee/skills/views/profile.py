"""A member's profile: the page they edit (skills suggested as they type), the page others see."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coffee.core.http import AuthenticatedHttpRequest
from coffee.people.errors import ProfileError
from coffee.people.forms import LanguageFormSet, PhotoForm, ProfileForm
from coffee.people.models import Profile, Role
from coffee.people.privacy import Access
from coffee.people.services import (
    profile_get_or_create,
    profile_remove_photo,
    profile_set_photo,
    profile_update,
)
from coffee.people.validators import links_safe
from coffee.skills.forms import OfferedSkillsForm, SoughtSkillsForm
from coffee.skills.models import OfferedSkill, Skill
from coffee.skills.privacy import profile_for_viewer
from coffee.skills.search.labels import expand_terms
from coffee.skills.search.query import parse_terms
from coffee.skills.services import MAX_OFFERED, MAX_SOUGHT, offered_skills_set, sought_skills_set

LANGUAGES = ("fr", "nl", "en")
SUGGESTION_LIMIT = 8


def _language() -> str:
    language = (get_language() or "fr")[:2]
    return language if language in LANGUAGES else "fr"


# Skill suggestions --------------------------------------------------------------------------------


def plain(text: str) -> str:
    """Lower case, without accents: "Développement" -> "developpement"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "oe"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


@dataclass(frozen=True)
class Suggestion:
    skill: Skill
    label: str  # in the reader's language
    matched: str  # the other name it was found by, if not the label itself


def _rank(skill: Skill, query: str, language: str) -> tuple[tuple[int, int, int], str] | None:
    """Best match of a skill: its label in the reader's language first, synonyms, then others."""
    others = [code for code in LANGUAGES if code != language]
    texts = [(0, getattr(skill, f"label_{language}") or "")]
    texts += [(1, text) for text in skill.synonym_list(language)]
    texts += [(2, getattr(skill, f"label_{code}") or "") for code in others]
    texts += [(3, text) for code in others for text in skill.synonym_list(code)]
    word = re.compile("(^|[\\s|'\u2019(/-])" + re.escape(query))
    found = [
        ((priority, 0 if plain(text).startswith(query) else 1, len(text)), text)
        for priority, text in texts
        if word.search(plain(text))
    ]
    return min(found) if found else None


def skill_suggestions(query: str, *, language: str, exclude: list[int]) -> list[Suggestion]:
    """Skills whose label or synonym, in any language, has a word starting with the query."""
    query = plain(query).strip()
    if len(query) < 2:
        return []
    candidates = Skill.objects.filter(pk__in=_named_skill_ids(query)).exclude(pk__in=exclude)
    ranked = [(found, skill) for skill in candidates if (found := _rank(skill, query, language))]
    ranked.sort(key=lambda item: (item[0][0], item[1].pk))
    suggestions = []
    for (_score, matched), skill in ranked[:SUGGESTION_LIMIT]:
        label = str(skill.label)
        suggestions.append(
            Suggestion(skill, label, "" if plain(matched) == plain(label) else matched)
        )
    return suggestions


def _named_skill_ids(query: str) -> set[int]:
    """Active skills naming every word of the query, through the search's label index."""
    # A one-letter word being typed ("développement d") would only match exactly: leave it to
    # _rank, which reads the whole query as the start of a phrase.
    terms = [term for term in parse_terms(query) if term.prefix] or parse_terms(query)
    named = [set(ids) for ids in expand_terms(terms)]
    return set.intersection(*named) if named else set()


@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """htmx: the few skills matching what is typed in a skill box, as buttons that add them."""
    query = request.GET.get("q", "")[:60]
    exclude = [int(pk) for pk in request.GET.getlist("skill") if pk.isdigit()]
    suggestions = skill_suggestions(query, language=_language(), exclude=exclude)
    context = {"suggestions": suggestions, "query": query.strip()}
    return render(request, "skills/partials/_suggest.html", context)


# Editing one's profile ------------------------------------------------------------------------


def _by_level_and_label(row: OfferedSkill) -> tuple[int, str]:
    return -row.level, str(row.skill.label).lower()


def _by_label(row: Any) -> str:
    return str(row.skill.label).lower()


def _skill_context(profile: Profile) -> dict[str, Any]:
    offered = sorted(
        OfferedSkill.objects.filter(profile=profile).select_related("skill"),
        key=_by_level_and_label,
    )
    sought = sorted(profile.sought_skills.select_related("skill"), key=_by_label)
    return {
        "profile": profile,
        "offered_skills": offered,
        "sought_skills": sought,
        "levels": OfferedSkill.Level.choices,
        "max_offered": MAX_OFFERED,
        "max_sought": MAX_SOUGHT,
    }


def _edit_page(request: HttpRequest, profile: Profile, **forms: Any) -> HttpResponse:
    languages = [{"language": row.language, "level": row.level} for row in profile.languages.all()]
    form = forms.pop("form", None) or ProfileForm(initial=ProfileForm.initial_for(profile))
    contact = Role.objects.filter(
        user_id=profile.user_id, role=Role.Kind.COMPANY_CONTACT, company=profile.company
    )
    context = {
        "form": form,
        "texts": [(code, form[f"headline_{code}"], form[f"bio_{code}"]) for code in LANGUAGES],
        "reader_language": _language(),
        "languages": LanguageFormSet(initial=languages, prefix="languages"),
        "photo_form": PhotoForm(),
        "edits_company": bool(profile.company_id) and contact.exists(),
        **_skill_context(profile),
        **forms,
    }
    return render(request, "skills/profile_edit.html", context)


@login_required
def profile_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The member's own profile; it is created the first time they come here."""
    profile = profile_get_or_create(user=request.user)
    if request.method != "POST":
        return _edit_page(request, profile)
    form = ProfileForm(request.POST)
    languages = LanguageFormSet(request.POST, prefix="languages")
    if form.is_valid() and languages.is_valid():
        try:
            profile_update(profile=profile, languages=languages.chosen(), **form.cleaned_data)
        except ProfileError as error:
            form.add_domain_error(error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("skills:profile-edit")
    return _edit_page(request, profile, form=form, languages=languages)


@login_required
@require_POST
def profile_photo(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload a new photo, or remove the current one."""
    profile = profile_get_or_create(user=request.user)
    if "remove_photo" in request.POST:
        profile_remove_photo(profile=profile)
        messages.success(request, _("Your photo has been removed."))
        return redirect("skills:profile-edit")
    photo_form = PhotoForm(request.POST, request.FILES)
    if photo_form.is_valid():
        try:
            profile_set_photo(profile=profile, upload=photo_form.cleaned_data["photo"])
        except ProfileError as error:
            photo_form.add_error("photo", str(error.message))
        else:
            messages.success(request, _("Your photo has been saved."))
            return redirect("skills:profile-edit")
    return _edit_page(request, profile, photo_form=photo_form)


def _skills_saved(
    request: HttpRequest, profile: Profile, template: str, error: str
) -> HttpResponse:
    """htmx gets the editor again; a browser without JavaScript goes back to the page."""
    if not getattr(request, "htmx", False):
        if error:
            messages.error(request, error)
        return redirect("skills:profile-edit")
    return render(request, template, {**_skill_context(profile), "error": error})


@login_required
@require_POST
def offered_skills_update(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Add, remove or re-level a skill offered; the editor comes back as it now stands."""
    profile = profile_get_or_create(user=request.user)
    form, error = OfferedSkillsForm(request.POST), ""
    try:
        if not form.is_valid():
            raise ProfileError(form.first_error(), code="unknown_skill")
        offered_skills_set(profile=profile, skills=form.chosen())
    except ProfileError as refused:
        error = str(refused.message)
    return _skills_saved(request, profile, "skills/partials/_skill_offered.html", error)


@login_required
@require_POST
def sought_skills_update(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Add or remove a skill sought; the editor comes back as it now stands."""
    profile = profile_get_or_create(user=request.user)
    form, error = SoughtSkillsForm(request.POST), ""
    try:
        if not form.is_valid():
            raise ProfileError(form.first_error(), code="unknown_skill")
        sought_skills_set(profile=profile, skills=form.chosen())
    except ProfileError as refused:
        error = str(refused.message)
    return _skills_saved(request, profile, "skills/partials/_skill_sought.html", error)


# The page others see --------------------------------------------------------------------------


def _in_reader_language(profile: Profile, field: str) -> tuple[str, str]:
    """The text in the reader's language, else the first language it was written in."""
    language = _language()
    for code in (language, *(c for c in LANGUAGES if c != language)):
        text = getattr(profile, f"{field}_{code}") or ""
        if text.strip():
            return text, code
    return "", language


def _detail_context(request: HttpRequest, profile: Profile) -> dict[str, Any]:
    headline, headline_lang = _in_reader_language(profile, "headline")
    bio, bio_lang = _in_reader_language(profile, "bio")
    other_bios = [
        (code, getattr(profile, f"bio_{code}"))
        for code in LANGUAGES
        if code != bio_lang and (getattr(profile, f"bio_{code}") or "").strip()
    ]
    return {
        "profile": profile,
        "is_owner": request.user.is_authenticated and request.user.pk == profile.user_id,
        "headline": headline,
        "headline_lang": headline_lang,
        "bio": bio,
        "bio_lang": bio_lang,
        "other_bios": other_bios,
        "links": links_safe(profile.links),
        "offered": sorted(profile.offered_skills.all(), key=_by_level_and_label),
        "sought": sorted(profile.sought_skills.all(), key=_by_label),
    }


def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's profile, as its visibility allows: hidden ones do not exist for others."""
    profile, access = profile_for_viewer(pk=pk, viewer=request.user)
    if profile is None or access is Access.DENIED:
        raise Http404
    if access is Access.LOGIN:
        return render(request, "skills/profile_login.html", status=403)
    return render(request, "skills/profile_detail.html", _detail_context(request, profile))

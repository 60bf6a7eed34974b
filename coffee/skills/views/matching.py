"""Matching pages: the people who offer what a member seeks, and a search by skills."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from coffee.core.http import AuthenticatedHttpRequest, HtmxHttpRequest
from coffee.people.models import Profile
from coffee.skills.matching import Match, match_for_profile, match_for_skills
from coffee.skills.matching.forms import MAX_SKILLS, FindPeopleForm
from coffee.skills.matching.selectors import spoken_languages
from coffee.skills.models import Skill, SoughtSkill
from coffee.skills.views.profile import Suggestion, skill_suggestions


class _Request(AuthenticatedHttpRequest, HtmxHttpRequest):
    """A logged-in request that went through django-htmx."""


@require_GET
@login_required
def matches_for_me(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The best people for the skills the member seeks, each match explained."""
    profile = Profile.objects.filter(user=request.user).first()
    sought = (
        list(SoughtSkill.objects.filter(profile=profile).select_related("skill").order_by("id"))
        if profile is not None
        else []
    )
    matches = []
    if profile is not None and sought:
        matches = match_for_profile(profile=profile, viewer=request.user)
    context = {"sought": sought, "matches": matches}
    return render(request, "skills/matches.html", context)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def find_people(request: _Request) -> HttpResponse:
    """Choose skills (suggested as one types), say who is looking, see who offers them."""
    profile = Profile.objects.filter(user=request.user).first()
    form = FindPeopleForm(request.GET or None, initial=_initial(profile))
    valid = form.is_bound and form.is_valid()
    chosen = form.skills() if form.is_bound else []
    matches = _search(form, request.user) if valid and chosen else None
    # Without JavaScript the skill box is sent with the form: suggest from it on the page, unless
    # a suggestion was just picked.
    picked = "add_skill" in request.GET or "remove_skill" in request.GET
    query = "" if picked else request.GET.get("q", "")[:60].strip()
    context: dict[str, Any] = {
        "form": form,
        "chosen": chosen,
        "matches": matches,
        "max_skills": MAX_SKILLS,
        "query": query,
        "suggestions": _suggestions(query, chosen),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    template = "skills/find_people.html" + ("#finder" if partial else "")
    return render(request, template, context)


def _initial(profile: Profile | None) -> dict[str, Any]:
    """Who is looking, by default: the member's own country and languages."""
    if profile is None:
        return {}
    return {"country": profile.country, "language": list(spoken_languages(profile))}


def _suggestions(query: str, chosen: list[Skill]) -> list[Suggestion]:
    language = (get_language() or "fr")[:2]
    return skill_suggestions(query, language=language, exclude=[skill.pk for skill in chosen])


def _search(form: FindPeopleForm, viewer: Any) -> list[Match]:
    data = form.cleaned_data
    return match_for_skills(
        skill_ids=[skill.pk for skill in form.skills()],
        viewer=viewer,
        country=data["country"],
        languages=data["language"],
        require_shared_language=data["require_shared_language"],
    )

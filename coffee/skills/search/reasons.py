"""Why a profile matched, in the reader's language: the skills a word named, or the fields."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.utils.translation import gettext_lazy as _

from coffee.skills.models import Skill
from coffee.skills.search.query import Clause, words

SKILL_MATCHED = _("Offers “%(skill)s”, which matches “%(words)s”.")
SKILL_FILTERED = _("Offers “%(skill)s”, one of the skills you selected.")
FIELD_MATCHED = {
    "name": _("Their name matches “%(words)s”."),
    "headline": _("Their headline mentions “%(words)s”."),
    "bio": _("Their description mentions “%(words)s”."),
    "company": _("Works at %(company)s, which matches “%(words)s”."),
}
SEARCH_MATCHED = _("Matches your search.")
FILTERS_MATCHED = _("Matches the filters you selected.")


class EntryTexts(Protocol):
    """What explanations read of a search entry (the model, or the search's plain rows)."""

    @property
    def skills(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def bio(self) -> str: ...
    @property
    def company(self) -> str: ...


@dataclass(frozen=True)
class Explanation:
    reasons: list[str]
    skills: list[Skill]


def explain(
    entry: EntryTexts,
    *,
    clauses: Sequence[Clause],
    filter_skills: Sequence[int],
    skills: dict[int, Skill],
    filtered: bool,
) -> Explanation:
    """The reasons a profile entry matched the clauses and the skill filters, translated."""
    offered = _skill_ids(entry.skills)
    reasons: list[str] = []
    matched: list[Skill] = []
    for skill_id, words_ in _skills_by_words(offered, clauses).items():
        if skill_id in skills:
            matched.append(skills[skill_id])
            reasons.append(str(SKILL_MATCHED) % {"skill": skills[skill_id].label, "words": words_})
    for skill_id in filter_skills:
        if skill_id in skills and skills[skill_id] not in matched:
            matched.append(skills[skill_id])
            reasons.append(str(SKILL_FILTERED) % {"skill": skills[skill_id].label})
    reasons += _field_reasons(entry, clauses)
    if not reasons and (clauses or filtered):
        reasons.append(str(SEARCH_MATCHED if clauses else FILTERS_MATCHED))
    return Explanation(reasons=reasons, skills=matched)


def matched_skill_ids(entry: EntryTexts, clauses: Sequence[Clause]) -> set[int]:
    """Skills of the entry that a clause named: their labels are needed for the explanation."""
    return set(_skills_by_words(_skill_ids(entry.skills), clauses))


def _skills_by_words(offered: set[int], clauses: Sequence[Clause]) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    for clause in clauses:
        for skill_id in offered.intersection(clause.skill_ids):
            found.setdefault(skill_id, []).append(clause.term.word)
    return {skill_id: " ".join(words_) for skill_id, words_ in found.items()}


def _field_reasons(entry: EntryTexts, clauses: Sequence[Clause]) -> list[str]:
    reasons = []
    for field, message in FIELD_MATCHED.items():
        text = getattr(entry, field)
        if not text:
            continue
        present = set(words(text))
        hits = [c.term.word for c in clauses if _found(c.term.norm, c.term.prefix, present)]
        if hits:
            reasons.append(str(message) % {"words": " ".join(hits), "company": entry.company})
    return reasons


def _found(norm: str, prefix: bool, present: set[str]) -> bool:
    if not prefix:
        return norm in present
    return any(word.startswith(norm) for word in present)


def _skill_ids(tokens: str) -> set[int]:
    return {int(token[2:]) for token in tokens.split() if token[2:].isdigit()}

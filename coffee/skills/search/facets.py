"""Facets as index tokens: how an entry spells them, how filters ask for them, how they are counted.

Tokens are letters and digits only (unicode61 would split an underscore): `vpub`/`vmem`
visibility, `cbe` country, `sp12` home space, `lnl` language, `stfreelancer` status, `xb1`/`xb0`
open to cross-border work; skills offered are `sk42` in their own column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coffee.network.models import LANGUAGE_CHOICES, Organisation
from coffee.people.models import Status, Visibility
from coffee.skills.models import Skill
from coffee.skills.search.query import SearchQuery, code
from coffee.skills.search.results import FacetValue

FACETS = ("skill", "country", "space", "language", "status", "cross_border")
TOP_SKILLS = 10
PUBLIC = "vpub"
_VISIBILITY = {Visibility.PUBLIC: PUBLIC, Visibility.MEMBERS: "vmem"}
_STATUS_BY_CODE = {code(value): value for value in Status.values}
_LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
CROSS_BORDER_LABEL = _("Open to cross-border work")


def skill_token(skill_id: int) -> str:
    return f"sk{skill_id}"


def entry_tokens(
    *,
    visibility: str,
    country: str,
    space_id: int | None,
    languages: Iterable[str],
    status: str,
    cross_border: bool,
) -> str:
    """The facet tokens of one profile entry, as stored in its `facets` column."""
    tokens = [_VISIBILITY[Visibility(visibility)]]
    if country:
        tokens.append("c" + code(country))
    if space_id:
        tokens.append(f"sp{space_id:d}")
    tokens += sorted({"l" + code(language) for language in languages if code(language)})
    if status:
        tokens.append("st" + code(status))
    tokens.append("xb1" if cross_border else "xb0")
    return " ".join(tokens)


def filter_tokens(query: SearchQuery, *, public_only: bool) -> tuple[str, ...]:
    """The facet tokens a profile must carry to match the query's filters and the viewer."""
    tokens = [PUBLIC] if public_only else []
    if query.country:
        tokens.append("c" + code(query.country))
    if query.space:
        tokens.append(f"sp{query.space:d}")
    if query.language:
        tokens.append("l" + code(query.language))
    if query.status:
        tokens.append("st" + code(query.status))
    if query.cross_border is not None:
        tokens.append("xb1" if query.cross_border else "xb0")
    return tuple(tokens)


def count_tokens(rows: Sequence[str], *, total: int) -> dict[str, list[tuple[str, int]]]:
    """Count facet values over token strings; scaled to `total` when rows are only a sample."""
    counter = Counter(" ".join(rows).split())
    scale = total / len(rows) if rows and total > len(rows) else 1.0
    counts: dict[str, list[tuple[str, int]]] = {facet: [] for facet in FACETS}
    for token, count in counter.most_common():
        decoded = _decode(token)
        if decoded is not None:
            counts[decoded[0]].append((decoded[1], max(1, round(count * scale))))
    counts["skill"] = counts["skill"][:TOP_SKILLS]
    return counts


def label_facets(
    counts: dict[str, list[tuple[str, int]]], query: SearchQuery, skills: dict[int, Skill]
) -> dict[str, list[FacetValue]]:
    """Facet values with their labels in the reader's language (at most one query, for spaces)."""
    selected = _selected(query)
    counts = _with_selected(counts, selected)
    spaces = _space_names([int(value) for value, _count in counts["space"]])
    labels: dict[str, Any] = {
        "skill": lambda v: skills[int(v)].label if int(v) in skills else None,
        "country": lambda v: countries.name(v) or v,
        "space": lambda v: spaces.get(int(v)),
        "language": lambda v: _LANGUAGE_NAMES.get(v, v),
        "status": lambda v: Status(v).label,
        "cross_border": lambda v: CROSS_BORDER_LABEL,
    }
    facets: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        values = [(v, c, labels[facet](v)) for v, c in counts[facet]]
        facets[facet] = sorted(
            (FacetValue(v, str(label), c, v in selected[facet]) for v, c, label in values if label),
            key=lambda f: (-f.count, f.label),
        )
    return facets


def facet_skill_ids(counts: dict[str, list[tuple[str, int]]]) -> list[int]:
    return [int(value) for value, _count in counts["skill"]]


def facet_title(facet: str) -> str:
    """The heading of a facet, translated."""
    return str(_TITLES[facet])


_TITLES = {
    "skill": _("Skill"),
    "country": _("Country"),
    "space": _("Home space"),
    "language": _("Language"),
    "status": _("Status"),
    "cross_border": _("Availability"),
}


def _decode(token: str) -> tuple[str, str] | None:
    """(facet, value) of a token, or None for tokens that are not facets (visibility)."""
    head, rest = token[:2], token[2:]
    if head == "sk":
        return "skill", rest
    if head == "sp":
        return "space", rest
    if head == "st":
        return ("status", _STATUS_BY_CODE[rest]) if rest in _STATUS_BY_CODE else None
    if head == "xb":
        return ("cross_border", "1") if rest == "1" else None
    if token[0] == "c" and len(token) == 3:
        return "country", token[1:].upper()
    if token[0] == "l":
        return "language", token[1:]
    return None


def _with_selected(
    counts: dict[str, list[tuple[str, int]]], selected: dict[str, set[str]]
) -> dict[str, list[tuple[str, int]]]:
    """Selected values stay listed (with 0) so that a filter leaving no result can be undone."""
    merged = {}
    for facet, values in counts.items():
        present = {value for value, _count in values}
        merged[facet] = values + [(value, 0) for value in sorted(selected[facet] - present)]
    return merged


def _space_names(ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(Organisation.objects.filter(Q(id__in=ids)).values_list("id", "name"))


def _selected(query: SearchQuery) -> dict[str, set[str]]:
    return {
        "skill": {str(s) for s in query.skills},
        "country": {query.country} if query.country else set(),
        "space": {str(query.space)} if query.space else set(),
        "language": {query.language} if query.language else set(),
        "status": {query.status} if query.status else set(),
        "cross_border": {"1"} if query.cross_border else set(),
    }

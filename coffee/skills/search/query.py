"""What the reader asked, cleaned so that no input can break a full-text query.

User text is cut into words made of letters and digits only; each word becomes one quoted term
(with a `*` prefix marker when it is two characters or longer), so quotes, parentheses, operators
(AND, OR, NOT, NEAR), `*`, `-`, `:` and emoji never reach the query syntax of either backend.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from django.http import QueryDict

from coffee.people.models import Status

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_TERMS = 6
MAX_TERM_LENGTH = 40
MAX_TEXT_LENGTH = 200
MAX_SKILL_FILTERS = 10
# Words too common to narrow a search (fr, nl, en); dropped unless nothing else is left.
STOP_WORDS = frozenset(
    {
        *("a", "an", "and", "au", "aux", "avec", "d", "dans", "de", "des", "du", "en", "et"),
        *("for", "het", "in", "l", "la", "le", "les", "met", "of", "on", "op", "par", "pour"),
        *("sur", "te", "the", "to", "un", "une", "van", "voor", "with"),
    }
)
_WORD = re.compile(r"[^\W_]+")
_CODE = re.compile(r"[^a-z0-9]")


@dataclass
class SearchQuery:
    """A catalogue search: free text plus facet filters and the page wanted."""

    text: str = ""
    skills: list[int] = field(default_factory=list)
    country: str = ""
    space: int | None = None
    language: str = ""
    status: str = ""
    cross_border: bool | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    def cleaned(self) -> SearchQuery:
        """A copy with every value brought into its allowed range; unknown values are dropped."""
        return dataclasses.replace(
            self,
            text=self.text[:MAX_TEXT_LENGTH],
            skills=list(dict.fromkeys(s for s in self.skills if s > 0))[:MAX_SKILL_FILTERS],
            country=self.country.upper() if re.fullmatch(r"[A-Za-z]{2}", self.country) else "",
            space=self.space if self.space and self.space > 0 else None,
            language=code(self.language)[:5],
            status=self.status if self.status in Status.values else "",
            page=max(1, self.page),
            page_size=min(max(1, self.page_size), MAX_PAGE_SIZE),
        )

    @property
    def has_filters(self) -> bool:
        return bool(
            self.skills
            or self.country
            or self.space
            or self.language
            or self.status
            or self.cross_border is not None
        )


@dataclass(frozen=True)
class Term:
    """One word of the search: as typed (for explanations) and normalised (for the index)."""

    word: str
    norm: str

    @property
    def prefix(self) -> bool:
        """Words of two characters or more match the start of longer words."""
        return len(self.norm) > 1


@dataclass(frozen=True)
class Clause:
    """A term, and the skills whose labels it matches: a profile needs the word or the skill."""

    term: Term
    skill_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Criteria:
    """What a profile must match, independent of the backend; all parts are required."""

    clauses: tuple[Clause, ...] = ()
    skill_ids: tuple[int, ...] = ()
    facet_tokens: tuple[str, ...] = ()

    @property
    def has_text(self) -> bool:
        return bool(self.clauses)

    @property
    def matches_everything(self) -> bool:
        return not (self.clauses or self.skill_ids or self.facet_tokens)


class _Folding(dict[int, str]):
    """str.translate table, filled on first sight of each character: lower case, diacritics
    removed, and a space for anything that is not a letter or a digit.

    Only characters that were letters or digits in Unicode 3.2 are kept: SQLite's unicode61
    tokenizer knows an older Unicode than Python, and a character it would take for a separator
    inside a quoted term would make a phrase, which detail=column refuses.
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        folded = "".join(c if unicodedata.ucd_3_2_0.category(c)[0] in "LN" else " " for c in bare)
        self[code] = folded
        return folded


_FOLDING = _Folding()


def words(text: str) -> list[str]:
    """The words of a text, folded (lower case, no diacritics) and split as the index does."""
    return text.translate(_FOLDING).split()


def parse_terms(text: str) -> list[Term]:
    """The distinct terms of the user's text, stop words dropped unless they are all there is."""
    terms: dict[str, Term] = {}
    for raw in _WORD.findall(text[:MAX_TEXT_LENGTH]):
        for piece in words(raw):
            terms.setdefault(piece[:MAX_TERM_LENGTH], Term(word=raw, norm=piece[:MAX_TERM_LENGTH]))
    kept = [t for t in terms.values() if t.norm not in STOP_WORDS] or list(terms.values())
    return kept[:MAX_TERMS]


def code(value: str) -> str:
    """A code (language, status) reduced to lower-case letters and digits, as tokens hold it."""
    return _CODE.sub("", value.lower())


def search_query_from_params(params: QueryDict, *, page_size: int) -> SearchQuery:
    """Read a SearchQuery from request parameters; values that do not parse are ignored."""
    return SearchQuery(
        text=str(params.get("q", "")),
        skills=[n for n in map(_integer, params.getlist("skill")) if n],
        country=str(params.get("country", "")),
        space=_integer(params.get("space")),
        language=str(params.get("language", "")),
        status=str(params.get("status", "")),
        cross_border=True if params.get("cross_border") in ("1", "on", "true") else None,
        page=_integer(params.get("page")) or 1,
        page_size=page_size,
    ).cleaned()


def _integer(value: object) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 12 else None

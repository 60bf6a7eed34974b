"""Read the official ESCO CSV download (skills, occupations, collections); standard library only.

Columns are read by name, so the full 13/14-column official files, column-reduced exports and the
9-column collection files all go through the same reader. Malformed rows are collected as
`EscoRowError`s with the physical line where the record starts; the caller decides whether one error
rejects the whole import.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

SKILL = "skill"
OCCUPATION = "occupation"
LANGUAGES = ("fr", "nl", "en")
REQUIRED_COLUMNS = ("conceptUri", "preferredLabel", "conceptType")
COLLECTION_SEPARATOR = " | "

# conceptType values of the official files; another value means the row is in the wrong file.
_CONCEPT_TYPES = {SKILL: "KnowledgeSkillCompetence", OCCUPATION: "Occupation"}
# "skills_fr.csv", "skills_en-us.csv", "ictSkillsCollection_nl.csv", "occupations_nl.csv", ...
_FILE_NAME = re.compile(r"^(?P<base>[A-Za-z0-9]+)_(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)$")
_COLLECTION = re.compile(r"^[a-z][A-Za-z0-9]*(?P<kind>Skills|Occupations)Collection$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class EscoFormatError(ValueError):
    """The file as a whole cannot be read as an ESCO export."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(f"{path}: {message}")
        self.message = message
        self.path = path


@dataclass(frozen=True)
class EscoConcept:
    """One skill or occupation in one language."""

    uri: str
    kind: str
    language: str
    preferred_label: str
    alt_labels: tuple[str, ...]
    description: str
    skill_type: str
    reuse_level: str
    isco_group: str
    collection: str


@dataclass(frozen=True)
class EscoRowError:
    """A record that was skipped; line is the physical line where it starts (header is line 1)."""

    path: str
    line: int
    message: str


@dataclass
class EscoFile:
    """What one CSV file held: its concepts and the records that could not be used."""

    path: str
    kind: str
    language: str
    collection: str
    concepts: list[EscoConcept] = field(default_factory=list)
    errors: list[EscoRowError] = field(default_factory=list)


def detect_file(path: str, header: Sequence[str]) -> tuple[str, str, str]:
    """Return (kind, language, collection) from file name and header; raise EscoFormatError."""
    _check_columns(path, header)
    base, language = _split_file_name(path)
    kind, collection = _kind_from_base(base)
    header_kind = _kind_from_header(header)
    if kind and header_kind and kind != header_kind:
        message = f"the name says {kind}s but the columns are those of {header_kind}s"
        raise EscoFormatError(message, path)
    kind = kind or header_kind
    if not kind:
        raise EscoFormatError("cannot tell whether the file holds skills or occupations", path)
    return kind, language, collection


def read_file(path: str) -> EscoFile:
    """Read one ESCO CSV file, streaming; bad records become errors, good ones concepts."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return _read_records(path, handle)
    except UnicodeDecodeError as exc:
        raise EscoFormatError(f"the file is not UTF-8 ({exc.reason})", path) from exc


def merge(files: Iterable[EscoFile]) -> dict[str, dict[str, EscoConcept]]:
    """Index concepts by URI then language; a main file's labels beat a collection file's."""
    merged: dict[str, dict[str, EscoConcept]] = {}
    from_main_file: set[tuple[str, str]] = set()
    for esco_file in files:
        for concept in esco_file.concepts:
            _merge_one(merged, from_main_file, concept)
    return merged


def _check_columns(path: str, header: Sequence[str]) -> None:
    """Raise when a required column is missing, naming every missing one."""
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise EscoFormatError(f"missing required column(s): {', '.join(missing)}", path)


def _split_file_name(path: str) -> tuple[str, str]:
    """Return the base name and the normalised language of an ESCO file name."""
    name = PurePath(path).name
    stem = name[: -len(".csv")] if name.lower().endswith(".csv") else name
    match = _FILE_NAME.match(stem)
    if match is None:
        raise EscoFormatError(f"cannot tell the language from the file name {name!r}", path)
    # en-us and en-gb are both English for the platform; only the primary subtag matters.
    language = match["language"].split("-")[0].lower()
    if language not in LANGUAGES:
        raise EscoFormatError(
            f"unsupported language {match['language']!r} (expected one of {', '.join(LANGUAGES)})",
            path,
        )
    return match["base"], language


def _kind_from_base(base: str) -> tuple[str, str]:
    """Return (kind, collection) for a base name; kind is "" when the name does not tell."""
    if base.lower() == "skills":
        return SKILL, ""
    if base.lower() == "occupations":
        return OCCUPATION, ""
    match = _COLLECTION.match(base)
    if match is None:
        return "", ""
    return (SKILL if match["kind"] == "Skills" else OCCUPATION), base


def _kind_from_header(header: Sequence[str]) -> str:
    """Return the kind that the header's own columns imply, or "" when they do not say."""
    if "iscoGroup" in header and "skillType" not in header:
        return OCCUPATION
    if "skillType" in header and "iscoGroup" not in header:
        return SKILL
    return ""


class _LineCounter:
    """Iterates over a file's lines and remembers where the current CSV record starts."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.count = 0
        self.record_start = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        # csv skips empty lines between records, so a record starts at its first non-empty line.
        if not self.record_start and line.strip("\r\n"):
            self.record_start = self.count
        return line

    def take_start(self) -> int:
        """Return the start line of the record just read and get ready for the next one."""
        start, self.record_start = self.record_start or self.count, 0
        return start


def _read_records(path: str, handle: Iterable[str]) -> EscoFile:
    """Parse the open file: header first, then every record."""
    lines = _LineCounter(handle)
    # strict: a stray quote is reported on its record instead of silently swallowing the next ones.
    reader = csv.DictReader(lines, strict=True)
    header = [name.strip() for name in (reader.fieldnames or [])]
    if not header:
        raise EscoFormatError("the file is empty", path)
    reader.fieldnames = header
    kind, language, collection = detect_file(path, header)
    result = EscoFile(path=path, kind=kind, language=language, collection=collection)
    lines.take_start()
    for line, row, problem in _rows(reader, lines):
        outcome = problem or _to_concept(row, result)
        if isinstance(outcome, EscoConcept):
            result.concepts.append(outcome)
        else:
            result.errors.append(EscoRowError(path=path, line=line, message=outcome))
    return result


def _rows(
    reader: csv.DictReader[str], lines: _LineCounter
) -> Iterator[tuple[int, dict[str | None, str | None], str]]:
    """Yield (start line, row, problem) per record; problem is "" for a well-formed row."""
    while True:
        try:
            row: dict[str | None, str | None] = dict(next(reader))
        except StopIteration:
            return
        except csv.Error as exc:
            yield lines.take_start(), {}, f"malformed CSV: {exc}"
            continue
        yield lines.take_start(), row, _field_count_problem(row, len(reader.fieldnames or []))


def _field_count_problem(row: dict[str | None, str | None], expected: int) -> str:
    """Describe a row with more or fewer fields than the header, or return ""."""
    extra = row.get(None)
    found = expected + len(extra) if isinstance(extra, list) else expected
    found -= sum(1 for key, value in row.items() if key is not None and value is None)
    return "" if found == expected else f"expected {expected} fields, found {found}"


def _to_concept(row: dict[str | None, str | None], esco_file: EscoFile) -> EscoConcept | str:
    """Build the concept of a well-formed row, or return why the row cannot be used."""
    uri = _cell(row, "conceptUri")
    if not uri:
        return "empty conceptUri"
    if not uri.startswith(("http://", "https://")):
        return f"invalid conceptUri {uri!r} (expected an http(s) URI)"
    label = _cell(row, "preferredLabel")
    if not label:
        return f"missing preferredLabel for {uri}"
    concept_type = _cell(row, "conceptType")
    if concept_type and concept_type != _CONCEPT_TYPES[esco_file.kind]:
        return f"conceptType {concept_type!r} does not belong in a file of {esco_file.kind}s"
    return _concept(row, esco_file, uri, label)


def _concept(
    row: dict[str | None, str | None], esco_file: EscoFile, uri: str, label: str
) -> EscoConcept:
    """Assemble an EscoConcept from a validated row."""
    return EscoConcept(
        uri=uri,
        kind=esco_file.kind,
        language=esco_file.language,
        preferred_label=label,
        alt_labels=_split_labels(_cell(row, "altLabels"), bool(esco_file.collection)),
        description=_cell(row, "description"),
        skill_type=_cell(row, "skillType"),
        reuse_level=_cell(row, "reuseLevel"),
        isco_group=_cell(row, "iscoGroup"),
        collection=esco_file.collection,
    )


def _cell(row: dict[str | None, str | None], name: str) -> str:
    """Return a column's stripped value, "" when the column is absent (optional columns)."""
    return (row.get(name) or "").strip()


def _split_labels(value: str, in_collection: bool) -> tuple[str, ...]:
    """Split a multi-valued label cell; order kept, blanks and repeats dropped."""
    # Collection files join alternative labels with " | " where the main files use newlines.
    if in_collection:
        value = value.replace(" | ", "\n")
    labels = (label.strip() for label in _LINE_BREAK.split(value))
    return tuple(dict.fromkeys(label for label in labels if label))


def _merge_one(
    merged: dict[str, dict[str, EscoConcept]],
    from_main_file: set[tuple[str, str]],
    concept: EscoConcept,
) -> None:
    """Add one concept; the first main-file reading keeps its labels, collections are all kept."""
    by_language = merged.setdefault(concept.uri, {})
    known = by_language.get(concept.language)
    key = (concept.uri, concept.language)
    collection = _join_collections(known.collection if known else "", concept.collection)
    kept = concept
    if known is not None and (concept.collection or key in from_main_file):
        kept = known
    by_language[concept.language] = replace(kept, collection=collection)
    if not concept.collection:
        from_main_file.add(key)


def _join_collections(*names: str) -> str:
    """Join collection names without repeats, in the order first seen."""
    parts = (part for name in names for part in name.split(COLLECTION_SEPARATOR) if part)
    return COLLECTION_SEPARATOR.join(dict.fromkeys(parts))

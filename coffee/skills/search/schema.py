"""Database objects of the search that models cannot describe: FTS5 tables and triggers on
SQLite, the unaccent extension, a generated tsvector and GIN indexes on PostgreSQL.

`install` runs in migration 0003; `repair` runs after every `migrate` (and from
`rebuild_search_index`) because SQLite drops a table's triggers whenever Django rebuilds the
table to alter it (a later AddField on Skill would otherwise silently stop the label index).
"""
# SQL below is assembled from module constants only; nothing comes from users.
# ruff: noqa: S608

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

from coffee.skills.search import generation

ENTRY_FTS = "skills_search_fts"
LABEL_FTS = "skills_label_fts"
ENTRY_COLUMNS = ("name", "headline", "bio", "company", "skills", "strong_skills", "facets")
LABEL_COLUMNS = (
    "label",
    "label_fr",
    "label_nl",
    "label_en",
    "synonyms",
    "synonyms_fr",
    "synonyms_nl",
    "synonyms_en",
)
# bm25 weights, in ENTRY_COLUMNS order: skills and names first, facets never count.
SQLITE_RANK = "bm25(10.0, 4.0, 1.0, 3.0, 10.0, 3.0, 0.0)"
_TOKENIZE = "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"


def _labels(row: str) -> str:
    """All labels and synonyms of a skill row as one text (SQL)."""
    return " || ' | ' || ".join(f"coalesce({row}{c}, '')" for c in LABEL_COLUMNS)


# The expression of the PostgreSQL label index; queries must repeat it exactly to use the index.
POSTGRES_LABELS = f"coffee_search_words({_labels('')})"


def _entry_values(row: str) -> str:
    return ", ".join(f"{row}.{c}" for c in ENTRY_COLUMNS)


_COLUMNS = ", ".join(ENTRY_COLUMNS)
_DELETE_ENTRY = (
    f"INSERT INTO {ENTRY_FTS}({ENTRY_FTS}, rowid, {_COLUMNS}) "
    f"VALUES ('delete', old.profile_id, {_entry_values('old')});"
)
_INSERT_ENTRY = (
    f"INSERT INTO {ENTRY_FTS}(rowid, {_COLUMNS}) VALUES (new.profile_id, {_entry_values('new')});"
)
_DELETE_LABEL = f"DELETE FROM {LABEL_FTS} WHERE rowid = old.id;"
_INSERT_LABEL = f"INSERT INTO {LABEL_FTS}(rowid, labels) VALUES (new.id, {_labels('new.')});"

SQLITE_ENTRY_TABLE = [
    f"CREATE VIRTUAL TABLE {ENTRY_FTS} USING fts5({_COLUMNS}, content='skills_searchentry', "
    f"content_rowid='profile_id', {_TOKENIZE}, detail=column)",
    f"INSERT INTO {ENTRY_FTS}({ENTRY_FTS}, rank) VALUES ('rank', '{SQLITE_RANK}')",
]
SQLITE_LABEL_TABLE = [f"CREATE VIRTUAL TABLE {LABEL_FTS} USING fts5(labels, {_TOKENIZE})"]
SQLITE_ENTRY_TRIGGERS = {
    f"{ENTRY_FTS}_ai": f"AFTER INSERT ON skills_searchentry BEGIN {_INSERT_ENTRY} END",
    f"{ENTRY_FTS}_ad": f"AFTER DELETE ON skills_searchentry BEGIN {_DELETE_ENTRY} END",
    f"{ENTRY_FTS}_au": (
        f"AFTER UPDATE ON skills_searchentry BEGIN {_DELETE_ENTRY} {_INSERT_ENTRY} END"
    ),
}
SQLITE_LABEL_TRIGGERS = {
    f"{LABEL_FTS}_ai": f"AFTER INSERT ON skills_skill BEGIN {_INSERT_LABEL} END",
    f"{LABEL_FTS}_ad": f"AFTER DELETE ON skills_skill BEGIN {_DELETE_LABEL} END",
    f"{LABEL_FTS}_au": f"AFTER UPDATE ON skills_skill BEGIN {_DELETE_LABEL} {_INSERT_LABEL} END",
}
# Facet counts and broad ranking read the tokens and name of up to a thousand entries by id: a
# covering index keeps those reads off the wide rows. SQLite-only: a B-tree entry on PostgreSQL
# has a size limit.
SQLITE_INDEXES = {
    "skills_search_rows": "CREATE INDEX IF NOT EXISTS skills_search_rows "
    "ON skills_searchentry (profile_id, facets, skills, strong_skills, name)",
}
SQLITE_ENTRY_REFILL = f"INSERT INTO {ENTRY_FTS}({ENTRY_FTS}) VALUES ('rebuild')"
SQLITE_LABEL_REFILL = [
    f"DELETE FROM {LABEL_FTS}",
    f"INSERT INTO {LABEL_FTS}(rowid, labels) SELECT id, {_labels('')} FROM skills_skill",
]

# unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
POSTGRES_FUNCTIONS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes the
    # wrapper safe to declare IMMUTABLE, which generated columns and index expressions require.
    """CREATE OR REPLACE FUNCTION coffee_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$""",
    """CREATE OR REPLACE FUNCTION coffee_search_words(text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT to_tsvector('simple'::regconfig, coffee_unaccent(coalesce($1, ''))) $$""",
    # Tokens (sk12, cbe, ...) become lexemes '#sk12' that no parsed word can ever equal, with
    # a position and a weight so that ts_rank counts them.
    """CREATE OR REPLACE FUNCTION coffee_search_tokens(prefix text, tokens text, weight text)
        RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT regexp_replace(coalesce(tokens, ''), '([a-z0-9]+)',
                                    '''' || prefix || '\\1'':1' || weight, 'g')::tsvector $$""",
]
POSTGRES_OBJECTS = {
    "skills_searchentry.document": """
        ALTER TABLE skills_searchentry ADD COLUMN IF NOT EXISTS document tsvector
        GENERATED ALWAYS AS (
            setweight(coffee_search_words(name), 'A')
            || coffee_search_tokens('#', skills, 'A')
            || setweight(coffee_search_words(headline), 'B')
            || setweight(coffee_search_words(company), 'B')
            || coffee_search_tokens('#+', strong_skills, 'B')
            || setweight(coffee_search_words(bio), 'C')
            || coffee_search_tokens('#', facets, 'D')
        ) STORED""",
    "skills_searchentry_document": (
        "CREATE INDEX IF NOT EXISTS skills_searchentry_document ON skills_searchentry "
        "USING gin (document)"
    ),
    "skills_skill_labels_search": (
        "CREATE INDEX IF NOT EXISTS skills_skill_labels_search ON skills_skill "
        f"USING gin ({POSTGRES_LABELS})"
    ),
}
POSTGRES_INSTALL = [*POSTGRES_FUNCTIONS, *POSTGRES_OBJECTS.values()]
POSTGRES_UNINSTALL = [
    "DROP INDEX IF EXISTS skills_skill_labels_search",
    "ALTER TABLE skills_searchentry DROP COLUMN IF EXISTS document",
    "DROP FUNCTION IF EXISTS coffee_search_tokens(text, text, text)",
    "DROP FUNCTION IF EXISTS coffee_search_words(text)",
    "DROP FUNCTION IF EXISTS coffee_unaccent(text)",
]
_POSTGRES_EXISTING = """
    SELECT 'skills_searchentry' WHERE to_regclass('skills_searchentry') IS NOT NULL
    UNION ALL SELECT 'skills_searchentry.document' FROM information_schema.columns
        WHERE table_name = 'skills_searchentry' AND column_name = 'document'
    UNION ALL SELECT indexname FROM pg_indexes
        WHERE indexname IN ('skills_searchentry_document', 'skills_skill_labels_search')
"""


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the search objects of this database's vendor."""
    if connection.vendor == "postgresql":
        _execute(connection, POSTGRES_INSTALL)
    else:
        _execute(connection, SQLITE_ENTRY_TABLE + SQLITE_LABEL_TABLE)
        _execute(connection, [*_triggers(SQLITE_ENTRY_TRIGGERS), *_triggers(SQLITE_LABEL_TRIGGERS)])
        _execute(connection, [*SQLITE_INDEXES.values(), *SQLITE_LABEL_REFILL])


def uninstall(connection: BaseDatabaseWrapper) -> None:
    """Drop the search objects (triggers go with their tables on SQLite)."""
    if connection.vendor == "postgresql":
        _execute(connection, POSTGRES_UNINSTALL)
        return
    names = [*SQLITE_ENTRY_TRIGGERS, *SQLITE_LABEL_TRIGGERS]
    _execute(connection, [f"DROP TRIGGER IF EXISTS {name}" for name in names])
    _execute(connection, [f"DROP TABLE IF EXISTS {ENTRY_FTS}", f"DROP TABLE IF EXISTS {LABEL_FTS}"])


def repair(connection: BaseDatabaseWrapper) -> list[str]:
    """Recreate whatever search object is missing and refill what it fed; return their names."""
    if connection.vendor == "postgresql":
        repaired = _repair_postgres(connection)
    else:
        repaired = _repair_sqlite(connection)
    return repaired + generation.repair(connection)


def _repair_postgres(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(_POSTGRES_EXISTING)
        existing = {row[0] for row in cursor.fetchall()}
    missing = [name for name in POSTGRES_OBJECTS if name not in existing]
    if "skills_searchentry" not in existing or not missing:
        return []  # not migrated yet, or nothing to do
    _execute(connection, [*POSTGRES_FUNCTIONS, *(POSTGRES_OBJECTS[name] for name in missing)])
    return missing


def _repair_sqlite(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')")
        existing = {row[0] for row in cursor.fetchall()}
    if "skills_searchentry" not in existing:
        return []  # not migrated yet
    repaired = [name for name in SQLITE_INDEXES if name not in existing]
    _execute(connection, [SQLITE_INDEXES[name] for name in repaired])
    for fts, table, triggers, refill in (
        (ENTRY_FTS, SQLITE_ENTRY_TABLE, SQLITE_ENTRY_TRIGGERS, [SQLITE_ENTRY_REFILL]),
        (LABEL_FTS, SQLITE_LABEL_TABLE, SQLITE_LABEL_TRIGGERS, SQLITE_LABEL_REFILL),
    ):
        missing = {name: body for name, body in triggers.items() if name not in existing}
        if fts not in existing:
            _execute(connection, table)
            repaired.append(fts)
        if missing or fts not in existing:
            _execute(connection, _triggers(missing))
            _execute(connection, refill)
            repaired += missing
    return repaired


def _triggers(triggers: dict[str, str]) -> list[str]:
    return [f"CREATE TRIGGER IF NOT EXISTS {name} {body}" for name, body in triggers.items()]


def _execute(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)

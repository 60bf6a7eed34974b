"""The search generation: a counter the database raises whenever a search result could change.

Cached result pages (`search.cache`) are keyed by it, so a page cached before a change is never
served after it, in any process. Triggers raise it, so that no write path can forget to: bulk
updates, imports and the admin included. What they watch is everything a result page shows or
filters on: the search entries, skill labels, space names, a profile's visibility, an account
being deactivated or deleted. Profile texts reach result pages through the entries.

SQLite fires a trigger per row, PostgreSQL once per statement; either way a transaction that
changes results raises the counter before it commits.
"""
# SQL below is assembled from module constants only; nothing comes from users.
# ruff: noqa: S608

from __future__ import annotations

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "skills_searchgeneration"
ROW_ID = 1
_BUMP = f"UPDATE {TABLE} SET value = value + 1 WHERE id = {ROW_ID}"
# (table, the events that change what a result page shows)
WATCHED = (
    ("skills_searchentry", ("INSERT", "UPDATE", "DELETE")),
    ("skills_skill", ("INSERT", "UPDATE", "DELETE")),
    ("network_organisation", ("UPDATE", "DELETE")),
    ("people_profile", ("UPDATE OF visibility", "DELETE")),
    ("people_user", ("UPDATE OF is_active", "DELETE")),
)


def _name(table: str, event: str = "") -> str:
    suffix = f"_{event.split()[0].lower()}" if event else ""
    return f"{TABLE}_{table}{suffix}"


SQLITE_TRIGGERS = {
    _name(table, event): f"AFTER {event} ON {table} BEGIN {_BUMP}; END"
    for table, events in WATCHED
    for event in events
}
POSTGRES_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION coffee_search_generation_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN {_BUMP}; RETURN NULL; END $$"""
POSTGRES_TRIGGERS = {
    _name(table): (
        f"CREATE OR REPLACE TRIGGER {_name(table)} AFTER {' OR '.join(events)}"
        f"{' OR TRUNCATE' if table == 'skills_searchentry' else ''} ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION coffee_search_generation_bump()"
    )
    for table, events in WATCHED
}


def current() -> int | None:
    """The generation now, or None when the counter is missing (a flushed table): do not cache."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TABLE} WHERE id = %s", [ROW_ID])
        row = cursor.fetchone()
    return int(row[0]) if row else None


def install(conn: BaseDatabaseWrapper) -> None:
    """Create the counter's row and the triggers that raise it."""
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {TABLE} WHERE id = %s", [ROW_ID])
        if cursor.fetchone() is None:
            cursor.execute(f"INSERT INTO {TABLE} (id, value) VALUES (%s, 0)", [ROW_ID])
    repair(conn)


def uninstall(conn: BaseDatabaseWrapper) -> None:
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            for table, _events in WATCHED:
                cursor.execute(f"DROP TRIGGER IF EXISTS {_name(table)} ON {table}")
            cursor.execute("DROP FUNCTION IF EXISTS coffee_search_generation_bump()")
        else:
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def repair(conn: BaseDatabaseWrapper) -> list[str]:
    """Recreate missing triggers (SQLite drops a table's triggers when Django rebuilds it)."""
    tables = set(conn.introspection.table_names())
    if TABLE not in tables:
        return []  # not migrated yet
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", [f"{TABLE}_%"])
            existing = {row[0] for row in cursor.fetchall()}
            missing = [name for name in POSTGRES_TRIGGERS if name not in existing]
            if missing:
                cursor.execute(POSTGRES_FUNCTION)
            for name in missing:
                cursor.execute(POSTGRES_TRIGGERS[name])
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            existing = {row[0] for row in cursor.fetchall()}
            missing = [name for name in SQLITE_TRIGGERS if name not in existing]
            for name in missing:
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {SQLITE_TRIGGERS[name]}")
        if missing:
            cursor.execute(_BUMP)  # whatever changed while a trigger was missing
    return missing

"""Benchmark of the catalogue search, through the real view under a real WSGI server.

    .venv/bin/python bench/catalogue.py                      # 100,000 profiles, SQLite (default)
    .venv/bin/python bench/catalogue.py --profiles 1000000   # 1M: builds in ~6 min, 2 GB
    .venv/bin/python bench/catalogue.py --database-url postgres://postgres@127.0.0.1/coffee_bench

Builds a synthetic network (skewed skills: a few very common, most rare; three languages) with
bulk inserts into a database of its own (bench/out/catalogue-<N>.sqlite3, reused while the
parameters and the indexing code are unchanged; a PostgreSQL database named in the URL is
created if missing and emptied if it holds other data), serves the project's WSGI app with
gunicorn on a free local port, and replays a fixed query log through /fr/catalogue/search/ and
through a bare view: once with the results cache off (p50_ms, p95_ms: every search runs), once
with it on as deployed (ratio_vs_bare: searches seen before come from the cache). The last line
printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import math
import os
import random
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SEED = 20_26
GENERATOR_VERSION = "4"
BATCH = 5_000
sys.path.insert(0, str(ROOT))
Request = tuple[str, str, dict[str, str]]  # kind, path, headers


def _split(text: str) -> list[str]:
    return text.split()


# Words --------------------------------------------------------------------------------------------
FIRST = _split(
    "Camille Lucas Léa Hugo Chloé Louis Emma Nathan Manon Théo Sarah Maxime Julie "
    "Antoine Laura Thomas Pauline Nicolas Élodie Mathis Inès Quentin Anaïs Romain Zoé "
    "Bram Lotte Jens Femke Wout Noor Sander Lien Pieter Elke Joris Anouk Stijn Sofie "
    "Kobe Fien Arne Ruben Marie Jan Aurélie Sébastien Clément Margaux Bérénice Loïc "
    "Maëlle Jérôme Gaëlle"
)
LAST = _split(
    "Dubois Lambert Martin Dupont Leroy Lefèvre Renard Simon Laurent Michel Lemaire "
    "Deprez Dumont Mertens Peeters Janssens Maes Jacobs Willems Claes Goossens "
    "Wouters Smet Vermeulen Pauwels Dewitte Vandamme Declercq Lambotte Rizzo Morel "
    "Fontaine Garnier Chevalier Roussel Blanchard Vandenberghe Verstraete Desmet "
    "Hermans Coppens Damme Lemmens Stevens Bogaert Verhaeghe"
)
STATUSES = ("freelancer", "founder", "employee", "job_seeker", "student")
LANGS = ("fr", "nl", "en")
ROLE = {
    "fr": ("indépendant", "indépendante", "consultante", "formateur", "associé"),
    "nl": ("freelancer", "zelfstandige", "consultant", "opleider", "zaakvoerder"),
    "en": ("freelancer", "consultant", "trainer", "founder", "partner"),
}
COMMON = {
    "fr": _split("projet entreprise client équipe accompagnement solution réseau expérience"),
    "nl": _split("project bedrijf klant team begeleiding oplossing netwerk ervaring"),
    "en": _split("project company client team support solution network experience"),
}
CITIES = _split(
    "Liège Namur Mons Tournai Charleroi Gent Kortrijk Brugge Lille Roubaix Arras Amiens"
)


def pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Made-up words for the long tail of bios (Zipf-distributed when drawn)."""
    syllables = (
        "ba be bo da de di ka ke ko la le li lo ma me mi na ne no pa pe ri ro sa se ta to va"
    )
    parts = syllables.split()
    return ["".join(rng.choices(parts, k=rng.randint(2, 4))) for _ in range(count)]


def zipf_weights(count: int, exponent: float) -> list[float]:
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


def cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# Set-up -------------------------------------------------------------------------------------------


def configure(database_url: str) -> None:
    """Environment for a production-like Django (DEBUG off) on the bench database."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(64)),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(OUT / "static"),
        LOG_LEVEL="WARNING",
    )
    os.environ["BENCH_SECRET_KEY"] = os.environ["SECRET_KEY"]
    import django

    django.setup()


def fingerprint(profiles: int) -> str:
    """Parameters and entry format: a stored database is reused only while they are the same.

    Indexes are not part of it: `migrate` (schema.repair) adds a new one to a stored database.
    """
    import inspect

    from coffee.skills.search import facets, index, schema

    functions: list[Any] = [index.entry_values, facets.entry_tokens, facets.skill_token]
    code = "".join(inspect.getsource(function) for function in functions)
    code += repr([schema.SQLITE_ENTRY_TABLE, schema.SQLITE_ENTRY_TRIGGERS])
    code += schema.POSTGRES_OBJECTS["skills_searchentry.document"]
    digest = hashlib.sha256(code.encode()).hexdigest()[:16]
    return json.dumps({"profiles": profiles, "seed": SEED, "v": GENERATOR_VERSION, "code": digest})


def stored_fingerprint() -> str | None:
    from django.db import connection

    if "bench_meta" not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM bench_meta")
        row = cursor.fetchone()
    return row[0] if row else None


def ensure_postgres_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare(profiles: int, database_url: str, sqlite_path: Path | None) -> tuple[bool, float]:
    """Migrate, build the network unless an identical one is stored; (built, seconds)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if not (OUT / "static" / "staticfiles.json").exists():
        call_command("collectstatic", verbosity=0, interactive=False)
    wanted = fingerprint(profiles)
    if stored_fingerprint() == wanted:
        return False, 0.0
    if sqlite_path is not None and stored_fingerprint() is not None:
        from django.db import connection

        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    build(profiles, wanted)
    return True, time.perf_counter() - started


# Building the network -----------------------------------------------------------------------------


class Inserter:
    """Bulk insert with executemany; columns not given take their field default (computed once).

    An auto-increment id is left to the database unless the rows give it.
    """

    def __init__(self, model: Any, *, with_id: bool = False) -> None:
        from django.db import connection
        from django.db.models import AutoField, BigAutoField
        from django.utils import timezone

        now = connection.ops.adapt_datetimefield_value(timezone.now())
        fields = [
            f
            for f in model._meta.concrete_fields
            if with_id or not isinstance(f, AutoField | BigAutoField)
        ]
        self.defaults = {field.attname: _default(field, now) for field in fields}
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        self.sql = f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})"  # noqa: S608
        self.names = [f.attname for f in fields]

    def insert(self, rows: Iterable[dict[str, Any]]) -> None:
        from django.db import connection

        values = [tuple(row.get(n, self.defaults[n]) for n in self.names) for row in rows]
        if values:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, values)


def _default(field: Any, now: Any) -> Any:
    """The value a column takes when a row does not give it (as the ORM would write it)."""
    from django.db import connection
    from django.db.models import DateTimeField

    if isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add):
        return now
    if field.has_default():
        return field.get_db_prep_save(field.get_default(), connection)
    return "" if field.empty_strings_allowed and not field.null else None


def build(profiles: int, wanted: str) -> None:
    """A fresh synthetic network of `profiles` members, indexed, in one transaction."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from coffee.people.models import Company, Profile, User
    from coffee.skills.search.index import optimise

    empty_tables()
    with transaction.atomic():
        Network(random.Random(SEED), profiles).insert_all()
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE bench_meta (value TEXT)")
            cursor.execute("INSERT INTO bench_meta (value) VALUES (%s)", [wanted])
    optimise()
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [User, Profile, Company]):
            cursor.execute(statement)  # ids were given: let the next ones follow
        # PostgreSQL: as autovacuum would, so that bitmap scans may skip all-visible pages.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def empty_tables() -> None:
    from django.db import connection

    tables = _split(
    "skills_searchentry skills_offeredskill skills_soughtskill people_profilelanguage "
    "people_profile people_company people_user"
)  # fmt: skip
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute("DROP TABLE IF EXISTS bench_meta")


class Network:
    """The synthetic network: spaces, companies, people with skewed skills in three languages."""

    def __init__(self, rng: random.Random, profiles: int) -> None:
        from coffee.skills.models import Skill

        self.rng, self.profiles = rng, profiles
        self.skills = popularity_order(list(Skill.objects.filter(is_active=True).order_by("pk")))
        self.skill_cum = cumulative(zipf_weights(len(self.skills), 1.1))
        self.tail = pseudo_words(random.Random(SEED), 20_000)
        self.tail_cum = cumulative(zipf_weights(len(self.tail), 1.0))
        self.companies = max(1, profiles // 10)
        self.spaces: list[int] = []

    def insert_all(self) -> None:
        from coffee.people.models import Company, Profile, ProfileLanguage, User
        from coffee.skills.models import OfferedSkill, SearchEntry

        self.spaces = make_spaces(self.rng)
        words = [self.tail[i % len(self.tail)].title() for i in range(self.companies)]
        names = [f"{self.rng.choice(LAST)} {word}" for word in words]
        Inserter(Company, with_id=True).insert(
            {"id": i, "name": name, "country": "BE", "sector": "ict"}
            for i, name in enumerate(names, 1)
        )
        tables = [
            Inserter(User, with_id=True),
            Inserter(Profile, with_id=True),
            Inserter(ProfileLanguage),
            Inserter(OfferedSkill),
            Inserter(SearchEntry, with_id=True),
        ]
        for start in range(1, self.profiles + 1, BATCH):
            people = [self.person(pk) for pk in range(start, min(start + BATCH, self.profiles + 1))]
            for position, table in enumerate(tables):
                table.insert(row for person in people for row in person[position])

    def person(self, pk: int) -> list[list[dict[str, Any]]]:
        """Rows of one member: user, profile, languages, offered skills, search entry."""
        rng = self.rng
        language = rng.choices(LANGS, weights=(60, 30, 10))[0]
        skills = self.pick_skills(rng.choices((1, 2, 3, 4, 5, 6, 8), (10, 20, 25, 20, 12, 8, 5))[0])
        levels = {s.pk: rng.choices((1, 2, 3, 4), (15, 40, 30, 15))[0] for s in skills}
        texts = {code: ("", "") for code in LANGS}
        for code in {language, *([rng.choice(LANGS)] if rng.random() < 0.3 else [])}:
            texts[code] = (self.headline(code, skills), self.bio(code, skills))
        user = {"id": pk, "email": f"member{pk}@bench.coffee.example", "password": "!bench",
                "first_name": rng.choice(FIRST), "last_name": rng.choice(LAST)}  # fmt: skip
        company = rng.randint(1, self.companies) if rng.random() < 0.3 else None
        profile = {
            "id": pk,
            "user_id": pk,
            **{f"headline_{code}": texts[code][0] for code in LANGS},
            **{f"bio_{code}": texts[code][1] for code in LANGS},
            "home_space_id": rng.choice(self.spaces) if rng.random() < 0.8 else None,
            "country": rng.choices(("BE", "FR", "NL"), (63, 35, 2))[0],
            "status": rng.choice(STATUSES),
            "company_id": company,
            "open_to_cross_border": rng.random() < 0.3,
            "visibility": rng.choices(("public", "members", "hidden"), (50, 40, 10))[0],
        }
        spoken = sorted({language, *rng.sample(("fr", "nl", "en", "de"), rng.randint(0, 2))})
        return [
            [user],
            [profile],
            [{"profile_id": pk, "language": c, "level": "fluent"} for c in spoken],
            [{"profile_id": pk, "skill_id": s, "level": v} for s, v in levels.items()],
            self.entry(user, profile, spoken, levels),
        ]

    def entry(
        self, user: dict[str, Any], p: dict[str, Any], spoken: list[str], levels: dict[int, int]
    ) -> list[dict[str, Any]]:
        """The search entry, built by the same function as index_profile (none when hidden)."""
        from coffee.skills.search.index import entry_values

        if p["visibility"] == "hidden":
            return []
        values = entry_values(
            name=f"{user['first_name']} {user['last_name']}",
            headlines=[p[f"headline_{c}"] for c in LANGS],
            bios=[p[f"bio_{c}"] for c in LANGS],
            company=f"company {p['company_id']}" if p["company_id"] else "",
            visibility=p["visibility"],
            country=p["country"],
            home_space_id=p["home_space_id"],
            status=p["status"],
            open_to_cross_border=p["open_to_cross_border"],
            languages=spoken,
            skill_levels=levels,
        )
        return [{"profile_id": p["id"], **values}]

    def pick_skills(self, count: int) -> list[Any]:
        chosen = self.rng.choices(self.skills, cum_weights=self.skill_cum, k=count)
        return list({s.pk: s for s in chosen}.values())

    def headline(self, code: str, skills: list[Any]) -> str:
        label = getattr(skills[0], f"label_{code}") or skills[0].label
        return f"{label} · {self.rng.choice(ROLE[code])} · {self.rng.choice(CITIES)}"

    def bio(self, code: str, skills: list[Any]) -> str:
        rng = self.rng
        words = rng.choices(self.tail, cum_weights=self.tail_cum, k=rng.randint(15, 40))
        words += rng.sample(COMMON[code], 3)
        rng.shuffle(words)
        labels = [getattr(s, f"label_{code}") or "" for s in skills[1:3]]
        return " ".join([*labels, *words]) + "."


def popularity_order(skills: list[Any]) -> list[Any]:
    """Skills from the most offered to the least (a fixed shuffle of the taxonomy)."""
    random.Random(SEED).shuffle(skills)
    return skills


def make_spaces(rng: random.Random) -> list[int]:
    import datetime as dt
    from decimal import Decimal

    from coffee.network.models import Organisation, Region

    region, _ = Region.objects.get_or_create(
        slug="bench-region", defaults={"name": "Bench", "country": "BE"}
    )
    Organisation.objects.filter(slug__startswith="bench-space-").delete()
    return [
        Organisation.objects.create(
            kind=Organisation.Kind.COWORKING, name=f"Bench space {n}", slug=f"bench-space-{n}",
            region=region, city=rng.choice(CITIES), street="Rue 1", postal_code="7500",
            latitude=Decimal("50.6"), longitude=Decimal("3.4"), joined_on=dt.date(2020, 1, 1),
        ).pk
        for n in range(30)
    ]  # fmt: skip


# The query log ------------------------------------------------------------------------------------


def query_log(count: int) -> list[tuple[str, dict[str, Any]]]:
    """A fixed, mixed log of (kind, parameters): words, prefixes, facets, skills, languages."""
    from coffee.skills.models import Skill

    rng = random.Random(SEED + 7)
    skills = popularity_order(list(Skill.objects.filter(is_active=True).order_by("pk")))
    tail = pseudo_words(random.Random(SEED), 20_000)
    spaces = list(range(1, 31))
    makers: dict[str, Callable[[], dict[str, Any]]] = {
        "selective": lambda: {"q": rng.choice(tail[3000:])},
        "broad": lambda: {"q": rng.choice([*COMMON["fr"], *COMMON["nl"], *tail[:5], *CITIES])},
        "prefix": lambda: {"q": _prefix(rng, [*COMMON["fr"], *COMMON["nl"], *tail[:300]])},
        "facets": lambda: _facets(rng, skills, spaces),
        "skills": lambda: {"skill": [s.pk for s in rng.sample(skills[:40], rng.randint(2, 3))]},
        "cross_language": lambda: {"q": _other_language_name(rng, skills[5:120])},
        "combined": lambda: {"q": rng.choice(tail[100:2000]), **_facets(rng, skills, spaces)},
    }
    shares = {"selective": 40, "broad": 40, "prefix": 40, "facets": 30, "skills": 25,
              "cross_language": 35, "combined": 30}  # fmt: skip
    log = [(kind, makers[kind]()) for kind, n in shares.items() for _ in range(n)]
    for _kind, params in rng.sample(log, len(log) // 10):
        params["page"] = rng.choice((2, 3))
    rng.shuffle(log)
    return (log * math.ceil(count / len(log)))[:count]


def _prefix(rng: random.Random, words: list[str]) -> str:
    word = rng.choice(words)
    return word[: rng.randint(3, max(3, len(word) - 1))]


def _facets(rng: random.Random, skills: list[Any], spaces: list[int]) -> dict[str, Any]:
    options: list[dict[str, Any]] = [
        {"country": rng.choice(("BE", "FR"))},
        {"space": rng.choice(spaces)},
        {"language": rng.choice(("nl", "en", "de"))},
        {"status": rng.choice(STATUSES)},
        {"cross_border": "1"},
        {"skill": [rng.choice(skills[:60]).pk]},
    ]
    chosen: dict[str, Any] = {}
    for option in rng.sample(options, rng.randint(1, 2)):
        chosen.update(option)
    return chosen


def _other_language_name(rng: random.Random, skills: list[Any]) -> str:
    """A Dutch or English name of a skill, which profiles hold by id only."""
    skill = rng.choice(skills)
    code = rng.choice(("nl", "en"))
    names = [getattr(skill, f"label_{code}") or "", *skill.synonym_list(code)]
    return rng.choice([n for n in names if n] or [skill.label])


# Serving and measuring ----------------------------------------------------------------------------


def bare(request: Any) -> Any:
    """The trivial view the search is compared with: same server, same middleware."""
    from django.http import HttpResponse

    return HttpResponse(b"ok", content_type="text/plain")


def cpu(request: Any) -> Any:
    """CPU seconds the server's worker has used: wall times on a shared machine lie, CPU less."""
    import resource

    from django.http import HttpResponse

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return HttpResponse(str(usage.ru_utime + usage.ru_stime).encode(), content_type="text/plain")


def serve(port: int) -> None:
    """Run the project's WSGI app (plus the bare view) in gunicorn: one sync worker."""
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.urls import path
    from gunicorn.app.base import BaseApplication

    import config.urls

    urls = [path("bench/bare/", bare), path("bench/cpu/", cpu), *config.urls.urlpatterns]
    globals()["urlpatterns"] = urls
    settings.ROOT_URLCONF = "__main__"
    application = get_wsgi_application()

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options = {"bind": f"127.0.0.1:{port}", "workers": 1, "loglevel": "warning"}
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Server().run()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(port: int, path: str, headers: dict[str, str]) -> float:
    """Milliseconds for one GET on a fresh connection (gunicorn's sync worker closes it)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def start_server(
    args: argparse.Namespace, *, cache_seconds: int
) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = [sys.executable, __file__, "--serve", str(port), "--database-url", args.url]
    log = (OUT / "server.log").open("wb")
    env = {**os.environ, "SEARCH_CACHE_SECONDS": str(cache_seconds)}
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    for _ in range(200):
        try:
            get(port, "/bench/bare/", {})
            return server, port
        except (OSError, RuntimeError):
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("the server did not start: see bench/out/server.log")


def search_path(params: dict[str, Any]) -> str:
    return "/fr/catalogue/search/?" + urllib.parse.urlencode(params, doseq=True)


def session_cookie() -> str:
    """A logged-in member's session, so that half the searches see members-only profiles."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from coffee.people.models import User

    user = User.objects.get(pk=1)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def requests_of(
    log: list[tuple[str, dict[str, Any]]], cookie: str
) -> list[tuple[str, str, dict[str, str]]]:
    """(kind, path, headers): every other search logged in; prefixes come as htmx (typing)."""
    out = []
    for i, (kind, params) in enumerate(log):
        headers = {"Cookie": cookie} if i % 2 else {}
        if kind == "prefix":
            headers["HX-Request"] = "true"
        out.append((kind, search_path(params), headers))
    return out


def run_loop(
    port: int, requests: list[tuple[str, str, dict[str, str]]]
) -> tuple[list[float], float]:
    started = time.perf_counter()
    times = [get(port, path, headers) for _kind, path, headers in requests]
    return times, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(share * len(ordered)) - 1)], 2)


def query_counts(log: list[tuple[str, dict[str, Any]]]) -> tuple[int, dict[str, int]]:
    """Queries of a search page (the worst of the log's first 40), and of the API by page size."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, worst = Client(), 0
    for _kind, params in log[:40]:
        with CaptureQueriesContext(connection) as queries:
            client.get(search_path(params))
        worst = max(worst, len(queries))
    by_size = {}
    for size in (10, 50):
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v1/catalogue/search", {"q": COMMON["fr"][0], "page_size": size})
        by_size[str(size)] = len(queries)
    return worst, by_size


def matcher() -> tuple[str, Callable[[list[int], Any], object]]:
    """The matching selector once it exists; until then the search's skill filter (a hook)."""
    try:
        from coffee.skills.matching import match_for_skills
    except ImportError:
        from coffee.skills.search import SearchQuery, search_profiles

        return (
            "search_profiles(skills=...) (matching not written yet)",
            lambda ids, viewer: search_profiles(SearchQuery(skills=ids[:1]), viewer=viewer),
        )
    return "coffee.skills.matching.match_for_skills", lambda ids, viewer: match_for_skills(
        skill_ids=ids, viewer=viewer, limit=20
    )


def match_timings() -> tuple[str, list[float]]:
    """Top 20 for 40 five-skill needs, mixing common and rarer skills (after 5 to warm up)."""
    from coffee.people.models import User
    from coffee.skills.models import Skill

    rng = random.Random(SEED + 11)
    skills = popularity_order(list(Skill.objects.filter(is_active=True).order_by("pk")))
    needs = [[s.pk for s in rng.sample(skills[:150], 5)] for _ in range(45)]
    name, match = matcher()
    viewer = User.objects.get(pk=1)
    times = []
    for need in needs:
        started = time.perf_counter()
        match(need, viewer)
        times.append((time.perf_counter() - started) * 1000)
    return name, times[5:]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--database-url", default="", help="postgres://... (default: SQLite)")
    parser.add_argument("--searches", type=int, default=240)
    parser.add_argument("--serve", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args()


def database(args: argparse.Namespace) -> Path | None:
    """Set args.url; return the SQLite file when the bench runs on SQLite."""
    if args.database_url:
        args.url = args.database_url
        if args.url.startswith("postgres"):
            ensure_postgres_database(args.url)
        return None
    path = OUT / f"catalogue-{args.profiles}.sqlite3"
    args.url = f"sqlite:///{path}"
    return path


def worker_cpu(port: int) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/bench/cpu/")
    seconds = float(connection.getresponse().read())
    connection.close()
    return seconds


def timed(port: int, requests: list[Request]) -> tuple[list[float], float, float]:
    """Each request's wall milliseconds, the loop's wall seconds and the worker's CPU seconds."""
    before = worker_cpu(port)
    times, seconds = run_loop(port, requests)
    return times, seconds, worker_cpu(port) - before


def measure(args: argparse.Namespace, log: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """The log through a server with the results cache off, then through one with it on.

    Each server first takes the whole log once (templates, database pages; with the cache on,
    this is also when each search is first seen), then timed passes replay it, each followed by
    as many requests to the bare view. Uncached, every search runs: that is the latency of
    searching.
    Cached, as deployed, a search seen before is served from the cache until something it shows
    changes (nothing does here).
    """
    requests = requests_of(log, session_cookie())
    bare_requests = [("bare", "/bench/bare/", headers) for _k, _p, headers in requests]
    uncached = serve_and_time(args, requests, bare_requests, cache_seconds=0)
    cached = serve_and_time(args, requests, bare_requests, cache_seconds=600)
    return {
        "p50_ms": uncached["p50_ms"],
        "p95_ms": uncached["p95_ms"],
        "ratio_vs_bare": cached["ratio_vs_bare"],
        "ratio_vs_bare_uncached": uncached["ratio_vs_bare"],
        "uncached": uncached,
        "cached": cached,
        "load_average": round(os.getloadavg()[0], 2),
    }


PASSES = 3


def serve_and_time(
    args: argparse.Namespace, requests: list[Request], bare_requests: list[Request], *,
    cache_seconds: int,
) -> dict[str, Any]:  # fmt: skip
    """Timed passes of the log and of the bare view, interleaved; the best of PASSES of each.

    The machine is shared: other work only ever adds time, so each request keeps its fastest
    pass (as timeit keeps its best run) and each loop its fastest pass.
    """
    server, port = start_server(args, cache_seconds=cache_seconds)
    searches: list[tuple[list[float], float, float]] = []
    bares: list[tuple[list[float], float, float]] = []
    try:
        run_loop(port, requests)
        run_loop(port, bare_requests[:50])
        for _ in range(PASSES):
            searches.append(timed(port, requests))
            bares.append(timed(port, bare_requests))
    finally:
        server.terminate()
        server.wait()
    times = [min(pass_[i] for pass_, _s, _c in searches) for i in range(len(requests))]
    search_s, search_cpu = min(s for _t, s, _c in searches), min(c for _t, _s, c in searches)
    bare_s, bare_cpu = min(s for _t, s, _c in bares), min(c for _t, _s, c in bares)
    count = len(times)
    return {
        "p50_ms": percentile(times, 0.50),
        "p95_ms": percentile(times, 0.95),
        "max_ms": round(max(times), 2),
        "search_rps": round(count / search_s, 1),
        "bare_rps": round(count / bare_s, 1),
        "ratio_vs_bare": round(bare_s / search_s, 3),
        "cpu_ms_per_search": round(search_cpu / count * 1000, 2),
        "cpu_ms_per_bare": round(bare_cpu / count * 1000, 2),
        "ratio_vs_bare_cpu": round(bare_cpu / search_cpu, 3),
        "p95_ms_by_kind": by_kind(requests, times),
        "passes": PASSES,
    }


def by_kind(requests: list[Request], times: list[float]) -> dict[str, float]:
    kinds = sorted({kind for kind, _path, _headers in requests})
    pairs = [(kind, t) for (kind, _p, _h), t in zip(requests, times, strict=True)]
    return {kind: percentile([t for k, t in pairs if k == kind], 0.95) for kind in kinds}


def main() -> None:
    args = parse()
    if args.serve:
        configure(args.database_url)
        serve(args.serve)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    sqlite_path = database(args)
    configure(args.url)
    from django.db import connection

    from coffee.skills.models import SearchEntry

    built, build_s = prepare(args.profiles, args.url, sqlite_path)
    log = query_log(args.searches)
    figures = measure(args, log)
    queries, by_size = query_counts(log)
    match_impl, match_times = match_timings()
    result = {
        "profiles": args.profiles,
        "searchable": SearchEntry.objects.count(),
        "database": connection.vendor,
        "searches": len(log),
        **figures,
        "match_p95_ms": percentile(match_times, 0.95),
        "match_p50_ms": percentile(match_times, 0.50),
        "match_impl": match_impl,
        "queries_per_search": queries,
        "queries_by_page_size": by_size,
        "built": built,
        "build_s": round(build_s, 1),
    }
    for kind, p95 in figures["uncached"]["p95_ms_by_kind"].items():
        print(f"{kind:>16}  p95 {p95:8.2f} ms (uncached)")
    for label in ("uncached", "cached"):
        part = figures[label]
        print(
            f"{label:>16}  p50 {part['p50_ms']:8.2f} ms  p95 {part['p95_ms']:8.2f} ms  "
            f"{part['search_rps']:7.1f} searches/s against {part['bare_rps']:7.1f} bare/s: "
            f"ratio {part['ratio_vs_bare']:.3f}"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Result pages of frequent searches, cached until anything they show changes.

A cached page is the results fragment (facets, hits, pager) as HTML, rendered without the
request, so that it holds nothing of one reader (no name, no token). It is keyed by:

- the search generation (`search.generation`), which the database raises whenever a result
  could change: a page is never served after a profile is hidden, a label renamed, ...;
- the reader's scope (anonymous or member: what they may see), and the page's language;
- the query string, and the release (the fragment's template and the compiled catalogues), so
  that a deploy never serves pages of the previous one.

`SEARCH_CACHE_SECONDS` bounds how long an unused page is kept (0 turns the cache off). The
cache is the `search` alias: Redis when REDIS_URL is set, else each process's memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import QueryDict
from django.template.loader import get_template
from django.utils.translation import get_language

from coffee.skills.search import generation

ALIAS = "search"


def cached_html(
    params: QueryDict, *, members: bool, template: str, render: Callable[[], str]
) -> str:
    """The fragment for these parameters, from the cache or rendered (and then kept)."""
    seconds = settings.SEARCH_CACHE_SECONDS
    current = generation.current() if seconds else None
    if current is None:
        return render()
    key = _key(params, members=members, template=template, generation=current)
    store = caches[ALIAS]
    html = store.get(key)
    if html is None:
        html = render()
        store.set(key, html, seconds)
    return str(html)


def _key(params: QueryDict, *, members: bool, template: str, generation: int) -> str:
    query = sorted((name, value) for name, values in params.lists() for value in values)
    digest = hashlib.blake2b(repr(query).encode(), digest_size=16).hexdigest()
    scope = "members" if members else "public"
    return f"search:{_release(template)}:{generation}:{get_language()}:{scope}:{digest}"


@cache
def _release(template: str) -> str:
    """A fingerprint of what renders a page: the fragment's template and the catalogues."""
    compiled: Any = get_template(template)  # the Django backend's wrapper of a Template
    parts = [compiled.template.source]
    for locale in settings.LOCALE_PATHS:
        for catalogue in sorted(Path(locale).glob("*/LC_MESSAGES/django.mo")):
            stat = catalogue.stat()
            parts.append(f"{catalogue.parent.parent.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=8).hexdigest()

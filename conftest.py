"""Project-wide test set-up: fast password hashing, e-mails kept in memory, French by default."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.utils import translation

pytest_plugins = ["coffee.people.tests.fixtures"]


@pytest.fixture(autouse=True)
def _test_settings(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _french_by_default():  # type: ignore[no-untyped-def]
    with translation.override("fr"):
        yield


@pytest.fixture(autouse=True)
def _empty_caches():  # type: ignore[no-untyped-def]
    """Each test starts with empty caches: a rolled-back test leaves the counters it raised."""
    for alias in ("default", "search", "local"):
        caches[alias].clear()

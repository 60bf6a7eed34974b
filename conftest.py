"""Project-wide test set-up: fast password hashing, e-mails kept in memory, French by default."""

from __future__ import annotations

import pytest
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

"""Typed readers for the environment: every setting is read once, validated, and named on error."""

from __future__ import annotations

import os
import zoneinfo
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_ENGINES = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}


class SettingError(ImproperlyConfigured):
    """An environment variable holds a value COFFEE cannot use."""

    def __init__(self, name: str, value: str, expected: str) -> None:
        super().__init__(f"Environment variable {name}={value!r} is invalid: expected {expected}.")
        self.name = name


def env_str(name: str, default: str) -> str:
    """Return the variable as text, or the default when it is unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """Return the variable as a boolean (1/0, true/false, yes/no, on/off)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingError(name, raw, "one of true/false, 1/0, yes/no, on/off")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """Return the variable as an integer not below minimum."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(name, raw, "an integer") from None
    if value < minimum:
        raise SettingError(name, raw, f"an integer of at least {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Return the variable as a comma-separated list, blanks dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_time_zone(name: str, default: str) -> str:
    """Return the variable as an IANA time zone name that this machine knows."""
    value = os.environ.get(name, default)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingError(name, value, "an IANA time zone such as Europe/Brussels") from None
    return value


def env_database(name: str, default: str) -> dict[str, Any]:
    """Return the variable as a Django DATABASES entry (sqlite:///path, postgres://...)."""
    raw = os.environ.get(name, default)
    try:
        config = environ.Env.db_url_config(raw)
    except (ImproperlyConfigured, ValueError, KeyError):
        raise SettingError(name, raw, "a database URL such as postgres://user@host/db") from None
    if config.get("ENGINE") not in _ENGINES:
        raise SettingError(name, raw, "a sqlite:/// or postgres:// database URL")
    return dict(config)


def env_email(name: str, default: str) -> dict[str, Any]:
    """Return the variable as e-mail settings (consolemail://, smtp://user:pass@host:port, ...)."""
    raw = os.environ.get(name, default)
    try:
        config = environ.Env.email_url_config(raw)
    except (ImproperlyConfigured, ValueError, KeyError):
        raise SettingError(name, raw, "an e-mail URL such as smtp://user:pass@host:587") from None
    if not config.get("EMAIL_BACKEND"):
        raise SettingError(name, raw, "an e-mail URL with a supported scheme")
    return dict(config)

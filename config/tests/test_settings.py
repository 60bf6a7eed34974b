"""Settings come from the environment, are validated at start-up, and are safe in production."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7#k2!p9@q4$w8^m3&z6*r1(t5)y0_u-i=o+a[s]d{f}g|h;j:k,l.z/x?c~v`b",
    "ALLOWED_HOSTS": "coffee.example.org",
    "DATABASE_URL": "postgres://coffee@db.example.org:5432/coffee",
    "EMAIL_URL": "smtp://mailer:secret@mail.example.org:587/?tls=True",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in PRODUCTION and k != "DJANGO_SETTINGS_MODULE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deploy_check_passes_with_production_values() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DEBUG", "maybe"),
        ("DATABASE_URL", "nonsense://"),
        ("TIME_ZONE", "Mars/Olympus"),
        ("CONN_MAX_AGE", "forever"),
        ("EMAIL_URL", "pigeon://loft"),
    ],
)
def test_an_invalid_value_stops_start_up_naming_the_variable(name: str, value: str) -> None:
    result = manage("check", **{**PRODUCTION, name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_production_refuses_to_start_without_a_real_secret_key() -> None:
    env = {**PRODUCTION, "SECRET_KEY": "short"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts() -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "ALLOWED_HOSTS"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr

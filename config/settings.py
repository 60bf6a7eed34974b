"""COFFEE settings: every value comes from the environment, with a safe local default."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    env_bool,
    env_database,
    env_email,
    env_int,
    env_list,
    env_str,
    env_time_zone,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)
_LOCAL_SECRET = "local-development-only-not-secret"  # noqa: S105 - refused below when DEBUG is off
SECRET_KEY = env_str("SECRET_KEY", _LOCAL_SECRET)
if not DEBUG and (SECRET_KEY == _LOCAL_SECRET or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "Environment variable SECRET_KEY must be set to a random value of at least 50 characters "
        "when DEBUG is false."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Environment variable ALLOWED_HOSTS must list the site's host names when DEBUG is false."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",  # must come before the admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_htmx",
    "template_partials",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "coffee.core",
    "coffee.network",
    "coffee.people",
    "coffee.skills",
    "coffee.events",
    "coffee.networking",
    "coffee.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coffee.core.context_processors.site",
                "coffee.skills.context_processors.esco",
            ],
        },
    },
]

# Databases: SQLite by default (write lock taken at the start of each transaction, WAL),
# PostgreSQL in production and CI.
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA cache_size=-65536; PRAGMA mmap_size=2147418112;"
            ),
        }
    )
    # Tests use a file, not shared-cache memory, so that concurrent clients lock as in production;
    # one per test process, so that two runs side by side never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"coffee-test-{os.getpid()}.sqlite3")
    }
# Connections are kept between requests (a warm SQLite page cache, no PostgreSQL handshake).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_REDIS_URL = env_str("REDIS_URL", "")


def _cache(prefix: str, max_entries: int) -> dict[str, Any]:
    """Redis when REDIS_URL is set (shared by the workers), else the process's memory."""
    if _REDIS_URL:
        backend = "django.core.cache.backends.redis.RedisCache"
        return {"BACKEND": backend, "LOCATION": _REDIS_URL, "KEY_PREFIX": prefix}
    backend = "django.core.cache.backends.locmem.LocMemCache"
    return {"BACKEND": backend, "LOCATION": prefix, "OPTIONS": {"MAX_ENTRIES": max_entries}}


CACHES = {
    "default": _cache("coffee", 300),
    "search": _cache("coffee-search", 2000),
    # Template fragments that only the code, the language and the reader's role decide (the
    # menu, the footer): in each process, so that a deploy (a restart) never serves old ones.
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}
# Result pages of searches are cached until anything they show changes (docs/search.md); this
# bounds how long an unused one is kept. 0 turns the cache off.
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 600)

# Background work: django-tasks with its database backend; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: e-mail is the login, and it must be verified.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "coffee.people.forms.SignupForm"
ACCOUNT_ADAPTER = "coffee.people.adapters.AccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[COFFEE] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"

# Languages: French by default, Dutch and English, every URL prefixed.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_time_zone("TIME_ZONE", "Europe/Brussels")
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "nl", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en", "nl")}

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Third-party front-end code, installed by npm (package.json), never copied into the repository.
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# E-mail: printed to the console unless EMAIL_URL says otherwise.
vars().update(env_email("EMAIL_URL", "consolemail://"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "COFFEE <noreply@coffee.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Admins", address) for address in env_list("ADMINS", [])]

# Map tiles: a tile server URL template; the directory stays usable when tiles cannot load.
MAP_TILES_URL = env_str("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILES_ATTRIBUTION = env_str("MAP_TILES_ATTRIBUTION", "&copy; OpenStreetMap contributors")

# Security: strict by default whenever DEBUG is off.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

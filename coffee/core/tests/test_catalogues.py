"""The translation catalogues: every string a user sees exists in French, Dutch and English.

No database: these tests read the .po files with polib, and the last one extracts the strings
of the code again (Django's makemessages, on a throw-away copy of the project) to catch strings
added to the code but never added to the catalogues.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
LOCALE_DIR = REPO_ROOT / "locale"
LANGUAGES = ("fr", "nl", "en")
MAKEMESSAGES_IGNORES = (".venv", "node_modules", "bench", "test-artifacts", ".git")
COPY_IGNORES = shutil.ignore_patterns(
    ".venv",
    "node_modules",
    ".git",
    "media",
    "staticfiles",
    "test-artifacts",
    "*.sqlite3*",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "*.mo",
)


def catalogue_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def load(language: str, locale_dir: Path = LOCALE_DIR) -> polib.POFile:
    path = catalogue_path(language, locale_dir)
    assert path.is_file(), f"{path} is missing: run `make messages`."
    return polib.pofile(str(path))


def live_entries(catalogue: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in catalogue if not entry.obsolete]


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def is_translated(entry: polib.POEntry) -> bool:
    """A usable translation: not fuzzy, and every form (singular or plural) filled in."""
    if entry.fuzzy:
        return False
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return bool(forms) and all(value.strip() for value in forms.values())
    return bool(entry.msgstr.strip())


def describe(entry: polib.POEntry) -> str:
    context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
    return f"{entry.msgid!r}{context}"


def plural_count(catalogue: polib.POFile) -> int:
    """The nplurals of the catalogue's Plural-Forms header (2 for French, Dutch and English)."""
    header = catalogue.metadata.get("Plural-Forms", "")
    match = re.search(r"nplurals\s*=\s*(\d+)", header)
    assert match, f"Plural-Forms header missing or malformed: {header!r}"
    return int(match.group(1))


def test_every_catalogue_has_a_translation_for_every_entry() -> None:
    problems: list[str] = []
    for language in LANGUAGES:
        catalogue = load(language)
        nplurals = plural_count(catalogue)
        for entry in live_entries(catalogue):
            if entry.fuzzy:
                problems.append(f"{language}: fuzzy {describe(entry)}")
            elif entry.msgid_plural:
                forms = entry.msgstr_plural
                empty = [n for n in range(nplurals) if not forms.get(n, "").strip()]
                if empty:
                    problems.append(f"{language}: plural forms {empty} empty for {describe(entry)}")
            elif not entry.msgstr.strip():
                problems.append(f"{language}: untranslated {describe(entry)}")
    assert not problems, "Translate these entries:\n" + "\n".join(problems)


def test_every_catalogue_holds_the_same_messages() -> None:
    keys = {language: {key(e) for e in live_entries(load(language))} for language in LANGUAGES}
    reference = set().union(*keys.values())
    differences = [
        f"{language} lacks {sorted(m for _, m in reference - found)}"
        for language, found in keys.items()
        if reference - found
    ]
    assert not differences, "Run `make messages`, then translate:\n" + "\n".join(differences)


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path: Path) -> None:
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed: cannot extract the strings")
    project = tmp_path / "project"
    shutil.copytree(REPO_ROOT, project, ignore=COPY_IGNORES, symlinks=True)
    command = [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"]
    command += [f"--ignore={pattern}" for pattern in MAKEMESSAGES_IGNORES]
    result = subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"

    extracted = live_entries(load("fr", project / "locale"))
    catalogues = {
        language: {key(e): e for e in live_entries(load(language))} for language in LANGUAGES
    }
    missing = sorted(
        {
            describe(entry)
            for entry in extracted
            for catalogue in catalogues.values()
            if key(entry) not in catalogue or not is_translated(catalogue[key(entry)])
        }
    )
    assert not missing, "Run `make messages` and translate:\n" + "\n".join(missing)

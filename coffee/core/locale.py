"""The reader's locale: money and language names written the way the reader writes them."""

from __future__ import annotations

from decimal import Decimal

from babel.core import Locale, UnknownLocaleError
from babel.numbers import format_currency
from django.utils.translation import get_language, to_locale

_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_IE"}


def reader_locale() -> str:
    """The Babel locale for the active language (Belgian French and Dutch, euro English)."""
    language = (get_language() or "fr").split("-")[0]
    return _LOCALES.get(language, to_locale(language))


def format_money(amount: Decimal | int | float | None, currency: str = "EUR") -> str:
    """An amount of money for the reader: 12,50 € in French, € 12,50 in Dutch."""
    if amount is None or amount == "":
        return ""
    return format_currency(Decimal(str(amount)), currency or "EUR", locale=reader_locale())


def language_name(code: str) -> str:
    """The name of a language, written in the reader's language (néerlandais, Nederlands)."""
    try:
        name = Locale.parse(reader_locale()).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return name or code

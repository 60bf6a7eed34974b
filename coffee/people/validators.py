"""Check and normalise what members type: company numbers (python-stdnum) and profile links.

Every function raises Django's ValidationError with a stable code, so forms attach the message to
a field and services turn it into a domain error with the same code.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.be import vat as be_vat
from stdnum.eu import vat as eu_vat
from stdnum.fr import siren, siret

from coffee.people.models import LanguageLevel

MAX_LINKS = 5
_FREE_FORM = re.compile(r"^[A-Z0-9]{1,20}$")
_SEPARATORS = re.compile(r"[\s.\-/]")
_DUTCH_KVK = re.compile(r"^[0-9]{8}$")
# The VAT prefix is the country code, except Greece (EL).
_VAT_PREFIX = {"GR": "EL"}

MESSAGES = {
    "be_number": _("This is not a valid Belgian enterprise number (10 digits, like 0403.170.701)."),
    "fr_number": _("This is not a valid SIREN (9 digits) or SIRET (14 digits) number."),
    "nl_number": _("This is not a valid Dutch Chamber of Commerce (KvK) number (8 digits)."),
    "number": _("An enterprise number holds only letters and digits, 20 at most."),
    "vat": _("This is not a valid EU VAT number: check the country prefix and the digits."),
    "vat_country": _("This VAT number belongs to another country than the company's."),
    "vat_mismatch": _("The VAT number does not match the enterprise number."),
    "too_many_links": _("You can give at most 5 links."),
    "bad_link": _("“%(url)s” is not a web address starting with http:// or https://."),
}


def _error(code: str, **params: str) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def _free_form(value: str) -> str:
    return _SEPARATORS.sub("", value).upper()


def registration_number_clean(*, country: str, value: str) -> str:
    """The enterprise number in compact form, checked for the company's country ("" if blank)."""
    value = (value or "").strip()
    if not value:
        return ""
    country = str(country).upper()
    try:
        if country == "BE":
            return str(be_vat.validate(value))
        if country == "FR":
            digits = siren.compact(value)
            return str(siret.validate(digits) if len(digits) == 14 else siren.validate(digits))
    except stdnum_errors.ValidationError:
        raise _error("be_number" if country == "BE" else "fr_number") from None
    compact = _free_form(value)
    if country == "NL" and not _DUTCH_KVK.match(compact):
        raise _error("nl_number")
    if not _FREE_FORM.match(compact):
        raise _error("number")
    return compact


def vat_prefix(country: str) -> str:
    """The two letters an EU VAT number of that country starts with."""
    country = str(country).upper()
    return _VAT_PREFIX.get(country, country)


def _is_eu(country: str) -> bool:
    return str(country).lower() in eu_vat.MEMBER_STATES


def vat_number_clean(*, country: str, value: str) -> str:
    """The VAT number in compact form with its prefix, checked against the company's country."""
    value = (value or "").strip()
    if not value:
        return ""
    if not _is_eu(country):
        compact = _free_form(value)
        if not _FREE_FORM.match(compact):
            raise _error("number")
        return compact
    compact = _free_form(value)
    if compact[:2].isdigit():
        compact = vat_prefix(country) + compact
    try:
        compact = str(eu_vat.validate(compact))
    except stdnum_errors.ValidationError:
        raise _error("vat") from None
    if compact[:2] != vat_prefix(country):
        raise _error("vat_country")
    return compact


def numbers_check_consistent(*, country: str, registration_number: str, vat_number: str) -> None:
    """In Belgium and France the VAT number carries the enterprise number: they must agree."""
    if not registration_number or not vat_number:
        return
    country = str(country).upper()
    if country == "BE" and vat_number[2:] != registration_number:
        raise _error("vat_mismatch")
    if country == "FR" and vat_number[4:] != registration_number[:9]:
        raise _error("vat_mismatch")


def registration_number_format(*, country: str, value: str) -> str:
    """The enterprise number as people write it: 0403.170.701, 732 829 320 00074."""
    country = str(country).upper()
    if country == "BE" and len(value) == 10:
        return f"{value[:4]}.{value[4:7]}.{value[7:]}"
    if country == "FR" and len(value) == 14:
        return str(siret.format(value))
    if country == "FR" and len(value) == 9:
        return str(siren.format(value))
    return value


def links_clean(values: list[str]) -> list[str]:
    """At most five distinct http(s) addresses, in the order given."""
    links: list[str] = []
    for raw in values:
        url = raw.strip()
        if url and url not in links:
            links.append(url)
    if len(links) > MAX_LINKS:
        raise _error("too_many_links")
    check = URLValidator(schemes=["http", "https"])
    for url in links:
        try:
            check(url)
        except ValidationError:
            raise _error("bad_link", url=url) from None
        if urlsplit(url).scheme not in {"http", "https"}:
            raise _error("bad_link", url=url)
    return links


# Languages a member may say they speak: the network's three, its neighbours', and the most
# spoken by people who move to Belgium and France.
SPOKEN_LANGUAGES = (
    "fr", "nl", "en", "de", "lb", "es", "it", "pt", "pl", "ro", "bg", "el",
    "ar", "tr", "ru", "uk", "sq", "zh", "ja", "hi",
)  # fmt: skip
MAX_SPOKEN_LANGUAGES = len(SPOKEN_LANGUAGES)
LANGUAGE_MESSAGES = {
    "unknown_language": _("This language is not in the list."),
    "unknown_level": _("Choose a level for each language."),
}


def spoken_languages_clean(languages: list[tuple[str, str]]) -> dict[str, str]:
    """Language code to level, one level per language (the last one given wins)."""
    cleaned: dict[str, str] = {}
    for code, level in languages:
        if code not in SPOKEN_LANGUAGES:
            raise ValidationError(LANGUAGE_MESSAGES["unknown_language"], code="unknown_language")
        if level not in LanguageLevel.values:
            raise ValidationError(LANGUAGE_MESSAGES["unknown_level"], code="unknown_level")
        cleaned[code] = level
    return cleaned


def links_safe(links: object) -> list[str]:
    """The links fit to put in an href: http(s) only, whatever was stored by other means."""
    if not isinstance(links, list):
        return []
    return [
        url for url in links if isinstance(url, str) and url.startswith(("https://", "http://"))
    ]

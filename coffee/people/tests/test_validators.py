"""Company numbers (python-stdnum) and profile links: what is accepted, how it is stored."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from coffee.people.validators import (
    links_clean,
    numbers_check_consistent,
    registration_number_clean,
    registration_number_format,
    spoken_languages_clean,
    vat_number_clean,
)


@pytest.mark.parametrize("typed", ["0403.170.701", "0403170701", "BE 0403 170 701", "403170701"])
def test_a_belgian_enterprise_number_is_stored_as_ten_digits(typed: str) -> None:
    assert registration_number_clean(country="BE", value=typed) == "0403170701"


def test_a_belgian_enterprise_number_is_shown_with_dots() -> None:
    assert registration_number_format(country="BE", value="0403170701") == "0403.170.701"


@pytest.mark.parametrize("typed", ["0403.170.702", "12345", "abcdefghij"])
def test_a_belgian_enterprise_number_with_a_wrong_checksum_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        registration_number_clean(country="BE", value=typed)
    assert error.value.code == "be_number"


def test_a_french_siren_and_siret_are_accepted_in_compact_form() -> None:
    assert registration_number_clean(country="FR", value="732 829 320") == "732829320"
    assert registration_number_clean(country="FR", value="732 829 320 00074") == "73282932000074"
    assert registration_number_format(country="FR", value="73282932000074") == "732 829 320 00074"


@pytest.mark.parametrize("typed", ["732829321", "73282932000075", "1234567890"])
def test_a_french_number_with_a_wrong_checksum_or_length_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        registration_number_clean(country="FR", value=typed)
    assert error.value.code == "fr_number"


def test_a_belgian_number_is_checked_as_belgian_even_if_it_is_a_valid_siren() -> None:
    with pytest.raises(ValidationError):
        registration_number_clean(country="BE", value="732829320")


def test_a_dutch_kvk_number_has_eight_digits() -> None:
    assert registration_number_clean(country="NL", value="1234 5678") == "12345678"
    with pytest.raises(ValidationError) as error:
        registration_number_clean(country="NL", value="1234")
    assert error.value.code == "nl_number"


def test_a_blank_number_stays_blank() -> None:
    assert registration_number_clean(country="BE", value="  ") == ""
    assert vat_number_clean(country="FR", value="") == ""


@pytest.mark.parametrize(
    ("country", "typed", "stored"),
    [
        ("BE", "BE 0403.170.701", "BE0403170701"),
        ("BE", "0403170701", "BE0403170701"),
        ("FR", "FR 44 732829320", "FR44732829320"),
        ("NL", "NL004495445B01", "NL004495445B01"),
        ("DE", "DE136695976", "DE136695976"),
    ],
)
def test_an_eu_vat_number_is_stored_compact_with_its_prefix(
    country: str, typed: str, stored: str
) -> None:
    assert vat_number_clean(country=country, value=typed) == stored


def test_an_eu_vat_number_with_a_wrong_checksum_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        vat_number_clean(country="BE", value="BE0403170702")
    assert error.value.code == "vat"


def test_a_vat_number_of_another_country_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        vat_number_clean(country="BE", value="FR44732829320")
    assert error.value.code == "vat_country"


def test_the_vat_number_must_carry_the_enterprise_number() -> None:
    numbers_check_consistent(
        country="BE", registration_number="0403170701", vat_number="BE0403170701"
    )
    numbers_check_consistent(
        country="FR", registration_number="73282932000074", vat_number="FR44732829320"
    )
    with pytest.raises(ValidationError) as error:
        numbers_check_consistent(
            country="FR", registration_number="732829320", vat_number="FR40303265045"
        )
    assert error.value.code == "vat_mismatch"


def test_links_are_kept_in_order_without_blanks_or_duplicates() -> None:
    links = ["https://example.org", "", "  http://example.com/a  ", "https://example.org"]
    assert links_clean(links) == ["https://example.org", "http://example.com/a"]


def test_more_than_five_links_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        links_clean([f"https://example.org/{n}" for n in range(6)])
    assert error.value.code == "too_many_links"


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://example.org/file", "example.org", "data:text/html,hi"]
)
def test_only_http_and_https_links_are_accepted(link: str) -> None:
    with pytest.raises(ValidationError) as error:
        links_clean([link])
    assert error.value.code == "bad_link"


def test_a_spoken_language_needs_a_known_code_and_level() -> None:
    assert spoken_languages_clean([("nl", "fluent"), ("nl", "native")]) == {"nl": "native"}
    with pytest.raises(ValidationError) as error:
        spoken_languages_clean([("klingon", "fluent")])
    assert error.value.code == "unknown_language"
    with pytest.raises(ValidationError) as error:
        spoken_languages_clean([("fr", "godlike")])
    assert error.value.code == "unknown_level"

"""Companies: numbers checked for their country, the creator becomes the contact, who may edit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from coffee.core.models import AuditEntry
from coffee.people.errors import CompanyError
from coffee.people.models import Company, Role
from coffee.people.services import company_create, company_update, role_grant
from coffee.people.tests.factories import CompanyFactory, ProfileFactory, UserFactory
from coffee.people.validators import MESSAGES

pytestmark = pytest.mark.django_db


def _create(**overrides: object) -> Company:
    values: dict[str, object] = {
        "name": "Atelier Escaut",
        "country": "BE",
        "registration_number": "0403.170.701",
        "vat_number": "BE 0403 170 701",
        "sector": "creative",
        "created_on": dt.date(2024, 3, 1),
        "creator": UserFactory(),
    }
    return company_create(**{**values, **overrides})  # type: ignore[arg-type]


def test_a_member_registers_their_company_and_becomes_its_contact() -> None:
    creator = UserFactory()
    profile = ProfileFactory(user=creator)
    company = _create(creator=creator)
    assert (company.registration_number, company.vat_number) == ("0403170701", "BE0403170701")
    assert Role.objects.filter(
        user=creator, role=Role.Kind.COMPANY_CONTACT, company=company
    ).exists()
    profile.refresh_from_db()
    assert profile.company == company
    assert AuditEntry.objects.filter(action="people.company.created", actor=creator).exists()


def test_a_person_may_be_the_contact_of_two_companies() -> None:
    creator = UserFactory()
    _create(creator=creator)
    _create(creator=creator, name="Deuxième", registration_number="", vat_number="")
    assert creator.roles.filter(role=Role.Kind.COMPANY_CONTACT).count() == 2


def test_a_french_company_with_a_siret_is_registered() -> None:
    company = _create(country="FR", registration_number="73282932000074", vat_number="")
    assert company.registration_number == "73282932000074"


@pytest.mark.parametrize(
    ("overrides", "code", "field"),
    [
        ({"registration_number": "0403.170.702"}, "be_number", "registration_number"),
        ({"country": "FR", "registration_number": "732829321", "vat_number": ""}, "fr_number",
         "registration_number"),
        ({"vat_number": "BE0403170702"}, "vat", "vat_number"),
        ({"vat_number": "FR44732829320"}, "vat_country", "vat_number"),
        ({"registration_number": "0202.239.951"}, "vat_mismatch", "vat_number"),
        ({"name": "  "}, "name_required", "name"),
        ({"sector": "mining"}, "unknown_sector", "sector"),
    ],
)  # fmt: skip
def test_a_company_with_a_bad_value_is_refused_with_a_code(
    overrides: dict[str, object], code: str, field: str
) -> None:
    with pytest.raises(CompanyError) as error:
        _create(**overrides)
    assert (error.value.code, error.value.field) == (code, field)
    assert not Company.objects.exists()


def test_the_same_enterprise_number_cannot_be_registered_twice() -> None:
    _create()
    with pytest.raises(CompanyError) as error:
        _create(registration_number="0403170701")
    assert error.value.code == "duplicate"


def test_a_contact_updates_the_company_and_its_members_profiles_are_reindexed(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    from coffee.people.signals import profile_changed

    company = _create()
    member = ProfileFactory(company=company)
    received: list[int] = []

    def listener(sender: object, profile_id: int, **kwargs: object) -> None:
        received.append(profile_id)

    profile_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            company_update(
                company=company,
                actor=UserFactory(),
                name="Atelier Escaut SRL",
                country="BE",
                registration_number="0403170701",
                vat_number="",
                sector="ict",
                created_on=None,
                website="https://escaut.example",
            )
    finally:
        profile_changed.disconnect(listener)
    company.refresh_from_db()
    assert company.name == "Atelier Escaut SRL"
    assert received == [member.pk]


def test_the_company_page_creates_the_company_and_goes_back_to_the_profile(client) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("people:company-create"),
        {
            "name": "Kortrijk Design",
            "country": "BE",
            "registration_number": "0403.170.701",
            "vat_number": "",
            "sector": "creative",
            "created_on": "2025-01-15",
            "next": "/fr/catalogue/me/edit/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/catalogue/me/edit/"
    assert Company.objects.get().name == "Kortrijk Design"


def test_the_company_page_ignores_a_next_address_on_another_site(client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(UserFactory())
    data = {"name": "X", "country": "BE", "sector": "ict", "next": "https://evil.example/"}
    response = client.post(reverse("people:company-create"), data)
    company = Company.objects.get()
    assert response["Location"] == reverse("people:company-edit", args=[company.pk])


def test_a_bad_enterprise_number_shows_the_translated_message_and_saves_nothing(client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(UserFactory())
    data = {"name": "X", "country": "BE", "registration_number": "0403.170.702", "sector": "ict"}
    response = client.post(reverse("people:company-create"), data)
    assert response.status_code == 200
    assert escape(str(MESSAGES["be_number"])) in response.content.decode()
    assert not Company.objects.exists()


def test_a_duplicate_company_shows_the_message_next_to_the_number(client) -> None:  # type: ignore[no-untyped-def]
    CompanyFactory(registration_number="0403170701")
    client.force_login(UserFactory())
    data = {"name": "X", "country": "BE", "registration_number": "0403170701", "sector": "ict"}
    response = client.post(reverse("people:company-create"), data)
    assert response.status_code == 200
    assert Company.objects.count() == 1
    assert response.context["form"].errors["registration_number"]


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("member", 403), ("contact", 200), ("coordinator", 200)],
)
def test_only_the_contact_and_coordinators_edit_a_company(client, who: str, status: int) -> None:  # type: ignore[no-untyped-def]
    company = CompanyFactory()
    if who != "anonymous":
        user = UserFactory()
        if who == "contact":
            role_grant(user=user, role=Role.Kind.COMPANY_CONTACT, company=company)
        if who == "coordinator":
            role_grant(user=user, role=Role.Kind.COORDINATOR)
        client.force_login(user)
    response = client.get(reverse("people:company-edit", args=[company.pk]))
    assert response.status_code == status


def test_the_edit_page_shows_the_belgian_number_with_dots(client) -> None:  # type: ignore[no-untyped-def]
    company = CompanyFactory(registration_number="0403170701")
    user = UserFactory()
    role_grant(user=user, role=Role.Kind.COMPANY_CONTACT, company=company)
    client.force_login(user)
    response = client.get(reverse("people:company-edit", args=[company.pk]))
    assert 'value="0403.170.701"' in response.content.decode()


def test_the_company_creation_page_requires_logging_in(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("people:company-create"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]

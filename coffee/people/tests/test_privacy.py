"""A member's data: the export (JSON, ZIP, API) and the erasure of their account."""

# mypy: disable-error-code="list-item,return-value"
# (factories return model instances at run time; their static type is the factory class)

from __future__ import annotations

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from coffee.core.audit import log_action
from coffee.core.models import AuditEntry
from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import Consent, Profile, ProfileLanguage, Role, User, Visibility
from coffee.people.privacy import register_exporter, user_erase, user_export
from coffee.people.services import profile_set_visibility, profile_update, role_grant
from coffee.people.tests.factories import CompanyFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def _member() -> Profile:
    user = UserFactory(email="lotte@example.org", first_name="Lotte", last_name="Peeters")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    profile = ProfileFactory(user=user, company=CompanyFactory(name="Studio Leie"))
    profile_update(
        profile=profile,
        headline_fr="Graphiste",
        headline_nl="Grafisch ontwerpster",
        headline_en="Graphic designer",
        home_space=OrganisationFactory(slug="de-leiewerf"),
        languages=[("nl", "native"), ("fr", "fluent")],
        visibility=Visibility.PUBLIC,
    )
    role_grant(user=user, role=Role.Kind.CONSULTANT, actor=user)
    return profile


def test_the_export_holds_the_account_profile_in_every_language_roles_and_consents() -> None:
    profile = _member()
    data = user_export(user=profile.user)
    assert data["account"]["email"] == "lotte@example.org"
    assert data["account"]["email_addresses"] == [
        {"email": "lotte@example.org", "verified": True, "primary": True}
    ]
    assert data["profile"]["headline"] == {
        "fr": "Graphiste",
        "nl": "Grafisch ontwerpster",
        "en": "Graphic designer",
    }
    assert data["profile"]["home_space"]["slug"] == "de-leiewerf"
    assert sorted(row["language"] for row in data["languages"]) == ["fr", "nl"]
    assert data["company"]["name"] == "Studio Leie"
    assert [role["role"] for role in data["roles"]] == ["consultant"]
    assert [(c["purpose"], c["value"]) for c in data["consents"]] == [("visibility", "public")]
    assert [entry["action"] for entry in data["audit"]] == ["people.role.granted"]
    assert "skills" in data  # contributed by the skills app through the registry


def test_the_export_holds_only_the_actions_the_member_did_themselves() -> None:
    member, coordinator = UserFactory(), UserFactory()
    role_grant(user=member, role=Role.Kind.CONSULTANT, actor=coordinator)
    log_action(actor=member, action="people.user.exported", target=member)
    actions = [entry["action"] for entry in user_export(user=member)["audit"]]
    assert actions == ["people.user.exported"]


def test_the_export_of_a_member_without_profile_is_still_complete() -> None:
    data = user_export(user=UserFactory())
    assert data["profile"] is None and data["languages"] == [] and data["company"] is None


def test_an_app_may_not_take_a_key_of_people_in_the_export() -> None:
    with pytest.raises(ValueError, match="account"):
        register_exporter("account", lambda user: {})


def test_the_zip_holds_the_json_and_a_csv_of_the_skills(client: Client) -> None:
    profile = _member()
    client.force_login(profile.user)
    response = client.get(reverse("people:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="coffee-data-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["coffee-data.json", "skills.csv"]
    data = json.loads(archive.read("coffee-data.json"))
    assert data["account"]["email"] == "lotte@example.org"
    header = archive.read("skills.csv").decode("utf-8-sig").splitlines()[0]
    assert header == "list,key,level,label_fr,label_nl,label_en,esco_uri"
    assert AuditEntry.objects.filter(action="people.user.exported", actor=profile.user).exists()


def test_the_json_download_is_the_export(client: Client) -> None:
    profile = _member()
    client.force_login(profile.user)
    response = client.get(reverse("people:export-json"))
    assert response["Content-Disposition"].endswith('.json"')
    assert json.loads(response.content)["profile"]["id"] == profile.pk


@pytest.mark.parametrize("name", ["people:privacy", "people:export", "people:export-json"])
def test_the_privacy_pages_require_logging_in(client: Client, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_privacy_page_lists_the_consents(client: Client) -> None:
    profile = _member()
    profile_set_visibility(profile=profile, visibility=Visibility.HIDDEN)
    client.force_login(profile.user)
    html = client.get(reverse("people:privacy")).content.decode()
    assert escape(str(Visibility.HIDDEN.label)) in html
    assert reverse("people:erase") in html


def test_the_api_gives_a_member_their_own_data_and_refuses_strangers(client: Client) -> None:
    assert client.get("/api/v1/me").status_code == 401
    profile = _member()
    client.force_login(profile.user)
    response = client.get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["profile"]["headline"]["nl"] == "Grafisch ontwerpster"


def test_erasing_asks_for_the_password_and_explains_a_wrong_one(client: Client) -> None:
    profile = _member()
    client.force_login(profile.user)
    response = client.post(reverse("people:erase"), {"password": "not my password"})
    assert response.status_code == 200
    assert escape(gettext("This password is not correct.")) in response.content.decode()
    assert User.objects.get(pk=profile.user.pk).is_active


def test_erasing_by_get_is_not_allowed(client: Client) -> None:
    client.force_login(UserFactory())
    assert client.get(reverse("people:erase")).status_code == 405


def test_a_member_erases_their_account_and_is_logged_out_everywhere(client: Client) -> None:
    profile = _member()
    user = profile.user
    other_device = Client()
    other_device.force_login(user)
    client.force_login(user)
    response = client.post(reverse("people:erase"), {"password": "correct horse battery"})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("people:account")).status_code == 302
    assert other_device.get(reverse("people:account")).status_code == 302
    assert not Session.objects.filter(session_key=other_device.session.session_key).exists()


def test_erasure_pseudonymises_the_account_and_keeps_what_must_stay() -> None:
    profile = _member()
    user = profile.user
    date_joined, profile_pk = user.date_joined, profile.pk
    user_erase(user=user, actor=user)
    user.refresh_from_db()
    assert user.email == f"erased-{user.pk}@invalid.example"
    assert (user.first_name, user.last_name, user.is_active) == ("", "", False)
    assert not user.has_usable_password()
    assert (user.language, user.date_joined) == ("fr", date_joined)
    assert not Profile.objects.filter(pk=profile_pk).exists()
    assert not ProfileLanguage.objects.filter(profile_id=profile_pk).exists()
    assert not Role.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert Consent.objects.filter(user=user, value="public").exists()
    assert profile.company is not None and type(profile.company).objects.exists()
    actions = list(AuditEntry.objects.filter(actor=user).values_list("action", flat=True))
    assert "people.role.granted" in actions and "people.user.erased" in actions


def test_erasure_tells_the_search_index_the_profile_is_gone(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    from coffee.people.signals import profile_removed

    profile = _member()
    received: list[int] = []

    def listener(sender: object, profile_id: int, **kwargs: object) -> None:
        received.append(profile_id)

    profile_removed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            user_erase(user=profile.user, actor=profile.user)
    finally:
        profile_removed.disconnect(listener)
    assert received == [profile.pk]


def test_an_erased_member_cannot_log_in_again(client: Client) -> None:
    profile = _member()
    user_erase(user=profile.user, actor=profile.user)
    response = client.post(
        reverse("account_login"),
        {"login": "lotte@example.org", "password": "correct horse battery"},
    )
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session

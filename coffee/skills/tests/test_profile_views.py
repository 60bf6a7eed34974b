"""The profile pages: editing one's profile, photo and skills (htmx), and the page others see."""

# mypy: disable-error-code="list-item,return-value"
# (factories return model instances at run time; their static type is the factory class)

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import Consent, Profile, Role, User, Visibility
from coffee.people.photos import _refuse
from coffee.people.services import role_grant
from coffee.people.tests.factories import CompanyFactory, ProfileFactory, UserFactory
from coffee.people.tests.images import upload
from coffee.people.validators import MESSAGES
from coffee.skills.models import OfferedSkill, SoughtSkill
from coffee.skills.services import MAX_OFFERED, offered_skills_set
from coffee.skills.tests.factories import SkillFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def member(client: Client) -> User:
    user = UserFactory(first_name="Emma", last_name="Declercq")
    client.force_login(user)
    return user


def _form(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "first_name": "Emma",
        "last_name": "Declercq",
        "headline_fr": "Développeuse web",
        "headline_nl": "Webontwikkelaarster",
        "headline_en": "",
        "bio_fr": "",
        "bio_nl": "",
        "bio_en": "",
        "home_space": "",
        "city": "Tournai",
        "country": "BE",
        "status": "freelancer",
        "company": "",
        "links": "https://emma.example\nhttp://github.com/emma",
        "open_to_cross_border": "on",
        "visibility": "public",
        "languages-TOTAL_FORMS": "2",
        "languages-INITIAL_FORMS": "0",
        "languages-0-language": "fr",
        "languages-0-level": "native",
        "languages-1-language": "nl",
        "languages-1-level": "conversational",
    }
    return {**data, **overrides}


# Endpoints and who may use them -------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["skills:profile-edit", "skills:profile-photo", "skills:profile-offered",
             "skills:profile-sought"],
)  # fmt: skip
def test_the_editing_endpoints_require_logging_in(client: Client, name: str) -> None:
    response = client.post(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "name", ["skills:profile-photo", "skills:profile-offered", "skills:profile-sought"]
)
def test_the_editing_actions_only_take_posts(client: Client, member: User, name: str) -> None:
    assert client.get(reverse(name)).status_code == 405


def test_a_member_only_ever_edits_their_own_profile(client: Client, member: User) -> None:
    other = ProfileFactory(city="Lille")
    client.post(reverse("skills:profile-edit"), _form(city="Mons"))
    other.refresh_from_db()
    assert other.city == "Lille"
    assert Profile.objects.get(user=member).city == "Mons"


def test_a_coordinator_edits_only_their_own_profile_here(client: Client) -> None:
    coordinator = UserFactory()
    role_grant(user=coordinator, role=Role.Kind.COORDINATOR)
    other = ProfileFactory(city="Lille")
    client.force_login(coordinator)
    client.post(reverse("skills:profile-edit"), _form(city="Mons"))
    other.refresh_from_db()
    assert other.city == "Lille"


# The edit page ------------------------------------------------------------------------------


def test_the_first_visit_creates_the_profile_and_shows_the_page(
    client: Client, member: User
) -> None:
    response = client.get(reverse("skills:profile-edit"))
    assert response.status_code == 200
    assert Profile.objects.filter(user=member).exists()
    html = response.content.decode()
    assert 'hx-get="' + reverse("skills:suggest") + '"' in html
    assert reverse("people:company-create") in html


def test_a_member_saves_their_profile_languages_and_visibility(
    client: Client, member: User
) -> None:
    space = OrganisationFactory()
    response = client.post(reverse("skills:profile-edit"), _form(home_space=space.pk))
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert (profile.headline_fr, profile.headline_nl) == ("Développeuse web", "Webontwikkelaarster")
    assert profile.links == ["https://emma.example", "http://github.com/emma"]
    assert profile.home_space == space and profile.open_to_cross_border
    assert not profile.willing_to_travel
    assert sorted(profile.languages.values_list("language", "level")) == [
        ("fr", "native"),
        ("nl", "conversational"),
    ]
    assert Consent.objects.get(user=member).value == Visibility.PUBLIC


def test_a_bad_link_is_refused_with_a_translated_message(client: Client, member: User) -> None:
    response = client.post(reverse("skills:profile-edit"), _form(links="javascript:alert(1)"))
    assert response.status_code == 200
    message = MESSAGES["bad_link"] % {"url": "javascript:alert(1)"}
    assert escape(message) in response.content.decode()
    assert Profile.objects.get(user=member).links == []


def test_a_space_that_left_the_network_cannot_be_chosen(client: Client, member: User) -> None:
    former = OrganisationFactory(joined_on=dt.date(2015, 1, 1), left_on=dt.date(2020, 1, 1))
    response = client.post(reverse("skills:profile-edit"), _form(home_space=former.pk))
    assert response.status_code == 200
    assert Profile.objects.get(user=member).home_space is None


def test_a_language_without_a_level_is_refused(client: Client, member: User) -> None:
    response = client.post(reverse("skills:profile-edit"), _form(**{"languages-1-level": ""}))
    assert response.status_code == 200
    assert not Profile.objects.get(user=member).languages.exists()


def test_the_edit_link_of_the_company_shows_for_its_contact(client: Client, member: User) -> None:
    company = CompanyFactory()
    ProfileFactory(user=member, company=company)
    role_grant(user=member, role=Role.Kind.COMPANY_CONTACT, company=company)
    html = client.get(reverse("skills:profile-edit")).content.decode()
    assert reverse("people:company-edit", args=[company.pk]) in html


# Photo --------------------------------------------------------------------------------------


def test_a_member_sends_a_photo(client: Client, member: User) -> None:
    response = client.post(reverse("skills:profile-photo"), {"photo": upload()})
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.photo.name.startswith("profiles/") and profile.photo.name.endswith(".jpg")


def test_an_html_page_named_png_is_refused_with_a_clear_message(
    client: Client, member: User
) -> None:
    fake = SimpleUploadedFile("me.png", b"<html><body>hello</body></html>", "image/png")
    response = client.post(reverse("skills:profile-photo"), {"photo": fake})
    assert response.status_code == 200
    assert escape(str(_refuse("photo_invalid").message)) in response.content.decode()
    assert not Profile.objects.get(user=member).photo


def test_a_member_removes_their_photo(client: Client, member: User) -> None:
    client.post(reverse("skills:profile-photo"), {"photo": upload()})
    client.post(reverse("skills:profile-photo"), {"remove_photo": "1"})
    assert not Profile.objects.get(user=member).photo


# Skills (htmx) ------------------------------------------------------------------------------


def test_clicking_a_suggestion_adds_the_skill_with_a_level_selector(
    client: Client, member: User
) -> None:
    skill = SkillFactory(label_fr="Ébénisterie")
    response = client.post(reverse("skills:profile-offered"), {"add_skill": skill.pk}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ébénisterie" in html and f'name="level-{skill.pk}"' in html
    assert OfferedSkill.objects.get(profile__user=member).level == 2


def test_changing_the_level_and_removing_a_skill(client: Client, member: User) -> None:
    kept, removed = SkillFactory(), SkillFactory()
    url = reverse("skills:profile-offered")
    data = {"skill": [kept.pk, removed.pk], f"level-{kept.pk}": "4", f"level-{removed.pk}": "1"}
    client.post(url, data, **HTMX)
    client.post(url, {**data, "remove_skill": removed.pk}, **HTMX)
    rows = OfferedSkill.objects.filter(profile__user=member)
    assert [(row.skill_id, row.level) for row in rows] == [(kept.pk, 4)]


def test_one_skill_too_many_shows_a_translated_message(client: Client, member: User) -> None:
    profile = Profile.objects.create(user=member)
    skills = [SkillFactory() for _ in range(MAX_OFFERED)]
    offered_skills_set(profile=profile, skills=[(skill, 2) for skill in skills])
    data = {"skill": [s.pk for s in skills], "add_skill": SkillFactory().pk}
    response = client.post(reverse("skills:profile-offered"), data, **HTMX)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert str(MAX_OFFERED) in response.content.decode()
    assert profile.offered_skills.count() == MAX_OFFERED


def test_an_unknown_skill_is_refused(client: Client, member: User) -> None:
    response = client.post(reverse("skills:profile-offered"), {"add_skill": 999999}, **HTMX)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not OfferedSkill.objects.exists()


def test_without_javascript_the_skill_form_goes_back_to_the_page(
    client: Client, member: User
) -> None:
    response = client.post(reverse("skills:profile-sought"), {"add_skill": SkillFactory().pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("skills:profile-edit")
    assert SoughtSkill.objects.filter(profile__user=member).count() == 1


def test_a_member_adds_and_removes_a_skill_sought(client: Client, member: User) -> None:
    skill = SkillFactory(label_fr="Fiscalité")
    url = reverse("skills:profile-sought")
    assert "Fiscalité" in client.post(url, {"add_skill": skill.pk}, **HTMX).content.decode()
    client.post(url, {"skill": [skill.pk], "remove_skill": skill.pk}, **HTMX)
    assert not SoughtSkill.objects.exists()


# The page others see ------------------------------------------------------------------------


def _full_profile() -> Profile:
    space = OrganisationFactory(name="Mutualab")
    profile = ProfileFactory(
        visibility=Visibility.PUBLIC,
        headline_fr="Graphiste",
        headline_nl="Grafisch ontwerpster",
        bio_nl="Ik ontwerp logo's.",
        home_space=space,
        company=CompanyFactory(name="Studio Leie"),
        links=["https://lotte.example/portfolio"],
        status="freelancer",
    )
    profile.languages.create(language="nl", level="native")
    offered_skills_set(profile=profile, skills=[(SkillFactory(label_fr="Typographie"), 4)])
    SoughtSkill.objects.create(profile=profile, skill=SkillFactory(label_fr="Comptabilité X"))
    return profile


def test_the_profile_page_shows_skills_languages_company_space_and_links(client: Client) -> None:
    profile = _full_profile()
    html = client.get(reverse("skills:profile-detail", args=[profile.pk])).content.decode()
    assert "Graphiste" in html and "Typographie" in html and "Comptabilité X" in html
    assert "Studio Leie" in html
    assert profile.home_space.get_absolute_url() in html
    assert 'href="https://lotte.example/portfolio" rel="nofollow noopener ugc"' in html
    assert 'lang="nl"' in html  # the Dutch bio, the only one written, says it is Dutch


def test_the_profile_page_is_read_in_the_readers_language(client: Client) -> None:
    profile = _full_profile()
    response = client.get(f"/nl/catalogue/people/{profile.pk}/")
    assert "Grafisch ontwerpster" in response.content.decode()


def test_the_profile_page_runs_the_same_number_of_queries_whatever_its_skills(
    client: Client,
) -> None:
    small, large = _full_profile(), _full_profile()
    offered_skills_set(profile=large, skills=[(SkillFactory(), 3) for _ in range(12)])
    client.get(reverse("skills:profile-detail", args=[small.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("skills:profile-detail", args=[small.pk]))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("skills:profile-detail", args=[large.pk]))
    assert len(many) == len(few)


def test_the_owner_sees_a_link_to_edit_and_the_visibility(client: Client) -> None:
    profile = _full_profile()
    client.force_login(profile.user)
    html = client.get(reverse("skills:profile-detail", args=[profile.pk])).content.decode()
    assert reverse("skills:profile-edit") in html


def test_a_link_stored_by_other_means_is_shown_only_if_it_is_http(client: Client) -> None:
    profile = ProfileFactory(
        visibility=Visibility.PUBLIC, links=["javascript:alert(1)", "https://ok.example"]
    )
    html = client.get(reverse("skills:profile-detail", args=[profile.pk])).content.decode()
    assert "javascript:" not in html and "https://ok.example" in html
    data = client.get(f"/api/v1/catalogue/profiles/{profile.pk}").json()
    assert data["links"] == ["https://ok.example"]

"""Profile services: what a member may write, the consent behind the visibility, the notices."""

from __future__ import annotations

import datetime as dt

import pytest

from coffee.network.tests.factories import OrganisationFactory
from coffee.people.errors import ProfileError
from coffee.people.models import Consent, Profile, Visibility
from coffee.people.services import (
    profile_get_or_create,
    profile_set_languages,
    profile_set_visibility,
    profile_update,
)
from coffee.people.signals import profile_changed
from coffee.people.tests.factories import CompanyFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def notices():  # type: ignore[no-untyped-def]
    """The profile ids the search index is told about."""
    received: list[int] = []

    def listener(sender: object, profile_id: int, **kwargs: object) -> None:
        received.append(profile_id)

    profile_changed.connect(listener)
    yield received
    profile_changed.disconnect(listener)


def test_the_first_visit_creates_a_members_only_profile_once() -> None:
    user = UserFactory()
    profile = profile_get_or_create(user=user)
    assert profile.visibility == Visibility.MEMBERS
    assert profile_get_or_create(user=user).pk == profile.pk
    assert Profile.objects.count() == 1


def test_a_member_writes_their_profile_in_several_languages(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
    notices,  # type: ignore[no-untyped-def]
) -> None:
    profile = ProfileFactory()
    space, company = OrganisationFactory(), CompanyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        profile_update(
            profile=profile,
            first_name=" Lotte ",
            last_name="Peeters",
            headline_fr="Graphiste",
            headline_nl="Grafisch ontwerpster",
            bio_en="I design logos.",
            home_space=space,
            city="Kortrijk",
            country="BE",
            status="freelancer",
            company=company,
            links=["https://lotte.example", ""],
            open_to_cross_border=True,
            willing_to_travel=True,
            languages=[("nl", "native"), ("fr", "fluent")],
        )
    profile.refresh_from_db()
    assert (profile.user.first_name, profile.user.last_name) == ("Lotte", "Peeters")
    assert (profile.headline_fr, profile.headline_nl, profile.bio_en) == (
        "Graphiste",
        "Grafisch ontwerpster",
        "I design logos.",
    )
    assert profile.home_space == space and profile.company == company
    assert profile.links == ["https://lotte.example"]
    assert sorted(profile.languages.values_list("language", "level")) == [
        ("fr", "fluent"),
        ("nl", "native"),
    ]
    assert notices == [profile.pk]


def test_the_first_save_records_the_visibility_consent_even_unchanged() -> None:
    profile = ProfileFactory(visibility=Visibility.MEMBERS)
    profile_update(profile=profile, city="Lille", visibility=Visibility.MEMBERS)
    profile_update(profile=profile, city="Roubaix", visibility=Visibility.MEMBERS)
    consents = Consent.objects.filter(user=profile.user, purpose=Consent.Purpose.VISIBILITY)
    assert list(consents.values_list("value", flat=True)) == ["members"]


def test_every_change_of_visibility_is_recorded_with_its_date() -> None:
    profile = ProfileFactory(visibility=Visibility.MEMBERS)
    profile_set_visibility(profile=profile, visibility=Visibility.PUBLIC)
    profile_set_visibility(profile=profile, visibility=Visibility.PUBLIC)
    profile_set_visibility(profile=profile, visibility=Visibility.HIDDEN)
    consents = Consent.objects.filter(user=profile.user).order_by("recorded_at", "id")
    assert [c.value for c in consents] == ["public", "hidden"]
    assert all(c.recorded_at.date() == dt.date.today() for c in consents)
    profile.refresh_from_db()
    assert profile.visibility == Visibility.HIDDEN


def test_an_unknown_visibility_is_refused_with_a_code() -> None:
    with pytest.raises(ProfileError) as error:
        profile_set_visibility(profile=ProfileFactory(), visibility="everyone-and-their-dog")
    assert error.value.code == "unknown_visibility"


def test_a_home_space_that_left_the_network_is_refused() -> None:
    former = OrganisationFactory(joined_on=dt.date(2015, 1, 1), left_on=dt.date(2020, 1, 1))
    with pytest.raises(ProfileError) as error:
        profile_update(profile=ProfileFactory(), home_space=former)
    assert error.value.code == "inactive_space"


def test_a_competence_centre_is_not_a_home_space() -> None:
    centre = OrganisationFactory(kind="competence_centre")
    with pytest.raises(ProfileError) as error:
        profile_update(profile=ProfileFactory(), home_space=centre)
    assert error.value.code == "inactive_space"


def test_a_javascript_link_is_refused_and_nothing_is_saved() -> None:
    profile = ProfileFactory(city="Tournai")
    with pytest.raises(ProfileError) as error:
        profile_update(profile=profile, city="Mons", links=["javascript:alert(1)"])
    assert error.value.code == "bad_link"
    profile.refresh_from_db()
    assert profile.city == "Tournai"


def test_six_links_are_refused() -> None:
    links = [f"https://example.org/{n}" for n in range(6)]
    with pytest.raises(ProfileError) as error:
        profile_update(profile=ProfileFactory(), links=links)
    assert error.value.code == "too_many_links"


def test_a_headline_too_long_is_refused() -> None:
    with pytest.raises(ProfileError) as error:
        profile_update(profile=ProfileFactory(), headline_nl="x" * 161)
    assert (error.value.code, error.value.field) == ("invalid", "headline_nl")


def test_an_unknown_status_is_refused() -> None:
    with pytest.raises(ProfileError) as error:
        profile_update(profile=ProfileFactory(), status="astronaut")
    assert error.value.code == "invalid"


def test_languages_are_replaced_and_an_unknown_one_refused() -> None:
    profile = ProfileFactory()
    profile_set_languages(profile=profile, languages=[("fr", "native"), ("en", "basic")])
    profile_set_languages(profile=profile, languages=[("nl", "conversational")])
    assert list(profile.languages.values_list("language", flat=True)) == ["nl"]
    with pytest.raises(ProfileError) as error:
        profile_set_languages(profile=profile, languages=[("xx", "basic")])
    assert error.value.code == "unknown_language"


def test_a_field_that_is_not_part_of_a_profile_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        profile_update(profile=ProfileFactory(), user=UserFactory())

"""Cached result pages: served again only while nothing they show has changed."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from coffee.network.models import Organisation
from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import Profile, User, Visibility
from coffee.people.services import profile_update
from coffee.people.tests.factories import UserFactory
from coffee.skills.models import SearchEntry, SearchGeneration, Skill
from coffee.skills.search import generation
from coffee.skills.search.index import index_profile
from coffee.skills.tests.factories import OfferedSkillFactory, ProfileFactory, SkillFactory

pytestmark = pytest.mark.django_db
URL = reverse("skills:search")


@pytest.fixture
def craft():
    return SkillFactory(
        key="test-ceramics", label_fr="Céramique", label_nl="Keramiek", label_en="Ceramics"
    )


def member(craft: Skill, first: str = "Inès", **fields):
    profile = ProfileFactory(user__first_name=first, user__last_name="Potier", **fields)
    OfferedSkillFactory(profile=profile, skill=craft, level=3)
    index_profile(profile.pk)
    return profile


def page(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_repeated_search_reads_only_the_generation(
    client, craft: Skill, django_assert_num_queries
) -> None:
    member(craft)
    page(client, q="céramique")

    with django_assert_num_queries(1):
        again = page(client, q="céramique")

    assert "Inès Potier" in again


def test_a_profile_hidden_after_a_search_is_gone_from_the_next_one(
    client, craft: Skill, django_capture_on_commit_callbacks
) -> None:
    profile = member(craft)
    assert "Inès Potier" in page(client, q="céramique")

    with django_capture_on_commit_callbacks(execute=True):
        profile_update(profile=profile, visibility=Visibility.HIDDEN)

    assert "Inès Potier" not in page(client, q="céramique")


def test_a_profile_hidden_is_gone_even_before_the_index_hears_of_it(client, craft: Skill) -> None:
    profile = member(craft)
    assert "Inès Potier" in page(client, q="céramique")

    Profile.objects.filter(pk=profile.pk).update(visibility=Visibility.HIDDEN)  # no notice sent

    assert "Inès Potier" not in page(client, q="céramique")


def test_a_deactivated_account_is_gone_from_the_next_page(client, craft: Skill) -> None:
    profile = member(craft)
    assert "Inès Potier" in page(client, q="céramique")

    User.objects.filter(pk=profile.user_id).update(is_active=False)

    assert "Inès Potier" not in page(client, q="céramique")


def test_a_skill_renamed_by_a_bulk_update_is_shown_renamed(client, craft: Skill) -> None:
    member(craft)
    assert "Céramique" in page(client, skill=craft.pk)

    Skill.objects.filter(pk=craft.pk).update(label_fr="Poterie", label="Poterie")

    assert "Poterie" in page(client, skill=craft.pk)


def test_a_space_renamed_is_shown_renamed_in_the_facets(client, craft: Skill) -> None:
    space = OrganisationFactory(name="La Fabrique")
    member(craft, home_space=space)
    assert "La Fabrique" in page(client, q="céramique")

    Organisation.objects.filter(pk=space.pk).update(name="Le Hangar")

    body = page(client, q="céramique")
    assert "Le Hangar" in body and "La Fabrique" not in body


def test_a_members_only_profile_never_reaches_an_anonymous_reader_through_the_cache(
    client, craft: Skill
) -> None:
    member(craft, visibility=Visibility.MEMBERS)
    client.force_login(UserFactory())
    assert "Inès Potier" in page(client, q="céramique")

    client.logout()

    assert "Inès Potier" not in page(client, q="céramique")


def test_each_language_has_its_own_page(client, craft: Skill) -> None:
    member(craft)
    assert "Céramique" in page(client, skill=craft.pk)

    with translation.override("nl"):
        body = client.get(reverse("skills:search"), {"skill": craft.pk}).content.decode()

    assert "Keramiek" in body and "Céramique" not in body


def test_the_live_results_and_the_whole_page_show_the_same_cached_results(
    client, craft: Skill
) -> None:
    member(craft)
    whole = page(client, q="céram")

    fragment = client.get(URL, {"q": "céram"}, headers={"HX-Request": "true"}).content.decode()

    assert "<html" not in fragment and fragment in whole


def test_the_search_form_is_not_cached_with_the_results(client, craft: Skill) -> None:
    member(craft)
    page(client, q="céramique")
    client.force_login(UserFactory(first_name="Zoé", last_name="Lecteur"))

    body = page(client, q="céramique")

    assert 'value="céramique"' in body and "Inès Potier" in body


def test_with_the_cache_off_every_search_runs(client, craft: Skill, settings) -> None:
    settings.SEARCH_CACHE_SECONDS = 0
    member(craft)
    page(client, q="céramique")

    with CaptureQueriesContext(connection) as queries:
        body = page(client, q="céramique")

    assert "Inès Potier" in body
    assert not any("skills_searchgeneration" in q["sql"] for q in queries.captured_queries)
    assert len(queries) > 1


def test_without_its_counter_the_search_still_answers_uncached(client, craft: Skill) -> None:
    member(craft)
    SearchGeneration.objects.all().delete()
    assert generation.current() is None
    assert "Inès Potier" in page(client, q="céramique")

    SearchEntry.objects.all().delete()

    assert "Inès Potier" not in page(client, q="céramique")


# The counter itself ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p, s: index_profile(p.pk), id="entry written"),
        pytest.param(lambda p, s: SearchEntry.objects.filter(pk=p.pk).delete(), id="entry deleted"),
        pytest.param(lambda p, s: Skill.objects.filter(pk=s.pk).update(label_nl="X"), id="label"),
        pytest.param(lambda p, s: SkillFactory(), id="skill added"),
        pytest.param(
            lambda p, s: Organisation.objects.filter(pk=p.home_space_id).update(name="Y"),
            id="space renamed",
        ),
        pytest.param(
            lambda p, s: Profile.objects.filter(pk=p.pk).update(visibility="members"),
            id="visibility",
        ),
        pytest.param(
            lambda p, s: User.objects.filter(pk=p.user_id).update(is_active=False),
            id="account deactivated",
        ),
        pytest.param(lambda p, s: User.objects.filter(pk=p.user_id).delete(), id="account deleted"),
    ],
)
def test_the_generation_rises_with_every_change_a_page_could_show(change, craft: Skill) -> None:
    profile = member(craft, home_space=OrganisationFactory())
    before = current()

    change(profile, craft)

    assert current() > before


def test_a_login_does_not_empty_the_cache(craft: Skill) -> None:
    profile = member(craft)
    before = current()

    profile.user.save(update_fields=["last_login"])
    Profile.objects.filter(pk=profile.pk).update(city="Ath")

    assert current() == before


def test_repair_recreates_a_dropped_trigger_and_raises_the_generation(craft: Skill) -> None:
    profile = member(craft)
    name = next(iter(generation.POSTGRES_TRIGGERS if _postgres() else generation.SQLITE_TRIGGERS))
    with connection.cursor() as cursor:
        on = " ON skills_searchentry" if _postgres() else ""
        cursor.execute(f"DROP TRIGGER {name}{on}")
    before = current()

    assert name in generation.repair(connection)

    assert current() > before
    before = current()
    index_profile(profile.pk)
    assert current() > before


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def current() -> int:
    value = generation.current()
    assert value is not None
    return value

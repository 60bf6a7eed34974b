"""`seed_demo`: the network of the source documents, demo accounts, members, idempotence."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from coffee.demo import services
from coffee.demo.people import DEMO_DOMAIN, DEMO_PASSWORD, demo_accounts, synthetic_members
from coffee.network.models import Closure, OpeningHours, Organisation, Region, Resource
from coffee.people.models import Role, User

pytestmark = pytest.mark.django_db

MEMBERS = 20


def seed(**options: object) -> str:
    out = io.StringIO()
    call_command("seed_demo", members=MEMBERS, stdout=out, **options)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    models = [Region, Organisation, OpeningHours, Closure, Resource, User, Role]
    return {model.__name__: model.objects.count() for model in models}


def test_the_spaces_of_the_source_documents_and_both_competence_centres_exist() -> None:
    seed()
    cities = set(
        Organisation.objects.filter(kind=Organisation.Kind.COWORKING).values_list("city", flat=True)
    )
    assert {"Tournai", "Charleroi", "La Louvière", "Mons", "Lille"} <= cities
    centres = Organisation.objects.filter(kind=Organisation.Kind.COMPETENCE_CENTRE)
    assert sorted(centres.values_list("name", "city")) == [
        ("POP Place", "Lille"),
        ("Technocité", "Mons"),
    ]


def test_exactly_one_organisation_has_left_and_it_is_not_active() -> None:
    seed()
    former = Organisation.objects.get(left_on__isnull=False)
    assert former.left_on is not None
    assert former.has_left
    assert former.joined_on < former.left_on
    assert not Organisation.objects.active().filter(pk=former.pk).exists()
    assert Organisation.objects.active().count() == Organisation.objects.count() - 1


def test_the_flemish_space_is_in_flanders_with_dutch_labels() -> None:
    seed()
    space = Organisation.objects.get(city="Kortrijk")
    assert space.region.slug == "flanders"
    assert (space.region.name_nl, space.region.country.code) == ("Vlaanderen", "BE")
    assert "nl" in space.languages


def test_every_label_is_written_in_french_dutch_and_english() -> None:
    seed()
    for organisation in Organisation.objects.all():
        assert organisation.description_fr and organisation.description_nl
        assert organisation.description_en
    for resource in Resource.objects.all():
        assert resource.name_fr and resource.name_nl and resource.name_en
    for closure in Closure.objects.all():
        assert closure.reason_fr and closure.reason_nl and closure.reason_en


def test_every_organisation_has_hours_and_every_coworking_space_has_priced_resources() -> None:
    seed()
    for organisation in Organisation.objects.all():
        assert organisation.opening_hours.exists(), organisation
    for space in Organisation.objects.filter(kind=Organisation.Kind.COWORKING):
        kinds = set(space.resources.values_list("kind", flat=True))
        assert {Resource.Kind.OPEN_DESKS, Resource.Kind.MEETING_ROOM} <= kinds, space
        for resource in space.resources.all():
            assert resource.price_per_day is not None or resource.price_per_hour is not None
            assert resource.currency == "EUR"


def test_one_space_closes_for_lunch_and_active_spaces_announce_closures() -> None:
    seed()
    factory = Organisation.objects.get(slug="the-cowork-factory")
    assert factory.opening_hours.filter(weekday=0).count() == 2
    for organisation in Organisation.objects.active():
        assert organisation.closures.filter(starts_on__month=12, starts_on__day=24).exists()


def test_the_lille_space_has_a_free_zone_and_its_seed_prices() -> None:
    seed()
    resources = Resource.objects.filter(organisation__slug="mutualab")
    free = resources.get(zone=Resource.Zone.FREE)
    assert (free.kind, free.price_per_day) == (Resource.Kind.OPEN_DESKS, 0)
    paid = resources.get(kind=Resource.Kind.OPEN_DESKS, zone=Resource.Zone.PAID)
    assert str(paid.price_per_day) == "5.00"


def test_the_number_of_members_follows_the_option() -> None:
    seed()
    synthetic = User.objects.filter(email__regex=r"\.\d+@" + DEMO_DOMAIN.replace(".", r"\."))
    assert synthetic.count() == MEMBERS
    assert Role.objects.filter(user__in=synthetic, role=Role.Kind.MEMBER).count() == MEMBERS
    assert not any(user.has_usable_password() for user in synthetic)
    assert set(synthetic.values_list("language", flat=True)) == {"fr", "nl"}


def test_the_same_seed_gives_the_same_names_and_another_seed_other_names() -> None:
    first = synthetic_members(count=MEMBERS, seed=7)
    assert synthetic_members(count=MEMBERS, seed=7) == first
    assert synthetic_members(count=MEMBERS, seed=8) != first
    assert synthetic_members(count=MEMBERS + 5, seed=7)[:MEMBERS] == first
    seed(seed=7)
    stored = set(User.objects.filter(email__in=[m.email for m in first]).values_list("last_name"))
    assert stored == {(m.last_name,) for m in first}


def test_seeding_twice_creates_nothing_new() -> None:
    seed()
    before = row_counts()
    output = seed()
    assert row_counts() == before
    assert "Nothing new" in output


def test_more_members_later_adds_only_the_new_ones() -> None:
    seed()
    call_command("seed_demo", members=MEMBERS + 5, stdout=io.StringIO())
    assert User.objects.count() == len(demo_accounts()) + MEMBERS + 5


def test_a_failure_halfway_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: object) -> tuple[int, int]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "demo_members_create", broken)
    with pytest.raises(RuntimeError):
        seed()
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


def test_every_demo_account_logs_in_with_the_demo_password() -> None:
    seed()
    for account in demo_accounts():
        client = Client()
        response = client.post(
            reverse("account_login"), {"login": account.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, account.email
        assert "confirm-email" not in response["Location"]
        assert int(client.session["_auth_user_id"]) == User.objects.get(email=account.email).pk


def test_the_coordinator_is_a_coordinator_but_not_a_superuser() -> None:
    seed()
    coordinator = User.objects.get(email=f"coordinator@{DEMO_DOMAIN}")
    assert coordinator.is_coordinator
    assert coordinator.is_staff
    assert not coordinator.is_superuser
    assert not User.objects.filter(is_superuser=True).exists()


def test_a_space_manager_manages_only_their_own_space() -> None:
    seed()
    manager = User.objects.get(email=f"manager.esco@{DEMO_DOMAIN}")
    esco = Organisation.objects.get(slug="esco")
    assert manager.managed_organisation_ids() == {esco.pk}
    assert not manager.is_coordinator
    managed = Role.objects.filter(role=Role.Kind.SPACE_MANAGER)
    assert set(managed.values_list("organisation__slug", flat=True)) == set(
        Organisation.objects.active()
        .filter(kind=Organisation.Kind.COWORKING)
        .values_list("slug", flat=True)
    )


def test_the_output_lists_the_demo_accounts() -> None:
    output = seed()
    assert f"coordinator@{DEMO_DOMAIN}" in output
    assert DEMO_PASSWORD in output
    assert "created" in output

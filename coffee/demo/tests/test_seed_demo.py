"""`seed_demo`: the network of the source documents, demo accounts, members, idempotence."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count, QuerySet
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coffee.demo import services
from coffee.demo.events import EVENT_PLANS
from coffee.demo.people import DEMO_DOMAIN, DEMO_PASSWORD, demo_accounts, synthetic_members
from coffee.demo.profiles import (
    DEMO_MEMBER_EMAIL,
    ProfilePlan,
    profile_plan,
    skill_choices,
    space_choices,
)
from coffee.events.models import (
    Event,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from coffee.events.selectors import event_people_reached
from coffee.network.models import Closure, OpeningHours, Organisation, Region, Resource
from coffee.people.models import (
    Consent,
    LanguageLevel,
    Profile,
    ProfileLanguage,
    Role,
    Status,
    User,
    Visibility,
)
from coffee.skills.models import OfferedSkill, Skill, SoughtSkill

pytestmark = pytest.mark.django_db

MEMBERS = 20
FICTITIOUS = {"fr": "Membre fictif de démonstration", "nl": "Fictief demolid", "en": "Fictitious"}


def seed(**options: object) -> str:
    out = io.StringIO()
    call_command("seed_demo", members=MEMBERS, stdout=out, **options)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    models = [Region, Organisation, OpeningHours, Closure, Resource, User, Role]
    models += [Skill, Profile, ProfileLanguage, OfferedSkill, SoughtSkill, Consent]
    models += [Event, Registration]
    return {model.__name__: model.objects.count() for model in models}


def synthetic_profiles() -> QuerySet[Profile]:
    return Profile.objects.exclude(user__email=DEMO_MEMBER_EMAIL).select_related(
        "user", "home_space__region"
    )


def plans(count: int, seed: int = 2016) -> list[ProfilePlan]:
    """The profiles `count` members would get, without writing them (needs the seeded spaces)."""
    spaces, skills = space_choices(), skill_choices()
    return [
        profile_plan(member, seed=seed, spaces=spaces, skills=skills)
        for member in synthetic_members(count=count, seed=seed)
    ]


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


def test_more_members_later_adds_only_the_new_ones_and_their_profiles() -> None:
    seed()
    before = {p.user.email: (p.headline, p.pk) for p in synthetic_profiles()}
    call_command("seed_demo", members=MEMBERS + 5, stdout=io.StringIO())
    assert User.objects.count() == len(demo_accounts()) + MEMBERS + 5
    after = {p.user.email: (p.headline, p.pk) for p in synthetic_profiles()}
    assert len(after) == MEMBERS + 5
    assert {email: after[email] for email in before} == before


def test_a_failure_halfway_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: object) -> tuple[int, int]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "demo_profiles_create", broken)
    with pytest.raises(RuntimeError):
        seed()
    assert not Organisation.objects.exists()
    assert not User.objects.exists()
    assert not Profile.objects.exists()


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


def test_every_synthetic_member_gets_a_profile_at_an_active_space_of_their_country() -> None:
    seed()
    profiles = synthetic_profiles()
    assert profiles.count() == MEMBERS
    active = set(
        Organisation.objects.active()
        .filter(kind=Organisation.Kind.COWORKING)
        .values_list("pk", flat=True)
    )
    for profile in profiles:
        space = profile.home_space
        assert space is not None and space.pk in active, profile
        assert (profile.city, profile.country.code) == (space.city, space.country)
        assert (space.slug == "de-leiewerf") == (profile.user.language == "nl"), profile


def test_a_profile_is_written_in_its_members_language_and_says_it_is_made_up() -> None:
    seed()
    for profile in synthetic_profiles():
        language = profile.user.language
        assert getattr(profile, f"headline_{language}"), profile
        assert getattr(profile, f"bio_{language}").startswith(FICTITIOUS[language]), profile
        others = {"fr", "nl", "en"} - {language}
        assert not any(getattr(profile, f"bio_{other}") for other in others), profile


def test_each_profile_offers_2_to_6_starter_skills_and_seeks_1_to_3_others() -> None:
    seed()
    for profile in synthetic_profiles().prefetch_related("offered_skills", "sought_skills"):
        offered = {o.skill_id: o.level for o in profile.offered_skills.all()}
        sought = {s.skill_id for s in profile.sought_skills.all()}
        assert 2 <= len(offered) <= 6 and 1 <= len(sought) <= 3, profile
        assert set(offered.values()) <= {1, 2, 3, 4}
        assert not sought & set(offered)
    sources = set(OfferedSkill.objects.values_list("skill__source", flat=True))
    assert sources | set(SoughtSkill.objects.values_list("skill__source", flat=True)) == {
        Skill.Source.STARTER
    }


def test_each_member_speaks_their_native_language_and_one_or_two_others() -> None:
    seed()
    for profile in synthetic_profiles().prefetch_related("languages"):
        spoken = {row.language: row.level for row in profile.languages.all()}
        assert spoken[profile.user.language] == LanguageLevel.NATIVE, profile
        assert 2 <= len(spoken) <= 3, profile
        assert list(spoken.values()).count(LanguageLevel.NATIVE) == 1


def test_a_full_demo_mixes_statuses_and_visibilities_and_skews_skill_popularity() -> None:
    seed()
    made_up = plans(300)
    assert {plan.status for plan in made_up} == set(Status.values)
    visibility = Counter(plan.visibility for plan in made_up)
    assert visibility[Visibility.MEMBERS] > visibility[Visibility.PUBLIC] > 0
    assert 0 < visibility[Visibility.HIDDEN] < visibility[Visibility.PUBLIC]
    assert 0.5 < sum(plan.open_to_cross_border for plan in made_up) / len(made_up) < 0.7
    offers = Counter(key for plan in made_up for key, _ in plan.offered)
    top_five = sum(n for _, n in offers.most_common(5))
    assert top_five > 0.15 * sum(offers.values())
    assert sum(1 for n in offers.values() if n <= 2) > len(offers) / 3


def test_the_same_seed_gives_the_same_profiles_whatever_the_number_of_members() -> None:
    seed()
    first = plans(MEMBERS, seed=7)
    assert plans(MEMBERS, seed=7) == first
    assert plans(MEMBERS + 10, seed=7)[:MEMBERS] == first
    assert plans(MEMBERS, seed=8) != first


def test_seeding_twice_keeps_every_profile_as_it_was() -> None:
    seed()
    before = list(Profile.objects.order_by("pk").values())
    seed()
    assert list(Profile.objects.order_by("pk").values()) == before


def test_the_demo_member_has_a_complete_profile_seeking_skills_others_offer() -> None:
    seed()
    profile = Profile.objects.get(user__email=DEMO_MEMBER_EMAIL)
    for name in ("headline", "bio"):
        assert all(getattr(profile, f"{name}_{lang}") for lang in ("fr", "nl", "en")), name
    assert profile.home_space is not None and profile.city and profile.country
    assert profile.status and profile.links and profile.open_to_cross_border
    assert profile.languages.count() == 3
    assert profile.offered_skills.count() == 3
    sought = list(profile.sought_skills.values_list("skill_id", flat=True))
    assert len(sought) == 3
    offered_by_others = (
        OfferedSkill.objects.filter(skill_id__in=sought)
        .exclude(profile=profile)
        .exclude(profile__visibility=Visibility.HIDDEN)
        .values("skill_id")
        .annotate(n=Count("profile"))
    )
    assert {row["skill_id"] for row in offered_by_others} == set(sought)


def test_the_seed_loads_the_starter_taxonomy_when_it_is_missing() -> None:
    Skill.objects.all().delete()
    output = seed()
    assert Skill.objects.filter(source=Skill.Source.STARTER).count() == 349
    assert OfferedSkill.objects.exists()
    assert "starter skills" in output


def test_the_search_index_holds_every_visible_demo_profile() -> None:
    index = pytest.importorskip("coffee.skills.search.index")
    seed()
    visible = Profile.objects.exclude(visibility=Visibility.HIDDEN).count()
    assert index.SearchEntry.objects.count() == visible > 0


def demo_event(title_en: str) -> Event:
    return Event.objects.get(title_en=title_en)


def test_the_agenda_has_the_demo_events_in_every_state() -> None:
    seed()
    assert Event.objects.count() == len(EVENT_PLANS) == 9
    statuses = Counter(Event.objects.values_list("status", flat=True))
    assert statuses == {EventStatus.PUBLISHED: 7, EventStatus.CANCELLED: 1, EventStatus.DRAFT: 1}
    assert set(Event.objects.values_list("kind", flat=True)) == set(EventKind.values)
    for event in Event.objects.all():
        assert event.title_fr and event.title_nl and event.title_en, event
        assert event.description_fr and event.description_nl and event.description_en, event
        assert "(démo)" in event.title_fr and "(demo)" in event.title_en, event


def test_upcoming_demo_events_are_dated_from_the_day_of_the_seed() -> None:
    seed()
    now, today = timezone.now(), timezone.localdate()
    upcoming = Event.objects.filter(starts_at__gt=now + dt.timedelta(days=1))
    assert upcoming.filter(status=EventStatus.PUBLISHED).count() >= 5
    speed = Event.objects.get(kind=EventKind.SPEED_NETWORKING)
    assert 8 <= (speed.local_day - today).days <= 12
    assert Event.objects.filter(starts_at__gt=now + dt.timedelta(days=60)).count() == 0


def test_the_speed_networking_is_hosted_across_the_border_by_belgians_and_french() -> None:
    seed()
    event = Event.objects.get(kind=EventKind.SPEED_NETWORKING)
    hosts = [space.slug for space in event.host_organisations]
    assert hosts == ["esco", "de-leiewerf", "mutualab"]
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == event.confirmed_count >= 20
    countries = set(confirmed.values_list("user__profile__country", flat=True))
    assert {"BE", "FR"} <= countries
    assert confirmed.filter(user__email=DEMO_MEMBER_EMAIL).exists()


def test_the_training_waits_for_its_minimum_until_a_deadline_a_few_days_ahead() -> None:
    seed()
    training = Event.objects.get(kind=EventKind.TRAINING)
    assert training.host_organisations[0].slug == "technocite"
    assert (training.minimum_participants, training.confirmed_count) == (6, 4)
    assert training.decision_deadline is not None
    assert 1 <= (training.decision_deadline.date() - timezone.localdate()).days <= 7
    assert training.is_waiting_for_minimum


def test_the_small_workshop_is_full_with_three_people_waiting_in_order() -> None:
    seed()
    workshop = demo_event("Workshop: photographing your products with a smartphone (demo)")
    assert (workshop.capacity, workshop.confirmed_count) == (8, 8)
    waiting = workshop.registrations.filter(status=RegistrationStatus.WAITING)
    positions = waiting.order_by("waiting_position").values_list("waiting_position", flat=True)
    assert list(positions) == [1, 2, 3]


def test_the_webinar_is_online_and_the_visit_on_paris_time() -> None:
    seed()
    webinar = Event.objects.get(kind=EventKind.ONLINE)
    assert webinar.online_url.startswith("https://") and not webinar.place
    visit = Event.objects.get(kind=EventKind.VISIT)
    assert visit.time_zone == "Europe/Paris"
    assert visit.host_organisations[0].slug == "mutualab"
    assert visit.local_starts_at.time() == dt.time(17, 30)


def test_one_event_happens_today_with_part_of_the_door_list_marked() -> None:
    seed()
    today = [e for e in Event.objects.all() if e.local_day == timezone.localdate()]
    assert len(today) == 1
    event = today[0]
    assert event.is_published and event.confirmed_count == 10
    assert event.registrations.filter(attended=True).count() == 6


def test_a_past_event_counts_people_reached() -> None:
    seed()
    today = timezone.localdate()
    past = Event.objects.get(starts_at__lt=timezone.now() - dt.timedelta(days=7))
    assert past.is_published and past.registrations.filter(attended=True).count() == 11
    reached = event_people_reached(since=today - dt.timedelta(days=60), until=today)
    assert reached == 11 + 6


def test_seeding_twice_adds_no_event_and_no_registration() -> None:
    seed()
    before = list(Registration.objects.order_by("pk").values_list("pk", "event_id", "user_id"))
    report = services.demo_seed(members=MEMBERS, seed=2016)
    assert report.counts["events"] == [0, len(EVENT_PLANS)]
    assert report.counts["event registrations"] == [0, len(before)]
    after = list(Registration.objects.order_by("pk").values_list("pk", "event_id", "user_id"))
    assert after == before


def test_the_same_seed_registers_the_same_people_for_the_same_events() -> None:
    seed()

    def plan() -> set[tuple[str, str, str, bool, int | None]]:
        rows = Registration.objects.values_list(
            "event__title_en", "user__email", "status", "attended", "waiting_position"
        )
        return set(rows)

    first = plan()
    Event.objects.all().delete()
    seed()
    assert plan() == first

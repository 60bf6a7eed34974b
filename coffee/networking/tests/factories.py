"""Speed-networking events and their participants, with countries, languages and skills."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coffee.events.models import Event, EventKind, Registration, RegistrationStatus
from coffee.events.services import attendance_set, registration_create
from coffee.events.tests.factories import EventFactory
from coffee.network.models import Organisation
from coffee.people.models import User
from coffee.people.tests.factories import ProfileFactory, UserFactory
from coffee.skills.models import OfferedSkill, Skill, SoughtSkill
from coffee.skills.tests.factories import SkillFactory

FIRST_NAMES = ["Anna", "Bram", "Camille", "Dirk", "Elise", "Fleur", "Gaëlle", "Hugo", "Ilse",
               "Jonas", "Katrien", "Louis", "Marie", "Nina", "Olivier", "Pieter", "Quentin",
               "Roos", "Sofie", "Thomas"]  # fmt: skip


def speed_networking_event(space: Organisation, **fields: object) -> Event:
    """A published speed-networking event hosted by ``space``, ten days from now."""
    fields.setdefault("capacity", 40)
    return EventFactory.create(
        kind=EventKind.SPEED_NETWORKING,
        hosts=[space],
        title_fr="Speed networking transfrontalier",
        title_nl="Grensoverschrijdende speeddating",
        title_en="Cross-border speed networking",
        **fields,
    )


def skill(key: str) -> Skill:
    return Skill.objects.filter(key=key).first() or SkillFactory.create(key=key)


def participant(
    event: Event,
    *,
    first_name: str,
    country: str = "BE",
    language: str = "fr",
    offers: Iterable[str] = (),
    seeks: Iterable[str] = (),
) -> User:
    """A person with a profile (country, skills) and a confirmed registration for ``event``."""
    user = UserFactory.create(first_name=first_name, last_name="Test", language=language)
    profile = ProfileFactory.create(user=user, country=country)
    for key in offers:
        OfferedSkill.objects.create(profile=profile, skill=skill(key))
    for key in seeks:
        SoughtSkill.objects.create(profile=profile, skill=skill(key))
    registration = registration_create(event=event, user=user)
    assert registration.status == RegistrationStatus.CONFIRMED
    return user


def participants(
    event: Event,
    count: int,
    *,
    countries: Sequence[str] = ("BE", "FR"),
    languages: Sequence[str] = ("fr", "nl", "en"),
) -> list[User]:
    """``count`` people, countries and languages taken in turn, each offering a skill the next
    one seeks."""
    return [
        participant(
            event,
            first_name=FIRST_NAMES[i % len(FIRST_NAMES)] + ("" if i < len(FIRST_NAMES) else str(i)),
            country=countries[i % len(countries)],
            language=languages[i % len(languages)],
            offers=[f"skill-{i % 5}"],
            seeks=[f"skill-{(i + 1) % 5}"],
        )
        for i in range(count)
    ]


def mark_present(event: Event, users: Iterable[User], *, by: User) -> None:
    """Tick people present at the door, as the organiser ``by`` does (on the event's day)."""
    for registration in Registration.objects.filter(event=event, user__in=list(users)):
        attendance_set(registration=registration, attended=True, actor=by)

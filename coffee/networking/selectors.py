"""Reads of the speed-networking pages: who takes part, the plan as people, the sheets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from babel.numbers import format_percent
from django.db.models import Prefetch
from django.utils.translation import gettext

from coffee.core.locale import reader_locale
from coffee.events.models import Event, Registration, RegistrationStatus
from coffee.networking.models import NetworkingPlan
from coffee.networking.planner import Participant
from coffee.skills.models import OfferedSkill, SoughtSkill


@dataclass(frozen=True)
class Person:
    """A participant as the pages show them, and as the planner sees them."""

    id: str
    name: str
    language: str
    country: str
    attended: bool
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()
    known: bool = True

    def __str__(self) -> str:
        return self.name

    @property
    def participant(self) -> Participant:
        return Participant(
            id=self.id, name=self.name, country=self.country, offers=self.offers, seeks=self.seeks
        )


def networking_plan_for(*, event: Event) -> NetworkingPlan | None:
    return NetworkingPlan.objects.filter(event=event).first()


def networking_people(*, event: Event) -> dict[str, Person]:
    """Everyone confirmed for the event, by planner id (the user id as text); three queries."""
    registrations = (
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
        .select_related("user__profile__home_space__region")
        .prefetch_related(
            Prefetch(
                "user__profile__offered_skills",
                queryset=OfferedSkill.objects.select_related("skill").only(
                    "profile_id", "skill__key"
                ),
            ),
            Prefetch(
                "user__profile__sought_skills",
                queryset=SoughtSkill.objects.select_related("skill").only(
                    "profile_id", "skill__key"
                ),
            ),
        )
        .order_by("user__last_name", "user__first_name", "pk")
    )
    people = (_person(registration) for registration in registrations)
    return {person.id: person for person in people}


def _person(registration: Registration) -> Person:
    user = registration.user
    profile = getattr(user, "profile", None)
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()
    if profile is not None:
        offers = frozenset(o.skill.key for o in profile.offered_skills.all())
        seeks = frozenset(s.skill.key for s in profile.sought_skills.all())
    return Person(
        id=str(user.pk),
        name=user.get_full_name() or gettext("Participant %(number)s") % {"number": user.pk},
        language=user.language,
        country=_country(profile),
        attended=registration.attended,
        offers=offers,
        seeks=seeks,
    )


def _country(profile: Any) -> str:
    """The profile's country, else the home space's; empty when neither is known."""
    if profile is None:
        return ""
    if profile.country:
        return str(profile.country.code)
    if profile.home_space is not None:
        return str(profile.home_space.region.country.code)
    return ""


def present_ids(people: Mapping[str, Person], departed: Iterable[str]) -> set[str]:
    """Who takes part now: those marked present if attendance was taken, else every confirmed
    person; minus those who left early."""
    ids = {pid for pid, person in people.items() if person.attended}
    if not ids:
        ids = set(people)
    return ids - set(departed)


def present_participants(
    people: Mapping[str, Person], departed: Iterable[str]
) -> list[Participant]:
    present = present_ids(people, departed)
    return [person.participant for pid, person in people.items() if pid in present]


def person_of(people: Mapping[str, Person], pid: str) -> Person:
    """The person with this id, or a stand-in for someone no longer registered."""
    found = people.get(pid)
    if found is not None:
        return found
    name = gettext("Former participant")
    return Person(id=pid, name=name, language="", country="", attended=False, known=False)


def seated_participants(people: Mapping[str, Person], plan: list[Any]) -> list[Participant]:
    """Everyone seated in ``plan`` as planner participants (for the quality figures)."""
    seated = {pid for tables in plan for table in tables for pid in table}
    return [person_of(people, pid).participant for pid in sorted(seated)]


# The organiser's page


@dataclass(frozen=True)
class RoundView:
    number: int
    held: bool
    is_next: bool
    tables: list[list[Person]]


@dataclass(frozen=True)
class QualityReport:
    """The planner's figures, with what the sentences of the report need."""

    repeated_pairs: int
    cross_border_share: float
    sought_met_share: float | None
    encounters: int
    participants: int
    countries: int
    without_country: int

    @property
    def cross_border_percent(self) -> str:
        return _percent(self.cross_border_share)

    @property
    def sought_met_percent(self) -> str:
        return _percent(self.sought_met_share or 0.0)


def _percent(share: float) -> str:
    return str(format_percent(share, locale=reader_locale()))


@dataclass(frozen=True)
class PlanPage:
    """The organiser's page: who takes part, and the plan once there is one."""

    event: Event
    plan: NetworkingPlan | None
    people: Mapping[str, Person]
    present: list[Person]
    attendance_taken: bool
    rounds: list[RoundView] = field(default_factory=list)
    quality: QualityReport | None = None
    departed: list[Person] = field(default_factory=list)
    seated: set[str] = field(default_factory=set)
    arrived: list[Person] = field(default_factory=list)
    gone: list[Person] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.arrived or self.gone)


def networking_plan_page(*, event: Event) -> PlanPage:
    """The plan round by round, its quality, and who came or went since it was made."""
    plan = networking_plan_for(event=event)
    people = networking_people(event=event)
    present = present_ids(people, plan.departed if plan else [])
    page = PlanPage(
        event=event,
        plan=plan,
        people=people,
        present=[person for pid, person in people.items() if pid in present],
        attendance_taken=any(person.attended for person in people.values()),
    )
    if plan is None:
        return page
    arrived, gone = _changes(plan, people, present)
    return replace(
        page,
        rounds=_round_views(plan, people),
        quality=_quality(plan, people),
        departed=[person_of(people, pid) for pid in plan.departed],
        seated=plan.seated_ids(),
        arrived=arrived,
        gone=gone,
    )


def _changes(
    plan: NetworkingPlan, people: Mapping[str, Person], present: set[str]
) -> tuple[list[Person], list[Person]]:
    """Who is here but has no seat in the rounds to come, and who has one but is gone."""
    if plan.is_over:
        return [], []
    upcoming = plan.seated_ids(from_round=plan.rounds_held)
    arrived = [person for pid, person in people.items() if pid in present - upcoming]
    gone = [person_of(people, pid) for pid in sorted(upcoming - present, key=id_order)]
    return arrived, gone


def id_order(pid: str) -> tuple[int, str]:
    """Sort key of planner ids: user ids by number."""
    return (int(pid), "") if pid.isdigit() else (0, pid)


def _round_views(plan: NetworkingPlan, people: Mapping[str, Person]) -> list[RoundView]:
    return [
        RoundView(
            number=index + 1,
            held=index < plan.rounds_held,
            is_next=index == plan.rounds_held,
            tables=[[person_of(people, pid) for pid in table] for table in tables],
        )
        for index, tables in enumerate(plan.plan)
    ]


def _quality(plan: NetworkingPlan, people: Mapping[str, Person]) -> QualityReport:
    figures = plan.quality
    seated = [person_of(people, pid) for pid in sorted(plan.seated_ids())]
    sought = figures.get("sought_met_share")
    return QualityReport(
        repeated_pairs=int(figures.get("repeated_pairs", 0)),
        cross_border_share=float(figures.get("cross_border_share", 0.0)),
        sought_met_share=None if sought is None else float(sought),
        encounters=sum(
            len(table) * (len(table) - 1) // 2 for tables in plan.plan for table in tables
        ),
        participants=len(seated),
        countries=len({p.country for p in seated if p.country}),
        without_country=sum(1 for p in seated if p.known and not p.country),
    )


# Printable sheets


@dataclass(frozen=True)
class TableRound:
    round: int
    people: list[Person]


@dataclass(frozen=True)
class TableSheet:
    """One physical table: who sits there in each round it is used."""

    number: int
    rounds: list[TableRound]


@dataclass(frozen=True)
class SeatLine:
    """Where one person sits in one round (table None: not seated in that round)."""

    round: int
    table: int | None
    mates: list[Person]


@dataclass(frozen=True)
class ParticipantSheet:
    person: Person
    lines: list[SeatLine]


def table_sheets(*, plan: NetworkingPlan, people: Mapping[str, Person]) -> list[TableSheet]:
    """A sheet per table number, listing every round in which that table is used."""
    count = max((len(tables) for tables in plan.plan), default=0)
    return [
        TableSheet(
            number=number + 1,
            rounds=[
                TableRound(r + 1, [person_of(people, pid) for pid in tables[number]])
                for r, tables in enumerate(plan.plan)
                if number < len(tables)
            ],
        )
        for number in range(count)
    ]


def participant_sheets(
    *, plan: NetworkingPlan, people: Mapping[str, Person], only: str | None = None
) -> list[ParticipantSheet]:
    """A sheet per person with a seat in the rounds to come (every round once all are held),
    in the order of ``people`` (by name); or only the sheet of the person named."""
    if only is not None:
        ids = plan.seated_ids() & {only}
    else:
        ids = plan.seated_ids(from_round=0 if plan.is_over else plan.rounds_held)
    rank = {pid: index for index, pid in enumerate(people)}
    persons = [person_of(people, pid) for pid in sorted(ids, key=lambda p: rank.get(p, len(rank)))]
    return [ParticipantSheet(p, _lines(plan, people, p.id)) for p in persons if p.known]


def _lines(plan: NetworkingPlan, people: Mapping[str, Person], pid: str) -> list[SeatLine]:
    lines = []
    for r, tables in enumerate(plan.plan):
        where = next((t for t, table in enumerate(tables) if pid in table), None)
        mates = [] if where is None else [q for q in tables[where] if q != pid]
        table = None if where is None else where + 1
        lines.append(SeatLine(r + 1, table, [person_of(people, q) for q in mates]))
    return lines

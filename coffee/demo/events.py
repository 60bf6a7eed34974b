"""Demo agenda: events around the day the seed runs, written through the agenda's services.

A demo event is known by its French title and its lead host: seeding again skips the events that
exist (their dates stay those of the first run). Who registers is deterministic: the synthetic
members in their seed order, Belgians and French alternating, each event from its own offset.
Events that have already started cannot be published or registered for through the services
(they rightly refuse), so for those the demo writes the record the services would have left,
then marks attendance through the service.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, zip_longest

from coffee.demo.network_data import Labels
from coffee.demo.people import DEMO_DOMAIN, SyntheticMember
from coffee.demo.profiles import DEMO_MEMBER_EMAIL
from coffee.events.models import (
    Audience,
    Event,
    EventHost,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from coffee.events.services import (
    EventData,
    attendance_set,
    event_cancel,
    event_create,
    event_publish,
    registration_create,
)
from coffee.network.models import Organisation
from coffee.people.models import Profile, User

COORDINATOR_EMAIL = f"coordinator@{DEMO_DOMAIN}"
SATURDAY = 5


@dataclass(frozen=True)
class EventPlan:
    """One demo event and what has happened to it by the day of the seed."""

    kind: str
    hosts: tuple[str, ...]  # slugs, lead host first (its zone is the event's)
    title: Labels
    description: Labels
    day: int  # days from the seed day: 0 is today, negative is past
    starts: dt.time
    duration: dt.timedelta
    capacity: int
    languages: tuple[str, ...]
    registrants: int = 0  # past the capacity, the next ones wait
    offset: int = 0  # where in the list of members this event's people start
    demo_member: bool = False  # the demo account registers first
    attended: int = 0  # marked present at the door (events from today back)
    status: str = EventStatus.PUBLISHED
    online_url: str = ""
    audience: str = Audience.EVERYONE
    minimum: int | None = None
    decision_days_before: int = 0


HOURS = dt.timedelta(hours=1)
EVENT_PLANS: tuple[EventPlan, ...] = (
    EventPlan(
        kind=EventKind.SPEED_NETWORKING,
        hosts=("esco", "de-leiewerf", "mutualab"),
        title=Labels(
            fr="Speed networking transfrontalier (démo)",
            nl="Grensoverschrijdende speednetworking (demo)",
            en="Cross-border speed networking (demo)",
        ),
        description=Labels(
            fr="Événement fictif de démonstration. Des coworkers de Tournai, Courtrai et Lille "
            "se rencontrent sept minutes à la fois, en français, en néerlandais ou en anglais, "
            "puis prolongent autour d'un verre.",
            nl="Fictief demo-evenement. Coworkers uit Doornik, Kortrijk en Rijsel ontmoeten "
            "elkaar telkens zeven minuten, in het Frans, het Nederlands of het Engels, en praten "
            "daarna verder bij een drankje.",
            en="Fictitious demo event. Coworkers from Tournai, Kortrijk and Lille meet for seven "
            "minutes at a time, in French, Dutch or English, then carry on over a drink.",
        ),
        day=10,
        starts=dt.time(18, 0),
        duration=3 * HOURS,
        capacity=40,
        languages=("fr", "nl", "en"),
        registrants=29,
        demo_member=True,
    ),
    EventPlan(
        kind=EventKind.TRAINING,
        hosts=("technocite",),
        title=Labels(
            fr="Formation : premiers pas en motion design (démo)",
            nl="Opleiding: eerste stappen in motion design (demo)",
            en="Training: first steps in motion design (demo)",
        ),
        description=Labels(
            fr="Formation fictive de démonstration. Elle n'a lieu que si six personnes au moins "
            "s'inscrivent avant la date de décision ; sinon, elle est annulée et chacun est "
            "prévenu.",
            nl="Fictieve demo-opleiding. Ze gaat enkel door als zich minstens zes mensen "
            "inschrijven vóór de beslissingsdatum; anders wordt ze geannuleerd en krijgt "
            "iedereen bericht.",
            en="Fictitious demo training. It takes place only if at least six people sign up "
            "before the decision date; otherwise it is cancelled and everyone is told.",
        ),
        day=8,
        starts=dt.time(9, 0),
        duration=7 * HOURS,
        capacity=12,
        languages=("fr",),
        registrants=4,
        offset=30,
        audience=Audience.JOB_SEEKERS_STUDENTS,
        minimum=6,
        decision_days_before=5,
    ),
    EventPlan(
        kind=EventKind.WORKSHOP,
        hosts=("co-nnexion",),
        title=Labels(
            fr="Atelier : photographier ses produits au smartphone (démo)",
            nl="Workshop: je producten fotograferen met een smartphone (demo)",
            en="Workshop: photographing your products with a smartphone (demo)",
        ),
        description=Labels(
            fr="Atelier fictif de démonstration, en petit groupe de huit personnes. Il est "
            "complet : une place libérée revient à la première personne de la liste d'attente.",
            nl="Fictieve demo-workshop in een kleine groep van acht. Hij is volzet: een plaats "
            "die vrijkomt, gaat naar de eerste persoon op de wachtlijst.",
            en="Fictitious demo workshop, in a small group of eight. It is full: a seat that "
            "frees up goes to the first person on the waiting list.",
        ),
        day=6,
        starts=dt.time(14, 0),
        duration=3 * HOURS,
        capacity=8,
        languages=("fr",),
        registrants=10,
        offset=34,
        demo_member=True,
    ),
    EventPlan(
        kind=EventKind.ONLINE,
        hosts=("switch",),
        title=Labels(
            fr="Webinaire : financer son projet avec les fonds européens (démo)",
            nl="Webinar: je project financieren met Europese fondsen (demo)",
            en="Webinar: funding your project with European funds (demo)",
        ),
        description=Labels(
            fr="Webinaire fictif de démonstration : une heure pour découvrir les programmes "
            "européens ouverts aux indépendants et aux petites entreprises.",
            nl="Fictieve demo-webinar: een uur om de Europese programma's te ontdekken die "
            "openstaan voor zelfstandigen en kleine bedrijven.",
            en="Fictitious demo webinar: one hour to discover the European programmes open to "
            "freelancers and small businesses.",
        ),
        day=4,
        starts=dt.time(12, 30),
        duration=HOURS,
        capacity=100,
        languages=("fr", "en"),
        registrants=12,
        offset=45,
        online_url="https://visio.coffee.example/demo-webinaire",
        audience=Audience.ENTREPRENEURS,
    ),
    EventPlan(
        kind=EventKind.VISIT,
        hosts=("mutualab",),
        title=Labels(
            fr="Visite de Mutualab et apéro des coworkers (démo)",
            nl="Bezoek aan Mutualab en borrel van de coworkers (demo)",
            en="Mutualab tour and coworkers' drinks (demo)",
        ),
        description=Labels(
            fr="Visite fictive de démonstration, à l'heure de Paris : le tour des espaces de "
            "Mutualab à Lille, puis un apéro avec les coworkers.",
            nl="Fictief demobezoek, in de tijd van Parijs: een rondgang door Mutualab in Rijsel, "
            "daarna een borrel met de coworkers.",
            en="Fictitious demo visit, on Paris time: a tour of Mutualab in Lille, then drinks "
            "with the coworkers.",
        ),
        day=13,
        starts=dt.time(17, 30),
        duration=2 * HOURS,
        capacity=15,
        languages=("fr", "en"),
        registrants=6,
        offset=60,
    ),
    EventPlan(
        kind=EventKind.WORKSHOP,
        hosts=("the-cowork-factory",),
        title=Labels(
            fr="Atelier : tenir sa comptabilité d'indépendant (démo)",
            nl="Workshop: je boekhouding als zelfstandige bijhouden (demo)",
            en="Workshop: bookkeeping for freelancers (demo)",
        ),
        description=Labels(
            fr="Atelier fictif de démonstration, annulé par les organisateurs.",
            nl="Fictieve demo-workshop, geannuleerd door de organisatoren.",
            en="Fictitious demo workshop, cancelled by the organisers.",
        ),
        day=15,
        starts=dt.time(10, 0),
        duration=2 * HOURS,
        capacity=12,
        languages=("fr",),
        status=EventStatus.CANCELLED,
    ),
    EventPlan(
        kind=EventKind.SEMINAR,
        hosts=("de-leiewerf", "esco"),
        title=Labels(
            fr="Séminaire : créer au-delà de la frontière (démo)",
            nl="Seminarie: creëren over de grens heen (demo)",
            en="Seminar: creating across the border (demo)",
        ),
        description=Labels(
            fr="Séminaire fictif de démonstration, encore en brouillon : seuls les "
            "organisateurs le voient.",
            nl="Fictief demoseminarie, nog een ontwerp: alleen de organisatoren zien het.",
            en="Fictitious demo seminar, still a draft: only the organisers see it.",
        ),
        day=35,
        starts=dt.time(13, 30),
        duration=3 * HOURS + dt.timedelta(minutes=30),
        capacity=60,
        languages=("nl", "fr", "en"),
        status=EventStatus.DRAFT,
    ),
    EventPlan(
        kind=EventKind.WORKSHOP,
        hosts=("esco",),
        title=Labels(
            fr="Journée pitch : présenter son projet en trois minutes (démo)",
            nl="Pitchdag: je project voorstellen in drie minuten (demo)",
            en="Pitch day: presenting your project in three minutes (demo)",
        ),
        description=Labels(
            fr="Atelier fictif de démonstration, aujourd'hui : la liste de présence est ouverte "
            "et une partie des participants est déjà arrivée.",
            nl="Fictieve demo-workshop, vandaag: de aanwezigheidslijst is open en een deel van "
            "de deelnemers is er al.",
            en="Fictitious demo workshop, today: the door list is open and some of the "
            "participants have already arrived.",
        ),
        day=0,
        starts=dt.time(9, 30),
        duration=7 * HOURS,
        capacity=20,
        languages=("fr", "en"),
        registrants=10,
        offset=70,
        attended=6,
    ),
    EventPlan(
        kind=EventKind.SEMINAR,
        hosts=("co-nnexion", "technocite"),
        title=Labels(
            fr="Séminaire : les industries culturelles et créatives en Hainaut (démo)",
            nl="Seminarie: de culturele en creatieve industrie in Henegouwen (demo)",
            en="Seminar: cultural and creative industries in Hainaut (demo)",
        ),
        description=Labels(
            fr="Séminaire fictif de démonstration, déjà passé : les présences relevées à "
            "l'entrée comptent parmi les personnes touchées par le projet.",
            nl="Fictief demoseminarie, al voorbij: de aanwezigheden aan de deur tellen mee bij "
            "de mensen die het project bereikt heeft.",
            en="Fictitious demo seminar, already over: the attendance taken at the door counts "
            "towards the people the project reached.",
        ),
        day=-21,
        starts=dt.time(14, 0),
        duration=3 * HOURS,
        capacity=30,
        languages=("fr",),
        registrants=13,
        offset=80,
        demo_member=True,
        attended=11,
    ),
)


@dataclass(frozen=True)
class _Context:
    today: dt.date
    spaces: dict[str, Organisation]
    accounts: dict[str, User]  # demo accounts by e-mail
    pool: list[User]  # synthetic members, Belgians and French alternating


def demo_events_create(
    *, members: Sequence[SyntheticMember], today: dt.date
) -> dict[str, tuple[int, int]]:
    """Create the missing demo events with their registrations; (created, existing) per kind."""
    existing = _existing_events()
    missing = [plan for plan in EVENT_PLANS if (plan.title.fr, plan.hosts[0]) not in existing]
    registrations = 0
    if missing:
        context = _context(members, today)
        registrations = sum(_event_seed(plan, context) for plan in missing)
    kept = Registration.objects.filter(event_id__in=existing.values()).count()
    return {
        "events": (len(missing), len(EVENT_PLANS) - len(missing)),
        "event registrations": (registrations, kept),
    }


def _existing_events() -> dict[tuple[str, str], int]:
    """The demo events already there: (French title, lead host's slug) -> event id."""
    leads = EventHost.objects.filter(
        position=0, event__title_fr__in=[plan.title.fr for plan in EVENT_PLANS]
    ).values_list("event__title_fr", "organisation__slug", "event_id")
    return {(title, slug): event_id for title, slug, event_id in leads}


def _context(members: Sequence[SyntheticMember], today: dt.date) -> _Context:
    slugs = {slug for plan in EVENT_PLANS for slug in plan.hosts}
    spaces = Organisation.objects.select_related("region").filter(slug__in=slugs)
    accounts = User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").exclude(
        email__in=[member.email for member in members]
    )
    return _Context(
        today=today,
        spaces={space.slug: space for space in spaces},
        accounts={user.email: user for user in accounts},
        pool=_member_pool(members),
    )


def _member_pool(members: Sequence[SyntheticMember]) -> list[User]:
    """The synthetic members who have a profile, in seed order, alternating by country."""
    emails = [member.email for member in members]
    users = User.objects.filter(email__in=emails).in_bulk(field_name="email")
    countries = dict(
        Profile.objects.filter(user__email__in=emails).values_list("user__email", "country")
    )
    by_country: dict[str, list[User]] = {}
    for email in emails:
        if email in users and email in countries:
            by_country.setdefault(str(countries[email]), []).append(users[email])
    rows = zip_longest(*(by_country[code] for code in sorted(by_country)))
    return [user for user in chain.from_iterable(rows) if user is not None]


def _event_seed(plan: EventPlan, context: _Context) -> int:
    """Create one event and what happened to it; returns the number of registrations."""
    actor = _organiser(plan, context)
    event = event_create(data=_event_data(plan, context), actor=actor)
    if plan.status == EventStatus.DRAFT:
        return 0
    people = _people(plan, context)
    if plan.day <= 0:
        return _history_write(event, people, plan, actor)
    event = event_publish(event=event, actor=actor)
    for user in people:
        registration_create(event=event, user=user)
    if plan.status == EventStatus.CANCELLED:
        event_cancel(event=event, actor=actor)
    return len(people)


def _history_write(event: Event, people: list[User], plan: EventPlan, actor: User) -> int:
    """The record of an event that has started: published, seats taken, some people present."""
    seats = people[: plan.capacity]
    Event.objects.filter(pk=event.pk).update(
        status=EventStatus.PUBLISHED,
        published_at=event.starts_at - dt.timedelta(days=30),
        confirmed_count=len(seats),
    )
    Registration.objects.bulk_create(
        Registration(event=event, user=user, status=RegistrationStatus.CONFIRMED) for user in seats
    )
    # Attendance goes through the service, which allows it from the day of the event on.
    for registration in Registration.objects.filter(event=event).order_by("pk")[: plan.attended]:
        attendance_set(registration=registration, attended=True, actor=actor)
    return len(seats)


def _organiser(plan: EventPlan, context: _Context) -> User:
    """The lead host's demo manager, or the coordinator for a space without one."""
    manager = context.accounts.get(f"manager.{plan.hosts[0]}@{DEMO_DOMAIN}")
    return manager or context.accounts[COORDINATOR_EMAIL]


def _people(plan: EventPlan, context: _Context) -> list[User]:
    """Who registers, in order: the demo member first if asked, then members from the offset."""
    demo_member = context.accounts.get(DEMO_MEMBER_EMAIL) if plan.demo_member else None
    pool = context.pool
    count = min(plan.registrants, len(pool))
    start = plan.offset % len(pool) if pool else 0
    people = [pool[(start + n) % len(pool)] for n in range(count)]
    return [demo_member, *people] if demo_member else people


def _event_data(plan: EventPlan, context: _Context) -> EventData:
    lead = context.spaces[plan.hosts[0]]
    zone = zoneinfo.ZoneInfo(lead.region.time_zone)
    starts_at = dt.datetime.combine(_day(plan, context.today), plan.starts, tzinfo=zone)
    deadline = starts_at - dt.timedelta(days=plan.decision_days_before)
    address = f"{lead.name}, {lead.street}, {lead.postal_code} {lead.city}"
    return EventData(
        kind=plan.kind,
        hosts=[context.spaces[slug] for slug in plan.hosts],
        titles=_by_language(plan.title),
        descriptions=_by_language(plan.description),
        starts_at=starts_at,
        ends_at=starts_at + plan.duration,
        place="" if plan.online_url else address,
        online_url=plan.online_url,
        capacity=plan.capacity,
        audience=plan.audience,
        languages=plan.languages,
        minimum_participants=plan.minimum,
        decision_deadline=deadline if plan.minimum else None,
    )


def _by_language(labels: Labels) -> dict[str, str]:
    return {"fr": labels.fr, "nl": labels.nl, "en": labels.en}


def _day(plan: EventPlan, today: dt.date) -> dt.date:
    """The event's day; one to come or gone by moves off the weekend (today stays today)."""
    day = today + dt.timedelta(days=plan.day)
    while plan.day != 0 and day.weekday() >= SATURDAY:
        day += dt.timedelta(days=1 if plan.day > 0 else -1)
    return day

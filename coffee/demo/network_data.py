"""The demo network, drawn from the source documents (shared/seeds/000 and 001): data, no writes.

What the seeds say is kept; what they do not say (addresses, prices, hours, the Flemish space) is
invented but plausible, and marked as such. Addresses are city-centre streets, not the spaces' real
addresses; e-mail addresses use example.org, which can never reach anyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from coffee.network.models import Organisation, Resource, Weekday

COWORKING = Organisation.Kind.COWORKING
CENTRE = Organisation.Kind.COMPETENCE_CENTRE
MONDAY_TO_FRIDAY = (
    Weekday.MONDAY,
    Weekday.TUESDAY,
    Weekday.WEDNESDAY,
    Weekday.THURSDAY,
    Weekday.FRIDAY,
)
# The project started on 1 October 2016 (seed 000): the founding partners joined that day.
PROJECT_START = dt.date(2016, 10, 1)


@dataclass(frozen=True)
class Labels:
    """One text in French, Dutch and English."""

    fr: str
    nl: str
    en: str

    def columns(self, name: str) -> dict[str, str]:
        """The modeltranslation columns of field `name`: `name_fr`, `name_nl`, `name_en`."""
        return {f"{name}_fr": self.fr, f"{name}_nl": self.nl, f"{name}_en": self.en}


@dataclass(frozen=True)
class RegionData:
    slug: str
    name: Labels
    country: str
    time_zone: str


@dataclass(frozen=True)
class AmenityData:
    slug: str
    icon: str
    name: Labels


@dataclass(frozen=True)
class Period:
    weekday: int
    opens: dt.time
    closes: dt.time


@dataclass(frozen=True)
class ClosureData:
    starts_on: dt.date
    ends_on: dt.date
    reason: Labels


@dataclass(frozen=True)
class ResourceData:
    kind: str
    name: Labels
    quantity: int = 1
    capacity: int | None = None
    price_per_hour: Decimal | None = None
    price_per_day: Decimal | None = None
    zone: str = Resource.Zone.PAID
    description: Labels | None = None


@dataclass(frozen=True)
class OrganisationData:
    slug: str
    name: str
    kind: str
    region: str
    city: str
    street: str
    postal_code: str
    latitude: Decimal
    longitude: Decimal
    languages: tuple[str, ...]
    amenities: tuple[str, ...]
    description: Labels
    joined_on: dt.date
    hours: tuple[Period, ...]
    resources: tuple[ResourceData, ...] = ()
    left_on: dt.date | None = None

    @property
    def email(self) -> str:
        return f"contact@{self.slug}.example.org"


def week(*spans: str, days: Iterable[int] = MONDAY_TO_FRIDAY) -> tuple[Period, ...]:
    """The same periods ("09:00-12:30") on each of `days`."""
    periods = []
    for day in days:
        for span in spans:
            opens, closes = span.split("-")
            periods.append(
                Period(int(day), dt.time.fromisoformat(opens), dt.time.fromisoformat(closes))
            )
    return tuple(periods)


def saturday(*spans: str) -> tuple[Period, ...]:
    """Periods on Saturday only."""
    return week(*spans, days=[Weekday.SATURDAY])


def open_desks(
    quantity: int, per_day: str, name: Labels | None = None, zone: str = Resource.Zone.PAID
) -> ResourceData:
    """Desks in the open space, paid by the day."""
    return ResourceData(
        kind=Resource.Kind.OPEN_DESKS,
        name=name or Labels("Open space", "Open ruimte", "Open space"),
        quantity=quantity,
        price_per_day=Decimal(per_day),
        zone=zone,
    )


def dedicated_desks(
    quantity: int, per_day: str, name: Labels | None = None, description: Labels | None = None
) -> ResourceData:
    """Desks kept for one member, priced by the day."""
    return ResourceData(
        kind=Resource.Kind.DEDICATED_DESK,
        name=name or Labels("Bureaux dédiés", "Vaste werkplekken", "Dedicated desks"),
        quantity=quantity,
        price_per_day=Decimal(per_day),
        description=description,
    )


def room(kind: str, name: Labels, capacity: int, per_hour: str) -> ResourceData:
    """A meeting or event room, priced by the hour."""
    return ResourceData(kind=kind, name=name, capacity=capacity, price_per_hour=Decimal(per_hour))


def meeting_room(name: Labels, capacity: int, per_hour: str) -> ResourceData:
    return room(Resource.Kind.MEETING_ROOM, name, capacity, per_hour)


def event_room(name: Labels, capacity: int, per_hour: str) -> ResourceData:
    return room(Resource.Kind.EVENT_ROOM, name, capacity, per_hour)


REGIONS: tuple[RegionData, ...] = (
    RegionData("wallonia", Labels("Wallonie", "Wallonië", "Wallonia"), "BE", "Europe/Brussels"),
    RegionData("flanders", Labels("Flandre", "Vlaanderen", "Flanders"), "BE", "Europe/Brussels"),
    RegionData(
        "hauts-de-france",
        Labels("Hauts-de-France", "Hauts-de-France", "Hauts-de-France"),
        "FR",
        "Europe/Paris",
    ),
)

AMENITIES: tuple[AmenityData, ...] = (
    AmenityData("wifi", "📶", Labels("Wi-Fi", "Wifi", "Wi-Fi")),
    AmenityData(
        "meeting-rooms", "🤝", Labels("Salles de réunion", "Vergaderzalen", "Meeting rooms")
    ),
    AmenityData("kitchen", "☕", Labels("Cuisine", "Keuken", "Kitchen")),
    AmenityData("parking", "🅿️", Labels("Parking", "Parking", "Car park")),
    AmenityData("bike-parking", "🚲", Labels("Parking vélos", "Fietsenstalling", "Bike parking")),
    AmenityData("printer", "🖨️", Labels("Imprimante", "Printer", "Printer")),
    AmenityData("access-24-7", "🔑", Labels("Accès 24 h/24, 7 j/7", "24/7 toegang", "24/7 access")),
    AmenityData(
        "wheelchair",
        "♿",
        Labels("Accessible en fauteuil roulant", "Rolstoeltoegankelijk", "Wheelchair accessible"),
    ),
    AmenityData(
        "phone-booths", "📞", Labels("Cabines téléphoniques", "Belcabines", "Phone booths")
    ),
    AmenityData("event-room", "🎤", Labels("Salle d'événements", "Evenementenzaal", "Event room")),
)

ESCO = OrganisationData(
    slug="esco",
    name="ESCO",
    kind=COWORKING,
    region="wallonia",
    city="Tournai",
    street="Rue Royale 15",
    postal_code="7500",
    latitude=Decimal("50.607900"),
    longitude=Decimal("3.387200"),
    languages=("fr", "en", "nl"),
    amenities=("wifi", "meeting-rooms", "kitchen", "printer", "bike-parking", "wheelchair"),
    description=Labels(
        fr="Espace de coworking au cœur de Tournai, à quelques kilomètres de la frontière "
        "française. Partenaire de COFFEE depuis son lancement, ESCO porte le volet "
        "transfrontalier de l'ouverture des coworkers aux industries culturelles et créatives.",
        nl="Coworkingruimte in het centrum van Doornik, op enkele kilometers van de Franse grens. "
        "ESCO is partner van COFFEE sinds de start en trekt het grensoverschrijdende luik van de "
        "kennismaking van coworkers met de culturele en creatieve industrie.",
        en="Coworking space in the centre of Tournai, a few kilometres from the French border. "
        "A COFFEE partner from the start, ESCO leads the cross-border side of opening coworkers "
        "up to the cultural and creative industries.",
    ),
    joined_on=PROJECT_START,
    hours=week("08:30-17:30"),
    resources=(
        open_desks(20, "12.00"),
        dedicated_desks(6, "18.00"),
        meeting_room(Labels("Salle Escaut", "Scheldezaal", "Scheldt room"), 8, "15.00"),
        event_room(Labels("Grand atelier", "Groot atelier", "Main workshop"), 40, "45.00"),
    ),
)

SWITCH = OrganisationData(
    slug="switch",
    name="Switch",
    kind=COWORKING,
    region="wallonia",
    city="Charleroi",
    street="Boulevard Tirou 20",
    postal_code="6000",
    latitude=Decimal("50.410600"),
    longitude=Decimal("4.443700"),
    languages=("fr", "en"),
    amenities=(
        "wifi",
        "meeting-rooms",
        "kitchen",
        "parking",
        "printer",
        "event-room",
        "phone-booths",
    ),
    description=Labels(
        fr="Espace de coworking du centre de Charleroi, ouvert aux indépendants, aux jeunes "
        "entreprises et aux porteurs de projets. Switch a piloté la création du site web commun "
        "du réseau : l'agenda, le blog et le catalogue des compétences des coworkers.",
        nl="Coworkingruimte in het centrum van Charleroi, voor zelfstandigen, jonge bedrijven en "
        "projectdragers. Switch leidde de bouw van de gemeenschappelijke website van het "
        "netwerk: de agenda, de blog en de vaardighedencatalogus van de coworkers.",
        en="Coworking space in the centre of Charleroi, for freelancers, young businesses and "
        "project holders. Switch led the building of the network's shared website: the agenda, "
        "the blog and the coworkers' skills catalogue.",
    ),
    joined_on=PROJECT_START,
    hours=week("08:00-18:00") + saturday("09:00-12:30"),
    resources=(
        open_desks(30, "15.00"),
        dedicated_desks(10, "22.00"),
        meeting_room(Labels("Salle Sambre", "Sambrezaal", "Sambre room"), 10, "20.00"),
        event_room(Labels("La Halle", "De Hal", "The Hall"), 60, "60.00"),
    ),
)

COWORK_FACTORY = OrganisationData(
    slug="the-cowork-factory",
    name="The Cowork Factory",
    kind=COWORKING,
    region="wallonia",
    city="La Louvière",
    street="Place Mansart 5",
    postal_code="7100",
    latitude=Decimal("50.478900"),
    longitude=Decimal("4.185600"),
    languages=("fr", "it", "en"),
    amenities=("wifi", "meeting-rooms", "kitchen", "parking", "printer"),
    description=Labels(
        fr="Espace de coworking de La Louvière, qui pilote l'extension de marchés du réseau : "
        "aider les coworkers à travailler de l'autre côté de la frontière avec l'appui d'experts "
        "(création d'entreprise, communication, modélisation financière, aides publiques). "
        "L'accueil ferme sur le temps de midi.",
        nl="Coworkingruimte in La Louvière die de marktuitbreiding van het netwerk trekt: "
        "coworkers helpen om aan de andere kant van de grens te werken, met de steun van experts "
        "(ondernemingscreatie, communicatie, financiële modellering, overheidssteun). "
        "Het onthaal is 's middags gesloten.",
        en="Coworking space in La Louvière that leads the network's market extension: helping "
        "coworkers work across the border with the support of experts (starting a business, "
        "communication, financial modelling, public incentives). Reception closes over lunch.",
    ),
    joined_on=PROJECT_START,
    # The one space with a lunch break: two periods a day.
    hours=week("09:00-12:30", "13:30-17:30"),
    resources=(
        open_desks(16, "10.00"),
        dedicated_desks(4, "15.00"),
        meeting_room(
            Labels("Salle Canal du Centre", "Zaal Centrumkanaal", "Canal du Centre room"),
            6,
            "12.00",
        ),
        event_room(Labels("L'Usine", "De Fabriek", "The Factory floor"), 35, "40.00"),
    ),
)

CO_NNEXION = OrganisationData(
    slug="co-nnexion",
    name="Co-nnexion",
    kind=COWORKING,
    region="wallonia",
    city="Mons",
    street="Rue de Nimy 40",
    postal_code="7000",
    latitude=Decimal("50.456200"),
    longitude=Decimal("3.953400"),
    languages=("fr", "en"),
    amenities=(
        "wifi",
        "meeting-rooms",
        "kitchen",
        "event-room",
        "access-24-7",
        "printer",
        "phone-booths",
    ),
    description=Labels(
        fr="Espace de coworking montois tourné vers les industries culturelles et créatives. "
        "Dans l'élan de Mons 2015, capitale européenne de la culture sur le thème « When "
        "Technology meets Culture », Co-nnexion porte le volet créatif du réseau.",
        nl="Coworkingruimte in Bergen, gericht op de culturele en creatieve industrie. In het "
        "spoor van Bergen 2015, Culturele Hoofdstad van Europa met als thema 'When Technology "
        "meets Culture', trekt Co-nnexion het creatieve luik van het netwerk.",
        en="Coworking space in Mons focused on the cultural and creative industries. Following "
        "Mons 2015, European Capital of Culture on the theme 'When Technology meets Culture', "
        "Co-nnexion leads the network's creative-industries strand.",
    ),
    joined_on=PROJECT_START,
    hours=week("08:30-18:30") + saturday("09:00-13:00"),
    resources=(
        open_desks(25, "15.00"),
        dedicated_desks(8, "20.00"),
        meeting_room(Labels("Salle du Beffroi", "Belfortzaal", "Belfry room"), 8, "18.00"),
        event_room(Labels("Salle Grand-Place", "Grote Marktzaal", "Grand-Place hall"), 50, "50.00"),
    ),
)

# Prices and the free/paid split come from the Lille association's founding file (seed 004):
# 5 EUR membership, "permanent" members at 100 EUR a month, "itinerant" ones at 5 EUR a day,
# a free zone (minimum comfort, 0 EUR) next to a paid one.
MUTUALAB = OrganisationData(
    slug="mutualab",
    name="Mutualab",
    kind=COWORKING,
    region="hauts-de-france",
    city="Lille",
    street="Rue Lamartine 10",
    postal_code="59000",
    latitude=Decimal("50.624500"),
    longitude=Decimal("3.068400"),
    languages=("fr", "en"),
    amenities=("wifi", "kitchen", "meeting-rooms", "event-room", "bike-parking", "phone-booths"),
    description=Labels(
        fr="Association de coworking lilloise sans subvention : les recettes viennent des "
        "cotisations et des abonnements, et les coworkers gèrent le lieu à tour de rôle. Une zone "
        "gratuite accueille étudiants et porteurs de projets sans moyens, à côté d'une zone "
        "payante plus confortable. Adhésion : 5 EUR ; membres « permanents » : 100 EUR par mois ; "
        "« itinérants » : 5 EUR par jour.",
        nl="Lilse coworkingvereniging zonder subsidies: de inkomsten komen uit lidgelden en "
        "abonnementen, en de coworkers beheren de ruimte om beurten. Een gratis zone verwelkomt "
        "studenten en projectdragers zonder middelen, naast een comfortabelere betalende zone. "
        "Lidmaatschap: 5 EUR; 'vaste' leden: 100 EUR per maand; 'rondtrekkende' leden: 5 EUR "
        "per dag.",
        en="A Lille coworking association with no subsidy: income comes from membership fees and "
        "subscriptions, and coworkers take turns running the space. A free zone welcomes "
        "students and project holders without means, next to a more comfortable paid zone. "
        "Membership: 5 EUR; 'permanent' members: 100 EUR a month; 'itinerant' members: 5 EUR "
        "a day.",
    ),
    joined_on=PROJECT_START,
    hours=week("09:00-19:00") + saturday("10:00-13:00"),
    resources=(
        open_desks(
            10, "0.00", Labels("Zone gratuite", "Gratis zone", "Free zone"), zone=Resource.Zone.FREE
        ),
        open_desks(15, "5.00", Labels("Zone payante", "Betalende zone", "Paid zone")),
        # A permanent desk is sold by the month (100 EUR); 5 EUR is that over 20 working days.
        dedicated_desks(
            8,
            "5.00",
            Labels("Postes permanents", "Vaste plaatsen", "Permanent desks"),
            Labels(
                "Pour les membres « permanents » : 100 EUR par mois.",
                "Voor 'vaste' leden: 100 EUR per maand.",
                "For 'permanent' members: 100 EUR a month.",
            ),
        ),
        meeting_room(Labels("Salle Deûle", "Deûlezaal", "Deûle room"), 8, "10.00"),
        event_room(Labels("Grande salle", "Grote zaal", "Main hall"), 40, "30.00"),
    ),
)

TECHNOCITE = OrganisationData(
    slug="technocite",
    name="Technocité",
    kind=CENTRE,
    region="wallonia",
    city="Mons",
    street="Avenue Maistriau 15",
    postal_code="7000",
    latitude=Decimal("50.458900"),
    longitude=Decimal("3.956600"),
    languages=("fr", "en"),
    amenities=("wifi", "meeting-rooms", "parking", "wheelchair", "event-room", "printer"),
    description=Labels(
        fr="Centre de compétences montois, partenaire du réseau pour la formation et la veille "
        "sur les métiers du numérique et des industries culturelles et créatives. Avec POP Place, "
        "Technocité anime l'écosystème entrepreneurial des espaces et prête son matériel et ses "
        "compétences pour la communication du réseau.",
        nl="Competentiecentrum in Bergen, partner van het netwerk voor opleiding en opvolging van "
        "de digitale en creatieve beroepen. Samen met POP Place brengt Technocité het "
        "ondernemersnetwerk van de ruimtes tot leven en stelt het materiaal en expertise ter "
        "beschikking voor de communicatie van het netwerk.",
        en="Competence centre in Mons, the network's partner for training and watch on digital "
        "and creative-industry trades. With POP Place, Technocité animates the spaces' "
        "business ecosystem and lends equipment and skills for the network's communication.",
    ),
    joined_on=PROJECT_START,
    hours=week("08:30-16:30"),
    resources=(
        meeting_room(Labels("Salle de formation", "Opleidingszaal", "Training room"), 16, "25.00"),
        event_room(Labels("Auditorium", "Auditorium", "Auditorium"), 80, "60.00"),
    ),
)

POP_PLACE = OrganisationData(
    slug="pop-place",
    name="POP Place",
    kind=CENTRE,
    region="hauts-de-france",
    city="Lille",
    street="Rue Nationale 30",
    postal_code="59000",
    latitude=Decimal("50.633900"),
    longitude=Decimal("3.058800"),
    languages=("fr", "en"),
    amenities=("wifi", "meeting-rooms", "event-room", "wheelchair", "bike-parking"),
    description=Labels(
        fr="Centre de compétences lillois. Avec Technocité, POP Place anime l'écosystème "
        "entrepreneurial du réseau par des formations, des rencontres et des événements "
        "transfrontaliers, et prête son matériel pour la communication du projet.",
        nl="Competentiecentrum in Rijsel. Samen met Technocité brengt POP Place het "
        "ondernemersnetwerk tot leven met opleidingen, ontmoetingen en grensoverschrijdende "
        "evenementen, en leent het materiaal uit voor de communicatie van het project.",
        en="Competence centre in Lille. With Technocité, POP Place animates the network's "
        "business ecosystem through trainings, meetings and cross-border events, and lends its "
        "equipment for the project's communication.",
    ),
    joined_on=PROJECT_START,
    hours=week("09:30-18:00"),
    resources=(
        meeting_room(Labels("Salle créative", "Creatieve ruimte", "Creative room"), 12, "20.00"),
        event_room(Labels("Plateau", "Podium", "Stage"), 60, "50.00"),
    ),
)

# The real departure (seed 000, final report): "Weréso Valenciennes, directly hit by the
# consequences of Covid-19", noted in the semester April-September 2020. The seeds give neither
# the day it left nor the day it joined: both dates are invented (end of that semester, and
# autumn 2018).
WERESO_VALENCIENNES = OrganisationData(
    slug="wereso-valenciennes",
    name="Wéreso Valenciennes",
    kind=COWORKING,
    region="hauts-de-france",
    city="Valenciennes",
    street="Place d'Armes 8",
    postal_code="59300",
    latitude=Decimal("50.357500"),
    longitude=Decimal("3.524200"),
    languages=("fr",),
    amenities=("wifi", "meeting-rooms", "kitchen", "parking"),
    description=Labels(
        fr="Espace de coworking de Valenciennes, du réseau Wéreso. Il a quitté le réseau COFFEE "
        "en 2020, directement touché par les conséquences du Covid-19.",
        nl="Coworkingruimte in Valenciennes, van het Wéreso-netwerk. Ze verliet het "
        "COFFEE-netwerk in 2020, rechtstreeks getroffen door de gevolgen van covid-19.",
        en="Coworking space in Valenciennes, part of the Wéreso network. It left the COFFEE "
        "network in 2020, directly hit by the consequences of Covid-19.",
    ),
    joined_on=dt.date(2018, 9, 1),
    left_on=dt.date(2020, 9, 30),
    hours=week("08:30-18:00"),
    resources=(
        open_desks(20, "12.00"),
        dedicated_desks(6, "18.00"),
        meeting_room(Labels("Salle Rhonelle", "Rhonellezaal", "Rhonelle room"), 8, "15.00"),
    ),
)

# Invented: the seeds name no Flemish space, only Flanders DC as an associated partner and the
# plan to extend to Flanders. It shows a region joining the network as data; "(demo)" says so.
LEIEWERF = OrganisationData(
    slug="de-leiewerf",
    name="De Leiewerf (demo)",
    kind=COWORKING,
    region="flanders",
    city="Kortrijk",
    street="Leiestraat 12",
    postal_code="8500",
    latitude=Decimal("50.826700"),
    longitude=Decimal("3.266100"),
    languages=("nl", "fr", "en"),
    amenities=(
        "wifi",
        "meeting-rooms",
        "kitchen",
        "bike-parking",
        "phone-booths",
        "wheelchair",
        "access-24-7",
    ),
    description=Labels(
        fr="Espace fictif, créé pour la démonstration : il montre comment une nouvelle région "
        "rejoint le réseau. Situé à Courtrai, à un quart d'heure de la frontière, il accueille "
        "des coworkers flamands, wallons et français en néerlandais, en français et en anglais.",
        nl="Fictieve ruimte, enkel voor de demo: ze toont hoe een nieuwe regio bij het netwerk "
        "komt. De Leiewerf ligt in Kortrijk, een kwartier van de grens, en verwelkomt Vlaamse, "
        "Waalse en Franse coworkers in het Nederlands, het Frans en het Engels.",
        en="A fictional space, for the demo only: it shows how a new region joins the network. "
        "De Leiewerf is in Kortrijk, a quarter of an hour from the border, and welcomes Flemish, "
        "Walloon and French coworkers in Dutch, French and English.",
    ),
    joined_on=dt.date(2017, 9, 1),
    hours=week("08:00-18:00") + saturday("09:00-12:00"),
    resources=(
        open_desks(24, "14.00"),
        dedicated_desks(8, "20.00"),
        meeting_room(Labels("Salle Lys", "Leiezaal", "Lys room"), 10, "20.00"),
        event_room(Labels("Salle du Lin", "Vlaszaal", "Flax hall"), 45, "50.00"),
    ),
)

ORGANISATIONS: tuple[OrganisationData, ...] = (
    ESCO,
    SWITCH,
    COWORK_FACTORY,
    CO_NNEXION,
    MUTUALAB,
    TECHNOCITE,
    POP_PLACE,
    WERESO_VALENCIENNES,
    LEIEWERF,
)

CHRISTMAS = Labels("Vacances de Noël", "Kerstvakantie", "Christmas holidays")
NATIONAL_DAYS: dict[str, tuple[int, int, Labels]] = {
    "BE": (7, 21, Labels("Fête nationale belge", "Nationale feestdag", "Belgian National Day")),
    "FR": (7, 14, Labels("Fête nationale", "Franse nationale feestdag", "Bastille Day")),
}


def closures_for(country: str, today: dt.date) -> tuple[ClosureData, ...]:
    """The coming closures of a space: the Christmas week of this year and the next national day."""
    christmas = ClosureData(dt.date(today.year, 12, 24), dt.date(today.year + 1, 1, 1), CHRISTMAS)
    month, day, reason = NATIONAL_DAYS[country]
    holiday = dt.date(today.year, month, day)
    if holiday < today:
        holiday = holiday.replace(year=today.year + 1)
    return (christmas, ClosureData(holiday, holiday, reason))


def managed_spaces() -> tuple[OrganisationData, ...]:
    """Coworking spaces still in the network: each gets a demo manager."""
    return tuple(o for o in ORGANISATIONS if o.kind == COWORKING and o.left_on is None)

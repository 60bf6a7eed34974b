"""What demo profiles are made of: weights, headline and bio texts, the demo member's own profile.

Every text says plainly that the person is made up. Texts are content written by "members" in
their own language (profile columns), not interface strings, so they are not in the catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass

from coffee.people.models import LanguageLevel, Status, Visibility

# (value, weight) pairs: mostly freelancers and employees, as in the network's coworking spaces.
STATUS_WEIGHTS = (
    (Status.FREELANCER, 35),
    (Status.EMPLOYEE, 25),
    (Status.FOUNDER, 20),
    (Status.JOB_SEEKER, 12),
    (Status.STUDENT, 8),
)
VISIBILITY_WEIGHTS = ((Visibility.MEMBERS, 75), (Visibility.PUBLIC, 20), (Visibility.HIDDEN, 5))
LEVEL_WEIGHTS = ((1, 10), (2, 30), (3, 40), (4, 20))
OTHER_LANGUAGE_LEVELS = (
    (LanguageLevel.BASIC, 25),
    (LanguageLevel.CONVERSATIONAL, 40),
    (LanguageLevel.FLUENT, 35),
)
# Second and third languages by native language: English first, then the neighbour's language.
OTHER_LANGUAGES = {
    "fr": (("en", 55), ("nl", 25), ("de", 8), ("es", 7), ("it", 5)),
    "nl": (("en", 60), ("fr", 30), ("de", 10)),
    "en": (("fr", 50), ("nl", 30), ("de", 20)),
}
CROSS_BORDER_SHARE = 0.6
TRAVEL_SHARE = 0.4
MAIN_CATEGORY_SHARE = 0.7  # of the skills a member offers, the share from their own field
# How many members work in each field, relative; a category not listed weighs DEFAULT_WEIGHT.
CATEGORY_WEIGHTS = {
    "software-development": 16,
    "design": 14,
    "marketing-communication": 14,
    "business-finance": 12,
    "media-arts": 10,
    "writing-languages": 8,
    "data-ai": 6,
    "training-coaching": 6,
    "infrastructure-security": 4,
    "legal-admin": 4,
    "crafts-making": 3,
    "sustainability": 3,
}
DEFAULT_WEIGHT = 3
# Within a field, the n-th skill of the starter file weighs 1 / n ** SKEW: the general skills
# listed first (web development, graphic design) are common, the specialised ones rare.
SKEW = 1.3

# Headline: "{skill}" is the label of the member's strongest skill, in their language.
HEADLINES = {
    "fr": {
        Status.FREELANCER: "{skill} en freelance",
        Status.FOUNDER: "{skill} — je lance mon entreprise",
        Status.EMPLOYEE: "{skill} en entreprise",
        Status.JOB_SEEKER: "{skill} — à la recherche d'un emploi",
        Status.STUDENT: "{skill} — en formation",
    },
    "nl": {
        Status.FREELANCER: "{skill} als freelancer",
        Status.FOUNDER: "{skill} — ik start mijn eigen zaak",
        Status.EMPLOYEE: "{skill} in loondienst",
        Status.JOB_SEEKER: "{skill} — op zoek naar werk",
        Status.STUDENT: "{skill} — in opleiding",
    },
    "en": {
        Status.FREELANCER: "{skill}, freelance",
        Status.FOUNDER: "{skill} — starting my own business",
        Status.EMPLOYEE: "{skill} at a company",
        Status.JOB_SEEKER: "{skill} — looking for work",
        Status.STUDENT: "{skill} — in training",
    },
}
BIOS = {
    "fr": "Membre fictif de démonstration : ce profil a été inventé pour présenter COFFEE. "
    "Je travaille à {city}.",
    "nl": "Fictief demolid: dit profiel werd verzonnen om COFFEE voor te stellen. "
    "Ik werk in {city}.",
    "en": "Fictitious demo member: this profile was made up to present COFFEE. I work in {city}.",
}
CROSS_BORDER_BIOS = {
    "fr": " Les missions de l'autre côté de la frontière m'intéressent.",
    "nl": " Opdrachten over de grens interesseren me.",
    "en": " Work across the border interests me.",
}


@dataclass(frozen=True)
class MemberProfile:
    """The hand-written profile of the demo member account."""

    space: str
    status: str
    headline: dict[str, str]
    bio: dict[str, str]
    links: tuple[str, ...]
    languages: tuple[tuple[str, str], ...]
    offered: tuple[tuple[str, int], ...]
    # Used when too few other members offer skills (a seed with few members).
    sought_fallback: tuple[str, ...]


DEMO_MEMBER_PROFILE = MemberProfile(
    space="esco",
    status=Status.FREELANCER,
    headline={
        "fr": "Graphiste et illustratrice, identités visuelles pour les projets culturels",
        "nl": "Grafisch ontwerpster en illustratrice, huisstijlen voor culturele projecten",
        "en": "Graphic designer and illustrator, visual identities for cultural projects",
    },
    bio={
        "fr": "Membre fictif de démonstration, inventé pour présenter COFFEE. Je dessine des "
        "identités visuelles et des affiches pour des lieux culturels des deux côtés de la "
        "frontière, et je cherche des partenaires pour passer au web et à la vidéo.",
        "nl": "Fictief demolid, verzonnen om COFFEE voor te stellen. Ik teken huisstijlen en "
        "affiches voor culturele plekken aan beide kanten van de grens en zoek partners om de "
        "stap naar web en video te zetten.",
        "en": "Fictitious demo member, made up to present COFFEE. I draw visual identities and "
        "posters for cultural venues on both sides of the border, and I am looking for partners "
        "to move on to the web and video.",
    },
    links=("https://portfolio.example.org/emma-declercq",),
    languages=(
        ("fr", LanguageLevel.NATIVE),
        ("nl", LanguageLevel.CONVERSATIONAL),
        ("en", LanguageLevel.FLUENT),
    ),
    offered=(("graphic-design", 4), ("visual-identity", 4), ("illustration", 3)),
    sought_fallback=("web-development", "digital-marketing", "video-production"),
)

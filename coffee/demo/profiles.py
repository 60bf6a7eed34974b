"""Demo profiles: a made-up profile per synthetic member, and the demo member's complete one.

Planning is pure and deterministic: member n's profile depends only on the seed and on member n
(never on how many members there are). Writing uses bulk_create and skips members who already
have a profile, so seeding again adds only what is missing.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Count
from django.utils import translation

from coffee.demo.people import DEMO_DOMAIN, MEMBER_LOCALES, SyntheticMember
from coffee.demo.profile_data import (
    BIOS,
    CATEGORY_WEIGHTS,
    CROSS_BORDER_BIOS,
    CROSS_BORDER_SHARE,
    DEFAULT_WEIGHT,
    DEMO_MEMBER_PROFILE,
    HEADLINES,
    LEVEL_WEIGHTS,
    MAIN_CATEGORY_SHARE,
    OTHER_LANGUAGE_LEVELS,
    OTHER_LANGUAGES,
    SKEW,
    STATUS_WEIGHTS,
    TRAVEL_SHARE,
    VISIBILITY_WEIGHTS,
)
from coffee.network.models import Organisation
from coffee.people.models import Consent, LanguageLevel, Profile, ProfileLanguage, User, Visibility
from coffee.skills.models import OfferedSkill, Skill, SoughtSkill
from coffee.skills.taxonomy import starter_skills

T = TypeVar("T")
BATCH_SIZE = 500
DEMO_MEMBER_EMAIL = f"member@{DEMO_DOMAIN}"
SOUGHT_BY_DEMO_MEMBER = 3
# Country of each Faker locale: a member lives on their side of the border.
LOCALE_COUNTRY = {locale: locale.split("_")[1] for locale, _, _ in MEMBER_LOCALES}


@dataclass(frozen=True)
class SpaceChoice:
    slug: str
    city: str
    country: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class SkillChoice:
    key: str
    category: str
    weight: float
    labels: dict[str, str] = field(compare=False)


@dataclass(frozen=True)
class ProfilePlan:
    """Everything one synthetic member's profile holds, before it is written."""

    email: str
    language: str
    space: str
    city: str
    country: str
    status: str
    visibility: str
    open_to_cross_border: bool
    willing_to_travel: bool
    headline: str
    bio: str
    languages: tuple[tuple[str, str], ...]
    offered: tuple[tuple[str, int], ...]
    sought: tuple[str, ...]


def profile_plan(
    member: SyntheticMember,
    *,
    seed: int,
    spaces: Sequence[SpaceChoice],
    skills: Sequence[SkillChoice],
) -> ProfilePlan:
    """The made-up profile of one member, the same for the same seed and member."""
    rng = random.Random(f"{seed}:profile:{member.email}")
    space = _space_for(member, spaces, rng)
    status = _weighted(rng, STATUS_WEIGHTS)
    cross_border = rng.random() < CROSS_BORDER_SHARE
    offered = _offered_skills(rng, skills)
    strongest = max(offered, key=lambda pair: pair[1])[0]
    label = _skill_label(skills, strongest, member.language)
    return ProfilePlan(
        email=member.email,
        language=member.language,
        space=space.slug,
        city=space.city,
        country=space.country,
        status=status,
        visibility=_weighted(rng, VISIBILITY_WEIGHTS),
        open_to_cross_border=cross_border,
        willing_to_travel=rng.random() < TRAVEL_SHARE,
        headline=HEADLINES[member.language][status].format(skill=label[:1].upper() + label[1:]),
        bio=_bio(member.language, space.city, cross_border),
        languages=_spoken_languages(rng, member.language),
        offered=offered,
        sought=_draw(rng, skills, rng.randint(1, 3), exclude={key for key, _ in offered}),
    )


def demo_profiles_create(*, members: Sequence[SyntheticMember], seed: int) -> tuple[int, int]:
    """Write the profiles of the synthetic members who have none; (created, existing)."""
    user_ids = dict(
        User.objects.filter(email__in=[m.email for m in members]).values_list("email", "pk")
    )
    done = set(Profile.objects.filter(user_id__in=user_ids.values()).values_list("user_id"))
    missing = [m for m in members if (user_ids[m.email],) not in done]
    if missing:
        spaces, skills = space_choices(), skill_choices()
        plans = [profile_plan(m, seed=seed, spaces=spaces, skills=skills) for m in missing]
        _profiles_write(plans, user_ids)
    return len(missing), len(members) - len(missing)


def demo_member_profile_create() -> tuple[int, int]:
    """Give the demo member a complete profile seeking skills others offer; (created, existing)."""
    user = User.objects.filter(email=DEMO_MEMBER_EMAIL).first()
    if user is None or Profile.objects.filter(user=user).exists():
        return 0, int(user is not None)
    data = DEMO_MEMBER_PROFILE
    space = Organisation.objects.select_related("region").get(slug=data.space)
    with translation.override("fr"):
        profile = Profile.objects.create(
            user=user,
            home_space=space,
            city=space.city,
            country=space.country,
            status=data.status,
            visibility=Visibility.MEMBERS,
            links=list(data.links),
            open_to_cross_border=True,
            willing_to_travel=True,
            **{f"headline_{lang}": text for lang, text in data.headline.items()},
            **{f"bio_{lang}": text for lang, text in data.bio.items()},
        )
    offered = {key for key, _ in data.offered}
    sought = _most_offered(exclude=offered, count=SOUGHT_BY_DEMO_MEMBER)
    relations = _Relations(
        profile.pk, user.pk, profile.visibility, data.languages, data.offered, sought
    )
    _relations_write([relations])
    return 1, 0


def space_choices() -> list[SpaceChoice]:
    """The coworking spaces a member may call home: those still in the network."""
    spaces = Organisation.objects.active().filter(kind=Organisation.Kind.COWORKING)
    return [
        SpaceChoice(s.slug, s.city, s.country, tuple(s.languages))
        for s in spaces.select_related("region").order_by("slug")
    ]


def skill_choices() -> list[SkillChoice]:
    """The active starter skills with their popularity weight and labels, in file order."""
    rows = Skill.objects.filter(source=Skill.Source.STARTER, is_active=True)
    labels = {
        key: {"fr": fr, "nl": nl, "en": en}
        for key, fr, nl, en in rows.values_list("key", "label_fr", "label_nl", "label_en")
    }
    rank: dict[str, int] = {}
    choices = []
    for skill in starter_skills():
        if skill.key in labels:
            rank[skill.category] = rank.get(skill.category, 0) + 1
            weight = (
                CATEGORY_WEIGHTS.get(skill.category, DEFAULT_WEIGHT) / rank[skill.category] ** SKEW
            )
            choices.append(SkillChoice(skill.key, skill.category, weight, labels[skill.key]))
    return choices


def _space_for(
    member: SyntheticMember, spaces: Sequence[SpaceChoice], rng: random.Random
) -> SpaceChoice:
    """A space in the member's country whose first language is theirs (Dutch speakers: Flanders)."""
    country = LOCALE_COUNTRY.get(member.locale, "")
    candidates = (
        [s for s in spaces if s.country == country and s.languages[:1] == (member.language,)]
        or [s for s in spaces if member.language in s.languages]
        or list(spaces)
    )
    return rng.choice(candidates)


def _offered_skills(
    rng: random.Random, skills: Sequence[SkillChoice]
) -> tuple[tuple[str, int], ...]:
    """2 to 6 skills, most of them from one field, each with a level from 1 to 4."""
    categories: dict[str, float] = {}
    for skill in skills:
        categories[skill.category] = CATEGORY_WEIGHTS.get(skill.category, DEFAULT_WEIGHT)
    main = _weighted(rng, tuple(categories.items()))
    count = rng.randint(2, 6)
    from_main = max(1, sum(rng.random() < MAIN_CATEGORY_SHARE for _ in range(count)))
    keys = _draw(rng, [s for s in skills if s.category == main], from_main, exclude=set())
    keys += _draw(rng, skills, count - len(keys), exclude=set(keys))
    return tuple((key, _weighted(rng, LEVEL_WEIGHTS)) for key in keys)


def _spoken_languages(rng: random.Random, native: str) -> tuple[tuple[str, str], ...]:
    """The native language and one or two others, each with a level."""
    pool = OTHER_LANGUAGES.get(native, OTHER_LANGUAGES["en"])
    others = _draw_weighted(rng, pool, rng.choice((1, 1, 2)))
    levels = [_weighted(rng, OTHER_LANGUAGE_LEVELS) for _ in others]
    return ((native, LanguageLevel.NATIVE), *zip(others, levels, strict=True))


def _bio(language: str, city: str, cross_border: bool) -> str:
    return BIOS[language].format(city=city) + (CROSS_BORDER_BIOS[language] if cross_border else "")


def _skill_label(skills: Sequence[SkillChoice], key: str, language: str) -> str:
    labels = next(s.labels for s in skills if s.key == key)
    return labels.get(language) or labels["fr"]


def _draw(
    rng: random.Random, skills: Sequence[SkillChoice], count: int, *, exclude: set[str]
) -> tuple[str, ...]:
    """`count` distinct skill keys drawn by weight (without replacement), skipping `exclude`."""
    pool = [(s.key, s.weight) for s in skills if s.key not in exclude]
    return tuple(_draw_weighted(rng, pool, count))


def _draw_weighted(rng: random.Random, pool: Sequence[tuple[T, float]], count: int) -> list[T]:
    """Weighted sampling without replacement (Efraimidis-Spirakis): one random number per item."""
    keyed = sorted(((rng.random() ** (1 / weight), item) for item, weight in pool), reverse=True)
    return [item for _, item in keyed[: max(count, 0)]]


def _weighted(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    return rng.choices([value for value, _ in pairs], [weight for _, weight in pairs])[0]


@dataclass(frozen=True)
class _Relations:
    """The rows that hang off one profile."""

    profile_id: int
    user_id: int
    visibility: str
    languages: tuple[tuple[str, str], ...]
    offered: tuple[tuple[str, int], ...]
    sought: tuple[str, ...]


def _profiles_write(plans: list[ProfilePlan], user_ids: dict[str, int]) -> None:
    """Profiles first, then their languages, skills and visibility consents, all in bulk."""
    spaces = {s.slug: s for s in Organisation.objects.filter(slug__in={p.space for p in plans})}
    # The base headline/bio columns take the active language's text (with fallback): keep it fixed.
    with translation.override("fr"):
        Profile.objects.bulk_create(
            [_profile(plan, user_ids[plan.email], spaces[plan.space]) for plan in plans],
            batch_size=BATCH_SIZE,
        )
    profile_ids = dict(
        Profile.objects.filter(user_id__in=[user_ids[p.email] for p in plans]).values_list(
            "user_id", "pk"
        )
    )
    relations = []
    for plan in plans:
        user_id = user_ids[plan.email]
        relations.append(
            _Relations(
                profile_ids[user_id],
                user_id,
                plan.visibility,
                plan.languages,
                plan.offered,
                plan.sought,
            )
        )
    _relations_write(relations)


def _profile(plan: ProfilePlan, user_id: int, space: Organisation) -> Profile:
    return Profile(
        user_id=user_id,
        home_space=space,
        city=plan.city,
        country=plan.country,
        status=plan.status,
        visibility=plan.visibility,
        open_to_cross_border=plan.open_to_cross_border,
        willing_to_travel=plan.willing_to_travel,
        **{f"headline_{plan.language}": plan.headline, f"bio_{plan.language}": plan.bio},
    )


def _relations_write(relations: list[_Relations]) -> None:
    skill_ids = dict(Skill.objects.filter(source=Skill.Source.STARTER).values_list("key", "pk"))
    ProfileLanguage.objects.bulk_create(
        [
            ProfileLanguage(profile_id=r.profile_id, language=code, level=level)
            for r in relations
            for code, level in r.languages
        ],
        batch_size=BATCH_SIZE,
    )
    OfferedSkill.objects.bulk_create(
        [
            OfferedSkill(profile_id=r.profile_id, skill_id=skill_ids[key], level=level)
            for r in relations
            for key, level in r.offered
        ],
        batch_size=BATCH_SIZE,
    )
    SoughtSkill.objects.bulk_create(
        [
            SoughtSkill(profile_id=r.profile_id, skill_id=skill_ids[key])
            for r in relations
            for key in r.sought
        ],
        batch_size=BATCH_SIZE,
    )
    # What the profile service records when a member first chooses who may see their profile.
    Consent.objects.bulk_create(
        [
            Consent(user_id=r.user_id, purpose=Consent.Purpose.VISIBILITY, value=r.visibility)
            for r in relations
        ],
        batch_size=BATCH_SIZE,
    )


def _most_offered(*, exclude: set[str], count: int) -> tuple[str, ...]:
    """The starter skills that visible profiles offer most, so the demo member gets matches."""
    offers = (
        OfferedSkill.objects.filter(skill__source=Skill.Source.STARTER)
        .exclude(profile__visibility=Visibility.HIDDEN)
        .exclude(skill__key__in=exclude)
        .values("skill__key")
        .annotate(offerers=Count("profile"))
        .order_by("-offerers", "skill__key")
    )
    top = [row["skill__key"] for row in offers[:count]]
    fallback = [key for key in DEMO_MEMBER_PROFILE.sought_fallback if key not in {*exclude, *top}]
    return tuple([*top, *fallback][:count])

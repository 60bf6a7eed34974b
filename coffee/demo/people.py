"""Demo people: accounts that can log in, and synthetic members made up by Faker from a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify
from faker import Faker

from coffee.demo.network_data import managed_spaces
from coffee.network.models import Organisation
from coffee.people.models import Role, User
from coffee.people.services import role_grant

# The .example top-level domain is reserved (RFC 2606): these addresses can never reach anyone.
DEMO_DOMAIN = "demo.coffee.example"
DEMO_PASSWORD = "coffee-demo"  # noqa: S105 - published on purpose, for a local demo only
# Locale, language of the account and weight: the network is mostly Walloon, then French, Flemish.
MEMBER_LOCALES: tuple[tuple[str, str, int], ...] = (
    ("fr_BE", "fr", 50),
    ("fr_FR", "fr", 30),
    ("nl_BE", "nl", 20),
)
BATCH_SIZE = 500


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    language: str
    role: str
    space: str = ""  # slug of the space a manager runs

    @property
    def label(self) -> str:
        """The role in plain English, for the command's output (a developer tool)."""
        role = self.role.replace("_", " ")
        return f"{role} of {self.space}" if self.space else role


# Fictitious names, one manager per coworking space still in the network.
MANAGER_NAMES: dict[str, tuple[str, str, str]] = {
    "esco": ("Julien", "Vandamme", "fr"),
    "switch": ("Sarah", "Lambotte", "fr"),
    "the-cowork-factory": ("Marco", "Rizzo", "fr"),
    "co-nnexion": ("Aurélie", "Deprez", "fr"),
    "mutualab": ("Thomas", "Lemaire", "fr"),
    "de-leiewerf": ("Lotte", "Vermeulen", "nl"),
}


def demo_accounts() -> list[DemoAccount]:
    """The accounts a developer logs in with, all with the password DEMO_PASSWORD."""
    managers = [
        DemoAccount(
            f"manager.{space.slug}@{DEMO_DOMAIN}",
            *MANAGER_NAMES[space.slug],
            role=Role.Kind.SPACE_MANAGER,
            space=space.slug,
        )
        for space in managed_spaces()
    ]
    return [
        DemoAccount(f"coordinator@{DEMO_DOMAIN}", "Hélène", "Dumont", "fr", Role.Kind.COORDINATOR),
        *managers,
        DemoAccount(f"consultant@{DEMO_DOMAIN}", "Nadia", "Benali", "fr", Role.Kind.CONSULTANT),
        DemoAccount(f"company@{DEMO_DOMAIN}", "Pieter", "Claes", "nl", Role.Kind.COMPANY_CONTACT),
        DemoAccount(f"member@{DEMO_DOMAIN}", "Emma", "Declercq", "fr", Role.Kind.MEMBER),
    ]


def demo_accounts_create(*, organisations: dict[str, Organisation]) -> tuple[int, int]:
    """Create the demo accounts with a verified e-mail and their role; (created, existing)."""
    password_hash = ""
    created = 0
    for account in demo_accounts():
        user = User.objects.filter(email=account.email).first()
        if user is None:
            # Hashing is deliberately slow; one hash serves every account of this known password.
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user = User.objects.create(
                email=account.email,
                first_name=account.first_name,
                last_name=account.last_name,
                language=account.language,
                password=password_hash,
            )
            created += 1
        # Verification is mandatory at login: the address must be verified and primary.
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        space = organisations[account.space] if account.space else None
        role_grant(user=user, role=account.role, organisation=space)
    return created, len(demo_accounts()) - created


@dataclass(frozen=True)
class SyntheticMember:
    first_name: str
    last_name: str
    email: str
    language: str
    locale: str  # the Faker locale of the name, which also tells the member's country


def synthetic_members(*, count: int, seed: int) -> list[SyntheticMember]:
    """`count` made-up members, the same for the same seed (the n-th never depends on `count`)."""
    picker = random.Random(seed)
    fakers = {locale: Faker(locale) for locale, _, _ in MEMBER_LOCALES}
    for fake in fakers.values():
        fake.seed_instance(seed)
    locales = [(locale, language) for locale, language, _ in MEMBER_LOCALES]
    weights = [weight for _, _, weight in MEMBER_LOCALES]
    members = []
    for n in range(1, count + 1):
        locale, language = picker.choices(locales, weights)[0]
        fake = fakers[locale]
        first_name, last_name = fake.first_name(), fake.last_name()
        email = f"{slugify(first_name)}.{slugify(last_name)}.{n}@{DEMO_DOMAIN}"
        members.append(SyntheticMember(first_name, last_name, email, language, locale))
    return members


def demo_members_create(*, members: list[SyntheticMember]) -> tuple[int, int]:
    """Create the missing synthetic members, each with the member role; (created, existing)."""
    known = set(
        User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").values_list("email", flat=True)
    )
    users = []
    for member in members:
        if member.email in known:
            continue
        user = User(
            email=member.email,
            first_name=member.first_name,
            last_name=member.last_name,
            language=member.language,
        )
        # Hashing hundreds of passwords would take minutes; these people never log in.
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users, batch_size=BATCH_SIZE)
    new_emails = {user.email for user in users}
    ids = [
        pk
        for email, pk in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").values_list(
            "email", "pk"
        )
        if email in new_emails
    ]
    Role.objects.bulk_create(
        [Role(user_id=pk, role=Role.Kind.MEMBER) for pk in ids], batch_size=BATCH_SIZE
    )
    return len(users), len(members) - len(users)

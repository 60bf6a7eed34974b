"""Factories for people, roles, profiles and companies."""

from __future__ import annotations

import factory

from coffee.people.models import Company, Profile, Role, Sector, User, Visibility


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Exemple{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def saved(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    role = Role.Kind.MEMBER


class CompanyFactory(factory.django.DjangoModelFactory):
    """A Belgian company; its enterprise number is blank unless given (they must be unique)."""

    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Atelier {n}")
    country = "BE"
    sector = Sector.ICT


class ProfileFactory(factory.django.DjangoModelFactory):
    """A members-only profile (the default a member starts with)."""

    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    headline_fr = "Développeuse web"
    headline_nl = ""
    headline_en = ""
    city = "Tournai"
    country = "BE"
    visibility = Visibility.MEMBERS

"""Factories for the skills catalogue: skills, profiles, skills offered and sought."""

from __future__ import annotations

import factory

from coffee.people.models import Company, Profile, Visibility
from coffee.people.tests.factories import UserFactory
from coffee.skills.models import OfferedSkill, Skill, SoughtSkill


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    key = factory.Sequence(lambda n: f"skill-{n}")
    label_fr = factory.Sequence(lambda n: f"Compétence {n}")
    label_nl = factory.Sequence(lambda n: f"Vaardigheid {n}")
    label_en = factory.Sequence(lambda n: f"Skill {n}")
    synonyms_fr = ""
    synonyms_nl = ""
    synonyms_en = ""


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Société {n}")
    country = "BE"
    sector = "ict"


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    headline_fr = ""
    visibility = Visibility.PUBLIC
    country = "BE"


class OfferedSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferedSkill

    profile = factory.SubFactory(ProfileFactory)
    skill = factory.SubFactory(SkillFactory)
    level = OfferedSkill.Level.INTERMEDIATE


class SoughtSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SoughtSkill

    profile = factory.SubFactory(ProfileFactory)
    skill = factory.SubFactory(SkillFactory)

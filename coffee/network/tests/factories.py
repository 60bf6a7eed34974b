"""Factories for the network: regions, organisations with hours, resources."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from coffee.network.models import Amenity, Closure, OpeningHours, Organisation, Region, Resource


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name_fr = "Wallonie"
    name_nl = "Wallonië"
    name_en = "Wallonia"
    slug = "wallonia"
    country = "BE"
    time_zone = "Europe/Brussels"


class FrenchRegionFactory(RegionFactory):
    name_fr = "Hauts-de-France"
    name_nl = "Hauts-de-France"
    name_en = "Hauts-de-France"
    slug = "hauts-de-france"
    country = "FR"
    time_zone = "Europe/Paris"


class AmenityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Amenity
        django_get_or_create = ("slug",)

    slug = "wifi"
    name_fr = "Wi-Fi"
    name_nl = "Wifi"
    name_en = "Wi-Fi"
    icon = "📶"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    kind = Organisation.Kind.COWORKING
    name = factory.Sequence(lambda n: f"Espace {n}")
    slug = factory.Sequence(lambda n: f"espace-{n}")
    region = factory.SubFactory(RegionFactory)
    city = "Tournai"
    street = "Rue de la Paix 1"
    postal_code = "7500"
    latitude = Decimal("50.605700")
    longitude = Decimal("3.388100")
    languages = ["fr", "en"]
    description_fr = "Un espace de coworking."
    description_nl = "Een coworkingruimte."
    description_en = "A coworking space."
    email = "hello@example.org"
    joined_on = dt.date(2017, 1, 1)

    @factory.post_generation
    def weekdays_open(self, create: bool, extracted: object, **kwargs: object) -> None:
        """Open Monday to Friday, 9:00 to 18:00, unless told otherwise (pass [] for none)."""
        if not create:
            return
        days = extracted if extracted is not None else range(5)
        for day in days:  # type: ignore[attr-defined]
            OpeningHours.objects.create(
                organisation=self, weekday=day, opens=dt.time(9), closes=dt.time(18)
            )


class ClosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Closure

    organisation = factory.SubFactory(OrganisationFactory)
    starts_on = dt.date(2026, 12, 24)
    ends_on = dt.date(2026, 12, 26)
    reason_fr = "Fêtes"


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Resource.Kind.MEETING_ROOM
    name_fr = "Salle Escaut"
    name_nl = "Zaal Schelde"
    name_en = "Scheldt room"
    capacity = 8
    price_per_hour = Decimal("15.00")

"""Reads about the network: the directory and one space's page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffee.network.hours import is_open_at
from coffee.network.models import Amenity, Closure, Organisation, Region, Resource


@dataclass(frozen=True)
class DirectoryFilters:
    """What a visitor filters the directory by; empty values mean no filter."""

    country: str = ""
    region: str = ""
    amenity: str = ""
    kind: str = ""
    open_now: bool = False
    include_former: bool = False


def _with_details(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    today = timezone.localdate()
    return queryset.select_related("region").prefetch_related(
        "opening_hours",
        "amenities",
        Prefetch("closures", queryset=Closure.objects.filter(ends_on__gte=today)),
    )


def organisation_list(
    *, filters: DirectoryFilters, moment: dt.datetime | None = None
) -> list[Organisation]:
    """The directory: current members of the network (and former ones on request), filtered."""
    queryset = Organisation.objects.all()
    if not filters.include_former:
        queryset = queryset.active()
    if filters.country:
        queryset = queryset.filter(region__country=filters.country)
    if filters.region:
        queryset = queryset.filter(region__slug=filters.region)
    if filters.amenity:
        queryset = queryset.filter(amenities__slug=filters.amenity)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    organisations = list(_with_details(queryset.distinct()).order_by("name"))
    if filters.open_now:
        moment = moment or timezone.now()
        organisations = [o for o in organisations if organisation_is_open(o, moment)]
    return organisations


def organisation_is_open(organisation: Organisation, moment: dt.datetime) -> bool:
    """Whether an organisation (with hours and closures prefetched) is open at that moment."""
    return is_open_at(
        organisation.opening_hours.all(),
        organisation.closures.all(),
        moment,
        organisation.region.time_zone,
    )


def organisation_get(*, slug: str) -> Organisation:
    """One organisation with everything its page shows, or 404."""
    queryset = _with_details(Organisation.objects.all()).prefetch_related(
        Prefetch("resources", queryset=Resource.objects.filter(is_active=True))
    )
    return get_object_or_404(queryset, slug=slug)


def region_list() -> QuerySet[Region]:
    """Regions that have at least one organisation, for the filters."""
    return Region.objects.filter(organisations__isnull=False).distinct().order_by("country", "name")


def amenity_list() -> QuerySet[Amenity]:
    return Amenity.objects.order_by("name")


def country_codes() -> list[str]:
    """Countries with at least one region, for the filters."""
    return sorted({str(c) for c in Region.objects.values_list("country", flat=True)})

"""Write the demo data: the network, demo accounts, synthetic members, events; safe to run again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from coffee.demo.events import demo_events_create
from coffee.demo.network_data import (
    AMENITIES,
    ORGANISATIONS,
    REGIONS,
    AmenityData,
    ClosureData,
    OrganisationData,
    Period,
    RegionData,
    ResourceData,
    closures_for,
)
from coffee.demo.people import demo_accounts_create, demo_members_create, synthetic_members
from coffee.demo.profiles import demo_member_profile_create, demo_profiles_create
from coffee.network.models import Amenity, Closure, OpeningHours, Organisation, Region, Resource
from coffee.skills.taxonomy import taxonomy_load_starter


@dataclass
class SeedReport:
    """What a run created and what was already there, per kind of record."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, what: str, *, created: int = 0, existing: int = 0) -> None:
        entry = self.counts.setdefault(what, [0, 0])
        entry[0] += created
        entry[1] += existing

    def tally(self, what: str, *, created: bool) -> None:
        self.add(what, created=int(created), existing=int(not created))

    @property
    def created(self) -> int:
        return sum(created for created, _ in self.counts.values())


@transaction.atomic
def demo_seed(*, members: int, seed: int, today: dt.date | None = None) -> SeedReport:
    """Build the whole demo in one transaction; running it again adds only what is missing."""
    today = today or timezone.localdate()
    report = SeedReport()
    # Profiles draw their skills from the starter taxonomy (migration 0002 loads it; reload it
    # in case it was emptied or has gained skills since).
    taxonomy = taxonomy_load_starter()
    skills = taxonomy.skills
    report.add("starter skills", created=skills.created, existing=skills.updated + skills.unchanged)
    regions = {data.slug: _region_seed(data, report) for data in REGIONS}
    amenities = {data.slug: _amenity_seed(data, report) for data in AMENITIES}
    organisations = {
        data.slug: _organisation_seed(data, regions, amenities, today, report)
        for data in ORGANISATIONS
    }
    created, existing = demo_accounts_create(organisations=organisations)
    report.add("demo accounts", created=created, existing=existing)
    synthetic = synthetic_members(count=members, seed=seed)
    created, existing = demo_members_create(members=synthetic)
    report.add("synthetic members", created=created, existing=existing)
    created, existing = demo_profiles_create(members=synthetic, seed=seed)
    report.add("member profiles", created=created, existing=existing)
    created, existing = demo_member_profile_create()
    report.add("demo member profile", created=created, existing=existing)
    # After the members and their profiles: registrations draw on them, by country.
    for what, (created, existing) in demo_events_create(members=synthetic, today=today).items():
        report.add(what, created=created, existing=existing)
    _search_index_rebuild()
    return report


def _search_index_rebuild() -> None:
    """Index the demo profiles so that the catalogue search finds them."""
    try:
        from coffee.skills.search.index import rebuild_index
    except ImportError:
        # The search engineer is writing coffee.skills.search now; until it exists, no index.
        return
    # In the seed's transaction: the index is tables of the same database, all or nothing.
    rebuild_index()


def _region_seed(data: RegionData, report: SeedReport) -> Region:
    region, created = Region.objects.update_or_create(
        slug=data.slug,
        defaults={
            "country": data.country,
            "time_zone": data.time_zone,
            **data.name.columns("name"),
        },
    )
    report.tally("regions", created=created)
    return region


def _amenity_seed(data: AmenityData, report: SeedReport) -> Amenity:
    amenity, created = Amenity.objects.update_or_create(
        slug=data.slug, defaults={"icon": data.icon, **data.name.columns("name")}
    )
    report.tally("amenities", created=created)
    return amenity


def _organisation_seed(
    data: OrganisationData,
    regions: dict[str, Region],
    amenities: dict[str, Amenity],
    today: dt.date,
    report: SeedReport,
) -> Organisation:
    organisation, created = Organisation.objects.update_or_create(
        slug=data.slug,
        defaults={
            "kind": data.kind,
            "name": data.name,
            "region": regions[data.region],
            "city": data.city,
            "street": data.street,
            "postal_code": data.postal_code,
            "latitude": data.latitude,
            "longitude": data.longitude,
            "languages": list(data.languages),
            "email": data.email,
            "joined_on": data.joined_on,
            "left_on": data.left_on,
            **data.description.columns("description"),
        },
    )
    report.tally("organisations", created=created)
    organisation.amenities.set([amenities[slug] for slug in data.amenities])
    _hours_seed(organisation, data.hours, report)
    # A space that has left announces no closures any more.
    if data.left_on is None:
        _closures_seed(organisation, closures_for(str(regions[data.region].country), today), report)
    _resources_seed(organisation, data.resources, report)
    return organisation


def _hours_seed(organisation: Organisation, hours: tuple[Period, ...], report: SeedReport) -> None:
    known = set(organisation.opening_hours.values_list("weekday", "opens"))
    missing = [p for p in hours if (p.weekday, p.opens) not in known]
    OpeningHours.objects.bulk_create(
        OpeningHours(organisation=organisation, weekday=p.weekday, opens=p.opens, closes=p.closes)
        for p in missing
    )
    report.add("opening periods", created=len(missing), existing=len(hours) - len(missing))


def _closures_seed(
    organisation: Organisation, closures: tuple[ClosureData, ...], report: SeedReport
) -> None:
    for closure in closures:
        _, created = Closure.objects.get_or_create(
            organisation=organisation,
            starts_on=closure.starts_on,
            ends_on=closure.ends_on,
            defaults=closure.reason.columns("reason"),
        )
        report.tally("closures", created=created)


def _resources_seed(
    organisation: Organisation, resources: tuple[ResourceData, ...], report: SeedReport
) -> None:
    for resource in resources:
        description = resource.description.columns("description") if resource.description else {}
        _, created = Resource.objects.update_or_create(
            organisation=organisation,
            kind=resource.kind,
            name_fr=resource.name.fr,
            defaults={
                **resource.name.columns("name"),
                **description,
                "zone": resource.zone,
                "quantity": resource.quantity,
                "capacity": resource.capacity,
                "price_per_hour": resource.price_per_hour,
                "price_per_day": resource.price_per_day,
                "currency": "EUR",
                # What a former member offered stays on record, but is no longer offered.
                "is_active": organisation.left_on is None,
            },
        )
        report.tally("resources", created=created)

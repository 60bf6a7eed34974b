"""The directory's reads: filters, former members, open now, query counts."""

from __future__ import annotations

import datetime as dt

import pytest

from coffee.network.models import Organisation
from coffee.network.selectors import DirectoryFilters, organisation_list
from coffee.network.tests.factories import (
    AmenityFactory,
    ClosureFactory,
    FrenchRegionFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

MONDAY_10H_BRUSSELS = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def test_the_directory_filters_by_country() -> None:
    tournai = OrganisationFactory(name="Tournai")
    lille = OrganisationFactory(name="Lille", region=FrenchRegionFactory())
    assert organisation_list(filters=DirectoryFilters(country="FR")) == [lille]
    assert organisation_list(filters=DirectoryFilters(country="BE")) == [tournai]


def test_the_directory_filters_by_region_and_amenity() -> None:
    wifi = AmenityFactory()
    with_wifi = OrganisationFactory()
    with_wifi.amenities.add(wifi)
    OrganisationFactory(region=FrenchRegionFactory())
    found = organisation_list(filters=DirectoryFilters(region="wallonia", amenity="wifi"))
    assert found == [with_wifi]


def test_a_space_that_left_is_not_listed_unless_asked() -> None:
    OrganisationFactory(name="Active")
    former = OrganisationFactory(name="Former", left_on=dt.date(2019, 6, 30))
    assert [o.name for o in organisation_list(filters=DirectoryFilters())] == ["Active"]
    assert former in organisation_list(filters=DirectoryFilters(include_former=True))
    assert former not in Organisation.objects.active()
    assert former.has_left


def test_a_space_that_joins_in_the_future_is_not_yet_listed() -> None:
    OrganisationFactory(joined_on=dt.date(2099, 1, 1))
    assert organisation_list(filters=DirectoryFilters()) == []


def test_open_now_keeps_only_the_spaces_open_at_that_moment() -> None:
    open_one = OrganisationFactory(name="Open")
    OrganisationFactory(name="Weekend only", weekdays_open=[5, 6])
    closed_today = OrganisationFactory(name="Closed today")
    ClosureFactory(
        organisation=closed_today, starts_on=dt.date(2026, 11, 23), ends_on=dt.date(2026, 11, 23)
    )
    found = organisation_list(filters=DirectoryFilters(open_now=True), moment=MONDAY_10H_BRUSSELS)
    assert found == [open_one]


def test_the_directory_query_count_does_not_grow_with_its_rows(
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    wifi = AmenityFactory()
    for _ in range(12):
        OrganisationFactory().amenities.add(wifi)
    with django_assert_max_num_queries(5):
        rows = organisation_list(
            filters=DirectoryFilters(open_now=True), moment=MONDAY_10H_BRUSSELS
        )
        for organisation in rows:
            list(organisation.amenities.all())
            str(organisation.region.name)
    assert len(rows) == 12

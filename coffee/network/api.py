"""Public API of the network: the organisations of the directory."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from coffee.network.models import Organisation
from coffee.network.selectors import DirectoryFilters, organisation_get, organisation_list

router = Router(tags=["network"])


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    city: str
    country: str
    region: str
    latitude: float
    longitude: float
    languages: list[str]
    website: str
    has_left: bool

    @staticmethod
    def resolve_region(obj: Organisation) -> str:
        return str(obj.region.name)


@router.get("", response=list[OrganisationOut], summary="List the organisations of the network")
def list_organisations(
    request: HttpRequest, country: str = "", region: str = "", include_former: bool = False
) -> list[Organisation]:
    filters = DirectoryFilters(
        country=country.upper(), region=region, include_former=include_former
    )
    return organisation_list(filters=filters)


@router.get("/{slug}", response=OrganisationOut, summary="One organisation")
def get_organisation(request: HttpRequest, slug: str) -> Organisation:
    return organisation_get(slug=slug)

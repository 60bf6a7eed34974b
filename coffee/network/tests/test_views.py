"""The public pages of the network: home, directory, a space's page, the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from coffee.network.tests.factories import (
    FrenchRegionFactory,
    OrganisationFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_coworking_spaces_in_french_by_default(client) -> None:  # type: ignore[no-untyped-def]
    OrganisationFactory(name="ESCO Tournai")
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/fr/"
    assert b'lang="fr"' in response.content
    assert "ESCO Tournai" in response.content.decode()


def test_the_directory_filters_by_country_and_says_how_many_were_found(client) -> None:  # type: ignore[no-untyped-def]
    OrganisationFactory(name="ESCO Tournai")
    OrganisationFactory(name="Mutualab", city="Lille", region=FrenchRegionFactory())
    response = client.get(reverse("network:directory"), {"country": "FR"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Mutualab" in body
    assert "ESCO Tournai" not in body
    assert "map-markers" in body


def test_the_directory_answers_htmx_with_the_results_fragment_only(client) -> None:  # type: ignore[no-untyped-def]
    OrganisationFactory(name="ESCO Tournai")
    response = client.get(reverse("network:directory"), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "<html" not in body


def test_an_unknown_filter_value_is_ignored_with_a_translated_error(client) -> None:  # type: ignore[no-untyped-def]
    OrganisationFactory(name="ESCO Tournai")
    response = client.get(reverse("network:directory"), {"country": "ZZ"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "ESCO Tournai" in body
    assert "Sélectionnez un choix valide" in body


def test_a_space_page_shows_hours_resources_prices_and_languages(client) -> None:  # type: ignore[no-untyped-def]
    space = OrganisationFactory(name="ESCO Tournai", languages=["fr", "nl"])
    ResourceFactory(organisation=space, price_per_hour=Decimal("12.50"))
    response = client.get(space.get_absolute_url())
    body = response.content.decode()
    assert "Salle Escaut" in body
    assert "12,50\xa0€" in body
    assert "lundi" in body.lower()
    assert "néerlandais" in body


def test_a_space_page_reads_in_dutch_with_dutch_descriptions(client) -> None:  # type: ignore[no-untyped-def]
    space = OrganisationFactory(name="ESCO Tournai")
    ResourceFactory(organisation=space, price_per_hour=Decimal("12.50"))
    with translation.override("nl"):
        url = space.get_absolute_url()
    response = client.get(url)
    body = response.content.decode()
    assert url.startswith("/nl/")
    assert "Een coworkingruimte." in body
    assert "Zaal Schelde" in body
    assert "€\xa012,50" in body


def test_a_space_that_left_says_so_on_its_page(client) -> None:  # type: ignore[no-untyped-def]
    space = OrganisationFactory(left_on=dt.date(2019, 6, 30))
    response = client.get(space.get_absolute_url())
    assert "a quitté le réseau" in response.content.decode()


def test_an_unknown_space_is_a_translated_404(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/nl/spaces/nowhere/")
    assert response.status_code == 404
    assert 'lang="nl"' in response.content.decode()


def test_the_api_lists_current_organisations(client) -> None:  # type: ignore[no-untyped-def]
    OrganisationFactory(name="ESCO Tournai")
    OrganisationFactory(name="Gone", left_on=dt.date(2019, 6, 30))
    response = client.get("/api/v1/spaces")
    assert response.status_code == 200
    assert [o["name"] for o in response.json()] == ["ESCO Tournai"]
    assert response.json()[0]["country"] == "BE"


def test_choosing_a_country_narrows_the_regions_and_drops_a_stale_one(client) -> None:  # type: ignore[no-untyped-def]
    OrganisationFactory(name="ESCO Tournai")
    OrganisationFactory(name="Mutualab", city="Lille", region=FrenchRegionFactory())
    response = client.get(
        reverse("network:directory"),
        {"country": "FR", "region": "wallonia"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "Mutualab" in body
    assert 'hx-swap-oob="true"' in body
    assert 'value="hauts-de-france"' in body
    assert 'value="wallonia"' not in body

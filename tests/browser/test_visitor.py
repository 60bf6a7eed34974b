"""A visitor reads the site in French, switches to Dutch, filters the directory, opens a space."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from coffee.network.models import Resource
from coffee.network.tests.factories import (
    FrenchRegionFactory,
    OrganisationFactory,
    ResourceFactory,
)

Screenshot = Callable[[Page, str], Path]

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def _network() -> None:
    """A Belgian space in Wallonia and a French one in Lille, with rooms and desks in Lille."""
    OrganisationFactory(name="ESCO Tournai", slug="esco-tournai")
    mutualab = OrganisationFactory(
        name="Mutualab",
        slug="mutualab",
        region=FrenchRegionFactory(),
        city="Lille",
        street="Rue Gustave Delory 20",
        postal_code="59000",
        latitude=Decimal("50.636600"),
        longitude=Decimal("3.063500"),
        email="bonjour@mutualab.example",
        phone="+33 3 20 00 00 00",
        languages=["fr", "nl"],
        description_fr="Un tiers-lieu au cœur de Lille.",
        description_nl="Een derde plek in het hart van Rijsel.",
    )
    ResourceFactory(organisation=mutualab, price_per_hour=Decimal("15.00"))
    ResourceFactory(
        organisation=mutualab,
        kind=Resource.Kind.OPEN_DESKS,
        name_fr="Plateau",
        name_nl="Open ruimte",
        name_en="Open space",
        quantity=20,
        capacity=None,
        price_per_hour=None,
        price_per_day=Decimal("20.00"),
    )


def test_a_visitor_reads_in_french_switches_to_dutch_and_finds_a_space_in_france(
    page: Page, screenshot: Screenshot
) -> None:
    _network()

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/fr/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # Data and Django's own catalogues are French whatever the state of our catalogue.
    expect(page.locator("main")).to_contain_text("Un tiers-lieu au cœur de Lille.")
    expect(page.locator("main")).to_contain_text("Belgique")
    expect(page.locator(".langswitch button[value=nl]")).to_have_attribute("title", "Néerlandais")
    screenshot(page, "1-home-fr")

    page.locator(".langswitch button[value=nl]").click()
    expect(page).to_have_url(re.compile(r"/nl/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("main")).to_contain_text("Een derde plek in het hart van Rijsel.")
    expect(page.locator("main")).to_contain_text("België")
    expect(page.locator(".langswitch button[value=fr]")).to_have_attribute("title", "Frans")
    expect(page.locator(".langswitch button[value=nl]")).to_have_attribute("aria-current", "true")
    screenshot(page, "2-home-nl")

    page.locator(".mainnav a[href='/nl/spaces/']").click()
    expect(page).to_have_url(re.compile(r"/nl/spaces/$"))
    results = page.locator("#results .directory-item")
    expect(results).to_have_count(2)
    expect(page.locator("#results")).to_contain_text("Wallonië")
    expect(page.locator("select[name=country] option[value=FR]")).to_have_text("Frankrijk")
    screenshot(page, "3-directory-nl")

    # A full reload would drop this marker: htmx must swap the results in place.
    page.evaluate("window.stillTheSamePage = true")
    with page.expect_response(
        lambda r: "country=FR" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        page.locator("select[name=country]").select_option("FR")
    expect(page).to_have_url(re.compile(r"/nl/spaces/\?.*country=FR"))
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Mutualab")
    expect(page.locator("#results")).not_to_contain_text("ESCO Tournai")
    assert page.evaluate("window.stillTheSamePage") is True
    screenshot(page, "4-directory-filtered-nl")

    results.first.get_by_role("link", name="Mutualab").click()
    expect(page).to_have_url(re.compile(r"/nl/spaces/mutualab/$"))
    expect(page.locator("h1")).to_have_text("Mutualab")
    hours = page.locator("dl.hours")
    expect(hours).to_contain_text(re.compile("maandag", re.IGNORECASE))
    expect(hours).to_contain_text("09:00\N{EN DASH}18:00")
    expect(hours).to_contain_text(re.compile("zondag", re.IGNORECASE))
    prices = page.locator("table.table")
    expect(prices).to_contain_text("Zaal Schelde")
    expect(prices).to_contain_text(re.compile(r"€\s15,00"))
    expect(prices).to_contain_text("Open ruimte")
    expect(prices).to_contain_text(re.compile(r"€\s20,00"))
    expect(page.locator("address")).to_contain_text("Rue Gustave Delory 20")
    expect(page.locator("address")).to_contain_text("59000 Lille")
    expect(page.get_by_role("link", name="bonjour@mutualab.example")).to_have_attribute(
        "href", "mailto:bonjour@mutualab.example"
    )
    expect(page.locator("a[href^='tel:']")).to_have_text("+33 3 20 00 00 00")
    screenshot(page, "5-space-nl")

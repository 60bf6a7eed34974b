"""The profile API: one member's public data with their skills, in every language."""

# mypy: disable-error-code="list-item,return-value"
# (factories return model instances at run time; their static type is the factory class)

from __future__ import annotations

import pytest
from django.test import Client

from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import Visibility
from coffee.people.services import profile_update
from coffee.people.tests.factories import CompanyFactory, ProfileFactory
from coffee.skills.services import offered_skills_set, sought_skills_set
from coffee.skills.tests.factories import SkillFactory

pytestmark = pytest.mark.django_db


def test_a_public_profile_comes_with_its_skills_in_three_languages(client: Client) -> None:
    profile = ProfileFactory(visibility=Visibility.PUBLIC, company=CompanyFactory(name="Leie"))
    profile_update(
        profile=profile,
        headline_fr="Graphiste",
        headline_nl="Grafisch ontwerpster",
        home_space=OrganisationFactory(slug="mutualab", name="Mutualab"),
        languages=[("nl", "native")],
        links=["https://lotte.example"],
    )
    typo = SkillFactory(key="t-typo", label_fr="Typographie", label_nl="Typografie")
    offered_skills_set(profile=profile, skills=[(typo, 4)])
    sought_skills_set(profile=profile, skills=[SkillFactory(key="t-tax")])
    data = client.get(f"/api/v1/catalogue/profiles/{profile.pk}").json()
    assert data["headline"] == {"fr": "Graphiste", "nl": "Grafisch ontwerpster", "en": ""}
    assert data["home_space"] == {"slug": "mutualab", "name": "Mutualab"}
    assert data["company"]["name"] == "Leie"
    assert data["languages"] == [{"language": "nl", "level": "native"}]
    assert data["links"] == ["https://lotte.example"]
    assert data["photo_url"] is None
    offered = data["skills_offered"][0]
    assert (offered["key"], offered["level"], offered["labels"]["nl"]) == (
        "t-typo",
        4,
        "Typografie",
    )
    assert [s["key"] for s in data["skills_sought"]] == ["t-tax"]
    assert "email" not in str(data) and "registration_number" not in str(data)


def test_the_api_describes_the_profile_and_me_endpoints(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/catalogue/profiles/{profile_id}" in paths
    assert "/api/v1/me" in paths

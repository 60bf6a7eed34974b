"""Matching on the database: ranking, who may be seen, explanations, queries, and the pages."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import cast

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from coffee.people.models import Profile, ProfileLanguage, Visibility
from coffee.people.tests.factories import UserFactory
from coffee.skills.matching import match_for_profile, match_for_skills, topk
from coffee.skills.matching.scoring import Candidate, brute_force
from coffee.skills.matching.selectors import match_search, need_build
from coffee.skills.models import OfferedSkill
from coffee.skills.tests.factories import (
    OfferedSkillFactory,
    ProfileFactory,
    SkillFactory,
    SoughtSkillFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counts():
    """Holder counts are cached for minutes: each test starts from its own network."""
    cache.clear()
    yield
    cache.clear()


def member(
    offered: dict[object, int] | None = None,
    *,
    visibility: str = Visibility.PUBLIC,
    country: str = "BE",
    languages: Iterable[str] = ("fr",),
    cross_border: bool = False,
    first_name: str = "Camille",
    **user: object,
) -> Profile:
    """A member offering these skills (skill -> level), speaking these languages."""
    profile = cast(
        Profile,
        ProfileFactory(
            user=UserFactory(first_name=first_name, **user),
            visibility=visibility,
            country=country,
            open_to_cross_border=cross_border,
        ),
    )
    for code in languages:
        ProfileLanguage.objects.create(profile=profile, language=code, level="fluent")
    for skill, level in (offered or {}).items():
        OfferedSkillFactory(profile=profile, skill=skill, level=level)
    return profile


@pytest.fixture
def skills():
    """Web development is common in the network, SEO rare, UX design in between."""
    web = SkillFactory(label_fr="développement web", label_nl="webontwikkeling", label_en="web dev")
    seo = SkillFactory(
        label_fr="référencement", label_nl="zoekmachineoptimalisatie", label_en="SEO"
    )
    ux = SkillFactory(label_fr="design UX", label_nl="UX-ontwerp", label_en="UX design")
    for _ in range(6):
        member({web: 2}, visibility=Visibility.HIDDEN)
    return web, seo, ux


def ids(matches: Iterable[object]) -> list[int]:
    return [m.profile.pk for m in matches]  # type: ignore[attr-defined]


# --- ranking ---------------------------------------------------------------------------------


def test_the_member_offering_more_and_rarer_sought_skills_ranks_first(skills) -> None:
    web, seo, ux = skills
    both = member({web: 4, seo: 4}, first_name="Both")
    rare = member({seo: 3}, first_name="Rare")
    common = member({web: 4}, first_name="Common")
    member({ux: 4}, first_name="Unrelated")
    viewer = UserFactory()
    matches = match_for_skills(skill_ids=[web.pk, seo.pk], viewer=viewer)
    assert ids(matches) == [both.pk, rare.pk, common.pk]
    assert matches[0].score > matches[1].score > matches[2].score
    assert [s.pk for s in matches[0].skills] == [web.pk, seo.pk]
    assert matches[0].levels == (4, 4)


def test_a_higher_level_ranks_higher(skills) -> None:
    web, _seo, _ux = skills
    beginner = member({web: 1})
    expert = member({web: 4})
    assert ids(match_for_skills(skill_ids=[web.pk], viewer=UserFactory())) == [
        expert.pk,
        beginner.pk,
    ]


def test_someone_across_the_border_and_open_to_it_ranks_above_an_equal_local(skills) -> None:
    web, _seo, _ux = skills
    local = member({web: 3}, country="FR")
    across = member({web: 3}, country="BE", cross_border=True)
    matches = match_for_skills(skill_ids=[web.pk], viewer=UserFactory(), country="FR")
    assert ids(matches) == [across.pk, local.pk]
    assert matches[0].cross_border and not matches[1].cross_border


def test_a_shared_language_is_preferred_and_can_be_required(skills) -> None:
    web, _seo, _ux = skills
    dutch = member({web: 3}, languages=("nl",))
    french = member({web: 3}, languages=("fr", "en"))
    viewer = UserFactory()
    preferred = match_for_skills(skill_ids=[web.pk], viewer=viewer, languages=["fr"])
    assert ids(preferred) == [french.pk, dutch.pk]
    assert preferred[0].shared_languages == ("fr",)
    required = match_for_skills(
        skill_ids=[web.pk], viewer=viewer, languages=["nl"], require_shared_language=True
    )
    assert ids(required) == [dutch.pk]


def test_a_members_matches_come_from_their_sought_skills_country_and_languages(skills) -> None:
    web, seo, _ux = skills
    seeker = member({seo: 4}, country="FR", languages=("fr",))
    SoughtSkillFactory(profile=seeker, skill=seo)
    local = member({seo: 4}, country="FR", languages=("nl",))
    across = member({seo: 4}, country="BE", languages=("fr",), cross_border=True)
    member({web: 4})
    matches = match_for_profile(profile=seeker, viewer=seeker.user)
    assert ids(matches) == [across.pk, local.pk]  # never the seeker, though they offer SEO
    assert match_for_profile(profile=member(), viewer=seeker.user) == []


# --- who may be seen -------------------------------------------------------------------------


def test_hidden_profiles_never_match(skills) -> None:
    web, _seo, _ux = skills
    shown = member({web: 2})
    assert ids(match_for_skills(skill_ids=[web.pk], viewer=UserFactory())) == [shown.pk]


def test_members_only_profiles_match_for_logged_in_viewers_only(skills) -> None:
    web, _seo, _ux = skills
    public = member({web: 2})
    members_only = member({web: 4}, visibility=Visibility.MEMBERS)
    logged_in = match_for_skills(skill_ids=[web.pk], viewer=UserFactory())
    anonymous = match_for_skills(skill_ids=[web.pk], viewer=AnonymousUser())
    assert ids(logged_in) == [members_only.pk, public.pk]
    assert ids(anonymous) == [public.pk]


def test_the_viewer_and_deactivated_accounts_never_match(skills) -> None:
    web, _seo, _ux = skills
    me = member({web: 4})
    gone = member({web: 4})
    gone.user.is_active = False
    gone.user.save()
    other = member({web: 1})
    assert ids(match_for_skills(skill_ids=[web.pk], viewer=me.user)) == [other.pk]


def test_profiles_can_be_left_out_on_request(skills) -> None:
    web, _seo, _ux = skills
    first, second = member({web: 4}), member({web: 3})
    matches = match_for_skills(skill_ids=[web.pk], viewer=None, exclude_profile_ids=[first.pk])
    assert ids(matches) == [second.pk]


# --- explanations ----------------------------------------------------------------------------


def test_the_explanation_is_one_sentence_with_the_skills_and_the_languages(skills) -> None:
    web, seo, ux = skills
    member({web: 4, seo: 3}, languages=("fr", "nl", "de"))
    viewer = UserFactory()
    with translation.override("en"):
        match = match_for_skills(
            skill_ids=[web.pk, seo.pk, ux.pk], viewer=viewer, languages=["fr", "nl", "en"]
        )[0]
        assert match.explanation == (
            "Offers 2 of your 3 sought skills: web dev, SEO; speaks FR and NL."
        )


def test_the_explanation_says_when_no_language_is_shared_or_when_one_skill_was_sought(
    skills,
) -> None:
    web, seo, _ux = skills
    member({web: 4}, languages=("de",))
    viewer = UserFactory()
    with translation.override("en"):
        [none_shared] = match_for_skills(
            skill_ids=[web.pk, seo.pk], viewer=viewer, languages=["fr"]
        )
        [no_languages] = match_for_skills(skill_ids=[web.pk], viewer=viewer)
        assert none_shared.explanation == (
            "Offers 1 of your 2 sought skills: web dev; speaks none of your languages."
        )
        assert no_languages.explanation == "Offers the skill you are looking for: web dev."


@pytest.mark.parametrize(
    "language, skill_label, languages",
    [("fr", "développement web", "FR et NL"), ("nl", "webontwikkeling", "FR en NL")],
)
def test_the_explanation_is_in_the_reader_language(
    skills, language, skill_label, languages
) -> None:
    # The sentence itself is translated in the catalogues; the skill labels and the list of
    # languages come from the taxonomy and from Babel, in the reader's language already.
    web, seo, _ux = skills
    member({web: 4}, languages=("fr", "nl"))
    viewer = UserFactory()
    matches = match_for_skills(skill_ids=[web.pk, seo.pk], viewer=viewer, languages=["fr", "nl"])
    with translation.override(language):
        explanation = matches[0].explanation
    assert skill_label in explanation
    assert languages in explanation
    assert explanation.endswith(".")


# --- queries and the top-k search ------------------------------------------------------------


def test_the_number_of_queries_does_not_grow_with_the_number_of_matches(skills) -> None:
    web, seo, _ux = skills
    for _ in range(3):
        member({web: 3, seo: 2}, languages=("fr", "nl"))
    viewer = UserFactory()
    counts = []
    for extra in (0, 30):
        for _ in range(extra):
            member({web: 2, seo: 4}, languages=("fr", "en"))
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            matches = match_for_skills(skill_ids=[web.pk, seo.pk], viewer=viewer, languages=["fr"])
            [str(m.profile.display_name) + m.explanation for m in matches]
            [lang.language for m in matches for lang in m.profile.languages.all()]
            [str(m.profile.home_space) for m in matches]
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 8


def test_the_search_on_the_database_agrees_with_scoring_everyone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Small lists and batches: the database is read level by level, batch after batch.
    monkeypatch.setattr(topk, "SMALL_LIST", 4)
    monkeypatch.setattr(topk, "FIRST_BATCH", 3)
    monkeypatch.setattr(topk, "LARGEST_BATCH", 8)
    rnd = random.Random(2026)
    taxonomy = [SkillFactory() for _ in range(8)]
    popularity = [1 / (rank + 1) for rank in range(len(taxonomy))]
    profiles = []
    for _ in range(90):
        chosen = {rnd.choices(taxonomy, popularity)[0] for _ in range(rnd.randint(1, 4))}
        visibility = rnd.choice([Visibility.PUBLIC, Visibility.MEMBERS, Visibility.HIDDEN])
        profiles.append(
            member(
                {skill: rnd.choice([1, 2, 3, 4, 4]) for skill in chosen},
                visibility=visibility,
                country=rnd.choice(["BE", "FR"]),
                languages=rnd.sample(["fr", "nl", "en"], rnd.randint(0, 2)),
                cross_border=rnd.random() < 0.5,
            )
        )
    viewer = UserFactory()
    for _ in range(12):
        skill_ids = [s.pk for s in rnd.sample(taxonomy, rnd.randint(1, 5))]
        need, holders = need_build(
            skill_ids=skill_ids,
            country=rnd.choice(["BE", "FR", ""]),
            languages=rnd.sample(["fr", "nl"], rnd.randint(0, 2)),
            require_shared_language=rnd.random() < 0.3,
        )
        found = match_search(need=need, holders=holders, viewer=viewer, limit=20)
        assert found.exact
        assert found.matches == brute_force(visible_candidates(viewer), need, 20)


def visible_candidates(viewer: object) -> list[Candidate]:
    """Everyone a logged-in viewer may see, straight from the ORM: the reference."""
    profiles = Profile.objects.exclude(visibility=Visibility.HIDDEN).exclude(user=viewer)
    profiles = profiles.filter(user__is_active=True).prefetch_related("languages", "offered_skills")
    return [
        Candidate(
            profile_id=p.pk,
            country=str(p.country),
            languages=frozenset(lang.language for lang in p.languages.all()),
            offered={o.skill_id: o.level for o in p.offered_skills.all()},
            open_to_cross_border=p.open_to_cross_border,
        )
        for p in profiles
    ]


# --- pages -----------------------------------------------------------------------------------


def test_the_matches_page_requires_logging_in(client) -> None:
    response = client.get(reverse("skills:matches"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_matches_page_lists_explained_matches_for_the_members_sought_skills(
    client, skills
) -> None:
    web, seo, _ux = skills
    seeker = member(languages=("fr", "nl"))
    SoughtSkillFactory(profile=seeker, skill=web)
    SoughtSkillFactory(profile=seeker, skill=seo)
    member({web: 4, seo: 3}, first_name="Lotte", languages=("nl",))
    client.force_login(seeker.user)
    response = client.get(reverse("skills:matches"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Lotte" in body
    assert "développement web, référencement" in body
    assert "NL" in body
    assert reverse("skills:profile-edit") in body


def test_a_member_who_seeks_nothing_is_invited_to_say_what_they_look_for(client) -> None:
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("skills:matches"))
    assert response.status_code == 200
    assert response.context["matches"] == []
    assert f'href="{reverse("skills:profile-edit")}"' in response.content.decode()


def test_finding_people_by_skills_requires_logging_in(client) -> None:
    response = client.get(reverse("skills:find-people"))
    assert response.status_code == 302


def test_finding_people_by_skills_shows_explained_matches(client, skills) -> None:
    web, seo, _ux = skills
    member({seo: 4}, first_name="Noor", country="BE", cross_border=True)
    client.force_login(UserFactory())
    params = {"skill": [web.pk, seo.pk], "country": "FR", "language": ["fr"]}
    response = client.get(reverse("skills:find-people"), params)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Noor" in body
    assert "référencement" in body
    assert response.context["matches"][0].cross_border


def test_the_suggestion_buttons_add_and_remove_skills(client, skills) -> None:
    web, seo, _ux = skills
    client.force_login(UserFactory())
    url = reverse("skills:find-people")
    added = client.get(url, {"skill": [web.pk], "add_skill": seo.pk, "q": "réf"})
    assert [s.pk for s in added.context["chosen"]] == [web.pk, seo.pk]
    assert added.context["suggestions"] == []  # the suggestion was picked: the box closes
    removed = client.get(url, {"skill": [web.pk, seo.pk], "remove_skill": web.pk})
    assert [s.pk for s in removed.context["chosen"]] == [seo.pk]


def test_without_javascript_the_skill_box_suggests_on_the_page(client, skills) -> None:
    client.force_login(UserFactory())
    response = client.get(reverse("skills:find-people"), {"q": "référ"})
    assert 'name="add_skill"' in response.content.decode()
    assert response.context["matches"] is None


def test_more_than_ten_skills_are_refused_with_a_message(client) -> None:
    many = [SkillFactory().pk for _ in range(11)]
    client.force_login(UserFactory())
    response = client.get(reverse("skills:find-people"), {"skill": many})
    errors = response.context["form"].errors.as_data()["skill"]
    assert errors[0].code == "too_many"
    assert response.context["matches"] is None
    assert "10" in response.content.decode()


def test_an_unknown_country_is_refused_with_a_translated_error(client, skills) -> None:
    web, _seo, _ux = skills
    client.force_login(UserFactory())
    response = client.get(reverse("skills:find-people"), {"skill": [web.pk], "country": "ZZ"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_finding_people_answers_htmx_with_the_finder_fragment_only(client, skills) -> None:
    web, _seo, _ux = skills
    member({web: 3})
    client.force_login(UserFactory())
    response = client.get(
        reverse("skills:find-people"), {"skill": [web.pk]}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="finder"')
    assert "<html" not in body


def test_the_offered_levels_are_named_in_the_reader_language(skills) -> None:
    web, _seo, _ux = skills
    member({web: OfferedSkill.Level.EXPERT})
    [match] = match_for_skills(skill_ids=[web.pk], viewer=UserFactory())
    with translation.override("en"):
        assert [(s.pk, level) for s, level in match.offered] == [(web.pk, "Expert")]

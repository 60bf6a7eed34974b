"""The catalogue search, on whichever database runs the suite (SQLite FTS5 or PostgreSQL)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import ProfileLanguage, Status, Visibility
from coffee.people.signals import notify_profile_changed, notify_profile_removed
from coffee.people.tests.factories import UserFactory
from coffee.skills.models import SearchEntry, Skill
from coffee.skills.search import SearchQuery, engine, schema, search_profiles
from coffee.skills.search.index import index_profile, rebuild_index
from coffee.skills.tests.factories import (
    CompanyFactory,
    OfferedSkillFactory,
    ProfileFactory,
    SkillFactory,
)

pytestmark = pytest.mark.django_db

NASTY_INPUTS = [
    '"',
    "'",
    '"web',
    "web)",
    "((web",
    "web AND",
    "OR web",
    "NOT web",
    "web NEAR dev",
    "NEAR(web dev, 2)",
    "*",
    "web*",
    "-web",
    "web:dev",
    "name:web",
    "{name}: web",
    "^web",
    "web + dev",
    "☕🚀 web",
    "🙂",
    "\\",
    "%",
    "_",
    "dev_web",
    "web'; DROP TABLE skills_searchentry; --",
    "ǅemal",
    "x" * 500,
    " ".join(["web"] * 50),
]


@pytest.fixture
def web():
    return SkillFactory(
        key="test-web-development",
        label_fr="Développement web",
        label_nl="Webontwikkeling",
        label_en="Web development",
        synonyms_fr="développeur web|développeuse web",
        synonyms_nl="webontwikkelaar|webdeveloper",
        synonyms_en="web developer",
    )


@pytest.fixture
def accounting():
    return SkillFactory(
        key="test-accounting",
        label_fr="Comptabilité",
        label_nl="Boekhouding",
        label_en="Accounting",
        synonyms_fr="comptable",
        synonyms_nl="boekhouder",
        synonyms_en="accountant",
    )


def member(first: str = "Camille", last: str = "Martin", *, skills=(), **fields):
    """A profile with skills offered ((skill, level) pairs), indexed."""
    profile = ProfileFactory(user__first_name=first, user__last_name=last, **fields)
    for skill, level in skills:
        OfferedSkillFactory(profile=profile, skill=skill, level=level)
    index_profile(profile.pk)
    return profile


def search(text: str = "", viewer=None, **filters):
    return search_profiles(SearchQuery(text=text, **filters), viewer=viewer or AnonymousUser())


def found(text: str = "", viewer=None, **filters) -> list[int]:
    return [hit.profile.pk for hit in search(text, viewer, **filters).hits]


# Words, accents, prefixes, languages -------------------------------------------------------------


def test_a_word_finds_members_by_name_headline_bio_and_company() -> None:
    by_name = member("Élodie", "Vanderstraeten")
    by_headline = member(headline_fr="Photographe de mariage")
    by_bio = member(bio_nl="Ik maak meubels van gerecycleerd hout.")
    by_company = member(company=CompanyFactory(name="Brasserie Dubuisson"))
    member("Nobody", "Else", headline_fr="Traductrice")

    assert found("Vanderstraeten") == [by_name.pk]
    assert found("photographe") == [by_headline.pk]
    assert found("meubels") == [by_bio.pk]
    assert found("Dubuisson") == [by_company.pk]


def test_accents_and_case_do_not_matter() -> None:
    elodie = member("Élodie", "Lefèvre", headline_fr="Développeuse à Liège")

    assert found("ELODIE") == [elodie.pk]
    assert found("lefevre") == [elodie.pk]
    assert found("developpeuse liege") == [elodie.pk]


def test_the_start_of_a_word_is_enough_and_every_word_must_match() -> None:
    photographer = member(headline_fr="Photographe culinaire")
    member(headline_fr="Photographe de mariage")

    assert found("photo culi") == [photographer.pk]
    assert len(found("photog")) == 2


def test_a_dutch_or_english_word_finds_the_member_whose_skill_is_french(web: Skill) -> None:
    developer = member("Sophie", "Marchal", skills=[(web, 3)])
    member("Other", "Person", headline_fr="Boulangère")

    for text in ("webontwikkelaar", "web developer", "développeur web", "WEBONTWIKKELING"):
        assert found(text) == [developer.pk], text


def test_each_hit_says_which_skill_a_word_named_in_the_readers_language(web: Skill) -> None:
    member("Sophie", "Marchal", skills=[(web, 3)], headline_fr="Freelance à Tournai")

    hit = search("webontwikkelaar tournai").hits[0]

    assert hit.matched_skills == [web]
    assert any("Développement web" in r and "webontwikkelaar" in r for r in hit.reasons)
    assert any("tournai" in r for r in hit.reasons)


def test_renaming_a_skill_changes_the_results_without_indexing_profiles_again(web: Skill) -> None:
    developer = member(skills=[(web, 2)])
    indexed_at = SearchEntry.objects.get(pk=developer.pk).indexed_at

    Skill.objects.filter(pk=web.pk).update(synonyms_nl="websitebouwer")

    assert found("websitebouwer") == [developer.pk]
    assert found("webontwikkelaar") == []
    assert SearchEntry.objects.get(pk=developer.pk).indexed_at == indexed_at


def test_a_skill_no_longer_in_use_is_not_found_by_its_labels(web: Skill) -> None:
    member(skills=[(web, 2)])

    Skill.objects.filter(pk=web.pk).update(is_active=False)

    assert found("webontwikkelaar") == []


def test_user_input_never_breaks_the_query(web: Skill) -> None:
    developer = member("Web", "Master", skills=[(web, 2)])

    for text in NASTY_INPUTS:
        result = search(text)
        assert result.total >= 0, text
    assert found('"web) AND (NOT') == []
    assert found("web*") == [developer.pk]
    assert found("(web)") == [developer.pk]


# Visibility --------------------------------------------------------------------------------------


def test_hidden_profiles_never_appear_not_even_to_a_coordinator() -> None:
    member("Hidden", "Person", visibility=Visibility.HIDDEN)
    coordinator = UserFactory(is_staff=True, is_superuser=True)

    assert found("hidden") == []
    assert found("hidden", viewer=coordinator) == []
    assert not SearchEntry.objects.exists()


def test_members_only_profiles_appear_only_to_logged_in_viewers() -> None:
    public = member("Public", "Dupont", visibility=Visibility.PUBLIC)
    members = member("Members", "Dupont", visibility=Visibility.MEMBERS)

    assert found("dupont") == [public.pk]
    assert sorted(found("dupont", viewer=UserFactory())) == sorted([public.pk, members.pk])
    assert search("", country="BE").total == 1


def test_a_profile_hidden_later_leaves_the_index_once_the_change_commits(
    django_capture_on_commit_callbacks,
) -> None:
    profile = member("Soon", "Hidden")
    profile.visibility = Visibility.HIDDEN
    profile.save()

    with django_capture_on_commit_callbacks(execute=True):
        notify_profile_changed(profile.pk)

    assert found("hidden", viewer=UserFactory()) == []


def test_a_removed_or_deleted_profile_leaves_the_index(django_capture_on_commit_callbacks) -> None:
    erased, deleted = member("Erased", "Person"), member("Deleted", "Person")

    with django_capture_on_commit_callbacks(execute=True):
        notify_profile_removed(erased.pk)
    deleted.delete()

    assert found("person") == []


def test_an_inactive_account_is_not_searchable() -> None:
    profile = member("Gone", "Away")
    profile.user.is_active = False
    profile.user.save()
    index_profile(profile.pk)

    assert found("away", viewer=UserFactory()) == []


def test_skills_changed_and_notified_are_searchable_at_once(
    web: Skill, django_capture_on_commit_callbacks
) -> None:
    profile = member("Late", "Learner")
    OfferedSkillFactory(profile=profile, skill=web, level=2)

    with django_capture_on_commit_callbacks(execute=True):
        notify_profile_changed(profile.pk)

    assert found("webontwikkelaar") == [profile.pk]


def test_deleting_a_skill_indexes_the_profiles_that_offered_it_again(
    web: Skill, django_capture_on_commit_callbacks
) -> None:
    profile = member(skills=[(web, 2)])

    with django_capture_on_commit_callbacks(execute=True):
        web.delete()

    assert SearchEntry.objects.get(pk=profile.pk).skills == ""


# Facets and filters ------------------------------------------------------------------------------


def _facet(result, name: str) -> dict[str, int]:
    return {value.value: value.count for value in result.facets[name]}


def test_facets_count_the_results_by_every_dimension(web: Skill, accounting: Skill) -> None:
    space = OrganisationFactory(name="ESCO Tournai")
    first = member(skills=[(web, 2)], home_space=space, status=Status.FREELANCER)
    member(skills=[(web, 2), (accounting, 1)], country="FR", open_to_cross_border=True)
    ProfileLanguage.objects.create(profile=first, language="nl", level="fluent")
    index_profile(first.pk)

    result = search("")

    assert result.total == 2 and not result.approximate
    assert _facet(result, "skill") == {str(web.pk): 2, str(accounting.pk): 1}
    assert _facet(result, "country") == {"BE": 1, "FR": 1}
    assert _facet(result, "space") == {str(space.pk): 1}
    assert _facet(result, "language") == {"nl": 1}
    assert _facet(result, "status") == {"freelancer": 1}
    assert _facet(result, "cross_border") == {"1": 1}
    assert [v.label for v in result.facets["space"]] == ["ESCO Tournai"]
    assert result.facets["skill"][0].label == "Développement web"


def test_filters_narrow_the_results(web: Skill, accounting: Skill) -> None:
    space = OrganisationFactory()
    both = member(skills=[(web, 2), (accounting, 2)], home_space=space, status=Status.FOUNDER)
    french = member(skills=[(web, 2)], country="FR", open_to_cross_border=True)
    ProfileLanguage.objects.create(profile=french, language="nl", level="fluent")
    index_profile(french.pk)

    assert found(skills=[web.pk, accounting.pk]) == [both.pk]
    assert found(country="FR") == [french.pk]
    assert found(space=space.pk) == [both.pk]
    assert found(language="nl") == [french.pk]
    assert found(status="founder") == [both.pk]
    assert found(cross_border=True) == [french.pk]
    assert found("webontwikkelaar", country="BE") == [both.pk]


def test_a_selected_filter_stays_listed_when_nothing_matches(web: Skill) -> None:
    member(skills=[(web, 2)])

    result = search("nothing-like-this", country="FR", skills=[web.pk])

    assert result.total == 0
    assert [(v.value, v.count, v.selected) for v in result.facets["country"]] == [("FR", 0, True)]
    assert [v.selected for v in result.facets["skill"]] == [True]


def test_facet_counts_above_the_sample_are_estimated_and_said_so(monkeypatch) -> None:
    monkeypatch.setattr(engine, "FACET_EXACT", 5)
    monkeypatch.setattr(engine, "FACET_SAMPLE", 4)
    for _ in range(6):
        member(headline_fr="Graphiste")
    member(headline_fr="Graphiste", country="FR")

    result = search("graphiste")

    assert result.total == 7
    assert result.approximate
    assert sum(v.count for v in result.facets["country"]) >= 6


# Ranking and pages -------------------------------------------------------------------------------


def test_a_skill_ranks_above_a_word_in_a_description_and_experts_above_beginners(
    web: Skill, accounting: Skill
) -> None:
    for _ in range(8):  # bm25 weighs words by rarity: a network is not only web developers
        member(skills=[(accounting, 2)])
    mention = member(bio_fr="J'aimerais apprendre le développement web un jour.")
    beginner = member(skills=[(web, 1)])
    expert = member(skills=[(web, 4)])

    assert found("développement web") == [expert.pk, beginner.pk, mention.pk]


def test_pages_go_through_every_result_once(web: Skill) -> None:
    people = {member(headline_fr=f"Traducteur {n}").pk for n in range(7)}

    pages = [search("traducteur", page=page, page_size=3) for page in (1, 2, 3)]

    assert [p.pages for p in pages] == [3, 3, 3]
    assert [len(p.hits) for p in pages] == [3, 3, 1]
    assert {hit.profile.pk for p in pages for hit in p.hits} == people


def test_broad_searches_put_skills_and_names_first_then_the_newest(monkeypatch, web) -> None:
    monkeypatch.setattr(engine, "RANK_ALL", 2)
    beginner, expert = member(skills=[(web, 1)]), member(skills=[(web, 4)])
    named = member("Webster", "Dupont")
    mentions = [member(bio_fr=f"Un site web pour {n}").pk for n in range(3)]
    pages = [search("web", page=page, page_size=2) for page in (1, 2, 3)]

    ids = [hit.profile.pk for page in pages for hit in page.hits]

    assert ids == [expert.pk, named.pk, beginner.pk, *reversed(mentions)]


def test_broad_searches_order_only_the_newest_matches_by_field(monkeypatch, web) -> None:
    monkeypatch.setattr(engine, "RANK_ALL", 1)
    monkeypatch.setattr(engine, "FACET_SAMPLE", 3)
    older = member(skills=[(web, 4)])
    mentions = [member(bio_fr=f"Un site web pour {n}").pk for n in range(3)]

    ids = [hit.profile.pk for hit in search("web", page_size=10).hits]

    assert ids == [*reversed(mentions), older.pk]


def test_pages_beyond_the_newest_matches_are_not_offered(monkeypatch) -> None:
    monkeypatch.setattr(engine, "FACET_EXACT", 3)
    monkeypatch.setattr(engine, "FACET_SAMPLE", 2)
    for _ in range(5):
        member(headline_fr="Architecte")

    result = search("architecte", page=9, page_size=1)

    assert (result.total, result.pages, result.page, len(result.hits)) == (5, 2, 2, 1)


def test_a_page_takes_the_same_number_of_queries_whatever_its_size(
    web: Skill, django_assert_max_num_queries
) -> None:
    space = OrganisationFactory()
    for n in range(60):
        company = CompanyFactory()
        member(f"Dev{n}", "Web", skills=[(web, 2)], home_space=space, company=company)

    for page_size in (10, 50):
        with django_assert_max_num_queries(7):
            result = search("webontwikkelaar", page_size=page_size)
        assert len(result.hits) == page_size
        assert [h.profile.home_space.name for h in result.hits]


# The page, the API, the index's upkeep -----------------------------------------------------------


def test_the_search_page_shows_hits_facets_and_why(client, web: Skill) -> None:
    member("Sophie", "Marchal", skills=[(web, 3)], home_space=OrganisationFactory(name="Mutualab"))

    response = client.get(reverse("skills:search"), {"q": "webontwikkelaar"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "Sophie Marchal" in body and "Mutualab" in body
    assert "Développement web" in body
    assert 'name="skill"' in body and 'hx-get="' in body


def test_the_search_page_answers_htmx_with_the_results_only(client) -> None:
    member("Sophie", "Marchal")

    response = client.get(reverse("skills:search"), {"q": "soph"}, HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert body.startswith('<div id="search-results"')
    assert "Sophie Marchal" in body and "<html" not in body


def test_the_search_page_queries_do_not_grow_with_the_results(
    client, web: Skill, django_assert_max_num_queries
) -> None:
    for n in range(25):
        member(f"Dev{n}", "Web", skills=[(web, 2)], home_space=OrganisationFactory())

    # The search's 7 at most, the cache's generation, the ESCO credit's flag (cached after).
    with django_assert_max_num_queries(9):
        response = client.get(reverse("skills:search"), {"q": "web", "country": "BE"})

    assert response.content.decode().count('class="card hit"') == 20


def test_the_api_answers_the_same_search_as_the_page(client, web: Skill) -> None:
    developer = member("Sophie", "Marchal", skills=[(web, 3)])
    members_only = member("Jan", "Peeters", skills=[(web, 2)], visibility=Visibility.MEMBERS)

    response = client.get("/api/v1/catalogue/search", {"q": "web developer", "country": "BE"})
    data = response.json()

    assert response.status_code == 200
    assert [hit["profile_id"] for hit in data["hits"]] == [developer.pk]
    assert data["hits"][0]["matched_skills"][0]["id"] == web.pk
    assert data["facets"]["skill"][0]["value"] == str(web.pk)
    client.force_login(UserFactory())
    data = client.get("/api/v1/catalogue/search", {"skill": [web.pk]}).json()
    assert {hit["profile_id"] for hit in data["hits"]} == {developer.pk, members_only.pk}


def test_the_rebuild_command_indexes_every_visible_profile(web: Skill) -> None:
    visible = ProfileFactory(visibility=Visibility.MEMBERS)
    OfferedSkillFactory(profile=visible, skill=web)
    ProfileFactory(visibility=Visibility.HIDDEN)

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(SearchEntry.objects.values_list("pk", flat=True)) == [visible.pk]
    assert found("webontwikkelaar", viewer=UserFactory()) == [visible.pk]
    assert rebuild_index() == 1


def test_the_index_objects_come_back_when_a_migration_drops_them(web: Skill) -> None:
    profile = member(skills=[(web, 2)])
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TRIGGER {schema.LABEL_FTS}_au")
        else:  # DDL refuses to run while the test's deferred foreign-key checks are pending
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("DROP INDEX skills_skill_labels_search")

    assert schema.repair(connection)
    Skill.objects.filter(pk=web.pk).update(synonyms_nl="websitebouwer")

    assert found("websitebouwer") == [profile.pk]
    assert schema.repair(connection) == []

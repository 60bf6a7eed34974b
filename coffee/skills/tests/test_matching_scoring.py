"""Matching without a database: the scoring functions and the top-k search against brute force."""

from __future__ import annotations

import ast
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from coffee.skills.matching import pool, scoring, topk
from coffee.skills.matching.pool import Pool, unpack
from coffee.skills.matching.scoring import (
    Candidate,
    Need,
    brute_force,
    explanation_parts,
    level_weight,
    rarity,
    score,
    upper_bound,
)
from coffee.skills.matching.topk import Budget, Person, top_k

WEB, SEO, UX, ACCOUNTING = 1, 2, 3, 4


def need(
    skills: Sequence[int] = (WEB, SEO),
    *,
    holders: dict[int, int] | None = None,
    country: str = "",
    languages: tuple[str, ...] = (),
    require: bool = False,
) -> Need:
    holders = holders or {}
    return Need(
        skill_ids=tuple(skills),
        rarity={s: rarity(holders.get(s, 10), 1000) for s in skills},
        seeker_country=country,
        seeker_languages=languages,
        require_shared_language=require,
    )


def person(
    pid: int,
    offered: dict[int, int],
    *,
    country: str = "BE",
    languages: frozenset[str] = frozenset(),
    open_to_cross_border: bool = False,
) -> Candidate:
    return Candidate(pid, country, languages, offered, open_to_cross_border)


def test_a_rare_skill_weighs_more_than_a_common_one() -> None:
    assert rarity(3, 10_000) > rarity(3_000, 10_000) > rarity(10_000, 10_000) >= 1.0
    sought = need(holders={WEB: 5_000, SEO: 4})
    common = score(person(1, {WEB: 4}), sought)
    rare = score(person(2, {SEO: 4}), sought)
    assert common is not None and rare is not None
    assert rare.score > common.score


def test_a_higher_level_scores_higher_and_levels_are_weighted_as_documented() -> None:
    assert [level_weight(level) for level in (1, 2, 3, 4)] == [0.4, 0.6, 0.85, 1.0]
    assert level_weight(0) == level_weight(5) == 0.0
    sought = need()
    beginner = score(person(1, {WEB: 1}), sought)
    expert = score(person(2, {WEB: 4}), sought)
    assert beginner is not None and expert is not None
    assert expert.score == pytest.approx(beginner.score / 0.4)


def test_scores_are_normalised_to_the_best_possible_match() -> None:
    sought = need((WEB, SEO, UX), holders={WEB: 50, SEO: 5, UX: 500})
    perfect = score(person(1, {WEB: 4, SEO: 4, UX: 4, ACCOUNTING: 4}), sought)
    half = score(person(2, {WEB: 4}), need((WEB, SEO), holders={WEB: 5, SEO: 5}))
    assert perfect is not None and perfect.score == 1.0
    assert half is not None and half.score == 0.5


def test_someone_open_to_cross_border_work_in_another_country_gets_the_bonus() -> None:
    sought = need(country="FR")
    abroad = score(person(1, {WEB: 4}, country="BE", open_to_cross_border=True), sought)
    closed = score(person(2, {WEB: 4}, country="BE", open_to_cross_border=False), sought)
    same_country = score(person(3, {WEB: 4}, country="FR", open_to_cross_border=True), sought)
    assert abroad is not None and closed is not None and same_country is not None
    assert abroad.cross_border and not closed.cross_border and not same_country.cross_border
    assert abroad.score == pytest.approx(closed.score * 1.15)
    assert same_country.score == closed.score


def test_a_shared_language_is_preferred() -> None:
    sought = need(languages=("nl", "fr"))
    speaks = score(person(1, {WEB: 4}, languages=frozenset({"fr", "en", "nl"})), sought)
    does_not = score(person(2, {WEB: 4}, languages=frozenset({"de"})), sought)
    assert speaks is not None and does_not is not None
    assert speaks.shared_languages == ("nl", "fr")  # in the seeker's order
    assert speaks.score == pytest.approx(does_not.score * 1.10)


def test_a_required_shared_language_leaves_out_those_without_one() -> None:
    sought = need(languages=("nl",), require=True)
    assert score(person(1, {WEB: 4}, languages=frozenset({"fr"})), sought) is None
    assert score(person(2, {WEB: 4}, languages=frozenset({"nl"})), sought) is not None


def test_someone_offering_none_of_the_sought_skills_is_no_match() -> None:
    assert score(person(1, {ACCOUNTING: 4}), need()) is None


def test_equal_scores_rank_by_profile_id() -> None:
    sought = need()
    ranked = brute_force([person(9, {WEB: 3}), person(2, {WEB: 3}), person(5, {WEB: 3})], sought, 3)
    assert [m.profile_id for m in ranked] == [2, 5, 9]


def test_scores_equal_on_paper_are_equal_whatever_the_order_of_the_sum() -> None:
    sought = need((WEB, SEO, UX), holders={WEB: 7, SEO: 7, UX: 3})
    first = score(person(1, {WEB: 3, SEO: 4, UX: 4}), sought)
    second = score(person(2, {WEB: 4, SEO: 3, UX: 4}), sought)
    assert first is not None and second is not None
    assert first.score == second.score


def test_the_upper_bound_is_never_below_a_score_it_bounds() -> None:
    rnd = random.Random(5)
    for _ in range(500):
        skills = tuple(rnd.sample(range(1, 9), rnd.randint(1, 8)))
        sought = need(skills, holders={s: rnd.randint(1, 900) for s in skills}, country="FR")
        sought = Need(**{**sought.__dict__, "seeker_languages": ("fr",)})
        offered = {s: rnd.randint(1, 4) for s in skills if rnd.random() < 0.6} or {skills[0]: 1}
        found = score(person(1, offered, languages=frozenset({"fr"})), sought)
        ceiling = {s: min(level + rnd.randint(0, 2), 4) for s, level in offered.items()}
        assert found is not None and upper_bound(ceiling, sought) >= found.score


def test_the_explanation_says_how_many_of_the_sought_skills_and_which_languages() -> None:
    sought = need((WEB, SEO, UX, ACCOUNTING), languages=("fr", "nl", "en"))
    found = score(person(1, {UX: 2, WEB: 4, SEO: 3}, languages=frozenset({"nl", "fr"})), sought)
    assert found is not None
    parts = explanation_parts(found, sought)
    assert (parts.offered_count, parts.sought_count) == (3, 4)
    assert parts.skill_ids == (WEB, SEO, UX)
    assert parts.languages == ("fr", "nl")
    assert parts.seeker_has_languages


def imported_modules(module: object) -> list[str]:
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def test_the_scoring_search_and_pool_modules_import_no_django() -> None:
    for module in (scoring, topk, pool):
        assert not [name for name in imported_modules(module) if "django" in name]


# --- the top-k search ---------------------------------------------------------------------------


class MemorySource:
    """The network in memory: what `selectors` reads from the database."""

    def __init__(self, people: Sequence[Candidate], visible: set[int]) -> None:
        self.by_id = {c.profile_id: c for c in people}
        self.visible = visible

    def read_lists(self, skill_ids: Sequence[int]) -> list[tuple[int, int, int]]:
        return [
            (skill, level, pid)
            for pid, c in self.by_id.items()
            for skill, level in c.offered.items()
            if skill in skill_ids
        ]

    def read_level(self, skill_id: int, level: int, after: int, limit: int) -> list[int]:
        found = (p for p, c in self.by_id.items() if c.offered.get(skill_id) == level and p > after)
        return sorted(found)[:limit]

    def people(self, profile_ids: Sequence[int]) -> dict[int, Person]:
        return {
            pid: Person(c.country, c.open_to_cross_border, c.languages)
            for pid in profile_ids
            if pid in self.visible and (c := self.by_id[pid])
        }

    def offered(self, profile_ids: Sequence[int], skill_ids: Sequence[int]) -> dict[int, dict]:
        return {
            p: {s: lvl for s, lvl in self.by_id[p].offered.items() if s in skill_ids}
            for p in profile_ids
        }

    def visible_candidates(self, sought: Need) -> list[Candidate]:
        return [
            Candidate(c.profile_id, c.country, c.languages, c.offered, c.open_to_cross_border)
            for c in self.by_id.values()
            if c.profile_id in self.visible
        ]


def random_network(seed: int) -> tuple[MemorySource, Need, dict[int, int], int]:
    """A small skewed network, a need, the holder counts and a limit, all from the seed."""
    rnd = random.Random(seed)
    skill_count = rnd.randint(1, 12)
    popularity = [1 / (rank + 1) for rank in range(skill_count)]
    people = []
    for pid in range(1, rnd.randint(0, 250) + 1):
        offered: dict[int, int] = {}
        for _ in range(rnd.randint(0, min(4, skill_count))):
            skill = rnd.choices(range(1, skill_count + 1), popularity)[0]
            offered[skill] = rnd.choice((1, 2, 3, 4, 4, 4))
        languages = frozenset(rnd.sample(("fr", "nl", "en"), rnd.randint(0, 2)))
        country = rnd.choice(("BE", "FR", ""))
        people.append(Candidate(pid, country, languages, offered, rnd.random() < 0.5))
    holders: dict[int, int] = {}
    for p in people:
        for skill in p.offered:
            holders[skill] = holders.get(skill, 0) + 1
    skills = tuple(rnd.sample(range(1, skill_count + 1), rnd.randint(1, skill_count)))
    sought = Need(
        skill_ids=skills,
        rarity={s: rarity(holders.get(s, 0), len(people)) for s in skills},
        seeker_country=rnd.choice(("BE", "FR", "")),
        seeker_languages=tuple(rnd.sample(("fr", "nl", "en"), rnd.randint(0, 2))),
        require_shared_language=rnd.random() < 0.3,
    )
    visible = {p.profile_id for p in people if rnd.random() < 0.8}
    return MemorySource(people, visible), sought, holders, rnd.randint(1, 25)


@pytest.mark.parametrize("small_list, first_batch, largest_batch", [(2_000, 512, 4_096), (3, 2, 8)])
def test_the_top_k_search_finds_exactly_what_scoring_everyone_finds(
    monkeypatch: pytest.MonkeyPatch, small_list: int, first_batch: int, largest_batch: int
) -> None:
    # Tiny lists and batches make every path of the search run on a small network.
    monkeypatch.setattr(topk, "SMALL_LIST", small_list)
    monkeypatch.setattr(topk, "FIRST_BATCH", first_batch)
    monkeypatch.setattr(topk, "LARGEST_BATCH", largest_batch)
    for seed in range(400):
        source, sought, holders, limit = random_network(seed)
        found = top_k(sought, source, holders=holders, limit=limit)
        expected = brute_force(source.visible_candidates(sought), sought, limit)
        assert found.exact, seed
        assert found.matches == expected, seed


def test_a_search_out_of_budget_settles_for_real_matches_in_order_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(topk, "FIRST_BATCH", 2)
    approximate = 0
    for seed in range(200):
        source, sought, holders, limit = random_network(seed)
        found = top_k(sought, source, holders=holders, limit=limit, budget=Budget(800, 3))
        scored = {
            m.profile_id: m for m in brute_force(source.visible_candidates(sought), sought, 10**6)
        }
        assert all(scored[m.profile_id] == m for m in found.matches)
        assert found.matches == sorted(found.matches, key=lambda m: m.sort_key)
        if found.exact:
            assert found.matches == brute_force(source.visible_candidates(sought), sought, limit)
        else:
            approximate += 1
    assert approximate > 0


def test_no_skill_or_no_limit_finds_nobody() -> None:
    source = MemorySource([person(1, {WEB: 4})], {1})
    assert top_k(need(()), source, holders={WEB: 1}, limit=20).matches == []
    assert top_k(need(), source, holders={WEB: 1}, limit=0).matches == []


def test_the_pool_serves_the_best_known_first_and_unpacks_levels() -> None:
    seen = Pool(maximum=10.0)
    seen.add([3, 7, 9], 2.0, 4 << 0)
    seen.add([1, 2], 1.0, 2 << 0)
    seen.raise_known(9, 3.0, 3 << 3)
    assert seen.peek() == (9, 5.0)
    assert unpack(seen.remove(9), {WEB: 0, SEO: 3}) == {WEB: 4, SEO: 3}
    assert seen.peek() == (3, 2.0)
    assert seen.count_above(1.5) == 2
    assert seen.kth_known(3) <= 1.0

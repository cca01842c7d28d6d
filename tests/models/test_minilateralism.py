"""Tests for the minilateralism model: memberships, maturity scorecard, size vs agility."""

from __future__ import annotations

import itertools

import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models import minilateralism as m


def test_groups_and_members():
    assert set(m.groups()) == {"G7", "BRICS", "I2U2", "3SI", "AUKUS"}
    assert m.members("I2U2") == ("India", "Israel", "United Arab Emirates", "United States")
    assert len(m.members("G7")) == 7
    assert len(m.members("3SI")) == 13
    assert m.members("AUKUS") == ("Australia", "United Kingdom", "United States")


def test_overlaps():
    assert m.shared_members("BRICS", "I2U2") == ("India", "United Arab Emirates")
    assert m.shared_members("G7", "3SI") == ()
    table = m.overlap_table()
    assert len(table) == len(m.groups()) ** 2
    diagonal = table[table["same_group"]]
    assert all(row.n_shared == len(m.members(row.group_a)) for row in diagonal.itertuples())
    pair = table[(table.group_a == "G7") & (table.group_b == "AUKUS")].iloc[0]
    assert pair["n_shared"] == 2 and pair["shared"] == "United Kingdom, United States"
    # symmetric
    wide = table.pivot(index="group_a", columns="group_b", values="n_shared")
    assert (wide == wide.T).all().all()


def test_membership_matrix_puts_bridging_countries_first():
    matrix = m.membership_matrix()
    assert matrix.index[0] == "United States"
    assert matrix.loc["United States"].sum() == 3
    assert matrix.to_numpy().sum() == len(load_table("minilateralism_memberships"))


def test_maturity_scorecard():
    assert m.CRITERIA == ("organisation", "governance", "accountability", "global_positioning")  # Filer's four questions
    result = m.maturity({"organisation": 0, "governance": 1, "accountability": 2, "global_positioning": 1})
    assert result.total == 4
    assert result.share == pytest.approx(4 / 12)
    assert result.stage == "emerging organisation"
    assert result.gaps == ("organisation", "governance", "global_positioning")
    assert m.maturity(dict.fromkeys(m.CRITERIA, 0)).stage == "talking shop"
    assert m.maturity(dict.fromkeys(m.CRITERIA, 3)).stage == "institutionalised organisation"
    assert m.maturity(dict.fromkeys(m.CRITERIA, 3)).gaps == ()


@pytest.mark.parametrize(
    ("scores", "match"),
    [
        ({"organisation": 1}, "missing"),
        ({**dict.fromkeys(m.CRITERIA, 1), "charisma": 2}, "Unknown criteria"),
        ({**dict.fromkeys(m.CRITERIA, 1), "governance": 4}, "0 to 3"),
        ({**dict.fromkeys(m.CRITERIA, 1), "governance": 1.5}, "whole number"),
        ({**dict.fromkeys(m.CRITERIA, 1), "governance": True}, "whole number"),
        ([1, 2, 3, 4], "mapping"),
    ],
)
def test_maturity_rejects_bad_scores(scores, match):
    with pytest.raises(ValueError, match=match):
        m.maturity(scores)


def test_stage_thresholds_and_bad_share():
    assert m.maturity_stage(0.0) == "talking shop"
    assert m.maturity_stage(0.25) == "emerging organisation"
    assert m.maturity_stage(1.0) == "institutionalised organisation"
    with pytest.raises(ValueError):
        m.maturity_stage(1.5)


def test_agreement_probability():
    assert m.agreement_probability(5, 0.9) == pytest.approx(0.9**5)
    assert m.agreement_probability(3, 0.5, "majority") == pytest.approx(0.5)
    assert m.agreement_probability(4, 1.0, "majority") == pytest.approx(1.0)
    # majority of 3 with p = 0.8: 3 * 0.8^2 * 0.2 + 0.8^3
    assert m.agreement_probability(3, 0.8, "majority") == pytest.approx(3 * 0.64 * 0.2 + 0.512)
    # under unanimity, bigger groups are less agile
    values = [m.agreement_probability(n, 0.9) for n in range(2, 20)]
    assert all(a > b for a, b in zip(values, values[1:]))


def test_reach_links_and_impact():
    assert m.coordination_links(7) == 21
    assert m.reach(1 + 1, 0.5) == pytest.approx(0.75)
    assert m.expected_impact(5, 0.9, "unanimity", 0.08) == pytest.approx(0.9**5 * (1 - 0.92**5))


def test_unanimity_has_an_interior_best_size_and_majority_removes_it():
    best = m.best_size(0.9, "unanimity", per_member=0.08)
    assert 2 < best < 24
    curve = m.tradeoff_curve(0.9, "unanimity", per_member=0.08)
    assert curve.loc[curve.impact.idxmax(), "n"] == best
    assert m.best_size(0.9, "majority", per_member=0.08) == 24
    # more agreeable members allow bigger groups
    assert m.best_size(0.96, "unanimity") > m.best_size(0.86, "unanimity")


def test_tradeoff_grid_is_small_and_consistent():
    grid = m.tradeoff_grid()
    assert len(grid) < 2500
    assert grid.groupby(["p", "per_member", "rule"])["best"].sum().eq(1).all()
    row = grid[(grid.n == 6) & (grid.p == 0.9) & (grid.per_member == 0.08) & (grid.rule == "unanimity")].iloc[0]
    assert row["impact"] == pytest.approx(m.expected_impact(6, 0.9, "unanimity", 0.08))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: m.agreement_probability(1, 0.9), "at least 2"),
        (lambda: m.agreement_probability(0, 0.9), "at least 1"),
        (lambda: m.agreement_probability(5, 1.2), "between 0 and 1"),
        (lambda: m.agreement_probability(5, 0.9, "veto"), "decision rule"),
        (lambda: m.agreement_probability(5.5, 0.9), "whole number"),
        (lambda: m.reach(5, -0.1), "between 0 and 1"),
        (lambda: m.coordination_links(1000), "at most"),
        (lambda: m.tradeoff_curve(0.9, sizes=[]), "at least one"),
        (lambda: m.members("NATO"), "Unknown group"),
    ],
)
def test_bad_input_gives_clear_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


GOOD_LEVELS = {"organisation": 2, "governance": 2, "accountability": 1, "global_positioning": 1}


def test_a_balanced_design_works():
    result = m.evaluate_design(["Arvia", "Borland", "Caspia", "Doria"], GOOD_LEVELS)
    assert result.works, result.problems
    assert result.reach == pytest.approx(1 - 0.7 * 0.75 * 0.85 * 0.88)
    assert result.agility == pytest.approx(0.78 * 0.82 * 0.92 * 0.95)
    assert (result.budget, result.cost) == (13, 10)


def test_inviting_everyone_loses_agility():
    result = m.evaluate_design(list(m.DESIGN_CANDIDATES), GOOD_LEVELS)
    assert not result.works and any("agility" in p for p in result.problems)


def test_top_maturity_cannot_be_paid_for_by_any_agile_group():
    top = dict.fromkeys(m.CRITERIA, m.MAX_LEVEL)
    names = list(m.DESIGN_CANDIDATES)
    for k in range(2, len(names) + 1):
        for group in itertools.combinations(names, k):
            assert not m.evaluate_design(list(group), top).works


def test_a_small_agile_group_lacks_critical_mass():
    result = m.evaluate_design(["Elmora", "Fennick", "Halvea"], GOOD_LEVELS)
    assert any("critical mass" in p for p in result.problems)


def test_minimum_maturity_is_required():
    result = m.evaluate_design(["Arvia", "Borland", "Caspia", "Doria"], dict.fromkeys(m.CRITERIA, 0))
    assert any("organisation" in p for p in result.problems) and any("accountability" in p for p in result.problems)


@pytest.mark.parametrize(
    ("members", "match"),
    [("Arvia, Borland", "list of candidate"), (["Arvia", "Narnia"], "candidate"), (["Arvia", "Arvia"], "once"), (["Arvia"], "at least 2")],
)
def test_bad_designs_are_refused(members, match):
    with pytest.raises(ValueError, match=match):
        m.evaluate_design(members, GOOD_LEVELS)


def test_sources():
    for name in ("minilateralism_groups", "minilateralism_experts", "minilateralism_maturity_evidence"):
        assert load_table(name)["source"].str.contains("minilateralism2024|powerrelations2024").all()
    assert load_table("minilateralism_maturity_criteria")["source"].str.contains("illustrative").all()
    assert load_table("minilateralism_memberships")["source"].str.contains(
        "minilateralism2024|powerrelations2024|general knowledge"
    ).all()

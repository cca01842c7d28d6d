"""Tests of the new technology diplomacy scorecard (Feijóo et al. 2020 §7)."""

from __future__ import annotations

import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models import technology_diplomacy as td


def test_tables_match_the_essay():
    assert list(load_table("technology_diplomacy_tasks")["numeral"]) == ["i", "ii", "iii", "iv"]
    assert set(load_table("technology_diplomacy_criteria")["criterion"]) == set(td.CRITERIA)
    assert set(load_table("technology_diplomacy_designs")["design"]) == set(td.DESIGNS)
    diplomats = load_table("technology_diplomacy_actors").query("kind == 'diplomat'")["actor"]
    assert set(diplomats) == {"government_diplomats", "corporate_diplomats", "citizen_diplomats"}
    avenues = set(td.avenues()["avenue"])
    assert {"red_teaming", "responsible_disclosure", "secure_hardware", "prepublication_risk_assessment",
            "best_practice_standards"} <= avenues
    precedents = load_table("technology_diplomacy_precedents").set_index("precedent")
    assert precedents.loc["garmisch_1968", "year"] == 1968 and precedents.loc["asilomar_1975", "year"] == 1975


def test_every_profile_weights_every_criterion():
    for profile in td.PROFILES:
        assert set(td.profile_weights(profile)) == set(td.CRITERIA)


def test_score_bounds():
    assert td.score_design({c: 4 for c in td.CRITERIA}).total == 100
    assert td.score_design({c: 0 for c in td.CRITERIA}).total == 0
    assert td.score_design({c: 2 for c in td.CRITERIA}, "security_first").total == 50


def test_breakdown_adds_up_and_names_the_weakest():
    ratings = {c: 3 for c in td.CRITERIA} | {"agility": 1}
    score = td.score_design(ratings, "inclusion_first")
    assert score.breakdown["points"].sum() == pytest.approx(score.total, abs=0.1)
    assert score.breakdown["max_points"].sum() == pytest.approx(100, abs=0.1)
    assert score.weakest == ("agility",)
    assert "agility" in str(score)


def test_custom_weights_and_zero_weight():
    ratings = {c: 4 for c in td.CRITERIA} | {"agility": 0}
    only_agility = td.score_design(ratings, {"agility": 1})
    assert only_agility.total == 0
    ignore_agility = td.score_design(ratings, {c: 1 for c in td.CRITERIA if c != "agility"})
    assert ignore_agility.total == 100
    assert "agility" not in ignore_agility.weakest


def test_profiles_change_the_ranking():
    assert td.design_ranking("equal")["design"].iloc[0] == "dedicated_organisation"
    security = list(td.design_ranking("security_first")["design"])
    assert security[:2] == ["ipcc_style_panel", "treaty_organisation"]
    # The chapter's prediction: tripling agility's weight does not make the most agile design win.
    speed = list(td.design_ranking("speed_first")["design"])
    assert speed[0] == "dedicated_organisation" and speed.index("minilateral_group") >= 3
    assert max(td.DESIGNS, key=lambda d: td.design_ratings(d)["agility"]) == "minilateral_group"


def test_minilateral_and_ipcc_designs_carry_the_tension_with_critical_mass():
    mini, ipcc = td.design_ratings("minilateral_group"), td.design_ratings("ipcc_style_panel")
    assert mini["agility"] > ipcc["agility"] and mini["critical_mass"] < ipcc["critical_mass"]
    designs = load_table("technology_diplomacy_designs").set_index("design")
    assert designs.loc["minilateral_group", "source"].startswith("minilateralism2024")
    assert designs["source"].str.endswith("ratings illustrative").all()


def test_every_design_says_what_the_essays_say():
    treaty = td.design_caveat("treaty_organisation")
    assert "beyond formal multilateral institutions and treaties" in treaty and "malicious AI" in treaty
    assert "critical mass" in td.design_caveat("minilateral_group")
    assert all(len(td.design_caveat(d)) > 20 for d in td.DESIGNS)
    with pytest.raises(ValueError, match="Unknown design"):
        td.design_caveat("world_government")


def test_building_blocks_set_the_ratings():
    assert td.build_design([]) == dict.fromkeys(td.CRITERIA, td.BASE_RATING)
    built = td.build_design(["open_publication", "small_core_group"])
    assert built["openness"] == 4 and built["agility"] == 3 and built["critical_mass"] == 0
    assert td.build_design(["universal_membership", "membership_tiers"])["critical_mass"] == td.MAX_RATING
    assert td.blocks_cost(["universal_membership", "open_publication"]) == 4
    assert set(load_table("technology_diplomacy_blocks")["block"]) == set(td.BLOCKS)


@pytest.mark.parametrize(
    ("blocks", "message"),
    [(["consensus_rule", "majority_rule"], "exclude each other"), (["moat"], "Unknown building block"),
     (["secretariat", "secretariat"], "twice"), ("secretariat", "list of block names")],
)
def test_bad_blocks_raise(blocks, message):
    with pytest.raises(ValueError, match=message):
        td.build_design(blocks)


def test_worst_case_score():
    profile, score = td.worst_case_score(td.design_ratings("minilateral_group"))
    assert profile == "inclusion_first" and score == td.score_design(td.design_ratings("minilateral_group"), profile).total
    assert td.worst_case_score({c: 4 for c in td.CRITERIA}) == ("equal", 100.0)


def test_scorecard_grid_is_small():
    grid = td.scorecard_grid()
    assert len(grid) == len(td.PROFILES) * len(td.DESIGNS) * len(td.CRITERIA)
    totals = grid.groupby(["profile", "design"])["points"].sum()
    assert (totals <= 100.01).all()


@pytest.mark.parametrize(
    ("ratings", "message"),
    [({"polycentric": 4}, "missing"), ({c: 5 for c in td.CRITERIA}, "0 to 4"),
     ({c: 2.5 for c in td.CRITERIA}, "whole number"), ({c: True for c in td.CRITERIA}, "whole number"),
     ({**{c: 2 for c in td.CRITERIA}, "beauty": 4}, "Unknown criterion"), ([1, 2, 3], "dict")],
)
def test_bad_ratings_raise(ratings, message):
    with pytest.raises(ValueError, match=message):
        td.score_design(ratings)


@pytest.mark.parametrize(
    ("weights", "message"),
    [("heavy", "Unknown weighting profile"), ({"agility": -1}, "negative"), ({c: 0 for c in td.CRITERIA}, "positive weight"),
     ({"speed": 1}, "Unknown criterion"), (3, "profile name")],
)
def test_bad_weights_raise(weights, message):
    with pytest.raises(ValueError, match=message):
        td.score_design({c: 2 for c in td.CRITERIA}, weights)


def test_lookups_and_their_errors():
    assert td.task_for("iii") == "negotiate_norms"
    assert set(td.avenues("technical")["avenue"]) == {"formal_verification", "security_tools", "secure_hardware"}
    with pytest.raises(ValueError, match="Unknown task numeral"):
        td.task_for("v")
    with pytest.raises(ValueError, match="Unknown kind"):
        td.avenues("magic")
    with pytest.raises(ValueError, match="Unknown design"):
        td.design_ratings("world_government")


def test_capstone_roles_link_to_earlier_chapters():
    roles = td.capstone_roles(9)
    assert roles["role"].iloc[0] == "us_delegation"
    assert set(roles["chapter"]) == {"policy_paths", "fragmentation", "disruptions", "regulation", "reciprocity",
                                     "power_relations", "minilateralism", "regional_cooperation"}
    assert all(link.startswith("../chapters/") and link.endswith(".ipynb") for link in roles["link"])
    assert roles["prepare"].str.len().min() > 20


def test_capstone_role_names_stay_stable_for_the_summit_page():
    assert list(td.capstone_roles(9)["role"]) == [
        "us_delegation", "eu_delegation", "china_delegation", "corporate_diplomats", "citizen_diplomats",
        "korea_delegation", "power_analysts", "minilateral_chair", "regional_coalition",
    ]
    assert len(td.capstone_roles(3)) == 3


@pytest.mark.parametrize(("n", "message"), [(2, "at least 3"), (10, "at most"), (4.0, "whole number"), (0, "at least 1")])
def test_bad_team_counts_raise(n, message):
    with pytest.raises(ValueError, match=message):
        td.capstone_roles(n)

"""Tests of the regional cooperation / AI for the SDGs model (Baek 2023)."""

from __future__ import annotations

import dataclasses

import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models import regional_cooperation as rc


def good_proposal(**changes):
    fields = dict(
        mission="Digital health care for older people in border regions",
        issue="ageing",
        sdgs=(3, 10),
        partners=3,
        years=5,
        shared_benefit=True,
        risk_assessment=True,
        ethics_transparency=True,
        public_good=True,
        community_serving=True,
        lesson_sharing=True,
        steps=tuple(load_table("regional_cooperation_mission_steps")["step"]),
    )
    fields.update(changes)
    return rc.MissionProposal(**fields)


def test_tables_match_the_essay():
    assert list(load_table("regional_cooperation_stages").sort_values("order")["stage"]) == list(rc.STAGES)
    assert set(load_table("regional_cooperation_drivers")["driver"]) == set(rc.DRIVERS)
    assert len(load_table("regional_cooperation_sdgs")) == 17
    assert set(load_table("regional_cooperation_issues")["issue"]) == {"low_birth_rate", "ageing", "carbon_neutrality"}
    assert len(load_table("regional_cooperation_principles")) == 4
    assert len(load_table("regional_cooperation_obstacles")) == 4
    assert len(load_table("regional_cooperation_recommendations")) == 4


@pytest.mark.parametrize(
    ("stage", "drivers"),
    [("trade", ["raw_materials", "demand"]), ("production", ["labour_costs", "regulations"]),
     ("science_innovation", ["human_capital", "infrastructure"])],
)
def test_drivers_of_each_stage(stage, drivers):
    assert rc.drivers_of(stage) == drivers
    assert rc.classify_stage({d: 1.0 for d in drivers}) == stage


def test_scores_are_means_and_missing_drivers_count_as_zero():
    scores = rc.stage_scores({"raw_materials": 1, "demand": 0.5})
    assert scores["trade"] == pytest.approx(0.75)
    assert scores["production"] == 0 and scores["science_innovation"] == 0


def test_ties_go_to_the_later_stage_and_weak_drivers_to_none():
    assert rc.classify_stage({d: 1.0 for d in rc.DRIVERS}) == "science_innovation"
    assert rc.classify_stage({"demand": 0.8, "labour_costs": 0.8}) == "production"
    assert rc.classify_stage({}) == rc.NO_NETWORK
    assert rc.classify_stage({"demand": 0.4}) == rc.NO_NETWORK


def test_stage_grid_is_small_and_consistent():
    grid = rc.stage_grid()
    assert len(grid) == 2 ** 6 * 3
    row = grid[(grid["human_capital"] == 1) & (grid["infrastructure"] == 1) & (grid["demand"] == 0)
               & (grid["raw_materials"] == 0) & (grid["labour_costs"] == 0) & (grid["regulations"] == 0)]
    assert set(row["classified"]) == {"science_innovation"}


@pytest.mark.parametrize(
    ("levels", "message"),
    [({"oil": 1}, "Unknown driver"), ({"demand": 2}, "between 0 and 1"), ({"demand": "high"}, "number"),
     ([0.5], "mapping")],
)
def test_bad_levels_raise(levels, message):
    with pytest.raises(ValueError, match=message):
        rc.stage_scores(levels)


def test_bad_stage_and_grid_raise():
    with pytest.raises(ValueError, match="Unknown stage"):
        rc.drivers_of("services")
    with pytest.raises(ValueError):
        rc.stage_grid([1.5])
    with pytest.raises(ValueError, match="at least one level"):
        rc.stage_grid([])


def test_sdg_mapping_both_ways():
    green = rc.sdgs_for_application("green_manufacturing")
    assert set(green.loc[green["role"] == "primary", "sdg"]) == {9, 13}
    assert "digital_healthcare" in set(rc.applications_for_sdg(3)["application"])
    assert rc.applications_for_sdg(5).empty
    matrix = rc.sdg_matrix()
    assert len(matrix) == 8 * 17
    assert set(matrix["role"]) == {"primary", "secondary", "none"}


@pytest.mark.parametrize("bad", [0, 18, "3", 2.0, True])
def test_bad_sdg_raises(bad):
    with pytest.raises(ValueError, match="1 to 17"):
        rc.applications_for_sdg(bad)


def test_unknown_application_raises():
    with pytest.raises(ValueError, match="Unknown application"):
        rc.sdgs_for_application("crypto_mining")


def test_a_complete_proposal_is_ready():
    proposal = good_proposal()
    assert rc.check_proposal(proposal)["met"].all()
    assert rc.principle_summary(proposal)["satisfied"].all()
    assert rc.missing_mission_steps(proposal) == []
    assert rc.proposal_ready(proposal)


@pytest.mark.parametrize(
    ("change", "principle"),
    [({"partners": 1}, "mutual_benefit"), ({"issue": "other"}, "mutual_benefit"),
     ({"risk_assessment": False}, "security_assurance"), ({"years": 1}, "long_term_stability"),
     ({"lesson_sharing": False}, "experience_sharing")],
)
def test_each_gap_fails_its_principle(change, principle):
    summary = rc.principle_summary(good_proposal(**change)).set_index("principle")
    assert not summary.loc[principle, "satisfied"]
    assert summary.drop(index=principle)["satisfied"].all()
    assert not rc.proposal_ready(good_proposal(**change))


def test_missing_steps_are_listed_in_order():
    proposal = good_proposal(steps=("design_plans", "monitor_progress"))
    assert rc.missing_mission_steps(proposal) == ["mobilise_resources", "tackle_rd", "harmonise_policy", "foster_collaboration"]


@pytest.mark.parametrize(
    ("change", "message"),
    [({"mission": ""}, "mission"), ({"issue": "space"}, "Unknown issue"), ({"sdgs": ()}, "at least one"),
     ({"sdgs": (0,)}, "1 to 17"), ({"sdgs": "3"}, "list"), ({"partners": 0}, "at least 1"),
     ({"years": 2.5}, "whole number"), ({"years": 99}, "at most"), ({"public_good": "yes"}, "True or False"),
     ({"steps": ("party",)}, "Unknown mission step")],
)
def test_bad_proposals_raise(change, message):
    with pytest.raises(ValueError, match=message):
        good_proposal(**change)


def test_from_dict_checks_keys():
    fields = dataclasses.asdict(good_proposal())
    assert rc.MissionProposal.from_dict(fields) == good_proposal()
    with pytest.raises(ValueError, match="Unknown proposal fields"):
        rc.MissionProposal.from_dict({**fields, "budget": 3})
    with pytest.raises(ValueError, match="missing"):
        rc.MissionProposal.from_dict({"mission": "Something useful"})
    with pytest.raises(ValueError, match="dict"):
        rc.MissionProposal.from_dict(["not", "a", "dict"])


def test_planner_rejects_non_proposals():
    with pytest.raises(ValueError, match="MissionProposal"):
        rc.check_proposal({"mission": "x"})
    with pytest.raises(ValueError, match="MissionProposal"):
        rc.missing_mission_steps(None)


# --- planning under constraints -----------------------------------------------------------------

STEPS = ("design_plans", "mobilise_resources", "tackle_rd", "monitor_progress", "harmonise_policy", "foster_collaboration")


def _plan(**changes):
    fields = dict(mission="Clean air for the region", issue="pollution", sdgs=(11,), partners=("Aster", "Brill", "Delma"),
                  years=5, risk_assessment=True, ethics_guidelines=False, open_platform=True, lesson_sharing=True, steps=STEPS)
    fields.update(changes)
    return rc.MissionPlan(**fields)


def test_equal_means_tie_despite_rounding():
    levels = {"labour_costs": 0.6, "regulations": 0.6, "human_capital": 0.8, "infrastructure": 0.4}
    assert rc.classify_stage(levels) == "science_innovation"


def test_a_balanced_plan_works():
    result = rc.evaluate_plan(_plan())
    assert result.works and result.cost == rc.PLAN_BUDGET and result.setup_years == 2 and result.capacity == 6


def test_research_security_costs_partners():
    result = rc.evaluate_plan(_plan(risk_assessment=False, ethics_guidelines=True))
    assert result.withdrawn == ("Brill",) and not result.works


def test_divergent_approaches_cost_years_unless_guidelines():
    without = rc.evaluate_plan(_plan(partners=("Aster", "Delma", "Eskar", "Fenn"), risk_assessment=False, ethics_guidelines=False))
    with_guidelines = rc.evaluate_plan(_plan(partners=("Aster", "Delma", "Eskar", "Fenn"), risk_assessment=False, ethics_guidelines=True))
    assert (without.setup_years, with_guidelines.setup_years) == (4, 2)
    assert with_guidelines.works


def test_buying_everything_breaks_the_budget():
    result = rc.evaluate_plan(_plan(partners=tuple(rc.PLAN_PARTNERS), years=10, ethics_guidelines=True))
    assert any(p.startswith("budget") for p in result.problems)


@pytest.mark.parametrize(
    ("changes", "match"),
    [({"partners": ("Atlantis",)}, "partner"), ({"partners": ("Aster", "Aster")}, "once"), ({"years": 11}, "years"),
     ({"open_platform": "yes"}, "True or False"), ({"sdgs": ()}, "at least one goal"), ({"steps": ("dream",)}, "mission step")],
)
def test_bad_plans_are_refused(changes, match):
    with pytest.raises(ValueError, match=match):
        _plan(**changes)


def test_plan_from_dict_and_evaluate_need_the_right_types():
    with pytest.raises(ValueError, match="Unknown plan fields"):
        rc.MissionPlan.from_dict({"mission": "x", "budget": 3})
    with pytest.raises(ValueError, match="missing"):
        rc.MissionPlan.from_dict({"mission": "Clean air"})
    with pytest.raises(ValueError, match="MissionPlan"):
        rc.evaluate_plan({"mission": "x"})

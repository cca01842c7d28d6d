"""Tests of the regional cooperation checkers: right answers pass; the trivial, all-true and
everything-maxed plans fail; wrong stages get the likely misconception; malformed answers get
friendly feedback."""

from __future__ import annotations

import itertools

import pytest

from techdiplomacy.exercises import regional_cooperation as ex
from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.models.regional_cooperation import PLAN_COSTS, PLAN_PARTNERS, MissionPlan, evaluate_plan

ALL_STEPS = ["design_plans", "mobilise_resources", "tackle_rd", "monitor_progress", "harmonise_policy", "foster_collaboration"]
RIGHT_STAGES = {"delta": "production", "harbour": "science_innovation", "upland": "none"}


def plan(**changes):
    answer = {
        "mission": "Green factories for a carbon-neutral Northeast Asia",
        "issue": "carbon_neutrality",
        "sdgs": [13, 9],
        "partners": ["Aster", "Brill", "Delma"],
        "years": 5,
        "risk_assessment": True,
        "ethics_guidelines": False,
        "open_platform": True,
        "lesson_sharing": True,
        "steps": ALL_STEPS,
    }
    answer.update(changes)
    return answer


TEMPLATE = {"mission": "...", "issue": "other", "sdgs": [9], "partners": ["Aster"], "years": 1,
            "risk_assessment": False, "ethics_guidelines": False, "open_platform": False, "lesson_sharing": False,
            "steps": ["design_plans"]}


# --- task 1 (recall) --------------------------------------------------------------------------------

def test_issue_responses():
    right = {"low_birth_rate": "smart_education", "ageing": "digital_healthcare", "carbon_neutrality": "green_manufacturing"}
    assert ex.check_issue_responses(right).correct
    swapped = {**right, "ageing": "smart_education", "low_birth_rate": "digital_healthcare"}
    feedback = ex.check_issue_responses(swapped)
    assert not feedback.correct and "2 of 3" in feedback.message and "education" in feedback.hint
    assert "Unknown application" in ex.check_issue_responses({**right, "ageing": "robots"}).message
    assert "exactly the three issues" in ex.check_issue_responses({"ageing": "digital_healthcare"}).message
    assert not ex.check_issue_responses("smart_education").correct


# --- task 2 (apply) ---------------------------------------------------------------------------------

def test_stages_right():
    assert ex.check_stages(RIGHT_STAGES).correct
    assert ex.check_stages({"delta": "Production network", "harbour": "science and innovation", "upland": "None"}).correct


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"delta": "trade"}, "single strongest driver"),
        ({"harbour": "production"}, "sends ties to the later stage"),
        ({"upland": "trade"}, "no stage reaches the floor"),
        ({"delta": "none"}, "above the floor"),
    ],
)
def test_stages_name_the_misconception(changes, fragment):
    feedback = ex.check_stages({**RIGHT_STAGES, **changes})
    assert not feedback.correct and fragment in feedback.message and feedback.hint


def test_one_stage_for_every_region_is_rejected():
    for stage in ("trade", "production", "science_innovation", "none"):
        assert not ex.check_stages(dict.fromkeys(RIGHT_STAGES, stage)).correct


@pytest.mark.parametrize("answer", [None, ..., "production", {"delta": "production"}, {**RIGHT_STAGES, "delta": 3},
                                    {**RIGHT_STAGES, "delta": "services"}, {**RIGHT_STAGES, "upland": ...}])
def test_stages_malformed(answer):
    feedback = ex.check_stages(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


# --- task 3 (create / judge) ------------------------------------------------------------------------

def test_good_plans_pass():
    assert ex.check_mission_plan(plan()).correct
    other = plan(partners=["Aster", "Delma", "Eskar", "Fenn"], risk_assessment=False, ethics_guidelines=True)
    assert ex.check_mission_plan(other).correct


def test_the_trivial_answer_is_rejected():
    assert not ex.check_mission_plan(TEMPLATE).correct
    assert not ex.check_mission_plan({**TEMPLATE, "mission": "Clean air for the region"}).correct


def test_setting_every_yes_no_field_to_true_is_rejected():
    all_true = {**TEMPLATE, "mission": "Clean air for the region", **dict.fromkeys(PLAN_COSTS, True)}
    assert not ex.check_mission_plan(all_true).correct
    # ... and no plan that buys all four safeguards fits the budget, whatever its partners and years.
    for k in range(1, len(PLAN_PARTNERS) + 1):
        for partners in itertools.combinations(PLAN_PARTNERS, k):
            for years in range(1, 11):
                candidate = MissionPlan("Clean air", "pollution", (11,), partners, years, True, True, True, True, tuple(ALL_STEPS))
                assert not evaluate_plan(candidate).works


def test_everything_maxed_is_rejected():
    maxed = plan(partners=list(PLAN_PARTNERS), years=10, **dict.fromkeys(PLAN_COSTS, True))
    feedback = ex.check_mission_plan(maxed)
    assert not feedback.correct and "budget" in feedback.message and "Everything at once" in feedback.hint


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"risk_assessment": False, "ethics_guidelines": True}, "research security"),
        ({"years": 4}, "divergent approaches"),
        ({"partners": ["Aster", "Fenn", "Delma"]}, "capacity"),
        ({"open_platform": False}, "long-term"),
        ({"lesson_sharing": False}, "experience sharing"),
        ({"steps": ALL_STEPS[:3]}, "mission steps"),
        ({"issue": "other"}, "mutual benefit"),
    ],
)
def test_each_constraint_bites(changes, fragment):
    feedback = ex.check_mission_plan(plan(**changes))
    assert not feedback.correct and fragment in feedback.message and feedback.hint


def test_sdg_must_match_the_issue():
    feedback = ex.check_mission_plan(plan(sdgs=[4]))
    assert not feedback.correct and "main goal" in feedback.message


@pytest.mark.parametrize(
    "answer",
    [None, ..., "a plan", plan(years="five"), plan(budget=10), {"mission": "Something"}, plan(sdgs=[18]),
     plan(issue="space"), plan(partners=["Atlantis"]), plan(partners="Aster, Brill"), plan(partners=["Aster", "Aster", "Brill"]),
     plan(risk_assessment="yes"), plan(years=0)],
)
def test_malformed_plans(answer):
    feedback = ex.check_mission_plan(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_placeholders_get_a_clear_message():
    for feedback in (ex.check_stages(...), ex.check_issue_responses({"ageing": ...}), ex.check_mission_plan({"mission": "..."})):
        assert not feedback.correct and "Replace every ..." in feedback.message

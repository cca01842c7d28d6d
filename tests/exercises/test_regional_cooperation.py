"""Tests of the regional cooperation checkers: correct, wrong and malformed answers."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises import regional_cooperation as ex
from techdiplomacy.exercises.feedback import Feedback

ALL_STEPS = ["design_plans", "mobilise_resources", "tackle_rd", "monitor_progress", "harmonise_policy", "foster_collaboration"]


def good_proposal(**changes):
    proposal = {
        "mission": "Green factories for a carbon-neutral Northeast Asia",
        "issue": "carbon_neutrality",
        "sdgs": [13, 9],
        "partners": 3,
        "years": 5,
        "shared_benefit": True,
        "risk_assessment": True,
        "ethics_transparency": True,
        "public_good": True,
        "community_serving": True,
        "lesson_sharing": True,
        "steps": ALL_STEPS,
    }
    proposal.update(changes)
    return proposal


@pytest.mark.parametrize("answer", ["production", "Production network", " production. "])
def test_stage_correct(answer):
    feedback = ex.check_stage(answer)
    assert isinstance(feedback, Feedback) and feedback.correct


def test_stage_wrong_and_malformed():
    wrong = ex.check_stage("trade")
    assert not wrong.correct and "average" in wrong.message and wrong.hint
    assert "not one of the essay's stages" in ex.check_stage("services").message
    for bad in (None, 3, "", ["production"]):
        feedback = ex.check_stage(bad)
        assert not feedback.correct and feedback.hint


def test_issue_responses():
    right = {"low_birth_rate": "smart_education", "ageing": "digital_healthcare", "carbon_neutrality": "green_manufacturing"}
    assert ex.check_issue_responses(right).correct
    swapped = {**right, "ageing": "smart_education", "low_birth_rate": "digital_healthcare"}
    feedback = ex.check_issue_responses(swapped)
    assert not feedback.correct and "2 of 3" in feedback.message and "education" in feedback.hint
    assert "Unknown application" in ex.check_issue_responses({**right, "ageing": "robots"}).message
    assert "exactly the three issues" in ex.check_issue_responses({"ageing": "digital_healthcare"}).message
    assert not ex.check_issue_responses("smart_education").correct


def test_mission_proposal_correct():
    feedback = ex.check_mission_proposal(good_proposal())
    assert feedback.correct, feedback


@pytest.mark.parametrize(
    ("change", "expected"),
    [({"partners": 1}, "Mutual benefit"), ({"years": 1}, "Long-term stable cooperation"),
     ({"risk_assessment": False}, "Security assurance"), ({"steps": ALL_STEPS[:2]}, "leaves out"),
     ({"sdgs": [4]}, "do not include a main goal")],
)
def test_mission_proposal_wrong(change, expected):
    feedback = ex.check_mission_proposal(good_proposal(**change))
    assert not feedback.correct and expected in feedback.message and feedback.hint


@pytest.mark.parametrize(
    "answer",
    [None, "a proposal", good_proposal(years="five"), good_proposal(budget=10), {"mission": "Something"},
     good_proposal(sdgs=[18]), good_proposal(issue="space")],
)
def test_mission_proposal_malformed(answer):
    feedback = ex.check_mission_proposal(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_placeholders_get_a_clear_message():
    for feedback in (ex.check_stage(...), ex.check_issue_responses({"ageing": ...}), ex.check_mission_proposal({"mission": "..."})):
        assert not feedback.correct and "Replace every ..." in feedback.message

"""The minilateralism checkers: right, wrong and malformed answers all get feedback."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.minilateralism import check_g7_scorecard, check_overlap, check_proposal


@pytest.mark.parametrize("answer", [["India", "United Arab Emirates"], ("UAE", "india"), {"India", "U.A.E."}])
def test_overlap_correct(answer):
    feedback = check_overlap(answer)
    assert isinstance(feedback, Feedback) and feedback.correct


@pytest.mark.parametrize("answer", [["India"], ["India", "Israel"], ["India", "United Arab Emirates", "United States"]])
def test_overlap_wrong(answer):
    feedback = check_overlap(answer)
    assert not feedback.correct and feedback.hint


@pytest.mark.parametrize("answer", ["India, UAE", 3, ..., [1, 2], ["India", ""]])
def test_overlap_malformed(answer):
    feedback = check_overlap(answer)
    assert not feedback.correct and feedback.hint


GOOD_SCORES = {"secretariat": 1, "budget": 0, "decision_making": 1, "institutional_memory": 1}


def test_g7_scorecard():
    assert check_g7_scorecard(GOOD_SCORES).correct
    wrong = check_g7_scorecard({**GOOD_SCORES, "secretariat": 3})
    assert not wrong.correct and "no permanent secretariat" in wrong.message


@pytest.mark.parametrize(
    "scores",
    [..., [1, 1, 1, 1], {"secretariat": 1}, {**GOOD_SCORES, "budget": 5}, {**GOOD_SCORES, "budget": "high"}, {**GOOD_SCORES, "vibes": 2}],
)
def test_g7_scorecard_malformed(scores):
    feedback = check_g7_scorecard(scores)
    assert not feedback.correct and feedback.message


GOOD_PROPOSAL = {
    "name": "Frontier AI Testing Compact",
    "problem": "Joint pre-deployment safety testing of frontier AI models",
    "members": ["UK", "United States", "Japan", "Canada", "Singapore"],
    "decision_rule": "unanimity",
    "scores": {"secretariat": 1, "budget": 1, "decision_making": 2, "institutional_memory": 1},
    "justification": (
        "These countries host AI safety institutes and leading labs, so a small group can agree test methods quickly. "
        "Five members keep unanimity workable; a small shared secretariat would keep institutional memory between meetings."
    ),
}


def test_good_proposal():
    feedback = check_proposal(GOOD_PROPOSAL)
    assert feedback.correct
    assert "5 members" in feedback.message and "G7: Canada, Japan, United Kingdom, United States" in feedback.message


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"members": ["UK", "US"]}, "3 to 15"),
        ({"members": ["UK", "United Kingdom", "Japan"]}, "repeated"),
        ({"members": "UK, US, Japan"}, "list of country names"),
        ({"decision_rule": "vibes"}, "decision_rule"),
        ({"scores": {"secretariat": 1}}, "missing"),
        ({"justification": "Because."}, "words"),
        ({"problem": ""}, "problem"),
        ({"extra": 1}, "Unknown key"),
    ],
)
def test_bad_proposals(changes, fragment):
    feedback = check_proposal({**GOOD_PROPOSAL, **changes})
    assert not feedback.correct and fragment in feedback.message and feedback.hint


@pytest.mark.parametrize("answer", [None, ..., "a group", {"name": "x"}])
def test_malformed_proposals(answer):
    feedback = check_proposal(answer)
    assert not feedback.correct and feedback.hint

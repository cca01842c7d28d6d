"""The minilateralism checkers: right answers pass; trivial, all-in and self-rated-top designs fail;
wrong levels get the likely misconception; malformed answers get friendly feedback."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.minilateralism import QUAD_LEVELS, check_design, check_overlap, check_quad_scorecard
from techdiplomacy.models.minilateralism import CRITERIA, DESIGN_CANDIDATES, MAX_LEVEL


@pytest.mark.parametrize("answer", [["India", "United Arab Emirates"], ("UAE", "india"), {"India", "U.A.E."}])
def test_overlap_correct(answer):
    feedback = check_overlap(answer)
    assert isinstance(feedback, Feedback) and feedback.correct


@pytest.mark.parametrize("answer", [["India"], ["India", "Israel"], ["India", "United Arab Emirates", "United States"]])
def test_overlap_wrong(answer):
    feedback = check_overlap(answer)
    assert not feedback.correct and feedback.hint


@pytest.mark.parametrize("answer", ["India, UAE", 3, ..., [1, 2], ["India", ""], None])
def test_overlap_malformed(answer):
    feedback = check_overlap(answer)
    assert not feedback.correct and feedback.hint


def test_quad_scorecard_right():
    feedback = check_quad_scorecard(dict(QUAD_LEVELS))
    assert feedback.correct and "6 of 12" in feedback.message


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"organisation": 2}, "rotating host is not shared staff"),
        ({"governance": 2}, "no collective budget"),
        ({"accountability": 1}, "more than a communiqué"),
        ({"global_positioning": 3}, "not the same as others adopting them"),
    ],
)
def test_quad_scorecard_names_the_misconception(changes, fragment):
    feedback = check_quad_scorecard({**QUAD_LEVELS, **changes})
    assert not feedback.correct and fragment in feedback.message and feedback.hint


def test_quad_scorecard_rejects_top_and_bottom_marks():
    assert not check_quad_scorecard(dict.fromkeys(CRITERIA, MAX_LEVEL)).correct
    assert not check_quad_scorecard(dict.fromkeys(CRITERIA, 0)).correct


@pytest.mark.parametrize(
    "scores",
    [..., None, [1, 1, 1, 1], {"organisation": 1}, {**QUAD_LEVELS, "governance": 5}, {**QUAD_LEVELS, "governance": "high"},
     {**QUAD_LEVELS, "vibes": 2}, {"organisation": ..., "governance": 1, "accountability": 1, "global_positioning": 1}],
)
def test_quad_scorecard_malformed(scores):
    feedback = check_quad_scorecard(scores)
    assert not feedback.correct and feedback.message and feedback.hint


JUSTIFICATION = (
    "Arvia and Borland bring most of the testing capacity, so without them we never reach critical mass; Caspia and "
    "Doria add reach while agreeing easily. We pay for shared staff and progress reports and leave a permanent "
    "secretariat for later, because the budget is small."
)
GOOD_DESIGN = {
    "members": ["Arvia", "Borland", "Caspia", "Doria"],
    "levels": {"organisation": 2, "governance": 2, "accountability": 1, "global_positioning": 1},
    "justification": JUSTIFICATION,
}
TEMPLATE = {"members": ["..."], "levels": dict.fromkeys(CRITERIA, ...), "justification": "..."}


def test_a_good_design_passes():
    feedback = check_design(GOOD_DESIGN)
    assert feedback.correct, feedback
    assert "reach 0.61" in feedback.message and "agility 0.56" in feedback.message


def test_another_good_design_passes():
    design = {**GOOD_DESIGN, "members": ["Borland", "Caspia", "Doria", "Elmora", "Galdor", "Halvea"]}
    assert check_design(design).correct


def test_the_trivial_answer_is_rejected():
    assert not check_design(TEMPLATE).correct
    assert not check_design({**GOOD_DESIGN, "members": ["Elmora", "Fennick"]}).correct


def test_inviting_everyone_is_rejected():
    feedback = check_design({**GOOD_DESIGN, "members": list(DESIGN_CANDIDATES)})
    assert not feedback.correct and "agility" in feedback.message and "veto" in feedback.hint


def test_rating_the_design_top_is_rejected():
    feedback = check_design({**GOOD_DESIGN, "levels": dict.fromkeys(CRITERIA, MAX_LEVEL)})
    assert not feedback.correct and "costs 18" in feedback.message and "limited bureaucratisation" in feedback.hint


def test_everything_maxed_is_rejected():
    assert not check_design({**GOOD_DESIGN, "members": list(DESIGN_CANDIDATES), "levels": dict.fromkeys(CRITERIA, MAX_LEVEL)}).correct


def test_like_minded_small_group_lacks_critical_mass():
    feedback = check_design({**GOOD_DESIGN, "members": ["Elmora", "Fennick", "Halvea"]})
    assert not feedback.correct and "critical mass" in feedback.message and "chapter 9" in feedback.hint


def test_too_little_maturity_is_rejected():
    feedback = check_design({**GOOD_DESIGN, "levels": dict.fromkeys(CRITERIA, 0)})
    assert not feedback.correct and "organisation" in feedback.message


def test_short_justification_is_rejected():
    feedback = check_design({**GOOD_DESIGN, "justification": "Because."})
    assert not feedback.correct and "words" in feedback.message


@pytest.mark.parametrize(
    "answer",
    [None, ..., "a group", {"members": ["Arvia"]}, {**GOOD_DESIGN, "extra": 1}, {**GOOD_DESIGN, "members": "Arvia, Borland"},
     {**GOOD_DESIGN, "members": ["Arvia", "Atlantis"]}, {**GOOD_DESIGN, "levels": [2, 2, 1, 1]}],
)
def test_malformed_designs(answer):
    feedback = check_design(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint

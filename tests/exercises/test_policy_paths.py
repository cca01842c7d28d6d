"""Policy-paths checkers: right, wrong and malformed answers all get friendly feedback."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.policy_paths import check_most_likely_end, check_reflection, check_rights_scenario

MALFORMED = [None, 3, 2.5, [], {}, object(), Ellipsis, "", "   ", {"rights_demand": "high"}, {1: 2}]


@pytest.mark.parametrize("checker", [check_most_likely_end, check_rights_scenario, check_reflection])
@pytest.mark.parametrize("answer", MALFORMED)
def test_malformed_answers_get_feedback_not_a_traceback(checker, answer) -> None:
    feedback = checker(answer)
    assert isinstance(feedback, Feedback)
    assert not feedback.correct
    assert feedback.message


@pytest.mark.parametrize("answer", ["C", "c", " C. "])
def test_most_likely_end_accepts_the_right_letter(answer: str) -> None:
    assert check_most_likely_end(answer).correct


def test_most_likely_end_explains_a_wrong_letter() -> None:
    feedback = check_most_likely_end("B")
    assert not feedback.correct and "not the most likely" in feedback.message and feedback.hint
    assert "not an end state" in check_most_likely_end("Z").message


def test_rights_scenario_right_and_wrong() -> None:
    assert check_rights_scenario({"rights_demand": 1.0, "state_mobilisation": 0.0}).correct
    status_quo = check_rights_scenario({"regulatory_pressure": 0.5, "rights_demand": 0.5, "state_mobilisation": 0.5})
    assert not status_quo.correct and "D is still" in status_quo.message


def test_rights_scenario_names_the_problem() -> None:
    assert "Unknown driver" in check_rights_scenario({"wealth": 1}).message
    assert "between 0 and 1" in check_rights_scenario({"rights_demand": 3}).message


def test_reflection_needs_substance() -> None:
    assert not check_reflection("Too short.").correct
    off_topic = " ".join(["word"] * 40)
    assert "does not yet discuss" in check_reflection(off_topic).message
    good = "The weight of A2 to C is three because the essay says most likely; " + "I would argue for a lower weight " * 3
    assert check_reflection(good).correct

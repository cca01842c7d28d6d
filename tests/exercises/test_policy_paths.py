"""Policy-paths checkers: right answers pass; trivial, all-true, self-rated and malformed answers do not."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.policy_paths import (
    BUDGET,
    TASKS,
    check_coalition_design,
    check_eu_end_state,
    check_reflection,
    check_shock_ends,
    design_report,
)

MALFORMED = [None, 3, 2.5, [], {}, object(), Ellipsis, "", "   ", "...", {"rights_demand": "high"}, {1: 2}]
RIGHT_SHOCK = {"A1": "C", "A2": "D", "A3": "D"}
RIGHT_DESIGN = {"regulatory_pressure": 0.5, "rights_demand": 0.6, "state_mobilisation": 0.2}
STATUS_QUO = {"regulatory_pressure": 0.5, "rights_demand": 0.5, "state_mobilisation": 0.5}


@pytest.mark.parametrize("checker", [task.check for task in TASKS])
@pytest.mark.parametrize("answer", MALFORMED)
def test_malformed_answers_get_feedback_not_a_traceback(checker, answer) -> None:
    feedback = checker(answer)
    assert isinstance(feedback, Feedback)
    assert not feedback.correct
    assert feedback.message


# task 1 (recall) ----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["C", "c", " C. "])
def test_eu_end_state_accepts_c(answer: str) -> None:
    assert check_eu_end_state(answer).correct


@pytest.mark.parametrize(("answer", "words"), [("B", "US path"), ("D", "China's vision"), ("D'", "intermediate"), ("A2", "starting point")])
def test_eu_end_state_explains_each_misreading(answer: str, words: str) -> None:
    feedback = check_eu_end_state(answer)
    assert not feedback.correct and words in feedback.message


# task 2 (apply) -----------------------------------------------------------------------------------

def test_shock_right_answer_and_case_insensitive_keys() -> None:
    assert check_shock_ends(RIGHT_SHOCK).correct
    assert check_shock_ends({"a1": "c", "a2": "d ", "a3": "D"}).correct


def test_shock_status_quo_answer_is_rejected_with_the_misconception() -> None:
    # The trivial answer: what the chapter shows at the status quo.
    feedback = check_shock_ends({"A1": "B", "A2": "C", "A3": "D"})
    assert not feedback.correct and "not only China's driver" in feedback.message


def test_shock_eu_misconception() -> None:
    feedback = check_shock_ends({"A1": "C", "A2": "C", "A3": "D"})
    assert not feedback.correct and "slim chance" in feedback.message


def test_shock_rejects_d_prime_and_missing_starts() -> None:
    assert "not an end state" in check_shock_ends({"A1": "C", "A2": "D", "A3": "D'"}).hint
    assert "no answer for A3" in check_shock_ends({"A1": "C", "A2": "D"}).message


# task 3 (create) ----------------------------------------------------------------------------------

def test_design_that_meets_every_goal_passes() -> None:
    assert check_coalition_design(RIGHT_DESIGN).correct
    assert design_report(RIGHT_DESIGN)["cost"] <= BUDGET


def test_trivial_design_is_rejected() -> None:
    feedback = check_coalition_design(STATUS_QUO)
    assert not feedback.correct and "China's path ends in C too rarely" in feedback.message


def test_all_true_and_all_max_designs_are_rejected() -> None:
    assert not check_coalition_design(dict.fromkeys(STATUS_QUO, True)).correct
    all_max = check_coalition_design(dict.fromkeys(STATUS_QUO, 1.0))
    assert not all_max.correct and "too far" in all_max.message


def test_self_rated_top_design_is_rejected() -> None:
    feedback = check_coalition_design({**STATUS_QUO, "meets_all_goals": True, "score": 10})
    assert not feedback.correct and "self-assessment" in feedback.hint


def test_the_chapters_own_scenario_is_over_budget_and_the_naive_lever_fails_the_us_goal() -> None:
    assert "too far" in check_coalition_design({"regulatory_pressure": 0.5, "rights_demand": 1.0, "state_mobilisation": 0.0}).message
    naive = check_coalition_design({"regulatory_pressure": 0.5, "rights_demand": 1.0, "state_mobilisation": 0.5})
    assert not naive.correct and "US path" in naive.message


def test_design_needs_all_three_levels() -> None:
    assert "does not set" in check_coalition_design({"rights_demand": 0.6}).message
    assert "outside" in check_coalition_design({**STATUS_QUO, "rights_demand": 1.5}).message


# task 4 (open) ------------------------------------------------------------------------------------

def test_reflection_needs_substance() -> None:
    assert not check_reflection("Too short.").correct
    assert "does not yet name" in check_reflection(" ".join(["word"] * 40)).message
    good = ("State mobilisation lowering B is the course's inference: the essay ties China's mobilisation to its "
            "vision and to D, but never says it makes markets less attractive elsewhere. I would keep it only for "
            "paths that start in China, because the US path has no reason to change.")
    assert check_reflection(good).correct

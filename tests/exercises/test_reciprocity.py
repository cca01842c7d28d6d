"""Tests of the reciprocity exercise checkers: correct, wrong and malformed answers."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.reciprocity import TASKS, breach_scores, check_breach, check_reflection, check_strategy, check_tft_scores
from techdiplomacy.models.reciprocity import play_match


def forgiving(my_moves, their_moves):
    return "D" if their_moves[-2:] == ("D", "D") else "C"


def tit_for_tat(my_moves, their_moves):
    return their_moves[-1] if their_moves else "C"


def sucker(my_moves, their_moves):
    return "C"


def bully(my_moves, their_moves):
    return "D"


def no_first_round(my_moves, their_moves):
    return their_moves[-1]


def lowercase(my_moves, their_moves):
    return "c"


def missing_return(my_moves, their_moves):
    if their_moves:
        return "C"


def invalid_later(my_moves, their_moves):
    return "C" if len(my_moves) < 3 else "maybe"


# --- task 1 -----------------------------------------------------------------------------------------


def test_task1_correct():
    feedback = check_tft_scores((19, 24))
    assert isinstance(feedback, Feedback) and feedback.correct
    assert check_tft_scores([19.0, 24.0]).correct


@pytest.mark.parametrize(
    ("answer", "expected"),
    [((24, 19), "wrong way round"), ((20, 20), "mutual defection in every round"), ((0, 100), "always cooperate"),
     ((60, 60), "mutual cooperation"), ((19, 19), "not round 1"), ((21, 22), "not what"), ("19, 24", "two numbers"), ((19,), "two numbers"),
     (("a", "b"), "does not contain two numbers"), (None, "two numbers"), (..., "Replace the placeholder")],
)
def test_task1_wrong_or_malformed(answer, expected):
    feedback = check_tft_scores(answer)
    assert not feedback.correct
    assert expected in feedback.message
    assert feedback.hint


def test_the_ladder():
    assert [t.level for t in TASKS] == ["recall", "apply", "create", "create"]
    assert [t.answer for t in TASKS] == ["scores", "breach", "my_strategy", "reflection"]


# --- task 2: a breach in Han's direction (apply) -----------------------------------------------------


def test_breach_right_answer_matches_the_model_and_the_hand_computation():
    assert breach_scores() == (10.0, 22.5)
    feedback = check_breach((10, 22.5))
    assert feedback.correct and "costs the small partner 4.5" in feedback.message


@pytest.mark.parametrize(
    ("answer", "expected"),
    [((22.5, 10), "wrong way round"), ((20, 15), "before the asymmetry"), ((30, 7.5), "scaled the payoffs the wrong way"),
     ((8.5, 25.5), "answers the breach in kind"), ((9, 27), "left out the breach"), ((12, 20), "not what")],
)
def test_breach_wrong_answers_name_the_misconception(answer, expected):
    feedback = check_breach(answer)
    assert not feedback.correct and expected in feedback.message and feedback.hint


@pytest.mark.parametrize(("answer", "expected"), [(..., "Replace the placeholder"), (None, "Replace the placeholder"),
                                                  ("10, 22.5", "two numbers"), ((10,), "two numbers"), (("a", "b"), "does not contain")])
def test_breach_malformed(answer, expected):
    feedback = check_breach(answer)
    assert not feedback.correct and expected in feedback.message


def test_retaliation_would_have_paid_the_small_partner_in_the_model():
    assert breach_scores("tit_for_tat")[1] > breach_scores()[1]


# --- task 3: design a strategy (create) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("trivial", "criterion"),
    [(lambda m, t: "C", "exploits your strategy"),
     (lambda m, t: "D", "does not cooperate fully with tit for tat"),
     (tit_for_tat, "Misread moves still break cooperation"),
     (lambda m, t: "C" if len(m) % 2 == 0 else "D", "does not cooperate fully")],
    ids=["always C", "always D", "tit for tat", "alternate"],
)
def test_trivial_strategies_are_rejected(trivial, criterion):
    feedback = check_strategy(trivial)
    assert not feedback.correct and criterion in feedback.message


def test_task2_a_forgiving_strategy_passes():
    feedback = check_strategy(forgiving)
    assert feedback.correct, str(feedback)
    assert "mutual cooperation" in feedback.message


@pytest.mark.parametrize(
    ("strategy", "expected", "hint"),
    [
        (tit_for_tat, "Misread moves still break cooperation", "Forgive a single defection"),
        (sucker, "exploits your strategy", "Generosity needs a limit"),
        (bully, "does not cooperate fully with tit for tat", "Cooperate in the first round"),
    ],
)
def test_task2_wrong_strategies_get_specific_feedback(strategy, expected, hint):
    feedback = check_strategy(strategy)
    assert not feedback.correct
    assert expected in feedback.message
    assert hint in feedback.hint


@pytest.mark.parametrize(
    ("answer", "expected", "hint"),
    [
        (None, "Replace the placeholder", "def my_strategy"),
        (..., "Replace the placeholder", "def my_strategy"),
        ("C", "not a function", "without calling it"),
        (lambda: "C", "must take two arguments", "def my_strategy"),
        (lambda a, b, c: "C", "must take two arguments", "def my_strategy"),
        (no_first_round, "raised IndexError", "check len(their_moves)"),
        (lowercase, "returned 'c'", 'Return exactly "C"'),
        (missing_return, "returned None", "return statement"),
        (invalid_later, "In round 4", '"C" or "D"'),
        (lambda m, t: len(m) == 0, "returned True", "not True or False"),
        (lambda m, t: ..., "still returns the placeholder", "Replace the ..."),
        (lambda m, t: 1 / 0, "raised ZeroDivisionError", "Run your function by hand"),
    ],
)
def test_task2_malformed_answers_get_friendly_feedback(answer, expected, hint):
    feedback = check_strategy(answer)
    assert isinstance(feedback, Feedback)
    assert not feedback.correct
    assert expected in feedback.message
    assert hint in feedback.hint


def test_task2_feedback_renders_as_html():
    assert "exercise-feedback" in check_strategy(tit_for_tat)._repr_html_()


# --- task 4 -----------------------------------------------------------------------------------------


def test_task4_reflection():
    good = ("The equal value strategy collapsed as soon as the stakes were asymmetric, while the trust budget kept "
            "cooperating. Korea writes 44 percent of its international papers with US researchers but the US only 4 percent, "
            "so strict equivalence cannot hold and trust has to carry the relationship.")
    assert check_reflection(good).correct
    assert not check_reflection("Too short.").correct
    assert "asymmetry" in check_reflection(" ".join(["cooperation"] * 30)).message
    assert not check_reflection(42).correct

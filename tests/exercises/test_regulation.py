"""The regulation checkers: right, wrong and malformed answers all give feedback."""

import pytest

from techdiplomacy.exercises import regulation as ex
from techdiplomacy.exercises.feedback import Feedback

MALFORMED = [None, 42, 3.5, object(), "", "garbage", {"a": 1}, ["US"]]


@pytest.mark.parametrize(("statement", "answer"), [("1", "US"), (1, "United States"), ("2", "EU"),
                                                    ("2", "European Union"), ("3", "China"), ("4", "usa")])
def test_match_correct(statement, answer):
    assert ex.check_match(statement, answer).correct


def test_match_wrong_is_friendly():
    feedback = ex.check_match("3", "EU")
    assert not feedback.correct and "Good try" in feedback.message and "society" in feedback.hint


@pytest.mark.parametrize("answer", MALFORMED)
def test_match_malformed(answer):
    feedback = ex.check_match("1", answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


@pytest.mark.parametrize("statement", [None, "5", 0, True, ["1"]])
def test_match_unknown_statement(statement):
    assert not ex.check_match(statement, "US").correct


def test_all_matches():
    assert ex.check_all_matches({"1": "US", "2": "EU", "3": "China", "4": "US"}).correct
    assert ex.check_all_matches({1: "US", 2: "EU", 3: "China", 4: "US"}).correct
    partial = ex.check_all_matches({"1": "US", "2": "China"})
    assert not partial.correct and "1 of 4" in partial.message


@pytest.mark.parametrize("answer", [*MALFORMED, {"1": None}, {object(): "US"}])
def test_all_matches_malformed(answer):
    feedback = ex.check_all_matches(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct


@pytest.mark.parametrize("answer", [0.2, "20%", 20, "0.2"])
def test_overlap_correct(answer):
    assert ex.check_overlap(answer).correct


def test_overlap_wrong():
    feedback = ex.check_overlap(0.8)
    assert not feedback.correct and "explicitly" in feedback.hint


@pytest.mark.parametrize("answer", [*MALFORMED, True, "%"])
def test_overlap_malformed(answer):
    feedback = ex.check_overlap(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct

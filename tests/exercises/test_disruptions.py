"""The disruptions checkers: right, wrong and malformed answers all give feedback."""

import pytest

from techdiplomacy.exercises import disruptions as ex
from techdiplomacy.exercises.feedback import Feedback

MALFORMED = [None, 42, 3.5, object(), "", "garbage", {"a": 1}, [None], [["measure"]]]


@pytest.mark.parametrize("answer", [["measure", "scope", "horizon"], ("horizon", "Scope", "MEASURE"),
                                    {"what is counted", "where", "when"}])
def test_differences_correct(answer):
    assert ex.check_differences(answer).correct


def test_differences_wrong():
    feedback = ex.check_differences(["measure", "condition"])
    assert not feedback.correct
    assert "horizon" in feedback.message and "condition" in feedback.message


@pytest.mark.parametrize("answer", [*MALFORMED, ["banana"]])
def test_differences_malformed(answer):
    feedback = ex.check_differences(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_implied_workforce():
    assert ex.check_implied_workforce(833).correct
    assert ex.check_implied_workforce(833.33).correct
    assert "inputs" in ex.check_implied_workforce(100).message
    assert "unit" in ex.check_implied_workforce(833_333_333).message
    assert not ex.check_implied_workforce(1200).correct


@pytest.mark.parametrize("answer", [*MALFORMED, True])
def test_implied_workforce_malformed(answer):
    feedback = ex.check_implied_workforce(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct


def test_honest_statement():
    assert ex.check_honest_statement("C").correct
    assert ex.check_honest_statement(" c. ").correct
    for letter in "ABD":
        feedback = ex.check_honest_statement(letter)
        assert not feedback.correct and feedback.hint


@pytest.mark.parametrize("answer", MALFORMED)
def test_honest_statement_malformed(answer):
    assert not ex.check_honest_statement(answer).correct


def test_explanation():
    good = ("Forecasts differ because they count different things, such as jobs eliminated or task hours, and because "
            "their scope covers different countries; the horizon also varies from 2020 to 2030, so numbers diverge.")
    assert ex.check_explanation(good).correct
    assert not ex.check_explanation("They differ.").correct
    assert not ex.check_explanation(" ".join(["blah"] * 30)).correct


@pytest.mark.parametrize("answer", MALFORMED)
def test_explanation_malformed(answer):
    assert not ex.check_explanation(answer).correct

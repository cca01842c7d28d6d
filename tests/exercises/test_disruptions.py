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


RIGHT_Z = {"share_percent": 30, "points_per_year": 1.5, "faster": "Bain", "still_differs": ["scope", "horizon"]}
RIGHT_BRIEFING = {"1": "ok", "2": "scope", "3": "measure", "4": "condition", "5": "horizon", "6": "ok"}


def test_new_forecast_right():
    assert ex.check_new_forecast(RIGHT_Z).correct
    assert ex.check_new_forecast({**RIGHT_Z, "share_percent": 0.3, "faster": "bain", "still_differs": ("where", "when")}).correct


@pytest.mark.parametrize(("change", "words"), [
    ({"share_percent": 36}, "count"),
    ({"points_per_year": 30 / 26}, "Bain's start"),
    ({"points_per_year": 36 / 20}, "count"),
    ({"faster": "Study Z"}, "spread over 20 years"),
    ({"still_differs": ["measure", "scope", "horizon"]}, "measure now matches"),
    ({"still_differs": ["scope", "horizon", "condition"]}, "Neither"),
    ({"still_differs": ["scope"]}, "horizon"),
])
def test_new_forecast_explains_the_misconception(change, words):
    feedback = ex.check_new_forecast({**RIGHT_Z, **change})
    assert not feedback.correct and words in feedback.message + feedback.hint


@pytest.mark.parametrize("answer", [*MALFORMED, {**RIGHT_Z, "faster": ...}, {"share_percent": 30},
                                    {**RIGHT_Z, "share_percent": "30"}, {**RIGHT_Z, "faster": True},
                                    {**RIGHT_Z, "still_differs": "scope"}, {**RIGHT_Z, "still_differs": [1]},
                                    dict.fromkeys(RIGHT_Z, True)])
def test_new_forecast_malformed(answer):
    feedback = ex.check_new_forecast(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_briefing_right():
    assert ex.check_briefing(RIGHT_BRIEFING).correct
    assert ex.check_briefing({int(k): v.upper() for k, v in RIGHT_BRIEFING.items()}).correct


@pytest.mark.parametrize("verdict", ["ok", "measure", "scope", "horizon", "condition"])
def test_briefing_rejects_one_verdict_everywhere(verdict):
    feedback = ex.check_briefing(dict.fromkeys(RIGHT_BRIEFING, verdict))
    assert not feedback.correct and "same verdict" in feedback.message


def test_briefing_explains_the_misconception():
    missed = ex.check_briefing({**RIGHT_BRIEFING, "3": "ok"})
    assert not missed.correct and "has a flaw" in missed.message
    sound = ex.check_briefing({**RIGHT_BRIEFING, "6": "measure"})
    assert not sound.correct and "refuses an invalid comparison" in sound.message
    other = ex.check_briefing({**RIGHT_BRIEFING, "2": "horizon"})
    assert not other.correct and "flaw is elsewhere" in other.message


@pytest.mark.parametrize("answer", [*MALFORMED, {"1": "ok"}, {**RIGHT_BRIEFING, "4": "banana"},
                                    dict.fromkeys(RIGHT_BRIEFING, True), {**RIGHT_BRIEFING, "2": ...}])
def test_briefing_malformed(answer):
    feedback = ex.check_briefing(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_explanation():
    good = ("Forecasts differ because they count different things, such as jobs eliminated or task hours, and because "
            "their scope covers different countries; the horizon also varies from 2020 to 2030, so numbers diverge.")
    assert ex.check_explanation(good).correct
    assert not ex.check_explanation("They differ.").correct
    assert not ex.check_explanation(" ".join(["blah"] * 30)).correct


@pytest.mark.parametrize("answer", MALFORMED)
def test_explanation_malformed(answer):
    assert not ex.check_explanation(answer).correct

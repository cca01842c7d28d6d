"""The fragmentation checkers: right, wrong and malformed answers all give feedback."""

import pytest

from techdiplomacy.exercises import fragmentation as ex
from techdiplomacy.exercises.feedback import Feedback

MALFORMED = [None, 42, 3.5, ["protectionism"], {"stage": 1}, object(), "", "   ", "lorem ipsum"]


@pytest.mark.parametrize(("event", "answer"), [("A", "techno-nationalism"), ("a", "Techno nationalism"),
                                                ("B", "Protectionism"), ("B", 2), ("C", "fragmentation"), ("C", "stage 3")])
def test_stage_correct(event, answer):
    assert ex.check_stage(event, answer).correct


def test_stage_wrong_gives_a_hint():
    feedback = ex.check_stage("A", "protectionism")
    assert not feedback.correct and "market" in feedback.hint


@pytest.mark.parametrize("answer", MALFORMED)
def test_stage_malformed(answer):
    feedback = ex.check_stage("B", answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


@pytest.mark.parametrize("event", [None, "D", 7, ["A"]])
def test_stage_unknown_event(event):
    assert not ex.check_stage(event, "protectionism").correct


def test_justification():
    good = ("Event B is protectionism because the country bans the rival's telecom vendor and adds a tax on its "
            "platforms in retaliation for a closed market, which is how the essay describes the second stage.")
    assert ex.check_justification(good).correct
    assert not ex.check_justification("It is protectionism.").correct
    assert not ex.check_justification(" ".join(["word"] * 30)).correct


@pytest.mark.parametrize("answer", MALFORMED)
def test_justification_malformed(answer):
    assert not ex.check_justification(answer).correct


def test_functional_level():
    assert ex.check_functional_level(0.49).correct
    assert ex.check_functional_level(0.5).correct
    wrong = ex.check_functional_level(0.3)
    assert not wrong.correct and "higher" in wrong.hint
    assert not ex.check_functional_level(1.7).correct


@pytest.mark.parametrize("answer", [*MALFORMED, True, float("nan")])
def test_functional_level_malformed(answer):
    feedback = ex.check_functional_level(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct

"""The power-relations checkers: right, wrong and malformed answers all get feedback."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.power_relations import check_classification, check_own_case


@pytest.mark.parametrize(
    ("case_id", "answer"),
    [
        ("nato_diana", "Joint capacity building"),
        ("eu_ai_act", ("holding", "competition")),
        ("bletchley", "power expectation / cooperation"),
        ("us_china_vigilance", "strategic vigilance"),
        ("china_asean_sti", ["Holding", "Cooperation"]),
    ],
)
def test_correct_classifications(case_id, answer):
    feedback = check_classification(case_id, answer)
    assert isinstance(feedback, Feedback) and feedback.correct


def test_correct_feedback_explains_the_cell():
    feedback = check_classification("eu_ai_act", "heterogeneous resources")
    assert "Power holding × competition" in feedback.message


def test_course_reading_is_flagged():
    feedback = check_classification("france_germany_tank", "joint capacity building")
    assert feedback.correct and "course's reading" in feedback.message


def test_wrong_stance_explains_the_right_cell():
    feedback = check_classification("nato_diana", ("acquisition", "competition"))
    assert not feedback.correct
    assert "Right dimension" in feedback.message and "Joint capacity building" in feedback.message
    assert feedback.hint


def test_wrong_dimension_gets_the_dimension_hint():
    feedback = check_classification("bletchley", "complementarity")
    assert not feedback.correct and "Right stance" in feedback.message
    assert "Abstract vision" in feedback.message and "expectation" in feedback.hint


def test_both_wrong():
    feedback = check_classification("aukus_trial", "strategic vigilance")
    assert not feedback.correct and "neither" in feedback.message


@pytest.mark.parametrize("answer", [..., None, "", "friendship", 42, {"a": 1}, ("holding",)])
def test_malformed_answers_get_feedback(answer):
    feedback = check_classification("bletchley", answer)
    assert not feedback.correct and feedback.hint


def test_unknown_case():
    feedback = check_classification("atlantis", "complementarity")
    assert not feedback.correct and "no case" in feedback.message


def test_own_case():
    good = {"case": "G7 Hiroshima AI Process", "cell": "abstract vision", "reason": "word " * 25}
    assert check_own_case(good).correct
    assert not check_own_case("my case").correct
    assert not check_own_case({"case": "x"}).correct
    assert "words" in check_own_case({**good, "reason": "too short"}).message
    assert not check_own_case({**good, "cell": "nonsense"}).correct
    assert not check_own_case({**good, "case": "..."}).correct

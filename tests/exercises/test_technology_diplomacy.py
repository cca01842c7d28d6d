"""Tests of the technology diplomacy checkers: correct, wrong and malformed answers."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises import technology_diplomacy as ex
from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.models.technology_diplomacy import CRITERIA

JUSTIFICATION = (
    "Our body is a small secretariat that links existing forums, so it is polycentric, and every working group "
    "has government, corporate and citizen diplomats, which makes it multi-stakeholder. We weight inclusion first "
    "because legitimacy matters more than speed at the start, and we accept weak critical mass for now."
)


def design(**changes):
    answer = {"ratings": {c: 3 for c in CRITERIA}, "profile": "inclusion_first", "justification": JUSTIFICATION}
    answer.update(changes)
    return answer


def test_task_matching():
    assert ex.check_task_matching({"a": "i", "b": "ii", "c": "iii", "d": "iv"}).correct
    assert ex.check_task_matching({"a": "(i)", "b": "communicate", "C": "iii", "d": "IV"}).correct
    wrong = ex.check_task_matching({"a": "ii", "b": "i", "c": "iii", "d": "iv"})
    assert not wrong.correct and "2 of 4" in wrong.message and "activity a" in wrong.message
    assert "not a task numeral" in ex.check_task_matching({"a": "v", "b": "ii", "c": "iii", "d": "iv"}).message
    assert "keys a, b, c and d" in ex.check_task_matching({"a": "i"}).message
    assert not ex.check_task_matching(["i", "ii", "iii", "iv"]).correct


def test_avenues():
    right = ["red_teaming", "responsible_disclosure", "secure_hardware", "prepublication_risk_assessment", "best_practice_standards"]
    assert ex.check_avenues(right).correct
    extra = ex.check_avenues([*right, "export_bans"])
    assert not extra.correct and "not avenues" in extra.message and "fragmentation" in extra.hint
    missing = ex.check_avenues(right[:2])
    assert not missing.correct and "3 avenue(s) are missing" in missing.message
    assert "Not among the options" in ex.check_avenues(["hugs"]).message
    assert not ex.check_avenues("red_teaming").correct
    assert not ex.check_avenues(None).correct


def test_institution_design_correct():
    feedback = ex.check_institution_design(design())
    assert feedback.correct, feedback


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(design(ratings={c: 2 for c in CRITERIA} | {"multi_stakeholder": 3}), "aim for at least"),
     (design(ratings={c: 3 for c in CRITERIA} | {"multi_stakeholder": 1}), "multi-stakeholder below 3"),
     (design(ratings={c: 4 for c in CRITERIA} | {"agility": 0}), "scores 0 on agility"),
     (design(justification="Too short."), "at least 30"),
     (design(justification=" ".join(["word"] * 40)), "does not mention any criterion")],
)
def test_institution_design_wrong(answer, expected):
    feedback = ex.check_institution_design(answer)
    assert not feedback.correct and expected in feedback.message and feedback.hint


@pytest.mark.parametrize(
    "answer",
    [None, {"ratings": {}}, design(profile="fast"), design(ratings={"agility": 3}), design(ratings={c: "3" for c in CRITERIA}),
     design(justification=42)],
)
def test_institution_design_malformed(answer):
    feedback = ex.check_institution_design(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_capstone_position():
    text = "We ask the other teams to accept a shared incident register and a yearly review of frontier models together."
    good = {"role": "regional_coalition", "chapter": "regional_cooperation.ipynb", "ask": text, "offer": text}
    assert ex.check_capstone_position(good).correct
    elsewhere = ex.check_capstone_position({**good, "chapter": "reciprocity"})
    assert elsewhere.correct and "home chapter" in elsewhere.message
    assert "Unknown role" in ex.check_capstone_position({**good, "role": "pirates"}).message
    assert "not a chapter" in ex.check_capstone_position({**good, "chapter": "cooking"}).message
    assert "at least 15" in ex.check_capstone_position({**good, "offer": "money"}).message
    assert not ex.check_capstone_position("regional_coalition").correct


def test_placeholders_get_a_clear_message():
    for feedback in (ex.check_task_matching({"a": ...}), ex.check_avenues([...]), ex.check_institution_design(design(justification="...")),
                     ex.check_capstone_position({"role": "..."})):
        assert not feedback.correct and "Replace every ..." in feedback.message

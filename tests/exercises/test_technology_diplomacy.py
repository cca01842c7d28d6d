"""Tests of the technology diplomacy checkers: right answers pass; trivial, all-true, self-rated and
malformed answers are rejected with feedback that names the likely misconception."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises import technology_diplomacy as ex
from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.tasks import tasks_of
from techdiplomacy.models import technology_diplomacy as td

MATCHING = {"a": "i", "b": "ii", "c": "iii", "d": "iv"}
PRACTICES = {"a": "red_teaming", "b": "responsible_disclosure", "c": "none", "d": "best_practice_standards",
             "e": "prepublication_risk_assessment", "f": "none", "g": "secure_hardware"}
GOOD_BLOCKS = ["link_existing_forums", "membership_tiers", "stakeholder_seats", "expert_panel", "working_groups", "open_publication"]


def test_the_ladder_is_declared():
    levels = [t.level for t in tasks_of(ex)]
    assert levels == ["recall", "apply", "apply", "create", "create"]
    assert tasks_of(ex)[-1].open_answer and tasks_of(ex)[-1].points == 0


def test_task_matching():
    assert ex.check_task_matching(MATCHING).correct
    assert ex.check_task_matching({"a": "(i)", "b": "communicate", "C": "iii", "d": "IV"}).correct
    assert "keys a, b, c and d" in ex.check_task_matching({"a": "i"}).message
    assert "not a task numeral" in ex.check_task_matching({**MATCHING, "a": "v"}).message
    assert not ex.check_task_matching(["i", "ii", "iii", "iv"]).correct


def test_task_matching_names_the_misconception():
    swapped = ex.check_task_matching({**MATCHING, "b": "iii", "c": "ii"})
    assert not swapped.correct and "2 of 4" in swapped.message and "activity b" in swapped.message
    assert "other states' agencies" in swapped.hint
    implement = ex.check_task_matching({**MATCHING, "d": "iii"})
    assert "informal mechanisms of implementation" in implement.hint


def test_practices():
    assert ex.check_practices(PRACTICES).correct
    assert ex.check_practices({k.upper(): v.upper() for k, v in PRACTICES.items()}).correct


@pytest.mark.parametrize(
    ("letter", "wrong", "expected"),
    [("a", "responsible_disclosure", "before release"),
     ("b", "red_teaming", "already found"),
     ("c", "secure_hardware", "techno-nationalism"),
     ("f", "safety_sharing_regimes", "localisation"),
     ("g", "formal_verification", "secure hardware"),
     ("e", "none", "which avenue")],
)
def test_practices_explain_the_misconception(letter, wrong, expected):
    feedback = ex.check_practices({**PRACTICES, letter: wrong})
    assert not feedback.correct and f"practice {letter}" in feedback.message and expected in feedback.hint


def test_practices_all_avenue_or_all_none_fail():
    assert not ex.check_practices(dict.fromkeys(PRACTICES, "none")).correct
    assert not ex.check_practices(dict.fromkeys(PRACTICES, "red_teaming")).correct


@pytest.mark.parametrize("answer", [["red_teaming"], {"a": "red_teaming"}, {**PRACTICES, "a": "hugs"}, "none", 3])
def test_practices_malformed(answer):
    feedback = ex.check_practices(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_new_design_score():
    right = td.score_design(ex.NEW_DESIGN, ex.NEW_WEIGHTS).total
    assert right == pytest.approx(57.1)
    assert ex.check_new_design_score(right).correct
    assert ex.check_new_design_score(57).correct
    assert "dedicated organisation would score" in ex.check_new_design_score(right).message


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(63.9, "equal weights"), (32, "weighted sum"), (2.29, "wrong scale"), (0.571, "wrong scale"), (100, "not the score")],
)
def test_new_design_score_misconceptions(answer, expected):
    feedback = ex.check_new_design_score(answer)
    assert not feedback.correct and expected in feedback.message and feedback.hint


@pytest.mark.parametrize("answer", ["57.1", True, float("nan"), [57.1], {"score": 57.1}])
def test_new_design_score_malformed(answer):
    feedback = ex.check_new_design_score(answer)
    assert not feedback.correct and "one number" in feedback.message


def test_block_design_accepts_a_balanced_design():
    feedback = ex.check_block_design(GOOD_BLOCKS)
    assert feedback.correct, feedback
    assert td.blocks_cost(GOOD_BLOCKS) <= ex.BUDGET
    assert ex.check_block_design(tuple(reversed(GOOD_BLOCKS))).correct


def test_block_design_rejects_the_trivial_answer():
    feedback = ex.check_block_design([])
    assert not feedback.correct and "bare annual meeting" in feedback.message


def test_block_design_rejects_buying_everything():
    everything = ex.check_block_design(list(td.BLOCKS))
    assert not everything.correct and "exclude each other" in everything.message
    compatible = [b for b in td.BLOCKS if b not in ("small_core_group", "majority_rule")]
    over = ex.check_block_design(compatible)
    assert not over.correct and "budget" in over.message


def test_block_design_cannot_be_self_rated():
    top_marks = {c: 4 for c in td.CRITERIA}
    feedback = ex.check_block_design(top_marks)
    assert not feedback.correct and "list of building-block names" in feedback.message
    assert not ex.check_block_design([top_marks]).correct


def test_block_design_small_core_meets_the_chapter_7_tension():
    feedback = ex.check_block_design(["small_core_group", "stakeholder_seats", "membership_tiers", "link_existing_forums",
                                      "open_publication"])
    assert not feedback.correct and "Critical mass" in feedback.message and "chapter 7" in feedback.message


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [(["universal_membership", "consensus_rule", "stakeholder_seats", "expert_panel", "open_publication"], "Agility is"),
     (["link_existing_forums", "universal_membership", "majority_rule", "expert_panel", "secretariat"], "Multi stakeholder is"),
     (["link_existing_forums", "membership_tiers", "majority_rule", "stakeholder_seats", "secretariat", "incident_register"],
      "falls to 0"),
     (["link_existing_forums", "membership_tiers", "stakeholder_seats", "working_groups"], "aim for 60")],
)
def test_block_design_names_the_failed_constraint(blocks, expected):
    feedback = ex.check_block_design(blocks)
    assert not feedback.correct and expected in feedback.message and feedback.hint


@pytest.mark.parametrize("answer", ["secretariat", 5, {"blocks": ["secretariat"]}, ["secretariat", "secretariat"], ["castle"]])
def test_block_design_malformed(answer):
    feedback = ex.check_block_design(answer)
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
    for feedback in (ex.check_task_matching({"a": ...}), ex.check_practices({"a": ...}), ex.check_new_design_score(...),
                     ex.check_block_design([...]), ex.check_capstone_position({"role": "..."})):
        assert not feedback.correct and "Replace every ..." in feedback.message

"""The power-relations checkers: right answers pass; trivial, all-in and self-rated answers fail;
wrong answers get feedback on the likely misconception; malformed answers get friendly feedback."""

from __future__ import annotations

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.power_relations import (
    GOALS,
    INSTRUMENTS,
    OUTSIDE_CASES,
    TASKS,
    best_packages,
    check_classification,
    check_outside_cases,
    check_own_case,
    check_package,
    check_recall,
    package_report,
)
from techdiplomacy.models.power_relations import MECHANISMS

RIGHT_OUTSIDE = {
    "ukraine_war": "Relationship linkage",
    "gpai": "Abstract vision",
    "india_japan": "Complementarity",
    "eurohpc": ("acquisition", "cooperation"),
    "chips_act": "strategic vigilance",
}
GOOD_REASON = ("Complementarity only lasts if both sides gain, so Arden's return and Belmar's capability come first; "
               "openness can follow through a wider charter later.")
GOOD_PACKAGE = {
    "instruments": ["compute_credits", "fellowships", "vetting", "language_data", "local_hosting"],
    "sacrifice": "openness",
    "reason": GOOD_REASON,
}


# --- the ladder ----------------------------------------------------------------------------------------


def test_tasks_climb_the_ladder():
    assert [t.level for t in TASKS] == ["recall", "apply", "create", "create"]
    assert TASKS[-1].open_answer and TASKS[-1].points == 0


# --- task 1: recall ------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["Complementarity", ("holding", "cooperation"), "power holding / cooperation"])
def test_recall_right(answer):
    assert check_recall(answer).correct


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("Heterogeneous resources", "competition* mechanism of the same row"),
     ("Joint capacity building", "power acquisition row"),
     ("Abstract vision", "power expectation"),
     ("Strategic vigilance", "neither")],
)
def test_recall_wrong_answers_explain_the_misconception(answer, expected):
    feedback = check_recall(answer)
    assert not feedback.correct and expected in feedback.message and feedback.hint


# --- task 2: apply to episodes outside the essay ------------------------------------------------------


def test_outside_cases_right_with_the_course_reasons():
    feedback = check_outside_cases(RIGHT_OUTSIDE)
    assert feedback.correct
    for item in OUTSIDE_CASES:
        assert item.reason in feedback.message


def test_outside_cases_are_not_the_essays_cases():
    from techdiplomacy.data import load_table

    essay_cases = " ".join(load_table("power_relations_cases")["case"]).lower()
    for word in ("ukraine", "global partnership", "india", "eurohpc", "chips"):
        assert word not in essay_cases


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_the_same_answer_for_every_episode_fails(mechanism):
    feedback = check_outside_cases({item.key: mechanism for item in OUTSIDE_CASES})
    assert not feedback.correct and "of 5 placed" in feedback.message


@pytest.mark.parametrize(
    ("key", "wrong", "expected"),
    [("ukraine_war", "Strategic vigilance", "conflict is present and open"),
     ("india_japan", "Heterogeneous resources", "similar stage"),
     ("eurohpc", "Complementarity", "pool similar"),
     ("chips_act", "Relationship linkage", "about the future"),
     ("gpai", "Joint capacity building", "shared goal")],
)
def test_outside_cases_misconceptions(key, wrong, expected):
    feedback = check_outside_cases({**RIGHT_OUTSIDE, key: wrong})
    assert not feedback.correct and "4 of 5" in feedback.message and expected in feedback.message


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(..., "Replace the ..."), ("Complementarity", "dictionary"), ({"gpai": "Abstract vision"}, "lacks the key"),
     ({**RIGHT_OUTSIDE, "gpai": ...}, "Replace the ... for: gpai"), ({**RIGHT_OUTSIDE, "gpai": "friendship"}, "cannot read")],
)
def test_outside_cases_malformed(answer, expected):
    feedback = check_outside_cases(answer)
    assert not feedback.correct and expected in feedback.message and feedback.hint


# --- task 3: design and judge --------------------------------------------------------------------------


def test_a_good_package_passes():
    assert check_package(GOOD_PACKAGE).correct


def test_no_package_meets_every_goal_but_each_pair_is_reachable():
    found = best_packages()
    assert found and all(len(goals) == 2 for goals in found.values())
    assert {frozenset(g) for g in found.values()} == {frozenset(pair) for pair in
                                                      [("belmar_capability", "arden_return"),
                                                       ("belmar_capability", "openness"),
                                                       ("arden_return", "openness")]}


def test_every_best_package_passes_when_judged_honestly():
    for instruments, goals in best_packages().items():
        sacrifice = next(iter(set(GOALS) - goals))
        answer = {"instruments": sorted(instruments), "sacrifice": sacrifice, "reason": GOOD_REASON}
        assert check_package(answer).correct, answer


def test_ticking_every_instrument_is_rejected():
    feedback = check_package({**GOOD_PACKAGE, "instruments": [i.key for i in INSTRUMENTS], "sacrifice": "none"})
    assert not feedback.correct
    assert "barred" in feedback.message and "budget" in feedback.message and "Ticking everything" in feedback.hint


@pytest.mark.parametrize("claim", ["none", "nothing", ""])
def test_rating_ones_own_design_top_marks_is_rejected(claim):
    feedback = check_package({**GOOD_PACKAGE, "sacrifice": claim})
    assert not feedback.correct and "no package" in feedback.message


def test_misjudging_ones_own_design_is_rejected():
    feedback = check_package({**GOOD_PACKAGE, "sacrifice": "arden_return"})
    assert not feedback.correct and "the one it gives up is openness" in feedback.message


@pytest.mark.parametrize(
    ("instruments", "expected"),
    [(["defence_trial", "open_charter"], "non-alignment"),
     (["chip_transfer", "startup_fund"], "export-control"),
     (["fellowships", "startup_fund"], "vetting"),
     (["language_data", "startup_fund"], "local_hosting"),
     (["compute_credits", "vetting", "local_hosting", "startup_fund", "open_charter"], "budget is 10"),
     (["open_charter"], "gives up 2")],
)
def test_packages_that_break_a_rule_or_give_up_too_much(instruments, expected):
    feedback = check_package({**GOOD_PACKAGE, "instruments": instruments})
    assert not feedback.correct and expected in feedback.message


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(..., "Replace the ..."), (None, "Replace the ..."), (["fellowships"], "dictionary"),
     ({"instruments": ["fellowships"]}, "lacks the key"),
     ({"instruments": [...], "sacrifice": "...", "reason": "..."}, "Replace every ..."),
     ({**GOOD_PACKAGE, "instruments": "fellowships"}, "list of instrument names"),
     ({**GOOD_PACKAGE, "instruments": ["satellites"]}, "Not on the menu"),
     ({**GOOD_PACKAGE, "instruments": []}, "empty"),
     ({**GOOD_PACKAGE, "sacrifice": "peace"}, "not one of the goals"),
     ({**GOOD_PACKAGE, "reason": "Because."}, "words")],
)
def test_package_malformed(answer, expected):
    feedback = check_package(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and expected in feedback.message


def test_package_report_adds_up_and_rejects_unknown_names():
    table = package_report(GOOD_PACKAGE["instruments"])
    total = table.set_index("instrument").loc["total"]
    assert (total["cost"], total["belmar_gain"], total["arden_return"]) == (10, 7, 4)
    with pytest.raises(ValueError, match="Unknown instrument"):
        package_report(["satellites"])


# --- the essay's own cases and task 4 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case_id", "answer"),
    [("nato_diana", "Joint capacity building"), ("eu_ai_act", ("holding", "competition")),
     ("bletchley", "power expectation / cooperation"), ("china_asean_sti", ["Holding", "Cooperation"])],
)
def test_correct_classifications(case_id, answer):
    assert check_classification(case_id, answer).correct


def test_course_reading_is_flagged():
    feedback = check_classification("france_germany_tank", "joint capacity building")
    assert feedback.correct and "course's reading" in feedback.message


def test_wrong_classifications_explain_the_right_cell():
    assert "Right dimension" in check_classification("nato_diana", ("acquisition", "competition")).message
    assert "Right stance" in check_classification("bletchley", "complementarity").message
    assert "neither" in check_classification("aukus_trial", "strategic vigilance").message


@pytest.mark.parametrize("answer", [..., None, "", "friendship", 42, {"a": 1}, ("holding",)])
def test_malformed_classifications_get_feedback(answer):
    feedback = check_classification("bletchley", answer)
    assert not feedback.correct and feedback.hint


def test_own_case():
    good = {"case": "G7 Hiroshima AI Process", "cell": "abstract vision", "reason": "word " * 25}
    assert check_own_case(good).correct
    assert not check_own_case("my case").correct
    assert not check_own_case({"case": "x"}).correct
    assert "words" in check_own_case({**good, "reason": "too short"}).message
    assert not check_own_case({**good, "cell": "nonsense"}).correct
    assert not check_own_case({**good, "case": "..."}).correct
    assert not check_own_case({**good, "case": "The Global Partnership on AI"}).correct


@pytest.mark.parametrize("answer", [..., None, "...", 42, "friendship", ("holding",), object()])
def test_recall_malformed_answers_get_friendly_feedback(answer):
    feedback = check_recall(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


def test_menu_lists_every_instrument_with_its_rules():
    from techdiplomacy.exercises.power_relations import menu

    table = menu().set_index("instrument")
    assert list(table.index) == [i.key for i in INSTRUMENTS]
    assert table.loc["language_data", "needs"] == "local_hosting"
    assert "non-alignment" in table.loc["defence_trial", "barred by"]

"""The regulation checkers: right answers pass; trivial, all-true and malformed answers get feedback."""

import pytest

from techdiplomacy.exercises import regulation as ex
from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.models.regulation import PRINCIPLES

MALFORMED = [None, ..., 42, 3.5, object(), "", "garbage", ["US"]]
DEFENCE = (
    "The essay says the Beijing AI principles resemble other codes, and other codes call for beneficence, so the "
    "course's 'qualified' understates what China has written down. The doubts about ethics in practice concern "
    "implementation, not whether the text names the principle, so beneficence is implied and the EU and China "
    "now share one principle."
)
RIGHT_RECODING = {
    "principle": "beneficence",
    "jurisdiction": "China",
    "stance": "implied",
    "evidence": "The Beijing AI principles resemble other codes",
    "pair": ("EU", "China"),
    "level": "explicit_or_implied",
    "overlap_before": 0.0,
    "overlap_after": 0.2,
    "defence": DEFENCE,
}
RIGHT_CODING = {"beneficence": "explicit", "non_maleficence": "qualified", "autonomy": "not mentioned",
                "justice": "implied", "explicability": "explicit"}


# Task 1 (recall)
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


# Task 2 (apply): the fictional charter
def test_charter_coding_right():
    assert ex.check_charter_coding(RIGHT_CODING).correct
    spelled = {"Beneficence": "Explicit", "non-maleficence": "qualified", "the power to decide": "Not mentioned",
               "justice": "implied", "explicability": "explicit"}
    assert ex.check_charter_coding(spelled).correct


@pytest.mark.parametrize("stance", ["explicit", "implied", "qualified", "not mentioned"])
def test_charter_coding_rejects_one_stance_everywhere(stance):
    feedback = ex.check_charter_coding(dict.fromkeys(PRINCIPLES, stance))
    assert not feedback.correct and "same stance" in feedback.message


@pytest.mark.parametrize(("principle", "wrong", "words"), [
    ("non_maleficence", "explicit", "exception"),
    ("autonomy", "implied", "speed and cost"),
    ("justice", "explicit", "never names fairness"),
    ("explicability", "implied", "directly"),
])
def test_charter_coding_explains_the_misconception(principle, wrong, words):
    feedback = ex.check_charter_coding({**RIGHT_CODING, principle: wrong})
    assert not feedback.correct and words in feedback.message


@pytest.mark.parametrize("answer", [*MALFORMED, {"beneficence": "explicit"}, {"kindness": "explicit"},
                                    {"beneficence": "maybe"}, {"beneficence": ...}, dict.fromkeys(PRINCIPLES, True)])
def test_charter_coding_malformed(answer):
    feedback = ex.check_charter_coding(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


# Task 3 (judge): recode a cell
def test_recoding_right_raise_and_lower():
    assert ex.check_recoding(RIGHT_RECODING).correct
    lowered = {"principle": "justice", "jurisdiction": "US", "stance": "qualified",
               "evidence": "Only a proposed bill that did not pass", "pair": ["United States", "EU"],
               "level": "explicit_or_implied", "overlap_before": "40%", "overlap_after": 20,
               "defence": DEFENCE.replace("beneficence", "justice")}
    assert ex.check_recoding(lowered).correct
    assert ex.check_recoding({**RIGHT_RECODING, "level": "Named or implied"}).correct


def test_recoding_recomputes_the_overlap():
    feedback = ex.check_recoding({**RIGHT_RECODING, "overlap_after": 0.0})
    assert not feedback.correct and "no change" in feedback.hint
    assert not ex.check_recoding({**RIGHT_RECODING, "overlap_after": 0.4}).correct
    assert not ex.check_recoding({**RIGHT_RECODING, "overlap_before": 0.8}).correct


def test_recoding_must_change_something():
    same = ex.check_recoding({**RIGHT_RECODING, "stance": "qualified"})
    assert not same.correct and "already" in same.message
    no_effect = ex.check_recoding({**RIGHT_RECODING, "level": "any", "overlap_before": 0.8, "overlap_after": 0.8})
    assert not no_effect.correct and "does not change" in no_effect.message
    outside = ex.check_recoding({**RIGHT_RECODING, "pair": ("US", "EU")})
    assert not outside.correct and "not in the pair" in outside.message


def test_recoding_evidence_must_support_the_direction():
    wrong_side = ex.check_recoding({**RIGHT_RECODING, "evidence": "yet to meaningfully embrace technology ethics"})
    assert not wrong_side.correct and "other way" in wrong_side.message
    invented = ex.check_recoding({**RIGHT_RECODING, "evidence": "China loves every principle equally"})
    assert not invented.correct and "cannot find" in invented.message
    assert not ex.check_recoding({**RIGHT_RECODING, "evidence": "Beijing"}).correct


def test_recoding_defence_is_a_real_paragraph():
    assert not ex.check_recoding({**RIGHT_RECODING, "defence": "Because."}).correct
    assert not ex.check_recoding({**RIGHT_RECODING, "defence": " ".join(["word"] * 50)}).correct


@pytest.mark.parametrize("answer", [*MALFORMED, {**RIGHT_RECODING, "stance": ...}, {"principle": "justice"},
                                    {**RIGHT_RECODING, "principle": "kindness"}, {**RIGHT_RECODING, "jurisdiction": "Mars"},
                                    {**RIGHT_RECODING, "pair": "EU and China"}, {**RIGHT_RECODING, "pair": ("EU", "EU")},
                                    {**RIGHT_RECODING, "level": "strict"}, {**RIGHT_RECODING, "overlap_after": True},
                                    {**RIGHT_RECODING, "defence": 42}, dict.fromkeys(ex.RECODING_KEYS, True)])
def test_recoding_malformed(answer):
    feedback = ex.check_recoding(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint


# Task 4 (create): a minimal US-China code
@pytest.mark.parametrize("code", [{"autonomy": ["China"], "non_maleficence": ["US", "China"]},
                                  {"the power to decide": ("china",), "explicability": {"us", "china"}}])
def test_common_code_right(code):
    assert ex.check_common_code(code).correct


def test_common_code_rejects_trivial_and_all_in_answers():
    everything = ex.check_common_code({p: ["US", "China"] for p in PRINCIPLES})
    assert not everything.correct and "not mentioned" in everything.message
    assert not ex.check_common_code(dict.fromkeys(PRINCIPLES, True)).correct
    assert not ex.check_common_code(dict.fromkeys(PRINCIPLES, [])).correct
    assert "photo opportunity" in ex.check_common_code({}).message
    assert "photo opportunity" in ex.check_common_code({"autonomy": ["China"]}).message


def test_common_code_budget_and_reservations_conflict():
    over = ex.check_common_code({"non_maleficence": ["US", "China"], "explicability": ["US", "China"]})
    assert not over.correct and "budget" in over.message
    missing = ex.check_common_code({"autonomy": [], "non_maleficence": ["US", "China"]})
    assert not missing.correct and "only with a reservation" in missing.message
    needless = ex.check_common_code({"autonomy": ["US", "China"], "non_maleficence": ["US", "China"]})
    assert not needless.correct and "without a reservation" in needless.message


@pytest.mark.parametrize("answer", [*MALFORMED, {"autonomy": "China"}, {"autonomy": ["Mars"]}, {"kindness": []},
                                    {"autonomy": [...]}])
def test_common_code_malformed(answer):
    feedback = ex.check_common_code(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.hint

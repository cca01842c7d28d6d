"""The fragmentation checkers: right answers pass; trivial, all-true, self-rated and malformed answers do not."""

import pytest

from techdiplomacy.exercises import fragmentation as ex
from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.models.fragmentation import functional_diversity

MALFORMED = [None, ..., "...", 42, 3.5, ["protectionism"], {"stage": 1}, object(), "", "   ", "lorem ipsum", {}]
RIGHT = {"A": "techno-nationalism", "B": "protectionism", "C": "protectionism", "D": "fragmentation"}
RIGHT_POLICY = {"diversity": 0.72, "interoperability": 0.7}


@pytest.mark.parametrize("task", ex.TASKS, ids=lambda t: t.key)
@pytest.mark.parametrize("answer", MALFORMED)
def test_every_checker_handles_malformed_answers(task, answer):
    feedback = task.check(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.message


# task 1 (apply) -----------------------------------------------------------------------------------

def test_stages_right_answer_in_several_spellings():
    assert ex.check_stages(RIGHT).correct
    assert ex.check_stages({"a": "Techno nationalism", "b": 2, "c": "stage 2", "d": "third"}).correct


@pytest.mark.parametrize("stage", ["techno-nationalism", "protectionism", "fragmentation"])
def test_the_same_stage_for_every_event_is_rejected(stage):
    assert not ex.check_stages(dict.fromkeys("ABCD", stage)).correct


def test_all_true_is_rejected():
    feedback = ex.check_stages(dict.fromkeys("ABCD", True))
    assert not feedback.correct and "do not recognise" in feedback.message


@pytest.mark.parametrize(
    ("event", "stage", "words"),
    [
        ("C", "techno-nationalism", "buy-local"),
        ("B", "fragmentation", "next stage"),
        ("D", "protectionism", "furthest stage"),
        ("A", "protectionism", "invests in its own"),
    ],
)
def test_wrong_placements_explain_the_misconception(event, stage, words):
    feedback = ex.check_stages({**RIGHT, event: stage})
    assert not feedback.correct and words in feedback.message and "3 of 4" in feedback.message


def test_missing_events_are_named():
    assert "D" in ex.check_stages({"A": "techno-nationalism", "B": "protectionism", "C": "protectionism"}).message


# task 2 (open) ------------------------------------------------------------------------------------

def test_justification():
    good = ("Event C is protectionism because the subsidies for chip factories at home are what the essay lists, with "
            "bailouts and buy-local rules, under the new protectionism in section 4.2.")
    assert ex.check_justification(good).correct
    assert not ex.check_justification("It is protectionism.").correct
    assert not ex.check_justification(" ".join(["word"] * 30)).correct


# task 3 (create) ----------------------------------------------------------------------------------

def test_policy_that_meets_every_demand_passes():
    assert ex.check_policy(RIGHT_POLICY).correct
    assert ex.check_policy({"diversity": 0.7, "interoperability": 0.6}).correct


def test_trivial_policy_is_rejected():
    feedback = ex.check_policy({"diversity": 0.5, "interoperability": 0.5})
    assert not feedback.correct and "security agency" in feedback.message


def test_all_true_and_all_max_policies_are_rejected():
    assert not ex.check_policy({"diversity": True, "interoperability": True}).correct
    all_max = ex.check_policy({"diversity": 1.0, "interoperability": 1.0})
    assert not all_max.correct and "treasury" in all_max.message


def test_self_rated_top_policy_is_rejected():
    feedback = ex.check_policy({"diversity": 0.5, "interoperability": 0.5, "innovation": 1.0, "in_band": True})
    assert not feedback.correct and "self-assessment" in feedback.hint


def test_the_peak_is_not_enough_and_too_much_diversity_leaves_the_band():
    peak = ex.check_policy({"diversity": functional_diversity(0.5), "interoperability": 0.5})
    assert not peak.correct and "band reaches above" in peak.hint
    outside = ex.check_policy({"diversity": 0.9, "interoperability": 0.6})
    assert not outside.correct and "outside the functional band" in outside.message


def test_policy_needs_both_levels_in_range():
    assert "does not set" in ex.check_policy({"diversity": 0.7}).message
    assert "outside" in ex.check_policy({"diversity": 1.5, "interoperability": 0.5}).message
    assert not ex.check_policy({"diversity": float("nan"), "interoperability": 0.5}).correct


# task 4 (open) ------------------------------------------------------------------------------------

def test_verdict_needs_substance():
    good = ("The co-authorship shares show that research links between the US and China survived, so the strong reading "
            "of the warning fails. But the essay placed fragmentation in markets, standards and data flows and expected "
            "research to stay global, and a single snapshot shows no trend, so the warning is not refuted.")
    assert ex.check_evidence_verdict(good).correct
    assert "measures" in ex.check_evidence_verdict(" ".join(["word"] * 50)).message
    no_limits = "The research co-authorship of the United States with China is large and " * 5
    assert "cannot show" in ex.check_evidence_verdict(no_limits).message

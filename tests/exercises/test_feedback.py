"""Feedback objects, the never-crash guard and the checks shared by several exercises."""

import pytest

from techdiplomacy.exercises.feedback import (
    NOT_ANSWERED,
    PLACEHOLDER,
    TEXT_HINT,
    Feedback,
    is_placeholder,
    judge_open_answer,
    never_crash,
    open_answer_problem,
    too_few_words,
    word_count,
)


def test_feedback_renders_text_and_accessible_html() -> None:
    feedback = Feedback(False, "Close <but> not quite.", "Try C.")
    assert str(feedback) == "Not yet: Close <but> not quite.\nHint: Try C."
    html = feedback._repr_html_()
    assert 'role="status"' in html and "&lt;but&gt;" in html and "Hint" in html
    assert not feedback and Feedback(True, "Yes")


def test_never_crash_turns_errors_into_feedback() -> None:
    @never_crash
    def checker(answer: object) -> Feedback:
        return Feedback(True, str(1 / answer))  # type: ignore[operator]

    assert checker(2).correct
    crashed = checker(0)
    assert not crashed.correct and "ZeroDivisionError" in crashed.message and crashed.hint


@pytest.mark.parametrize(
    "answer",
    [..., "...", "  ... ", {"a": ...}, {"a": "x", "b": {"c": "..."}}, ["x", ...], ("x", "..."), {"x", ...}, [["x", [...]]]],
)
def test_is_placeholder_finds_the_placeholder_anywhere(answer: object) -> None:
    assert is_placeholder(answer)


@pytest.mark.parametrize("answer", [None, "", "x", ". . .", "....", 0, {"...": "x"}, ["x", None], {"a": 1}, [], {}])
def test_is_placeholder_accepts_real_answers(answer: object) -> None:
    assert not is_placeholder(answer)


def test_shared_feedback_texts() -> None:
    assert str(PLACEHOLDER) == ("Not yet: Replace every ... with your answer, then run the check again.\n"
                                "Hint: Read the task above the answer cell for the expected shape.")
    assert str(NOT_ANSWERED) == "Not yet: You have not answered yet.\nHint: Replace ... with your answer and run the cell again."
    assert not PLACEHOLDER and not NOT_ANSWERED


@pytest.mark.parametrize(("text", "count"), [("one two  three\nfour", 4), ("", 0), ("   ", 0), (None, 0), (42, 0), (["a", "b"], 0)])
def test_word_count(text: object, count: int) -> None:
    assert word_count(text) == count


def test_too_few_words() -> None:
    short = too_few_words("one two", 3, "Say more.", noun="reason")
    assert short == Feedback(False, "Your reason has 2 words; write at least 3.", "Say more.")
    assert too_few_words(None, 3, "Say more.") == Feedback(False, "Your answer has 0 words; write at least 3.", "Say more.")
    assert too_few_words("one two three", 3, "Say more.") is None


def test_open_answer_problem() -> None:
    assert open_answer_problem(42, 3, "Say more.") == Feedback(False, "Write your answer as text between quotes.", TEXT_HINT)
    assert open_answer_problem(None, 3, "Say more.", noun="explanation") == Feedback(
        False, "Write your explanation as text between quotes.", "Use a triple-quoted string for several sentences.")
    assert open_answer_problem("one two", 3, "Say more.", noun="justification") == Feedback(
        False, "Your justification has 2 words; write at least 3.", "Say more.")
    assert open_answer_problem("", 1, "Say more.") == Feedback(False, "Your answer has 0 words; write at least 1.", "Say more.")
    assert open_answer_problem("one two three", 3, "Say more.") is None


def test_judge_open_answer_checks_shape_then_each_requirement_in_order() -> None:
    requirements = [(("asymmetr",), "Mention the asymmetry.", "Think of the stakes."),
                    (("trust", "faith"), "Mention trust.", "Diffuse reciprocity rests on it.")]

    def judge(answer: object) -> Feedback:
        return judge_open_answer(answer, 5, "Write five words.", requirements, "Ready for your instructor.")

    assert judge(...) == NOT_ANSWERED and judge(None) == NOT_ANSWERED
    assert "as text" in judge(42).message and "has 2 words" in judge("too short").message
    assert judge("one two three four five six").message == "Mention the asymmetry."
    assert judge("the ASYMMETRY of stakes matters a lot").message == "Mention trust."
    verdict = judge("the asymmetry of stakes calls for trust")
    assert verdict.correct and verdict.message == "Ready for your instructor."

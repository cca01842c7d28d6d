"""Feedback objects and the never-crash guard."""

from techdiplomacy.exercises.feedback import Feedback, never_crash


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

"""Friendly feedback for exercise checkers.

A checker never raises: it returns a :class:`Feedback` that says whether the answer is right,
what is wrong, and a hint. :func:`never_crash` wraps a checker so that even an unexpected error
in a student's answer becomes feedback instead of a traceback.

The module also holds the pieces of checking that several exercises share: recognising the
notebook's ``...`` placeholder (:func:`is_placeholder`, :data:`PLACEHOLDER`, :data:`NOT_ANSWERED`)
and the length checks of open, written answers (:func:`word_count`, :func:`too_few_words`,
:func:`open_answer_problem`).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ParamSpec

__all__ = [
    "NOT_ANSWERED",
    "PLACEHOLDER",
    "TEXT_HINT",
    "Feedback",
    "is_placeholder",
    "judge_open_answer",
    "never_crash",
    "open_answer_problem",
    "too_few_words",
    "word_count",
]

P = ParamSpec("P")


@dataclass(frozen=True)
class Feedback:
    """The answer to one check: ``correct``, a ``message`` and an optional ``hint``."""

    correct: bool
    message: str
    hint: str = ""

    @property
    def verdict(self) -> str:
        return "Correct" if self.correct else "Not yet"

    def __str__(self) -> str:
        text = f"{self.verdict}: {self.message}"
        return f"{text}\nHint: {self.hint}" if self.hint else text

    def __bool__(self) -> bool:
        return self.correct

    def _repr_html_(self) -> str:
        kind = "correct" if self.correct else "not-yet"
        hint = f"<p><strong>Hint:</strong> {html.escape(self.hint)}</p>" if self.hint else ""
        return (
            f'<div class="exercise-feedback exercise-feedback--{kind}" role="status">'
            f"<p><strong>{self.verdict}.</strong> {html.escape(self.message)}</p>{hint}</div>"
        )


def never_crash(checker: Callable[P, Feedback]) -> Callable[P, Feedback]:
    """Turn any exception raised while checking into friendly feedback."""

    @functools.wraps(checker)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Feedback:
        try:
            return checker(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - a checker must never show a traceback
            return Feedback(
                False,
                f"I could not check this answer because it raised {type(error).__name__}: {error}",
                "Read the instructions again and compare the shape of your answer with the example.",
            )

    return wrapper


def is_placeholder(answer: object) -> bool:
    """True if ``answer`` still contains the notebook's ``...`` placeholder.

    The placeholder is ``...`` itself or the text ``"..."`` (surrounding spaces ignored), on its own
    or anywhere inside a dictionary's values, a list, a tuple or a set (nested to any depth).
    ``None`` is not a placeholder.
    """
    if answer is Ellipsis or (isinstance(answer, str) and answer.strip() == "..."):
        return True
    if isinstance(answer, Mapping):
        return any(is_placeholder(v) for v in answer.values())
    if isinstance(answer, (list, tuple, set)):
        return any(is_placeholder(v) for v in answer)
    return False


#: The feedback for an answer in which :func:`is_placeholder` still finds a ``...``.
PLACEHOLDER = Feedback(False, "Replace every ... with your answer, then run the check again.",
                       "Read the task above the answer cell for the expected shape.")

#: The feedback for an answer that is still ``None`` or ``...`` (checkers test for these two themselves).
NOT_ANSWERED = Feedback(False, "You have not answered yet.", "Replace ... with your answer and run the cell again.")

#: The hint for an open answer that is not text.
TEXT_HINT = "Use a triple-quoted string for several sentences."


def word_count(text: object) -> int:
    """The number of words (runs separated by white space) in ``text``; 0 if it is not text."""
    return len(text.split()) if isinstance(text, str) else 0


def too_few_words(text: object, min_words: int, hint: str, noun: str = "answer") -> Feedback | None:
    """Feedback if ``text`` has fewer than ``min_words`` words (anything that is not text has none).

    The message reads "Your <noun> has N words; write at least M." and carries ``hint``; the result
    is ``None`` when the text is long enough.
    """
    count = word_count(text)
    if count < min_words:
        return Feedback(False, f"Your {noun} has {count} words; write at least {min_words}.", hint)
    return None


def open_answer_problem(answer: object, min_words: int, hint: str, noun: str = "answer") -> Feedback | None:
    """What is wrong with the shape of an open, written answer, or ``None`` if nothing is.

    An answer that is not text gets "Write your <noun> as text between quotes." (with
    :data:`TEXT_HINT`); text shorter than ``min_words`` words gets the feedback of
    :func:`too_few_words` with ``hint``. The checker then looks at the content itself.
    """
    if not isinstance(answer, str):
        return Feedback(False, f"Write your {noun} as text between quotes.", TEXT_HINT)
    return too_few_words(answer, min_words, hint, noun)


#: What an open answer must touch on: (word stems, at least one of which must occur; message; hint).
Requirement = tuple[Sequence[str], str, str]


def judge_open_answer(answer: object, min_words: int, hint: str, requirements: Sequence[Requirement],
                      thanks: str, noun: str = "answer") -> Feedback:
    """Feedback on an open, written answer that an instructor marks with the rubric.

    The placeholder or ``None`` gets :data:`NOT_ANSWERED`; a wrong shape or a text that is too short
    gets :func:`open_answer_problem`'s feedback (with ``hint``); then the first requirement none of
    whose word stems occurs (case ignored) gets its message and hint. An answer that passes all of
    them gets ``thanks``: it is ready for the instructor, not marked correct on its content.
    """
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    problem = open_answer_problem(answer, min_words, hint, noun)
    if problem is not None:
        return problem
    text = str(answer).lower()
    for stems, message, requirement_hint in requirements:
        if not any(stem in text for stem in stems):
            return Feedback(False, message, requirement_hint)
    return Feedback(True, thanks)

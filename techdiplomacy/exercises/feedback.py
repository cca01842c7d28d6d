"""Friendly feedback for exercise checkers.

A checker never raises: it returns a :class:`Feedback` that says whether the answer is right,
what is wrong, and a hint. :func:`never_crash` wraps a checker so that even an unexpected error
in a student's answer becomes feedback instead of a traceback.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec

__all__ = ["Feedback", "never_crash"]

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

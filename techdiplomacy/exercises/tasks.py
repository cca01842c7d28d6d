"""The tasks of an exercise notebook, declared once for the notebook, the tests and the grader.

Each exercise module (``techdiplomacy.exercises.<topic>``) ends with a ``TASKS`` tuple of
:class:`Task`: which notebook variable holds the student's answer, which checker judges it, where
the task sits on the ladder (recall → apply → create), and how many points it is worth. Open,
written answers (reflections, arguments) are ``open_answer=True``: the checker gives feedback on
their shape in the notebook, but an instructor marks them with the rubric, so they carry no
automatic points.

Two more declarations serve the grader (``coursebook/grading``):

- ``searchable``: the answer space is small enough that a loop over the shipped checker finds the
  answer (choices, matchings, a few numbers). Such a task earns automatic points only when the
  instructor assigns the exercise in **assessment mode**, in which the notebook's own check gives
  only format feedback (:func:`assessment_mode`, :func:`format_only_in_assessment`). Every task is
  searchable unless declared otherwise.
- ``text_fields``: keys of a structured answer that hold free text (a design's justification); the
  grader judges the rest of the answer and sends the text to the rubric.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from types import ModuleType

from techdiplomacy.exercises.feedback import NOT_ANSWERED, PLACEHOLDER, Feedback, is_placeholder

__all__ = ["ASSESSMENT_VARIABLE", "LEVELS", "Recorded", "Task", "assessment_mode", "format_only_in_assessment", "tasks_of"]

#: The environment variable that switches the notebooks' checks to assessment mode ("1").
ASSESSMENT_VARIABLE = "TECHDIPLOMACY_ASSESSMENT"

#: The rungs of the exercise ladder, in order.
LEVELS = ("recall", "apply", "create")


@dataclass(frozen=True)
class Task:
    """One task of an exercise notebook.

    ``key`` names the task in grade sheets (``task1``, ``task2``...); ``title`` is its heading in
    the notebook; ``answer`` is the name of the notebook variable the student fills in; ``check``
    is the checker called with that variable's value; ``level`` is one of :data:`LEVELS`;
    ``points`` is what a correct answer earns (0 for an open answer, which is marked by hand).
    """

    key: str
    title: str
    answer: str
    check: Callable[[object], Feedback]
    level: str
    points: int = 1
    open_answer: bool = False
    searchable: bool = True
    text_fields: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"Task {self.key!r}: level {self.level!r} is not one of {', '.join(LEVELS)}.")
        if not self.answer.isidentifier():
            raise ValueError(f"Task {self.key!r}: answer {self.answer!r} is not a Python variable name.")
        if self.points < 0 or (self.open_answer and self.points):
            raise ValueError(f"Task {self.key!r}: points must be >= 0, and 0 for an open answer.")


def tasks_of(module: ModuleType) -> tuple[Task, ...]:
    """The ``TASKS`` of an exercise module, with a clear error if it declares none."""
    tasks = getattr(module, "TASKS", None)
    if not tasks or not all(isinstance(task, Task) for task in tasks):
        raise ValueError(f"{module.__name__} declares no TASKS tuple of Task.")
    return tuple(tasks)


def assessment_mode() -> bool:
    """True when the exercise is assigned for assessment (the variable :data:`ASSESSMENT_VARIABLE` is "1")."""
    return os.environ.get(ASSESSMENT_VARIABLE, "").strip() == "1"


class Recorded(Feedback):
    """Format-only feedback in assessment mode: the answer is complete, its verdict is withheld."""

    @property
    def verdict(self) -> str:
        return "Recorded"


RECORDED = Recorded(False, "Your answer is complete and recorded. This exercise is assigned for assessment, so the check "
                           "here looks only at its form; your instructor's grader marks it.")


def format_only_in_assessment(namespace: MutableMapping[str, object], also: tuple[str, ...] = ()) -> None:
    """Wrap the checkers of the module's searchable tasks (and the helpers named in ``also``, which
    judge part of such an answer): in assessment mode they only check the form.

    Called once at the end of an exercise module with ``globals()``; the module's ``TASKS`` keep the
    real checkers, which the grader uses.
    """
    names = [n for n in also if callable(namespace.get(n))]
    for task in namespace.get("TASKS", ()):
        if isinstance(task, Task) and task.searchable and not task.open_answer:
            name = getattr(task.check, "__name__", "")
            if namespace.get(name) is task.check:
                names.append(name)
    for name in names:
        namespace[name] = _format_only(namespace[name])  # type: ignore[arg-type]


def _format_only(check: Callable[..., Feedback]) -> Callable[..., Feedback]:
    @functools.wraps(check)
    def wrapper(*args: object) -> Feedback:
        if not assessment_mode():
            return check(*args)
        answer = args[-1] if args else None
        if answer is None or answer is Ellipsis:
            return NOT_ANSWERED
        if is_placeholder(answer):
            return PLACEHOLDER
        return RECORDED

    del wrapper.__wrapped__
    return wrapper

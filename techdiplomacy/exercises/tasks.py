"""The tasks of an exercise notebook, declared once for the notebook, the tests and the grader.

Each exercise module (``techdiplomacy.exercises.<topic>``) ends with a ``TASKS`` tuple of
:class:`Task`: which notebook variable holds the student's answer, which checker judges it, where
the task sits on the ladder (recall → apply → create), and how many points it is worth. Open,
written answers (reflections, arguments) are ``open_answer=True``: the checker gives feedback on
their shape in the notebook, but an instructor marks them with the rubric, so they carry no
automatic points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from techdiplomacy.exercises.feedback import Feedback

__all__ = ["LEVELS", "Task", "tasks_of"]

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

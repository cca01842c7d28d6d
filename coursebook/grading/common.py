"""What every part of the grader shares: the limits, the grade records and text clean-up."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXERCISES_PACKAGE = "techdiplomacy.exercises"
NOT_EXERCISES = frozenset({"feedback", "tasks", "__init__"})


@dataclass(frozen=True)
class GradingLimits:
    """Limits per notebook. Times in seconds, sizes in bytes.

    ``cell``: a student cell is interrupted after this long (a cell that ignores the interrupt is
    killed with its kernel and the notebook rerun without it); ``notebook``: the whole sandbox is
    killed after this long; ``check``: a checker's time; ``call``: one call of a function answer;
    ``memory``: address space per process; ``processes``: processes and threads of a sandbox;
    ``file_size``: largest file a notebook may write; ``disk``: its private ``/tmp`` and working
    folder together; ``jobs``: sandboxes at once.
    """

    cell: float = 30.0
    notebook: float = 180.0
    check: float = 20.0
    call: float = 2.0
    memory: int = 2 * 1024**3
    processes: int = 256
    file_size: int = 32 * 1024**2
    disk: int = 64 * 1024**2
    jobs: int = 2


@dataclass
class TaskGrade:
    key: str
    title: str
    level: str
    max_points: int
    open_answer: bool
    counted: bool = True  # False: the task's answer space is searchable and the run is not in assessment mode
    points: int = 0
    correct: bool = False
    message: str = "Not graded."
    hint: str = ""
    answer: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # free-text parts of a structured answer, for the rubric


@dataclass
class NotebookGrade:
    path: Path
    exercise: str = ""
    tasks: list[TaskGrade] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def file_name(self) -> str:
        """The submission's exact file name, escaped (bytes that are not UTF-8 as ``\\xNN``)."""
        return escape_name(self.path.name)

    @property
    def student(self) -> str:
        return student_name(self.path.name)

    @property
    def total(self) -> int:
        return sum(t.points for t in self.tasks if not t.open_answer and t.counted)

    @property
    def max_total(self) -> int:
        return sum(t.max_points for t in self.tasks if not t.open_answer and t.counted)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def clean(text: object, limit: int = 2000) -> str:
    """Text safe to print or write: control characters (ANSI escapes, bidi overrides) removed, capped."""
    value = str(text)
    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if _has_surrogates(value) else value
    value = re.sub(r"\x1b\[[0-9;?]*[ -/]*[@-~]", "", value)
    value = _CONTROL.sub("", value.replace("\t", " "))
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _has_surrogates(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def escape_name(name: str) -> str:
    """A file name as readable, printable text: undecodable bytes as ``\\xNN``, control characters as ``\\uNNNN``."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(ch if not _CONTROL.match(ch) and ch != "\n" else f"\\u{ord(ch):04x}" for ch in text)


def student_name(name: str) -> str:
    """The student a file name stands for: stem, Unicode-normalised, invisible and outer white space removed."""
    stem = escape_name(name)
    stem = stem[: -len(".ipynb")] if stem.lower().endswith(".ipynb") else stem
    stem = unicodedata.normalize("NFKC", stem)
    stem = re.sub(r"\\u[0-9a-f]{4}", "", stem)
    return re.sub(r"\s+", " ", stem).strip()

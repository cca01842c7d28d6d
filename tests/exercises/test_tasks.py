"""Every exercise declares its tasks (``TASKS``), and they climb the ladder recall → apply → create.

The same declaration drives the notebook, these tests and the grader, so the tests also check that
each task's answer variable is really filled in by a cell of the exercise notebook.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.tasks import LEVELS, Task, tasks_of

REPO = Path(__file__).resolve().parents[2]
TOPICS = sorted(p.stem for p in (REPO / "exercises").glob("*.ipynb"))


def student_code(topic: str) -> str:
    notebook = json.loads((REPO / "exercises" / f"{topic}.ipynb").read_text(encoding="utf-8"))
    return "\n".join(
        "".join(cell["source"])
        for cell in notebook["cells"]
        if cell["cell_type"] == "code" and not {"solution", "instructor"} & set(cell["metadata"].get("tags", []))
    )


@pytest.mark.parametrize("topic", TOPICS)
def test_exercise_climbs_the_ladder(topic: str) -> None:
    tasks = tasks_of(importlib.import_module(f"techdiplomacy.exercises.{topic}"))
    assert [t.key for t in tasks] == [f"task{i}" for i in range(1, len(tasks) + 1)]
    levels = [LEVELS.index(t.level) for t in tasks]
    assert levels == sorted(levels), f"{topic}: tasks must go recall -> apply -> create"
    assert levels.count(0) <= 1, f"{topic}: at most one recall task"
    assert any(t.level == "apply" and not t.open_answer for t in tasks), f"{topic}: needs an automatically checked apply task"
    assert any(t.level == "create" and not t.open_answer for t in tasks), f"{topic}: needs an automatically checked create/judge task"


@pytest.mark.parametrize("topic", TOPICS)
def test_every_answer_variable_is_filled_in_the_notebook(topic: str) -> None:
    code = student_code(topic)
    for task in tasks_of(importlib.import_module(f"techdiplomacy.exercises.{topic}")):
        assert re.search(rf"^(?:{task.answer}\s*=|def {task.answer}\()", code, re.M), (
            f"exercises/{topic}.ipynb has no student cell that sets {task.answer} (task {task.key})"
        )
        assert f"{task.check.__name__}({task.answer})" in code, f"exercises/{topic}.ipynb never calls {task.check.__name__}({task.answer})"


@pytest.mark.parametrize("topic", TOPICS)
def test_every_task_shows_its_rung_on_the_page(topic: str) -> None:
    notebook = json.loads((REPO / "exercises" / f"{topic}.ipynb").read_text(encoding="utf-8"))
    headings = [line for cell in notebook["cells"] if cell["cell_type"] == "markdown"
                for line in "".join(cell["source"]).splitlines() if line.startswith("## Task ")]
    tasks = tasks_of(importlib.import_module(f"techdiplomacy.exercises.{topic}"))
    assert len(headings) == len(tasks), f"exercises/{topic}.ipynb: one '## Task N' heading per task"
    for number, (heading, task) in enumerate(zip(headings, tasks), start=1):
        assert heading.startswith(f"## Task {number} (**{task.level.capitalize()}"), (
            f"exercises/{topic}.ipynb: {heading!r} should say it is a {task.level} task"
        )


@pytest.mark.parametrize("topic", TOPICS)
def test_every_checker_answers_the_placeholder_with_not_yet(topic: str) -> None:
    for task in tasks_of(importlib.import_module(f"techdiplomacy.exercises.{topic}")):
        for placeholder in (..., None, "...", 42, object()):
            feedback = task.check(placeholder)
            assert isinstance(feedback, Feedback) and not feedback.correct, f"{topic} {task.key}: {placeholder!r}"


def test_task_rejects_bad_declarations() -> None:
    check = lambda answer: Feedback(True, "ok")  # noqa: E731
    with pytest.raises(ValueError, match="level"):
        Task("task1", "T", "answer", check, "remember")
    with pytest.raises(ValueError, match="variable name"):
        Task("task1", "T", "my answer", check, "apply")
    with pytest.raises(ValueError, match="open answer"):
        Task("task1", "T", "answer", check, "create", points=2, open_answer=True)


def test_a_module_without_tasks_is_named() -> None:
    with pytest.raises(ValueError, match="techdiplomacy.exercises.feedback declares no TASKS"):
        tasks_of(importlib.import_module("techdiplomacy.exercises.feedback"))


def test_rubric_overview_matches_the_tasks() -> None:
    """instructor/rubrics.md says which tasks are checked automatically and for how many points."""
    rubrics = (REPO / "instructor" / "rubrics.md").read_text(encoding="utf-8")
    for topic in TOPICS:
        row = next(line for line in rubrics.splitlines() if f"(../exercises/{topic}.ipynb)" in line)
        checked = row.split("|")[2]
        numbers = [int(n) for n in re.findall(r"\d+", checked)]
        tasks = [t for t in tasks_of(importlib.import_module(f"techdiplomacy.exercises.{topic}")) if not t.open_answer]
        assert numbers[:-1] == [int(t.key.removeprefix("task")) for t in tasks], f"rubrics.md, {topic}: {checked.strip()}"
        assert numbers[-1] == sum(t.points for t in tasks), f"rubrics.md, {topic}: total points"

"""Grade a folder of exercise notebooks with the course's own checkers.

``bash scripts/grade.sh DIR`` (or ``python -m coursebook.grading DIR``) grades every ``DIR/*.ipynb``
(any mix of the exercises) and writes

- ``DIR/grades.csv``: one row per notebook (the file name identifies the student), one column per
  automatically checked task (``<exercise>_<task>``, the points earned), ``total``, ``max_total``
  and ``notes``;
- ``DIR/feedback/<notebook>.md``: the checker's feedback on every task of that notebook;
- ``DIR/open_answers.csv``: the open, written answers (reflections), for marking with the rubric of
  the instructor edition; they earn no automatic points.

The tasks come from each exercise module's ``TASKS`` (:mod:`techdiplomacy.exercises.tasks`).
The grader trusts nothing in a submission:

- The exercise is read from the notebook: the setup cell's ``from techdiplomacy.exercises.<topic>
  import ...``, checked against the metadata stamp ``techdiplomacy.exercise`` that the student
  branch writes; a notebook whose stamp and cells disagree, that imports several exercises or none,
  that is empty or not valid JSON gets a row with a note and is not run.
- Each notebook runs in a fresh kernel, in a scratch folder, with a time limit per cell (an endless
  cell is interrupted and the rest still runs) and per notebook (a kernel that cannot be interrupted
  is killed); errors are noted, never fatal, and one notebook never stops the others.
- Answers that are plain data (numbers, text, tuples, lists, dictionaries, sets) are copied out of
  the kernel as Python literals and judged here, in the grader's process, by the checkers it
  imported itself: whatever a notebook redefines or monkeypatches (a checker, ``Feedback``, the
  import system) cannot reach them. Answers that are code (a function) can only be judged where
  they live: after the student's cells, the grader restores the kernel's import system and
  built-ins from a snapshot taken before the first student cell, removes every ``techdiplomacy``
  module, imports the checkers anew from the course's files, calls the task's checker with a time
  limit, and passes the verdict back in a file named by a random nonce; a verdict not in a fresh
  ``Feedback`` counts as wrong.

otter-grader and nbgrader were considered: both grade tests written in their own assignment
format (generated student versions, hidden test cells, a gradebook database or Docker images),
whereas this course's notebooks already declare their answers and checkers in ``TASKS`` and give
instant feedback in self-study, so the grader executes with nbclient (as nbgrader does) and reuses
the checkers.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import csv
import importlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

__all__ = [
    "GradingLimits",
    "NotebookGrade",
    "TaskGrade",
    "exercise_of",
    "grade_folder",
    "grade_notebooks",
    "write_reports",
]

ROOT = Path(__file__).resolve().parent.parent
EXERCISES_PACKAGE = "techdiplomacy.exercises"
NOT_EXERCISES = {"feedback", "tasks", "__init__"}
_IMPORT = re.compile(r"^\s*(?:from\s+techdiplomacy\.exercises\.(\w+)\s+import|import\s+techdiplomacy\.exercises\.(\w+))", re.M)
MAX_LITERAL = 200_000


@dataclass(frozen=True)
class GradingLimits:
    """Time limits in seconds: per cell (then interrupted), per notebook (then killed), per check."""

    cell: float = 30.0
    notebook: float = 180.0
    check: float = 20.0
    jobs: int = max(1, min(4, os.cpu_count() or 1))


@dataclass
class TaskGrade:
    key: str
    title: str
    level: str
    max_points: int
    open_answer: bool
    points: int = 0
    correct: bool = False
    message: str = "Not graded."
    hint: str = ""
    answer: str = ""


@dataclass
class NotebookGrade:
    path: Path
    exercise: str = ""
    tasks: list[TaskGrade] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def student(self) -> str:
        return self.path.stem

    @property
    def total(self) -> int:
        return sum(t.points for t in self.tasks if not t.open_answer)

    @property
    def max_total(self) -> int:
        return sum(t.max_points for t in self.tasks if not t.open_answer)


# --------------------------------------------------------------------------- which exercise


def known_exercises() -> list[str]:
    folder = ROOT / "techdiplomacy" / "exercises"
    return sorted(p.stem for p in folder.glob("*.py") if p.stem not in NOT_EXERCISES)


def exercise_of(notebook: nbformat.NotebookNode) -> tuple[str | None, str | None]:
    """``(exercise, problem)``: the exercise the notebook's cells import, or why it has none."""
    code = "\n".join(c.source for c in notebook.cells if c.get("cell_type") == "code")
    imported = sorted({a or b for a, b in _IMPORT.findall(code)} - NOT_EXERCISES)
    stamp = notebook.metadata.get("techdiplomacy", {})
    stamped = stamp.get("exercise") if isinstance(stamp, dict) else None
    if len(imported) > 1:
        return None, f"its cells import several exercises ({', '.join(imported)}): a different exercise than it claims"
    if stamped and imported and stamped != imported[0]:
        return None, f"it is stamped as exercise {stamped!r} but its cells are exercise {imported[0]!r}: a different exercise than it claims"
    topic = imported[0] if imported else stamped
    if not topic:
        return None, "no cell imports an exercise of the course (from techdiplomacy.exercises.<topic> import ...)"
    if topic not in known_exercises():
        return None, f"{topic!r} is not an exercise of the course"
    return topic, None


def _read(path: Path) -> tuple[nbformat.NotebookNode | None, str | None]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, f"the file cannot be read ({error.strerror})"
    if not raw.strip():
        return None, "the file is empty"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, f"the file is not valid JSON, so not a notebook ({error})"
    try:
        notebook = nbformat.reads(json.dumps(data), as_version=4)
    except Exception as error:  # noqa: BLE001 - any malformed notebook
        return None, f"the file is JSON but not a notebook ({type(error).__name__})"
    if not any(c.get("cell_type") == "code" and c.get("source", "").strip() for c in notebook.cells):
        return None, "the notebook has no code cells (empty)"
    return notebook, None


# --------------------------------------------------------------------------- code run in the kernel

_PRELUDE = """
def _grader_prelude():
    import builtins, sys, types
    saved = types.ModuleType("_grader_saved_{token}")
    saved.meta_path, saved.path_hooks, saved.path = list(sys.meta_path), list(sys.path_hooks), list(sys.path)
    saved.builtins = dict(vars(builtins))
    sys.modules[saved.__name__] = saved
_grader_prelude()
del _grader_prelude
"""

_EXPORT = r'''
def _grader_export(token, nonce, result_path, package_dir, module_name, names, judge_here, check_seconds):
    import builtins, sys
    saved = sys.modules.pop("_grader_saved_" + token, None)
    if saved is not None:
        vars(builtins).update(saved.builtins)
        sys.meta_path[:], sys.path_hooks[:], sys.path[:] = saved.meta_path, saved.path_hooks, saved.path
        sys.path_importer_cache.clear()
    namespace = globals()
    literal = (type(None), bool, int, float, complex, str, bytes)

    def source(value, depth=0):
        """Python source of a plain-data value (ast.literal_eval reads it back), else ValueError."""
        if depth > 30:
            raise ValueError("too deep")
        kind = type(value)
        if value is ...:
            return "..."
        if kind in literal:
            if kind is float and (value != value or value in (float("inf"), float("-inf"))):
                raise ValueError("not a literal")
            return repr(value)
        if getattr(kind, "__module__", "") == "numpy" and hasattr(value, "tolist"):
            return source(value.tolist(), depth + 1)
        if kind is list:
            return "[" + ", ".join(source(v, depth + 1) for v in value) + "]"
        if kind is tuple:
            return "(" + "".join(source(v, depth + 1) + ", " for v in value) + ")"
        if kind in (set, frozenset):
            return "{" + ", ".join(source(v, depth + 1) for v in value) + "}" if value else "set()"
        if kind is dict:
            return "{" + ", ".join(source(k, depth + 1) + ": " + source(v, depth + 1) for k, v in value.items()) + "}"
        raise ValueError("not a literal")

    answers = {}
    for name in names:
        if name not in namespace:
            answers[name] = {"kind": "missing"}
            continue
        try:
            text = source(namespace[name])
            answers[name] = {"kind": "data", "repr": text} if len(text) <= MAX else {"kind": "object", "type": "large"}
        except Exception:
            answers[name] = {"kind": "object", "type": type(namespace[name]).__name__}
    verdicts = {}
    pending = [(key, name) for key, name in judge_here if answers[name]["kind"] == "object"]
    # Modules the student may have patched are imported afresh with the restored import system.
    for loaded in [m for m in sys.modules if m.split(".")[0] in ("techdiplomacy", "json", "signal")]:
        del sys.modules[loaded]
    if pending:
        import os
        __import__(module_name)
        module, feedback = sys.modules[module_name], sys.modules["techdiplomacy.exercises.feedback"]
        fresh = [module, feedback, sys.modules["techdiplomacy"]]
        if not all(os.path.realpath(m.__file__).startswith(package_dir + os.sep) for m in fresh):
            raise RuntimeError("the course package could not be imported fresh")
        tasks = {task.key: task for task in module.TASKS}
        signal = __import__("signal")

        def stop(signum, frame):
            raise TimeoutError("the check took too long")

        for key, name in pending:
            previous = signal.signal(signal.SIGALRM, stop)
            signal.setitimer(signal.ITIMER_REAL, check_seconds)
            try:
                result = tasks[key].check(namespace[name])
            except BaseException as error:
                result = error
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
            if type(result) is feedback.Feedback and type(result.correct) is bool and type(result.message) is str and type(result.hint) is str:
                verdicts[key] = {"correct": result.correct, "message": result.message, "hint": result.hint}
            else:
                verdicts[key] = {"correct": False, "message": f"The check did not return feedback ({type(result).__name__}).", "hint": ""}
    import json
    with builtins.open(result_path, "w", encoding="utf-8") as out:
        json.dump({"nonce": nonce, "answers": answers, "verdicts": verdicts}, out)
'''


def _export_cell(token: str, nonce: str, result: Path, module_name: str, tasks: tuple, check_seconds: float) -> str:
    names = sorted({t.answer for t in tasks})
    judge_here = [(t.key, t.answer) for t in tasks]
    package_dir = os.path.realpath(ROOT / "techdiplomacy")
    return (_EXPORT.replace("MAX", str(MAX_LITERAL))
            + f"_grader_export({token!r}, {nonce!r}, {str(result)!r}, {package_dir!r}, {module_name!r}, {names!r}, "
              f"{judge_here!r}, {check_seconds!r})\ndel _grader_export\n")


# --------------------------------------------------------------------------- judging here


class _CheckTimeout(Exception):
    pass


def _judge(task, value: object, seconds: float) -> tuple[bool, str, str]:
    """Call a course checker (imported by this process) with a time limit; never raises."""
    from techdiplomacy.exercises.feedback import Feedback

    use_alarm = hasattr(signal, "setitimer") and __import__("threading").current_thread() is __import__("threading").main_thread()

    def stop(signum, frame):  # noqa: ARG001
        raise _CheckTimeout

    previous = signal.signal(signal.SIGALRM, stop) if use_alarm else None
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        result = task.check(value)
    except _CheckTimeout:
        return False, f"The check took longer than {seconds:g} s.", ""
    except Exception as error:  # noqa: BLE001 - checkers should never raise; be safe anyway
        return False, f"The check failed with {type(error).__name__}.", ""
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    if not isinstance(result, Feedback):
        return False, "The check did not return feedback.", ""
    return bool(result.correct), result.message, result.hint


def _answer_text(value: object) -> str:
    return value.strip() if isinstance(value, str) else repr(value)


# --------------------------------------------------------------------------- running one notebook


async def _run(notebook: nbformat.NotebookNode, workdir: Path, limits: GradingLimits, env: dict[str, str]) -> list[str]:
    """Execute the notebook's cells in a fresh kernel; return notes on errors and interrupted cells."""
    from nbclient import NotebookClient

    notes: list[str] = []
    grader_cells = (id(notebook.cells[0]), id(notebook.cells[-1]))

    def timeout(cell: nbformat.NotebookNode) -> int:
        """The student's cells get ``limits.cell``; the grader's last cell imports afresh and runs the checks."""
        return int(limits.cell) if id(cell) not in grader_cells else int(60 + 3 * limits.check)

    client = NotebookClient(
        notebook, timeout_func=timeout, kernel_name="python3", allow_errors=True, interrupt_on_timeout=True,
        error_on_timeout={"ename": "CellTimeout", "evalue": f"ran longer than {limits.cell:g} s", "traceback": []},
        shutdown_kernel="immediate", resources={"metadata": {"path": str(workdir)}}, record_timing=False,
    )
    async with client.async_setup_kernel(env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        last = len(notebook.cells) - 1
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            started = time.monotonic()
            await client.async_execute_cell(cell, index)
            if index in (0, last):  # the grader's own cells
                failed = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
                if failed:
                    notes.append(f"the grading step failed in the kernel ({failed[0].get('ename')}: {str(failed[0].get('evalue'))[:120]})")
                continue
            if time.monotonic() - started >= limits.cell:
                notes.append(f"cell {index} ran longer than {limits.cell:g} s and was interrupted")
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    notes.append(f"cell {index} raised {output.get('ename')}: {str(output.get('evalue'))[:120]}")
    return notes


async def _grade_one(path: Path, limits: GradingLimits, gate: asyncio.Semaphore, env: dict[str, str]) -> NotebookGrade:
    from techdiplomacy.exercises.tasks import tasks_of

    grade = NotebookGrade(path)
    notebook, problem = _read(path)
    topic = None
    if notebook is not None:
        topic, problem = exercise_of(notebook)
    if problem:
        grade.notes.append(f"Not graded: {problem}.")
        return grade
    grade.exercise = topic
    module_name = f"{EXERCISES_PACKAGE}.{topic}"
    try:
        tasks = tasks_of(importlib.import_module(module_name))
    except ValueError:
        tasks = ()
        grade.notes.append(f"The exercise {topic} declares no TASKS yet: nothing to grade automatically.")
    grade.tasks = [TaskGrade(t.key, t.title, t.level, t.points, t.open_answer) for t in tasks]
    token, nonce = secrets.token_hex(8), secrets.token_hex(16)
    async with gate:
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="grade-") as scratch:
            workdir = Path(scratch)
            result_path = workdir / f".grader-{secrets.token_hex(8)}.json"
            notebook.cells = [
                nbformat.v4.new_code_cell(_PRELUDE.replace("{token}", token)),
                *[c for c in notebook.cells if c.get("cell_type") in ("code", "markdown", "raw")],
                nbformat.v4.new_code_cell(_export_cell(token, nonce, result_path, module_name, tasks, limits.check)),
            ]
            try:
                grade.notes += await asyncio.wait_for(_run(notebook, workdir, limits, env), limits.notebook)
            except asyncio.TimeoutError:
                grade.notes.append(f"Stopped after {limits.notebook:g} s: the notebook did not finish (a cell that cannot be interrupted?).")
            except Exception as error:  # noqa: BLE001 - dead kernel, kernel that will not start...
                grade.notes.append(f"The notebook could not be run to the end ({type(error).__name__}: {str(error)[:120]}).")
            exported = _load_export(result_path, nonce)
        grade.seconds = time.monotonic() - started
    if tasks and exported is None:
        grade.notes.append("No answers could be read from the notebook: every task earns 0.")
        for task in grade.tasks:
            task.message = "Not graded: the notebook did not run to the end."
        return grade
    if tasks:
        _judge_all(grade, tasks, exported, limits)
    return grade


def _load_export(path: Path, nonce: str) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("nonce") != nonce:
        return None
    return data


def _judge_all(grade: NotebookGrade, tasks: tuple, exported: dict, limits: GradingLimits) -> None:
    answers, verdicts = exported.get("answers", {}), exported.get("verdicts", {})
    for task, row in zip(tasks, grade.tasks):
        answer = answers.get(task.answer, {"kind": "missing"})
        if answer.get("kind") == "missing":
            row.correct, row.message = False, f"Not answered: the notebook defines no variable {task.answer}."
        elif answer.get("kind") == "data":
            try:
                value = ast.literal_eval(str(answer.get("repr", ""))[:MAX_LITERAL])
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                row.correct, row.message = False, "The answer could not be read."
            else:
                row.correct, row.message, row.hint = _judge(task, value, limits.check)
                row.answer = _answer_text(value) if task.open_answer else ""
        else:
            verdict = verdicts.get(task.key)
            if not isinstance(verdict, dict):
                row.correct, row.message = False, "The answer could not be checked."
            else:
                row.correct = verdict.get("correct") is True
                row.message, row.hint = str(verdict.get("message", "")), str(verdict.get("hint", ""))
            if task.open_answer:
                row.answer = f"(not text: a {answer.get('type', 'value')})"
        row.points = task.points if row.correct and not task.open_answer else 0


# --------------------------------------------------------------------------- the folder


def grade_notebooks(paths: list[Path], limits: GradingLimits = GradingLimits()) -> list[NotebookGrade]:
    """Grade ``paths`` (``limits.jobs`` at a time); one result per path, in order."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
           "PYTHONHASHSEED": "0", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    for name in ("techdiplomacy.exercises.feedback", "techdiplomacy.exercises.tasks"):
        importlib.import_module(name)  # the grader's own checkers, imported before anything runs

    async def main() -> list[NotebookGrade]:
        gate = asyncio.Semaphore(max(1, limits.jobs))

        async def safe(path: Path) -> NotebookGrade:
            try:
                return await _grade_one(path, limits, gate, env)
            except Exception as error:  # noqa: BLE001 - one notebook never stops the others
                return NotebookGrade(path, notes=[f"Not graded: the grader failed on it ({type(error).__name__}: {error})."])

        return list(await asyncio.gather(*(safe(p) for p in paths)))

    return asyncio.run(main())


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not read as a formula."""
    text = re.sub(r"\s+", " ", str(value)).strip()
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def _columns(grades: list[NotebookGrade]) -> list[tuple[str, str, int]]:
    from techdiplomacy.exercises.tasks import tasks_of

    columns = []
    for topic in sorted({g.exercise for g in grades if g.exercise}):
        try:
            tasks = tasks_of(importlib.import_module(f"{EXERCISES_PACKAGE}.{topic}"))
        except ValueError:
            continue
        columns += [(topic, t.key, t.points) for t in tasks if not t.open_answer]
    return columns


def _feedback_markdown(grade: NotebookGrade) -> str:
    lines = [f"# Feedback: {grade.path.name}", ""]
    if grade.exercise:
        lines.append(f"Exercise: **{grade.exercise}**. Automatically checked tasks: **{grade.total} / {grade.max_total}** points.")
    if grade.notes:
        lines += ["", "Notes:", *[f"- {note}" for note in grade.notes]]
    for task in grade.tasks:
        if task.open_answer:
            lines += ["", f"## {task.key}: {task.title} (open answer, marked with the rubric)", ""]
            lines += ["Answer:", "", *[f"> {line}" for line in (task.answer or "(no answer)").splitlines()], ""]
            lines.append(f"Checker's comment: {task.message}")
        else:
            lines += ["", f"## {task.key}: {task.title} ({task.level}): {task.points} / {task.max_points} points", ""]
            lines.append(f"{'Correct' if task.correct else 'Not yet'}: {task.message}")
        if task.hint:
            lines.append(f"Hint: {task.hint}")
    return "\n".join(lines) + "\n"


def write_reports(folder: Path, grades: list[NotebookGrade]) -> Path:
    """Write ``grades.csv``, ``open_answers.csv`` and ``feedback/*.md`` into ``folder``."""
    columns = _columns(grades)
    sheet = folder / "grades.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "notebook", "exercise", *[f"{topic}_{key}" for topic, key, _ in columns],
                         "total", "max_total", "notes"])
        for grade in grades:
            earned = {(grade.exercise, t.key): t.points for t in grade.tasks}
            cells = [earned.get((topic, key), "") for topic, key, _ in columns]
            writer.writerow([_cell(grade.student), _cell(grade.path.name), grade.exercise, *cells,
                             grade.total if grade.tasks else 0, grade.max_total if grade.tasks else "",
                             _cell("; ".join(grade.notes))])
    with (folder / "open_answers.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "notebook", "exercise", "task", "title", "answer", "checker_comment"])
        for grade in grades:
            for task in grade.tasks:
                if task.open_answer:
                    writer.writerow([_cell(grade.student), _cell(grade.path.name), grade.exercise, task.key, task.title,
                                     _cell(task.answer), _cell(task.message)])
    feedback = folder / "feedback"
    feedback.mkdir(exist_ok=True)
    for grade in grades:
        (feedback / f"{grade.path.stem}.md").write_text(_feedback_markdown(grade), encoding="utf-8")
    return sheet


def grade_folder(folder: Path, limits: GradingLimits = GradingLimits()) -> list[NotebookGrade]:
    """Grade every ``folder/*.ipynb`` and write the reports into ``folder``."""
    paths = sorted(p for p in Path(folder).glob("*.ipynb") if p.is_file())
    grades = grade_notebooks(paths, limits)
    write_reports(Path(folder), grades)
    return grades


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="grade", description="Grade every exercise notebook in a folder.")
    parser.add_argument("folder", type=Path)
    defaults = GradingLimits()
    parser.add_argument("--jobs", type=int, default=defaults.jobs, help=f"notebooks run at once (default {defaults.jobs})")
    parser.add_argument("--cell-timeout", type=float, default=defaults.cell, help=f"seconds per cell (default {defaults.cell:g})")
    parser.add_argument("--notebook-timeout", type=float, default=defaults.notebook,
                        help=f"seconds per notebook (default {defaults.notebook:g})")
    options = parser.parse_args(arguments)
    if not options.folder.is_dir():
        print(f"{options.folder} is not a folder.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    limits = GradingLimits(cell=options.cell_timeout, notebook=options.notebook_timeout, jobs=options.jobs)
    grades = grade_folder(options.folder, limits)
    if not grades:
        print(f"No notebooks (*.ipynb) in {options.folder}.", file=sys.stderr)
        return 2
    for grade in grades:
        score = f"{grade.total}/{grade.max_total}" if grade.tasks else "-"
        print(f"{grade.path.name:40} {grade.exercise or '?':22} {score:>7}  {'; '.join(grade.notes)[:100]}")
    print(f"\nGraded {len(grades)} notebooks in {time.perf_counter() - started:.1f} s: {options.folder / 'grades.csv'}, "
          f"{options.folder / 'open_answers.csv'}, {options.folder / 'feedback'}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Grading a folder: read each submission, run it in its sandbox (a job pool), judge outside, report."""

from __future__ import annotations

import argparse
import json
import queue
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from coursebook.grading import sandbox
from coursebook.grading.common import GradingLimits, NotebookGrade, TaskGrade, clean
from coursebook.grading.judge import Course, NotPlainData, Remote, decode, judge_function, judge_value
from coursebook.grading.reports import write_reports
from coursebook.grading.submissions import exercise_of, find_notebooks, known_exercises, parse_notebook, read_bytes

MAX_EXPORT = 4 * 1024**2 + 4096


class CourseChanged(RuntimeError):
    """The course files changed during the run: no report is written."""


class NoSandbox(RuntimeError):
    """No sandbox can be made here (and the unsafe option was not given)."""


@dataclass
class Job:
    grade: NotebookGrade
    tasks: tuple = ()
    code: bytes = b""
    exported: dict | None = None
    notes: list[str] = field(default_factory=list)


def _prepare(path: Path, course: Course, assessment: bool) -> Job:
    from techdiplomacy.exercises.tasks import tasks_of

    grade = NotebookGrade(path)
    raw, problem = read_bytes(path)
    notebook = None
    if raw is not None:
        notebook, problem = parse_notebook(raw)
    if notebook is not None:
        topic, problem = exercise_of(notebook)
    if problem:
        grade.notes.append(f"Not graded: {problem}.")
        return Job(grade)
    grade.exercise = topic
    try:
        tasks = tasks_of(course.modules[topic])
    except (KeyError, ValueError):
        grade.notes.append(f"The exercise {topic} declares no TASKS yet: nothing to grade automatically.")
        return Job(grade)
    grade.tasks = [TaskGrade(t.key, t.title, t.level, t.points, t.open_answer,
                             counted=assessment or not getattr(t, "searchable", True)) for t in tasks]
    cells = [{"cell_type": "code", "source": c.source} for c in notebook.cells
             if c.get("cell_type") == "code" and isinstance(c.get("source"), str)]
    return Job(grade, tasks, json.dumps({"cells": cells}).encode())


def _run(job: Job, limits: GradingLimits, slots: queue.Queue, sandboxed: bool, assessment: bool) -> Job:
    """Run one notebook in its sandbox; judge its function answers while the sandbox still runs."""
    slot = slots.get()
    started = time.monotonic()
    process = None
    try:
        names = sorted({t.answer for t in job.tasks})
        extra = {"TECHDIPLOMACY_ASSESSMENT": "1"} if assessment else {}
        with tempfile.TemporaryDirectory(prefix="grade-unsafe-") as scratch:
            process = sandbox.spawn(job.code, names, limits, slot, sandboxed, extra, scratch)
            remote = Remote(process, limits.call, limits.check)
            line = remote.readline(limits.notebook, MAX_EXPORT)
            if line is None:
                job.notes.append(f"Stopped: the notebook did not finish within {limits.notebook:g} s, or its runner failed.")
                return job
            try:
                data = json.loads(line)
            except ValueError:
                data = None
            if type(data) is not dict:
                job.notes.append("The runner's report could not be read.")
                return job
            notes = data.get("notes")
            job.notes += [clean(n, 300) for n in notes[:50] if type(n) is str] if type(notes) is list else []
            answers = data.get("answers")
            job.exported = answers if type(answers) is dict else None
            for task, row in zip(job.tasks, job.grade.tasks):
                entry = job.exported.get(task.answer) if job.exported else None
                if type(entry) is dict and entry.get("kind") == "function":
                    remote.deadline = time.monotonic() + limits.check
                    judge_function(task, row, remote, task.answer, limits.check)
                    row.points = task.points if row.correct and row.counted and not task.open_answer else 0
                    if remote.broken:
                        break
    finally:
        if process is not None:
            sandbox.kill(process)
        job.grade.seconds = time.monotonic() - started
        slots.put(slot)
    return job


def _judge(job: Job, limits: GradingLimits) -> None:
    grade = job.grade
    grade.notes += job.notes
    if job.exported is None:
        grade.notes.append("No answers could be read from the notebook: every task earns 0.")
        for row in grade.tasks:
            row.message = "Not graded: the notebook did not run to the end."
        return
    for task, row in zip(job.tasks, grade.tasks):
        entry = job.exported.get(task.answer)
        kind = entry.get("kind") if type(entry) is dict else None
        if kind == "function":
            continue  # judged while the sandbox ran
        if kind == "missing":
            row.message = f"Not answered: the notebook defines no variable {task.answer}."
        elif kind == "data":
            try:
                value = decode(entry.get("value"))
            except (NotPlainData, ValueError, RecursionError, MemoryError) as error:
                row.message = f"The answer is not plain data ({clean(error, 80)}), so it earns nothing."
                grade.notes.append(f"{task.key}: the answer is not plain data")
                continue
            judge_value(task, row, value, limits.check)
        else:
            kind_name = clean(entry.get("type", "value"), 80) if type(entry) is dict else "value"
            row.message = (f"The answer is a {kind_name}, not plain data (numbers, text, lists, tuples, sets, "
                           "dictionaries of exactly those built-in types), so it earns nothing.")
            grade.notes.append(f"{task.key}: the answer is not plain data ({kind_name})")
            if task.open_answer:
                row.answer = f"(not text: a {kind_name})"
        row.points = task.points if row.correct and row.counted and not task.open_answer else 0


def grade_notebooks(paths: list[Path], limits: GradingLimits = GradingLimits(), sandboxed: bool = True,
                    assessment: bool = False, course: Course | None = None) -> list[NotebookGrade]:
    """Grade ``paths`` (``limits.jobs`` sandboxes at a time); one result per path, in order.

    Raises :class:`NoSandbox` if ``sandboxed`` and no sandbox can be made, :class:`CourseChanged`
    if a course file changed between the first notebook and the last.
    """
    if sandboxed and sandbox.problem():
        raise NoSandbox(sandbox.problem())
    course = course or Course.load(known_exercises())
    jobs = [_prepare(path, course, assessment) for path in paths]
    slots: queue.Queue = queue.Queue()
    for slot in range(max(1, limits.jobs)):
        slots.put(slot)
    runnable = [job for job in jobs if job.tasks]
    with ThreadPoolExecutor(max_workers=max(1, limits.jobs)) as pool:
        futures = {pool.submit(_run, job, limits, slots, sandboxed, assessment): job for job in runnable}
        for future in as_completed(futures):
            job = futures[future]
            try:
                future.result()
            except Exception as error:  # noqa: BLE001 - one notebook never stops the others
                job.notes.append(f"The grader failed on this notebook ({type(error).__name__}: {clean(error, 120)}).")
            _judge(job, limits)
    changed = course.changes()
    if changed:
        raise CourseChanged("The course files changed during grading, so no report was written: "
                            f"{', '.join(changed[:10])}. Restore them (git checkout) and grade again.")
    return [job.grade for job in jobs]


def grade_folder(folder: Path, limits: GradingLimits = GradingLimits(), sandboxed: bool = True,
                 assessment: bool = False) -> list[NotebookGrade]:
    """Grade every ``folder/*.ipynb`` and write the reports into ``folder``."""
    grades = grade_notebooks(find_notebooks(Path(folder)), limits, sandboxed, assessment)
    result = write_reports(Path(folder), grades)
    for warning in result["warnings"]:
        print(f"Warning: {clean(warning, 300)}", file=sys.stderr)
    return grades


def main(arguments: list[str] | None = None) -> int:
    defaults = GradingLimits()
    parser = argparse.ArgumentParser(prog="grade", description="Grade every exercise notebook in a folder, each in its own sandbox.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=defaults.jobs, help=f"sandboxes at once (default {defaults.jobs})")
    parser.add_argument("--cell-timeout", type=float, default=defaults.cell, help=f"seconds per cell (default {defaults.cell:g})")
    parser.add_argument("--notebook-timeout", type=float, default=defaults.notebook,
                        help=f"seconds per notebook (default {defaults.notebook:g})")
    parser.add_argument("--assessment", action="store_true",
                        help="the exercises were assigned in assessment mode: searchable tasks earn points too")
    parser.add_argument("--unsafe-no-sandbox", action="store_true",
                        help="run submissions WITHOUT a sandbox, as you, with your files: only for submissions you trust")
    options = parser.parse_args(arguments)
    if not options.folder.is_dir():
        print(f"{clean(options.folder)} is not a folder.", file=sys.stderr)
        return 2
    if options.unsafe_no_sandbox:
        print("WARNING: --unsafe-no-sandbox: every submission runs as you, with access to your files and network.",
              file=sys.stderr)
    started = time.perf_counter()
    limits = GradingLimits(cell=options.cell_timeout, notebook=options.notebook_timeout, jobs=options.jobs)
    try:
        grades = grade_folder(options.folder, limits, sandboxed=not options.unsafe_no_sandbox, assessment=options.assessment)
    except NoSandbox as error:
        print(f"Refusing to grade: no sandbox can be made here: {clean(error)}", file=sys.stderr)
        return 3
    except CourseChanged as error:
        print(f"Refusing to write reports: {clean(error)}", file=sys.stderr)
        return 4
    if not grades:
        print(f"No notebooks (*.ipynb) in {clean(options.folder)}.", file=sys.stderr)
        return 2
    for grade in grades:
        score = f"{grade.total}/{grade.max_total}" if grade.tasks else "-"
        print(clean(f"{grade.file_name[:40]:40} {grade.exercise or '?':22} {score:>7}  {'; '.join(grade.notes)[:100]}", 400))
    mode = "assessment mode" if options.assessment else "self-study mode (searchable tasks: feedback only)"
    print(clean(f"\nGraded {len(grades)} notebooks in {time.perf_counter() - started:.1f} s, {mode}: "
                f"{options.folder}/grades.csv, open_answers.csv, feedback/", 1000))
    return 0

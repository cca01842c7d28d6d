"""The reports: ``grades.csv``, ``open_answers.csv`` and ``feedback/<student>.md``, written so that
nothing in DIR can subvert them.

- Every file is written atomically: a new temporary file (``O_EXCL``, never following a link), then
  renamed over the report. An existing report name that is not a regular file (a directory, a
  symbolic link, a pipe) is left alone and the report goes to the first free ``<name>-N`` instead,
  with a warning; nothing is ever written through a link or outside DIR.
- Each submission's exact file name is kept (column ``notebook``), escaped: bytes that are not
  UTF-8 as ``\\xNN``, control characters as ``\\uNNNN``. The ``student`` column is the cleaned name
  (Unicode-normalised, invisible and outer white space removed); names that collide after clean-up
  are flagged in ``notes``.
- Control characters (ANSI escapes included) are stripped from everything written or printed, and
  no cell starts like a spreadsheet formula. One row that cannot be written becomes a row with a
  note; it never stops the writer.
"""

from __future__ import annotations

import csv
import io
import os
import re
import secrets
import stat
from collections import defaultdict
from pathlib import Path

from coursebook.grading.common import NotebookGrade, clean


def cell(value: object) -> str:
    """A CSV cell: one line, no control characters, not read as a formula by a spreadsheet."""
    text = re.sub(r"\s+", " ", clean(value, 20_000)).strip()
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


class Folder:
    """DIR, opened once; writes only regular files inside it, atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        self.warnings: list[str] = []

    def close(self) -> None:
        os.close(self.fd)

    def _free(self, name: str, want_dir: bool = False) -> str:
        stem, dot, suffix = name.partition(".")
        for number in range(0, 100):
            candidate = name if number == 0 else f"{stem}-{number}{dot}{suffix}"
            try:
                info = os.stat(candidate, dir_fd=self.fd, follow_symlinks=False)
            except FileNotFoundError:
                return candidate
            if (stat.S_ISDIR(info.st_mode) if want_dir else stat.S_ISREG(info.st_mode)):
                return candidate
            if number == 0:
                self.warnings.append(f"{name} in {self.path} is not a {'folder' if want_dir else 'regular file'} "
                                     f"(a link, folder or other special file): left alone")
        raise OSError(f"no free name for {name}")

    def write(self, name: str, text: str, fd: int | None = None) -> str:
        """Write ``text`` to ``name`` (in DIR or in the folder ``fd``) atomically; the name used."""
        where = self.fd if fd is None else fd
        final = self._free(name) if fd is None else _free_in(where, name)
        if fd is None and final != name:
            self.warnings.append(f"{name} written as {final}")
        temporary = f".{final}.{secrets.token_hex(6)}.tmp"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644, dir_fd=where)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, final, src_dir_fd=where, dst_dir_fd=where)
        except BaseException:
            try:
                os.unlink(temporary, dir_fd=where)
            except OSError:
                pass
            raise
        return final

    def subfolder(self, name: str) -> tuple[int, str]:
        final = self._free(name, want_dir=True)
        if final != name:
            self.warnings.append(f"{name}/ written as {final}/")
        try:
            os.mkdir(final, 0o755, dir_fd=self.fd)
        except FileExistsError:
            pass
        return os.open(final, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=self.fd), final


def _free_in(fd: int, name: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    for number in range(0, 100):
        candidate = name if number == 0 else f"{stem}-{number}{dot}{suffix}"
        try:
            info = os.stat(candidate, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            return candidate
        if stat.S_ISREG(info.st_mode):
            return candidate
    raise OSError(f"no free name for {name}")


def _columns(grades: list[NotebookGrade]) -> list[tuple[str, str]]:
    columns, seen = [], set()
    for grade in sorted((g for g in grades if g.exercise), key=lambda g: g.exercise):
        for task in grade.tasks:
            key = (grade.exercise, task.key)
            if not task.open_answer and key not in seen:
                seen.add(key)
                columns.append(key)
    return sorted(columns)


def flag_collisions(grades: list[NotebookGrade]) -> None:
    by_student: dict[str, list[NotebookGrade]] = defaultdict(list)
    for grade in grades:
        by_student[grade.student.casefold()].append(grade)
    for same in by_student.values():
        if len(same) > 1:
            names = ", ".join(repr(g.file_name) for g in same)
            for grade in same:
                grade.notes.append(f"several file names give the same student after clean-up ({names}): check by hand")


def _safe_file_name(student: str, used: set[str]) -> str:
    base = re.sub(r"[^\w.-]+", "_", student, flags=re.UNICODE).strip("._")[:80] or "notebook"
    name, number = f"{base}.md", 1
    while name.casefold() in used:
        number += 1
        name = f"{base}-{number}.md"
    used.add(name.casefold())
    return name


def feedback_markdown(grade: NotebookGrade) -> str:
    lines = [f"# Feedback: {clean(grade.file_name, 300)}", ""]
    if grade.exercise:
        lines.append(f"Exercise: **{grade.exercise}**. Automatically marked tasks: **{grade.total} / {grade.max_total}** points.")
    if grade.notes:
        lines += ["", "Notes:", *[f"- {clean(note, 500)}" for note in grade.notes]]
    for task in grade.tasks:
        if task.open_answer:
            lines += ["", f"## {task.key}: {task.title} (open answer, marked with the rubric)", ""]
            lines += ["Answer:", "", *[f"> {clean(line, 5000)}" for line in (task.answer or "(no answer)").splitlines()], ""]
            lines.append(f"Checker's comment: {clean(task.message)}")
        else:
            counted = "" if task.counted else " (feedback only: no automatic points outside assessment mode)"
            lines += ["", f"## {task.key}: {task.title} ({task.level}): {task.points} / {task.max_points} points{counted}", ""]
            lines.append(f"{'Correct' if task.correct else 'Not yet'}: {clean(task.message)}")
        if task.hint:
            lines.append(f"Hint: {clean(task.hint)}")
    return "\n".join(lines) + "\n"


def _grade_row(grade: NotebookGrade, columns: list[tuple[str, str]]) -> list[object]:
    earned = {(grade.exercise, t.key): (t.points if t.counted else "") for t in grade.tasks}
    cells = [earned.get(column, "") for column in columns]
    return [cell(grade.student), cell(grade.file_name), grade.exercise, *cells,
            grade.total if grade.tasks else 0, grade.max_total if grade.tasks else "", cell("; ".join(grade.notes))]


def write_reports(folder: Path, grades: list[NotebookGrade]) -> dict[str, object]:
    """Write the three reports into ``folder``; ``{"grades": name, "open_answers": name, "feedback": name, "warnings": [...]}``."""
    flag_collisions(grades)
    target = Folder(folder)
    try:
        columns = _columns(grades)
        sheet = io.StringIO()
        writer = csv.writer(sheet)
        writer.writerow(["student", "notebook", "exercise", *[f"{topic}_{key}" for topic, key in columns],
                         "total", "max_total", "notes"])
        for grade in grades:
            try:
                writer.writerow(_grade_row(grade, columns))
            except Exception as error:  # noqa: BLE001 - one bad row never stops the writer
                writer.writerow(["?", "?", "", *[""] * len(columns), 0, "", cell(f"this row could not be written ({type(error).__name__})")])
        grades_name = target.write("grades.csv", sheet.getvalue())
        answers = io.StringIO()
        writer = csv.writer(answers)
        writer.writerow(["student", "notebook", "exercise", "task", "title", "answer", "checker_comment"])
        for grade in grades:
            for task in grade.tasks:
                try:
                    if task.open_answer:
                        writer.writerow([cell(grade.student), cell(grade.file_name), grade.exercise, task.key, cell(task.title),
                                         cell(task.answer), cell(task.message)])
                    for field_name, text in task.texts.items():
                        writer.writerow([cell(grade.student), cell(grade.file_name), grade.exercise, f"{task.key}.{field_name}",
                                         cell(f"{task.title}: {field_name}"), cell(text), "written part of a design: rubric"])
                except Exception as error:  # noqa: BLE001
                    writer.writerow(["?", "?", "", "", "", "", cell(f"this row could not be written ({type(error).__name__})")])
        answers_name = target.write("open_answers.csv", answers.getvalue())
        feedback_fd, feedback_name = target.subfolder("feedback")
        try:
            used: set[str] = set()
            for grade in grades:
                try:
                    target.write(_safe_file_name(grade.student, used), feedback_markdown(grade), fd=feedback_fd)
                except Exception as error:  # noqa: BLE001
                    target.warnings.append(f"the feedback of {clean(grade.file_name, 200)} could not be written ({type(error).__name__})")
        finally:
            os.close(feedback_fd)
        return {"grades": grades_name, "open_answers": answers_name, "feedback": feedback_name, "warnings": target.warnings}
    finally:
        target.close()

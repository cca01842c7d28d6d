"""Finding and reading the submissions, and telling which exercise each one is.

Only regular files ``DIR/*.ipynb`` are read (opened without following symbolic links, with a size
cap); anything else with that ending gets a row with a note. The exercise is read from the
notebook's parsed imports (:mod:`ast`), so an import written inside a string or a comment does not
count; it is checked against the metadata stamp ``techdiplomacy.exercise`` of the student branch.
"""

from __future__ import annotations

import ast
import json
import os
import stat
from pathlib import Path

import nbformat

from coursebook.grading.common import EXERCISES_PACKAGE, NOT_EXERCISES, ROOT

MAX_NOTEBOOK_BYTES = 20 * 1024**2


def known_exercises() -> list[str]:
    folder = ROOT / "techdiplomacy" / "exercises"
    return sorted(p.stem for p in folder.glob("*.py") if p.stem not in NOT_EXERCISES)


def find_notebooks(folder: Path) -> list[Path]:
    """Every entry ``folder/*.ipynb`` (regular or not: the reader refuses what is not a regular file), sorted."""
    names = [name for name in os.listdir(folder) if name.lower().endswith(".ipynb")]
    return [Path(folder) / name for name in sorted(names, key=os.fsencode)]


def read_bytes(path: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes, or why it is not read: only a regular file, never through a symbolic link."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if os.path.islink(path):
            return None, "it is a symbolic link, not a file of its own"
        return None, f"the file cannot be read ({error.strerror})"
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return None, "it is not a regular file"
        if info.st_size > MAX_NOTEBOOK_BYTES:
            return None, f"the file is larger than {MAX_NOTEBOOK_BYTES // 1024**2} MB"
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(MAX_NOTEBOOK_BYTES + 1), None
    finally:
        os.close(descriptor)


def parse_notebook(raw: bytes) -> tuple[nbformat.NotebookNode | None, str | None]:
    if not raw.strip():
        return None, "the file is empty"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        return None, f"the file is not valid JSON, so not a notebook ({type(error).__name__})"
    try:
        notebook = nbformat.reads(json.dumps(data), as_version=4)
    except Exception as error:  # noqa: BLE001 - any malformed notebook
        return None, f"the file is JSON but not a notebook ({type(error).__name__})"
    if not isinstance(notebook.get("cells"), list) or not any(
            c.get("cell_type") == "code" and isinstance(c.get("source"), str) and c.source.strip() for c in notebook.cells):
        return None, "the notebook has no code cells (empty)"
    return notebook, None


def _without_magics(source: str) -> str:
    """A cell's source as Python: IPython magics and shell escapes blanked out."""
    lines = []
    for line in source.splitlines():
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        lines.append(indent + "pass" if stripped.startswith(("%", "!")) else line)
    return "\n".join(lines)


def imported_exercises(source: str) -> set[str]:
    """The course exercises a cell imports, read from its syntax tree (strings and comments do not count)."""
    try:
        tree = ast.parse(_without_magics(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    found = set()
    prefix = EXERCISES_PACKAGE + "."
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith(prefix):
                found.add(node.module[len(prefix):].split(".")[0])
            elif node.module == EXERCISES_PACKAGE:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name[len(prefix):].split(".")[0] for alias in node.names if alias.name.startswith(prefix))
    return found - NOT_EXERCISES


def exercise_of(notebook: nbformat.NotebookNode) -> tuple[str | None, str | None]:
    """``(exercise, problem)``: the exercise the notebook's cells import, or why it has none."""
    imported: set[str] = set()
    for cell in notebook.cells:
        if cell.get("cell_type") == "code" and isinstance(cell.get("source"), str):
            imported |= imported_exercises(cell.source)
    imported_list = sorted(imported)
    stamp = notebook.metadata.get("techdiplomacy", {})
    stamped = stamp.get("exercise") if isinstance(stamp, dict) else None
    if len(imported_list) > 1:
        return None, f"its cells import several exercises ({', '.join(imported_list)}): a different exercise than it claims"
    if stamped and imported_list and stamped != imported_list[0]:
        return None, (f"it is stamped as exercise {stamped!r} but its cells are exercise {imported_list[0]!r}: "
                      "a different exercise than it claims")
    topic = imported_list[0] if imported_list else stamped
    if not topic:
        return None, "no cell imports an exercise of the course (from techdiplomacy.exercises.<topic> import ...)"
    if not isinstance(topic, str) or topic not in known_exercises():
        return None, f"{str(topic)[:60]!r} is not an exercise of the course"
    return topic, None

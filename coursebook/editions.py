"""One source, two editions of the book.

The **student edition** (the default) contains no solution and no instructor note anywhere: cells
tagged ``solution`` or ``instructor`` are removed from the pages and from the downloadable
notebooks, and sphinx-exercise hides ``{solution}`` blocks. The **instructor edition** keeps them
and adds the instructor guide (``instructor/``: objectives and timings, syllabus, rubrics).

The edition is chosen with the environment variable :data:`EDITION_VARIABLE` (read by the Sphinx
extension); :func:`build_edition` sets it and places each edition in its own output folder.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import nbformat
import yaml

from coursebook.build import ROOT, BuildResult, build_book, build_site

__all__ = [
    "EDITIONS",
    "EDITION_VARIABLE",
    "HIDDEN_TAGS",
    "build_edition",
    "current_edition",
    "hidden_cells",
    "instructor_toc",
    "student_notebook",
]

EDITIONS = ("student", "instructor")
EDITION_VARIABLE = "COURSE_EDITION"
HIDDEN_TAGS = frozenset({"solution", "instructor"})
INSTRUCTOR_PAGES = ("instructor/guide", "instructor/syllabus", "instructor/rubrics", "instructor/summit_kit")


def current_edition() -> str:
    """The edition named by :data:`EDITION_VARIABLE` (default: student)."""
    edition = os.environ.get(EDITION_VARIABLE, "student").strip().lower() or "student"
    if edition not in EDITIONS:
        raise ValueError(f"{EDITION_VARIABLE}={edition!r}; choose one of: {', '.join(EDITIONS)}.")
    return edition


def _is_hidden(cell: nbformat.NotebookNode) -> bool:
    return bool(HIDDEN_TAGS & set(cell.get("metadata", {}).get("tags", [])))


def hidden_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The cells that only the instructor edition shows."""
    return [cell for cell in notebook.cells if _is_hidden(cell)]


def student_notebook(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` without solution and instructor cells."""
    stripped = copy.deepcopy(notebook)
    stripped.cells = [cell for cell in stripped.cells if not _is_hidden(cell)]
    return stripped


def instructor_toc(toc: dict) -> dict:
    """The student table of contents plus a part with the instructor guide."""
    extended = copy.deepcopy(toc)
    part = {"caption": "Instructor guide", "chapters": [{"file": page} for page in INSTRUCTOR_PAGES]}
    extended.setdefault("parts", []).insert(0, part)
    return extended


def build_edition(edition: str, root: Path = ROOT, jupyterlite: bool = False) -> BuildResult:
    """Build one edition: student into ``_build/html`` (with its print version in ``print/``),
    instructor into ``_build/instructor/_build/html``."""
    if edition not in EDITIONS:
        raise ValueError(f"Unknown edition {edition!r}; choose one of: {', '.join(EDITIONS)}.")
    os.environ[EDITION_VARIABLE] = edition
    try:
        if edition == "student":
            return build_site(root, jupyterlite=jupyterlite)
        toc_path = root / "_build" / "instructor_toc.yml"
        toc_path.parent.mkdir(parents=True, exist_ok=True)
        toc_path.write_text(yaml.safe_dump(instructor_toc(yaml.safe_load((root / "_toc.yml").read_text())), sort_keys=False))
        output = root / "_build" / "instructor"
        result = build_book(root, "--toc", str(toc_path), "--path-output", str(output))
        return BuildResult(result.returncode, result.log, result.seconds, output / "_build" / "html")
    finally:
        os.environ.pop(EDITION_VARIABLE, None)


def main(arguments: list[str]) -> int:
    """``python -m coursebook.editions [student|instructor] [--with-jupyterlite]``: build one edition."""
    jupyterlite = "--with-jupyterlite" in arguments
    arguments = [a for a in arguments if a != "--with-jupyterlite"]
    edition = arguments[0] if arguments else "student"
    if edition not in EDITIONS:
        print(f"Unknown edition {edition!r}; choose one of: {', '.join(EDITIONS)}.")
        return 2
    result = build_edition(edition, jupyterlite=jupyterlite)
    print(result.log)
    if result.returncode == 0:
        print(f"\nThe {edition} edition is in {result.html_dir.relative_to(ROOT)}; open {result.html_dir.relative_to(ROOT)}/index.html")
    return result.returncode


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))

"""Notebooks follow the course skeleton, are executed, and nbval really compares their outputs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(ROOT.glob("chapters/*.ipynb"))
EXERCISES = sorted(ROOT.glob("exercises/*.ipynb"))
SKELETON = ["Learning objectives", "Prerequisites", "Predict, then run", "Summary", "Exercise", "Discussion question", "What's next"]


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_follows_the_skeleton(path: Path) -> None:
    notebook = _read(path)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    missing = [part for part in SKELETON if part not in markdown]
    assert missing == [], f"{path.name} lacks {missing}"
    assert "{cite" in markdown, "a chapter cites its essay"
    first_code = next(c for c in notebook.cells if c.cell_type == "code")
    assert "setup_notebook()" in first_code.source and "remove-cell" in _tags(first_code)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_discussion_question_has_a_model_answer_for_instructors_only(path: Path) -> None:
    notebook = _read(path)
    labels = re.findall(r"```\{exercise\}[^\n]*\n:label: ([\w-]+)", "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown"))
    assert labels, f"{path.name}: pose the discussion question as an {{exercise}} with a :label:"
    answers = [c for c in notebook.cells if c.cell_type == "markdown" and "{solution}" in c.source]
    assert any(labels[-1] in c.source for c in answers), f"{path.name}: no {{solution}} answers {labels[-1]}"
    assert all("solution" in _tags(c) for c in answers), f"{path.name}: a model answer is not tagged solution"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_body_links_to_two_other_chapters(path: Path) -> None:
    """The argument continues elsewhere: before "What's next", a chapter links to at least two others."""
    body = []
    for cell in _read(path).cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## What's next"):
            break
        if cell.cell_type == "markdown":
            body.append(cell.source)
    linked = set(re.findall(r"\]\((?:\.\./chapters/)?([a-z_]+)\.(?:ipynb|md)", "\n".join(body)))
    others = linked & {p.stem for p in CHAPTERS} - {path.stem}
    assert len(others) >= 2, f"{path.name} links in its body only to {sorted(others)}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_opens_with_a_question(path: Path) -> None:
    overview = next(c.source for c in _read(path).cells if c.cell_type == "markdown")
    assert "?" in overview, f"{path.name}: the overview should pose the question the chapter answers"


@pytest.mark.parametrize("path", CHAPTERS + EXERCISES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_notebook_is_executed_and_deterministic(path: Path) -> None:
    notebook = _read(path)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "re-run scripts/execute_notebooks.py"
    assert "widgets" not in notebook.metadata, "live widget state is not committed"
    for cell in code:
        if "techdiplomacy.widgets" in cell.source:
            assert {"remove-cell", "nbval-ignore-output"} <= _tags(cell), "live widgets are hidden in the book"
        for output in cell.outputs:
            assert output.get("output_type") != "error" or "raises-exception" in _tags(cell)


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_exercise_has_checks_and_hidden_solutions(path: Path) -> None:
    notebook = _read(path)
    assert any("check_" in c.source for c in notebook.cells if c.cell_type == "code" and "solution" not in _tags(c))
    assert any("solution" in _tags(c) for c in notebook.cells)
    assert any("instructor" in _tags(c) for c in notebook.cells)
    first_code = next(c for c in notebook.cells if c.cell_type == "code")
    assert "setup_notebook()" in first_code.source and "remove-cell" in _tags(first_code)


def test_nbval_fails_when_a_committed_output_is_wrong(tmp_path: Path) -> None:
    source = ROOT / "chapters" / "policy_paths.ipynb"
    notebook = _read(source)
    target_cell = next(c for c in notebook.cells if c.cell_type == "code" and c.source.strip() == "end_state_table().round(3)")
    for output in target_cell.outputs:
        if "data" in output:
            output["data"]["text/plain"] = output["data"]["text/plain"].replace("0.6", "0.9")
            output["data"].pop("text/html", None)
    broken = tmp_path / "policy_paths.ipynb"
    nbformat.write(notebook, broken)
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(broken), "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q",
         "--nbval-sanitize-with", str(tmp_path / "nbval_sanitize.cfg"), "--rootdir", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert done.returncode != 0
    assert "1 failed" in done.stdout


@pytest.mark.parametrize("path", CHAPTERS + EXERCISES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_notebook_installs_the_course_package_where_it_is_missing(path: Path) -> None:
    """Colab and other hubs start without the package; the hidden first cell installs it from the
    repository named in _config.yml (the one place the launch links are configured)."""
    import yaml

    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    first_code = next(c for c in _read(path).cells if c.cell_type == "code")
    assert 'find_spec("techdiplomacy") is None' in first_code.source
    assert f'%pip install --quiet "techdiplomacy @ git+{url}"' in first_code.source
    assert 'if sys.platform == "emscripten":' in first_code.source and "%pip install -q techdiplomacy" in first_code.source
    assert "remove-cell" in _tags(first_code)

"""One source, two builds: no solution or instructor text reaches the student edition."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from coursebook.build import ROOT, warnings_in
from coursebook.editions import build_edition, hidden_cells

pytestmark = pytest.mark.book

NOTEBOOKS = sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])


SMART = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "--", "\u2014": "---"})


def _plain(text: str) -> str:
    """Page text without tags, entities or Sphinx's smart quotes and dashes."""
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", html.unescape(text).translate(SMART)).strip()


def _phrases(cell: nbformat.NotebookNode) -> list[str]:
    """Distinctive runs of words from a hidden cell, as they read on a rendered page."""
    runs = [run for run in re.findall(r"[A-Za-z][A-Za-z0-9 ,'()_-]{35,}", _normalised(cell)) if "--" not in run]  # not table rules
    return [re.sub(r"\s+", " ", run).strip()[:40] for run in sorted(runs, key=len, reverse=True)[:2]]


def _normalised(cell: nbformat.NotebookNode) -> str:
    """A cell's words as a page shows them: markdown emphasis and markup symbols dropped."""
    text = cell.source if cell.cell_type == "code" else re.sub(r"[*_`#>|]", " ", cell.source)
    return re.sub(r"\s+", " ", text)


def _hidden_phrases() -> list[tuple[str, str]]:
    """Phrases only hidden cells contain (a phrase a chapter also shows openly is not a leak)."""
    notebooks = [(path, nbformat.read(path, as_version=4)) for path in NOTEBOOKS]
    visible = " ".join(
        _normalised(cell) for _, notebook in notebooks for cell in notebook.cells if cell not in hidden_cells(notebook)
    )
    found = []
    for path, notebook in notebooks:
        for cell in hidden_cells(notebook):
            found += [(path.name, phrase) for phrase in _phrases(cell) if phrase not in visible]
    return found


def _corpus(html_dir: Path) -> str:
    texts = [p.read_text(encoding="utf-8") for p in html_dir.rglob("*.html")]
    texts += [p.read_text(encoding="utf-8") for p in (html_dir / "_sources").rglob("*")  if p.is_file()]
    texts.append((html_dir / "searchindex.js").read_text(encoding="utf-8"))
    return _plain(" ".join(texts))


@pytest.fixture(scope="module")
def instructor_html() -> Path:
    result = build_edition("instructor")
    assert result.returncode == 0, result.log[-4000:]
    assert warnings_in(result.log) == []
    return result.html_dir


def test_there_are_hidden_cells_to_check() -> None:
    assert len(_hidden_phrases()) >= 2 * len(list(ROOT.glob("exercises/*.ipynb")))
    chapter = nbformat.read(ROOT / "chapters" / "policy_paths.ipynb", as_version=4)
    assert any("{solution}" in cell.source for cell in hidden_cells(chapter)), "sphinx-exercise solutions are hidden cells"


def test_student_edition_contains_no_solution_or_instructor_text(html_dir: Path) -> None:
    corpus = _corpus(html_dir)
    leaked = [(name, phrase) for name, phrase in _hidden_phrases() if phrase in corpus]
    assert leaked == []
    assert not (html_dir / "instructor").exists()
    assert (html_dir / "chapters" / "summit_briefs.html").is_file(), "students get the printable summit briefs"
    assert "Running the summit" not in corpus and "Proposal summary sheet" not in corpus, "the summit kit is the instructor's"


def test_student_edition_numbers_exercises_without_solutions(html_dir: Path) -> None:
    page = (html_dir / "chapters" / "policy_paths.html").read_text(encoding="utf-8")
    assert 'id="policy-paths-discussion"' in page
    assert "solution" not in re.findall(r'class="([^"]*admonition[^"]*)"', page).__str__()


def test_student_downloads_have_no_hidden_cells(html_dir: Path) -> None:
    for path in (html_dir / "_sources").rglob("*.ipynb"):
        assert hidden_cells(nbformat.read(path, as_version=4)) == [], path.name


def test_instructor_edition_has_solutions_notes_and_guide(instructor_html: Path) -> None:
    corpus = _corpus(instructor_html)
    missing = [(name, phrase) for name, phrase in _hidden_phrases() if phrase not in corpus]
    assert missing == []
    for page in ("guide", "syllabus", "rubrics", "summit_kit"):
        assert (instructor_html / "instructor" / f"{page}.html").is_file()
    assert "Instructor edition" in (instructor_html / "index.html").read_text(encoding="utf-8")
    page = (instructor_html / "chapters" / "policy_paths.html").read_text(encoding="utf-8")
    assert "solution" in re.findall(r'class="([^"]*admonition[^"]*)"', page).__str__()

"""Edition tooling: what the student edition drops, and the instructor table of contents."""

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursebook.editions import current_edition, hidden_cells, instructor_toc, student_notebook


def _notebook() -> nbformat.NotebookNode:
    cells = [new_markdown_cell("Task"), new_code_cell("answer = ..."), new_code_cell("answer = 42"), new_markdown_cell("Rubric")]
    cells[2].metadata["tags"] = ["solution"]
    cells[3].metadata["tags"] = ["instructor", "remove-input"]
    return new_notebook(cells=cells)


def test_student_notebook_drops_solution_and_instructor_cells_only() -> None:
    notebook = _notebook()
    student = student_notebook(notebook)
    assert [c.source for c in student.cells] == ["Task", "answer = ..."]
    assert len(notebook.cells) == 4, "the source notebook is not modified"
    assert [c.source for c in hidden_cells(notebook)] == ["answer = 42", "Rubric"]


def test_instructor_toc_adds_the_guide_first_and_keeps_the_rest() -> None:
    toc = {"format": "jb-book", "root": "index", "parts": [{"caption": "Frameworks", "chapters": [{"file": "chapters/a"}]}]}
    extended = instructor_toc(toc)
    assert extended["parts"][0]["caption"] == "Instructor guide"
    assert {"file": "instructor/rubrics"} in extended["parts"][0]["chapters"]
    assert extended["parts"][1] == toc["parts"][0]
    assert len(toc["parts"]) == 1


def test_edition_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("COURSE_EDITION", raising=False)
    assert current_edition() == "student"
    monkeypatch.setenv("COURSE_EDITION", "Instructor")
    assert current_edition() == "instructor"
    monkeypatch.setenv("COURSE_EDITION", "teacher")
    with pytest.raises(ValueError, match="choose one of: student, instructor"):
        current_edition()

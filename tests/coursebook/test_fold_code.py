"""Student edition: code inputs are folded behind a toggle; the notebooks keep their code."""

import nbformat

from coursebook.sphinx_ext import FOLD_TAG, fold_code


def _notebook() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("Text"),
        nbformat.v4.new_code_cell("1 + 1"),
        nbformat.v4.new_code_cell("import x", metadata={"tags": ["remove-cell"]}),
        nbformat.v4.new_code_cell("chart", metadata={"tags": ["remove-input"]}),
    ]
    return notebook


def test_code_cells_are_folded_and_keep_their_code() -> None:
    folded = fold_code(_notebook())
    tags = [cell.metadata.get("tags", []) for cell in folded.cells]
    assert tags == [[], [FOLD_TAG], ["remove-cell"], ["remove-input"]]
    assert folded.cells[1].source == "1 + 1"


def test_folding_twice_adds_one_tag() -> None:
    assert fold_code(fold_code(_notebook())).cells[1].metadata["tags"] == [FOLD_TAG]


def test_the_print_version_leaves_code_out() -> None:
    from coursebook.sphinx_ext import PRINT_TAG

    assert fold_code(_notebook(), PRINT_TAG).cells[1].metadata["tags"] == ["remove-input"]

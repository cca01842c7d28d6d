"""The grader: honest answers earn their points, and no submission can cheat, crash or stall it.

One folder of submissions made from the reciprocity exercise (see ``grading_fixtures.py``) is graded
once; the tests read the grade sheet, the open answers and the feedback files.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from coursebook.grading import GradingLimits, NotebookGrade, exercise_of, grade_folder, write_reports
from grading_fixtures import CHEAT, ROOT, exercise, write_submissions

LIMITS = GradingLimits(cell=20, notebook=45, check=20, jobs=2)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("submissions")
    made = write_submissions(folder)
    grades = grade_folder(folder, LIMITS)
    with (folder / "grades.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    return {"folder": folder, "made": made, "grades": {g.student: g for g in grades}, "rows": rows}


def test_every_submission_gets_one_row(graded: dict) -> None:
    assert sorted(graded["rows"]) == sorted(Path(name).stem for name in graded["made"])
    header = next(csv.reader((graded["folder"] / "grades.csv").open(encoding="utf-8")))
    assert header == ["student", "notebook", "exercise", "reciprocity_task1", "reciprocity_task2", "reciprocity_task3",
                      "total", "max_total", "notes"]


def test_right_answers_earn_every_point_and_placeholders_none(graded: dict) -> None:
    alice, bob = graded["rows"]["alice"], graded["rows"]["bob"]
    assert (alice["reciprocity_task1"], alice["reciprocity_task2"], alice["reciprocity_task3"]) == ("1", "2", "4")
    assert (alice["total"], alice["max_total"]) == ("7", "7")
    assert alice["notes"] == ""
    assert (bob["total"], bob["max_total"]) == ("0", "7")
    feedback = (graded["folder"] / "feedback" / "bob.md").read_text(encoding="utf-8")
    assert "Replace the placeholder ... with your two scores" in feedback, "the checker judged the placeholder itself"


def test_redefined_and_monkeypatched_checkers_earn_nothing(graded: dict) -> None:
    carol = graded["rows"]["carol"]
    assert (carol["reciprocity_task1"], carol["reciprocity_task2"], carol["reciprocity_task3"], carol["total"]) == ("0", "0", "0", "0")
    feedback = (graded["folder"] / "feedback" / "carol.md").read_text(encoding="utf-8")
    assert "Correct!" not in feedback and "Not yet" in feedback


def test_the_cheat_does_fool_a_naive_check_in_its_own_interpreter() -> None:
    """The fixture's cheat is real: in the interpreter it ran in, the checkers (even re-imported) say correct."""
    probe = CHEAT + (
        "\nimport importlib\nfresh = importlib.import_module('techdiplomacy.exercises.reciprocity')"
        "\nprint(check_tft_scores((1, 1)).correct, fresh.TASKS[0].check((1, 1)).correct)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.split() == ["True", "True"], done.stderr[-2000:]


def test_a_raising_cell_is_noted_and_the_rest_still_graded(graded: dict) -> None:
    dave = graded["rows"]["dave"]
    assert dave["total"] == "7" and "RuntimeError: boom" in dave["notes"]


def test_an_endless_cell_is_interrupted_and_the_rest_still_graded(graded: dict) -> None:
    erin = graded["rows"]["erin"]
    assert erin["total"] == "7" and "was interrupted" in erin["notes"]


def test_a_notebook_that_cannot_be_stopped_is_killed_and_earns_nothing(graded: dict) -> None:
    frank = graded["rows"]["frank"]
    assert frank["total"] == "0" and frank["max_total"] == "7"
    assert "Stopped after" in frank["notes"] or "could not be run to the end" in frank["notes"]
    assert graded["grades"]["frank"].seconds < LIMITS.notebook + 30


@pytest.mark.parametrize(("student", "note"), [
    ("gina", "not valid JSON"),
    ("hank", "the file is empty"),
    ("ivan", "different exercise"),
    ("judy", "no code cells"),
])
def test_broken_and_mislabelled_notebooks_get_a_row_with_a_clear_note(graded: dict, student: str, note: str) -> None:
    row = graded["rows"][student]
    assert note in row["notes"] and row["notes"].startswith("Not graded")
    assert row["reciprocity_task1"] == "" and row["total"] == "0"


def test_open_answers_are_collected_for_the_rubric_not_scored(graded: dict) -> None:
    with (graded["folder"] / "open_answers.csv").open(encoding="utf-8", newline="") as handle:
        answers = {row["student"]: row for row in csv.DictReader(handle)}
    assert "asymmetric" in answers["alice"]["answer"] and answers["alice"]["task"] == "task4"
    assert "reflection" not in " ".join(graded["rows"]["alice"])
    assert answers["bob"]["answer"] == "..."


def test_feedback_file_gives_the_checkers_feedback_per_task(graded: dict) -> None:
    text = (graded["folder"] / "feedback" / "alice.md").read_text(encoding="utf-8")
    assert "7 / 7" in text and text.count("## task") == 4
    assert "tit for tat is exploited once" in text and "Your strategy is nice" in text
    assert "open answer, marked with the rubric" in text
    for name in graded["made"]:
        assert (graded["folder"] / "feedback" / f"{Path(name).stem}.md").is_file()


def test_exercise_is_read_from_the_cells_and_checked_against_the_stamp() -> None:
    notebook = exercise("reciprocity")
    assert exercise_of(notebook) == ("reciprocity", None)
    notebook.metadata.pop("techdiplomacy")
    assert exercise_of(notebook) == ("reciprocity", None)
    notebook.cells.append(nbformat.v4.new_code_cell("from techdiplomacy.exercises.regulation import check_overlap"))
    assert exercise_of(notebook)[0] is None and "several exercises" in exercise_of(notebook)[1]
    assert "no cell imports an exercise" in exercise_of(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]))[1]


def test_grade_sheet_imports_into_a_spreadsheet_as_is(tmp_path: Path) -> None:
    """Plain UTF-8 CSV with a header row, numbers as numbers, no cell a spreadsheet reads as a formula."""
    grades = [NotebookGrade(tmp_path / "=HYPERLINK(1).ipynb", notes=["-1 line\nbreak"]), NotebookGrade(tmp_path / "zoë.ipynb")]
    write_reports(tmp_path, grades)
    raw = (tmp_path / "grades.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "zoë".encode() in raw
    rows = list(csv.reader(raw.decode("utf-8").splitlines()))
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[1][0] == "'=HYPERLINK(1)" and rows[1][-1] == "'-1 line break"


@pytest.mark.parametrize("topic", sorted(p.stem for p in (ROOT / "exercises").glob("*.ipynb")))
def test_every_exercise_notebook_is_recognised(topic: str) -> None:
    """The grader tells each of the exercises apart by its setup cell (and the stamp the student branch adds)."""
    assert exercise_of(exercise(topic)) == (topic, None)
    assert exercise_of(nbformat.read(ROOT / "exercises" / f"{topic}.ipynb", as_version=4)) == (topic, None)

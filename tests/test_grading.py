"""The grader holds against students who write code (issue 16).

One folder is graded once, in assessment mode, each notebook in its own sandbox: a blank and a
correct notebook of every exercise, one hostile notebook per attack class, broken files, and report
attacks planted in the folder (see ``grading_fixtures.py``). The tests read what that run produced.
"""

from __future__ import annotations

import csv
import hashlib
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from coursebook.grading import CourseChanged, GradingLimits, NotebookGrade, exercise_of, grade_notebooks, write_reports
from coursebook.grading import sandbox
from coursebook.grading.common import escape_name
from coursebook.grading.grade import _prepare
from coursebook.grading.judge import Course, NotPlainData, decode
from coursebook.grading.submissions import find_notebooks, known_exercises
from grading_fixtures import CHEAT, FULL, MARKER, ROOT, TOPICS, correct, exercise, insert_first, write_class

LIMITS = GradingLimits(cell=15, notebook=120, check=20, call=2, jobs=2)
SANDBOX_UIDS = range(sandbox.FIRST_UID, sandbox.FIRST_UID + sandbox.USERS)

# Skipped where no sandbox can be made (macOS, a container without namespaces), but never in CI.
# CI (and .ci/run, which sets COURSE_REQUIRE_ALL_ENVIRONMENTS) must grade in a real sandbox: there a
# missing sandbox is a failure, not a skip.
SANDBOX_REQUIRED = bool(os.environ.get("CI")) or os.environ.get("COURSE_REQUIRE_ALL_ENVIRONMENTS") == "1"
pytestmark = pytest.mark.skipif(sandbox.problem() is not None and not SANDBOX_REQUIRED,
                                reason=f"no sandbox here: {sandbox.problem()}")


def _tree(*folders: Path) -> dict[str, str]:
    hashes = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                hashes[str(path)] = "link:" + os.readlink(path)
            elif path.is_file() and "__pycache__" not in path.parts:
                hashes[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                hashes[str(path)] = "dir"
    return hashes


def _processes(marker: str) -> list[str]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            owner = os.stat(f"/proc/{entry}").st_uid
        except OSError:
            continue
        if marker in command or owner in SANDBOX_UIDS or "/grader/inside.py" in command:
            found.append(f"{entry} (uid {owner}): {command[:120]}")
    return found


def _course_tree() -> dict[str, str]:
    return _tree(*(ROOT / name for name in ("techdiplomacy", "data", "coursebook", "exercises", "instructor", "chapters")))


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("grading")
    folder, outside = base / "submissions", base / "outside"
    folder.mkdir()
    outside.mkdir()
    made = write_class(folder, outside)
    # Report attacks planted in DIR: grades.csv as a folder, a link to an instructor file, a linked notebook, a pipe.
    (folder / "grades.csv").mkdir()
    (outside / "instructor_notes.txt").write_text("keep me", encoding="utf-8")
    (folder / "open_answers.csv").symlink_to(outside / "instructor_notes.txt")
    nbformat.write(correct("reciprocity"), outside / "solutions.ipynb")
    (folder / "zz_link.ipynb").symlink_to(outside / "solutions.ipynb")
    os.mkfifo(folder / "zz_pipe.ipynb")
    before = {"outside": _tree(outside), "course": _course_tree()}
    started = time.monotonic()
    grades = grade_notebooks(find_notebooks(folder), LIMITS, assessment=True)
    reports = write_reports(folder, grades)
    seconds = time.monotonic() - started
    alive = _processes(MARKER)
    with (folder / reports["grades"]).open(encoding="utf-8", newline="") as handle:
        rows = {row["notebook"]: row for row in csv.DictReader(handle)}
    with (folder / reports["open_answers"]).open(encoding="utf-8", newline="") as handle:
        answers = list(csv.DictReader(handle))
    return {"folder": folder, "outside": outside, "made": made, "grades": {g.file_name: g for g in grades}, "rows": rows,
            "answers": answers, "reports": reports, "seconds": seconds, "alive": alive, "before": before}


def _max_points(topic: str) -> int:
    import importlib

    return sum(t.points for t in importlib.import_module(f"techdiplomacy.exercises.{topic}").TASKS if not t.open_answer)


def test_every_entry_gets_one_row(graded: dict) -> None:
    expected = {escape_name(name) for name in os.listdir(graded["folder"]) if name.lower().endswith(".ipynb")}
    assert set(graded["rows"]) == expected
    assert len(expected) == len(graded["made"]) + 2  # the planted link and pipe


def test_every_submission_earns_exactly_what_its_honest_answers_deserve(graded: dict) -> None:
    wrong = []
    for name, made in graded["made"].items():
        row, deserves = graded["rows"][escape_name(name)], made["deserves"]
        if made["topic"] is None:
            continue
        if deserves == FULL:
            ok = row["total"] == row["max_total"] == str(_max_points(made["topic"]))
        elif isinstance(deserves, dict):
            ok = all(row[f"{made['topic']}_{key}"] == str(points) for key, points in deserves.items())
            ok = ok and row["total"] == str(sum(deserves.values()))
        else:
            ok = row["total"] == "0" and row["max_total"] == str(_max_points(made["topic"]))
        if not ok:
            wrong.append(f"{name} ({made['why']}): {row['total']}/{row['max_total']}, notes: {row['notes'][:300]}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_exercise_has_a_full_correct_and_an_empty_blank_control(graded: dict, topic: str) -> None:
    right, blank = graded["rows"][f"correct_{topic}.ipynb"], graded["rows"][f"blank_{topic}.ipynb"]
    assert right["total"] == right["max_total"] == str(_max_points(topic)) != "0", right["notes"]
    assert blank["total"] == "0" and blank["max_total"] == right["max_total"]
    assert right["exercise"] == blank["exercise"] == topic


def test_the_run_stays_within_its_time_and_the_graders_memory_stays_small(graded: dict) -> None:
    assert graded["seconds"] < 360  # a loose bound: the machine may be shared
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert rss_mb < 600, f"the grader's process grew to {rss_mb:.0f} MB (a notebook printed 260 MB)"


def test_no_process_of_the_run_survives_it(graded: dict) -> None:
    assert graded["alive"] == []
    time.sleep(1)
    assert _processes(MARKER) == []


def test_no_file_outside_dir_and_no_course_file_changes(graded: dict) -> None:
    assert _tree(graded["outside"]) == graded["before"]["outside"]
    assert (graded["outside"] / "instructor_notes.txt").read_text(encoding="utf-8") == "keep me"
    assert _course_tree() == graded["before"]["course"]


def test_reports_are_written_beside_what_they_must_not_touch(graded: dict) -> None:
    folder, reports = graded["folder"], graded["reports"]
    assert (folder / "grades.csv").is_dir() and not any((folder / "grades.csv").iterdir())
    assert (folder / "open_answers.csv").is_symlink()
    assert reports["grades"] == "grades-1.csv" and reports["open_answers"] == "open_answers-1.csv"
    assert any("grades.csv" in w and "left alone" in w for w in reports["warnings"])
    feedback = folder / reports["feedback"]
    assert len(list(feedback.glob("*.md"))) == len(graded["rows"])
    assert not list(folder.glob(".*.tmp"))


def test_links_pipes_and_broken_files_get_a_row_with_a_note(graded: dict) -> None:
    rows = graded["rows"]
    assert "symbolic link" in rows["zz_link.ipynb"]["notes"] and rows["zz_link.ipynb"]["total"] == "0"
    assert "not a regular file" in rows["zz_pipe.ipynb"]["notes"]
    assert "not valid JSON" in rows["broken_json.ipynb"]["notes"]
    assert "the file is empty" in rows["broken_empty.ipynb"]["notes"]
    assert "no code cells" in rows["broken_no_cells.ipynb"]["notes"]
    assert "different exercise" in rows["mislabelled.ipynb"]["notes"]
    assert all(rows[n]["notes"].startswith("Not graded") for n in ("zz_link.ipynb", "broken_json.ipynb", "mislabelled.ipynb"))


def test_names_are_kept_escaped_and_collisions_flagged(graded: dict) -> None:
    rows = graded["rows"]
    latin = rows["caf\\xe9_latin1.ipynb"]
    assert latin["student"] == "caf\\xe9_latin1" and latin["total"] == latin["max_total"]
    twin, original = rows[escape_name("\u00a0correct_regulation.ipynb")], rows["correct_regulation.ipynb"]
    assert escape_name("\u00a0correct_regulation.ipynb") == "\\u00a0correct_regulation.ipynb"
    assert twin["student"] == original["student"] == "correct_regulation"
    assert "same student" in twin["notes"] and "same student" in original["notes"]


def test_control_characters_never_reach_the_reports(graded: dict) -> None:
    folder, reports = graded["folder"], graded["reports"]
    texts = [(folder / reports["grades"]).read_bytes(), (folder / reports["open_answers"]).read_bytes()]
    texts += [p.read_bytes() for p in (folder / reports["feedback"]).glob("*.md")]
    assert not any(b"\x1b" in text or b"\r" in text.replace(b"\r\n", b"") for text in texts)
    assert "zed.ipynb" in graded["rows"]["ansi_escape.ipynb"]["notes"]


def test_resource_attacks_are_noted_and_bounded(graded: dict) -> None:
    rows, grades = graded["rows"], graded["grades"]
    assert "ignored the interrupt" in rows["res_stubborn.ipynb"]["notes"]
    assert "interrupted" in rows["res_endless.ipynb"]["notes"]
    assert grades["res_stubborn.ipynb"].seconds < LIMITS.notebook / 2
    assert "MemoryError" not in rows["res_memory.ipynb"]["notes"]  # caught by the notebook itself: no note, full marks


def test_forged_verdicts_and_lying_data_earn_nothing(graded: dict) -> None:
    for name in ("forge_cheat.ipynb", "forge_hooks.ipynb", "forge_finder.ipynb", "forge_stack.ipynb"):
        assert graded["rows"][name]["total"] == "0", name
    lying = graded["rows"]["lying_data.ipynb"]
    assert "not plain data" in lying["notes"]
    hooks = (graded["folder"] / graded["reports"]["feedback"] / "forge_hooks.md").read_text(encoding="utf-8")
    assert "not plain data (verdict)" in hooks


def test_written_parts_go_to_the_rubric_and_a_loop_over_the_checkers_finds_nothing(graded: dict) -> None:
    lorem = [a for a in graded["answers"] if a["notebook"] == "game_lorem.ipynb" and a["task"] == "task3.justification"]
    assert len(lorem) == 1 and lorem[0]["answer"].split() == ["lorem"] * 25
    assert graded["rows"]["game_lorem.ipynb"]["minilateralism_task3"] == "3"
    loop = graded["rows"]["game_loop.ipynb"]
    assert (loop["policy_paths_task1"], loop["policy_paths_task2"]) == ("0", "0")
    reflections = {a["notebook"]: a for a in graded["answers"] if a["task"] == "task4" and a["exercise"] == "reciprocity"}
    assert "asymmetric" in reflections["correct_reciprocity.ipynb"]["answer"]


# --------------------------------------------------------------------------- without a sandbox run


def test_self_study_mode_gives_searchable_tasks_feedback_but_no_points(tmp_path: Path) -> None:
    path = tmp_path / "a.ipynb"
    nbformat.write(correct("policy_paths"), path)
    course = Course.load(known_exercises())
    study, assessed = _prepare(path, course, assessment=False), _prepare(path, course, assessment=True)
    assert [t.counted for t in study.grade.tasks if not t.open_answer] == [False, False, False]
    assert all(t.counted for t in assessed.grade.tasks)
    reciprocity = tmp_path / "r.ipynb"
    nbformat.write(correct("reciprocity"), reciprocity)
    counted = {t.key: t.counted for t in _prepare(reciprocity, course, assessment=False).grade.tasks}
    assert counted == {"task1": False, "task2": False, "task3": True, "task4": False}


def test_assessment_mode_makes_the_notebooks_checks_format_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from techdiplomacy.exercises import policy_paths, regulation

    assert policy_paths.check_eu_end_state("C").correct
    monkeypatch.setenv("TECHDIPLOMACY_ASSESSMENT", "1")
    for candidate in "ABCD":
        feedback = policy_paths.check_eu_end_state(candidate)
        assert not feedback.correct and feedback.verdict == "Recorded"
    assert not regulation.check_match("1", "US").correct
    assert "not answered" in policy_paths.check_eu_end_state(...).message
    assert policy_paths.TASKS[0].check("C").correct  # the grader's checker is the real one


def test_answers_cross_only_as_exact_builtin_values() -> None:
    value = decode(["dict", [[["str", "a"], ["tuple", [["int", "1"], ["float", "2.5"], ["ellipsis"], ["none"]]]]]])
    assert value == {"a": (1, 2.5, ..., None)} and type(value["a"]) is tuple
    for bad in (["verdict", True], ["str", 1], ["int", "1" * 200], ["list", [["str", "x"]] * 200_001], "x", ["set", [["list", []]]]):
        with pytest.raises((NotPlainData, ValueError)):
            decode(bad)
    nested = ["none"]
    for _ in range(40):
        nested = ["list", [nested]]
    with pytest.raises(NotPlainData):
        decode(nested)


def test_a_changed_course_stops_the_reports() -> None:
    with pytest.raises(CourseChanged, match="changed during grading"):
        grade_notebooks([], GradingLimits(jobs=1), sandboxed=False, course=Course(before={"techdiplomacy/x.py": "0"}))


def test_without_a_sandbox_the_grader_refuses_with_what_to_install(tmp_path: Path) -> None:
    env = {"PATH": str(tmp_path), "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "coursebook.grading", str(tmp_path)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 3, done.stderr[-2000:]
    assert "Install bubblewrap" in done.stderr and "--unsafe-no-sandbox" in done.stderr


def test_the_cheat_does_fool_a_naive_check_in_its_own_interpreter() -> None:
    """The fixture's cheat is real: in the interpreter it ran in, the checkers (even re-imported) say correct."""
    probe = CHEAT + (
        "\nimport importlib\nfresh = importlib.import_module('techdiplomacy.exercises.reciprocity')"
        "\nprint(check_tft_scores((1, 1)).correct, fresh.TASKS[0].check((1, 1)).correct)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.split() == ["True", "True"], done.stderr[-2000:]


def test_exercise_is_read_from_parsed_imports_and_checked_against_the_stamp() -> None:
    notebook = exercise("reciprocity")
    assert exercise_of(notebook) == ("reciprocity", None)
    notebook.metadata.pop("techdiplomacy")
    assert exercise_of(notebook) == ("reciprocity", None)
    quoted = insert_first(exercise("reciprocity"), 'text = "from techdiplomacy.exercises.regulation import check_overlap"\n'
                                                  "# import techdiplomacy.exercises.policy_paths")
    assert exercise_of(quoted) == ("reciprocity", None)
    notebook.cells.append(nbformat.v4.new_code_cell("from techdiplomacy.exercises.regulation import check_overlap"))
    assert exercise_of(notebook)[0] is None and "several exercises" in exercise_of(notebook)[1]
    assert "no cell imports an exercise" in exercise_of(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]))[1]


@pytest.mark.parametrize("topic", TOPICS)
def test_every_exercise_notebook_is_recognised(topic: str) -> None:
    assert exercise_of(exercise(topic)) == (topic, None)
    assert exercise_of(nbformat.read(ROOT / "exercises" / f"{topic}.ipynb", as_version=4)) == (topic, None)


def test_grade_sheet_imports_into_a_spreadsheet_as_is(tmp_path: Path) -> None:
    """Plain UTF-8 CSV with a header row, no cell a spreadsheet reads as a formula, one bad row never stops it."""
    grades = [NotebookGrade(tmp_path / "=HYPERLINK(1).ipynb", notes=["-1 line\nbreak \x1b[31mred"]), NotebookGrade(tmp_path / "zoë.ipynb")]
    broken = NotebookGrade(tmp_path / "b.ipynb")
    broken.tasks = None  # type: ignore[assignment] - a row that cannot be written
    write_reports(tmp_path, [*grades, broken])
    raw = (tmp_path / "grades.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "zoë".encode() in raw and b"\x1b" not in raw
    rows = list(csv.reader(raw.decode("utf-8").splitlines()))
    assert all(len(row) == len(rows[0]) for row in rows) and len(rows) == 4
    assert rows[1][0] == "'=HYPERLINK(1)" and rows[1][-1] == "'-1 line break red"
    assert "could not be written" in rows[3][-1]


def test_the_assessment_edition_switches_the_mode_on_in_the_notebook() -> None:
    from coursebook.student_branch import ASSESSMENT_LINE, assess_exercise

    notebook = assess_exercise(exercise("policy_paths"))
    assert notebook.metadata["techdiplomacy"] == {"exercise": "policy_paths", "assessment": True}
    first = next(c for c in notebook.cells if c.cell_type == "code")
    assert first.source.startswith(ASSESSMENT_LINE) and exercise_of(notebook) == ("policy_paths", None)
    assess_exercise(notebook)
    assert first.source.count("TECHDIPLOMACY_ASSESSMENT") == 1
    done = subprocess.run([sys.executable, "-c", ASSESSMENT_LINE + "import os; print(os.environ['TECHDIPLOMACY_ASSESSMENT'])"],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "1"

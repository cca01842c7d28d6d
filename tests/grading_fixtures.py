"""Submissions for the grader's tests and benchmark, made from the exercise notebooks themselves:
honest, unanswered, cheating, crashing, looping, broken and mislabelled ones."""

from __future__ import annotations

from pathlib import Path

import nbformat

from coursebook.editions import student_notebook
from coursebook.student_branch import stamp_exercise

ROOT = Path(__file__).resolve().parents[1]

RIGHT_STRATEGY = '''def my_strategy(my_moves, their_moves):
    """Tit for two tats: retaliate only after two defections in a row."""
    return "D" if their_moves[-2:] == ("D", "D") else "C"'''

REFLECTION = '''reflection = """
When the stakes were asymmetric, the large partner that demanded equal value in every exchange
broke cooperation and ended up worse off, which speaks to the essay's evidence of asymmetric
dependence between Korea and the United States. The model leaves out linkage across issues.
"""'''

#: A notebook that redefines and monkeypatches the checkers, Feedback and the import system so
#: that its own check cells say "Correct" for wrong answers.
CHEAT = '''import importlib.abc, importlib.util, sys
import techdiplomacy.exercises.reciprocity as rec
from techdiplomacy.exercises.feedback import Feedback
from techdiplomacy.exercises.tasks import Task

def always_right(answer):
    return Feedback(True, "Correct!")

check_tft_scores = check_breach = check_strategy = check_reflection = always_right
rec.check_tft_scores = rec.check_breach = rec.check_strategy = always_right
rec.TASKS = tuple(Task(t.key, t.title, t.answer, always_right, t.level, t.points, t.open_answer) for t in rec.TASKS)
Feedback.__bool__ = lambda self: True

class Impostor(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the patched module whenever anyone imports the exercise again."""
    def find_spec(self, name, path, target=None):
        return importlib.util.spec_from_loader(name, self) if name == "techdiplomacy.exercises.reciprocity" else None
    def create_module(self, spec):
        return rec
    def exec_module(self, module):
        pass

sys.meta_path.insert(0, Impostor())

import json
_real_dump = json.dump

def forged_dump(obj, fp, **options):
    """Turns every verdict a grader might write with json.dump into "correct"."""
    for verdict in obj.get("verdicts", {}).values() if isinstance(obj, dict) else ():
        verdict["correct"] = True
    return _real_dump(obj, fp, **options)

json.dump = forged_dump'''

STUBBORN_LOOP = '''import signal, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    time.sleep(0.05)'''


def exercise(topic: str) -> nbformat.NotebookNode:
    """The student edition of an exercise notebook, stamped as the student branch stamps it."""
    notebook = nbformat.read(ROOT / "exercises" / f"{topic}.ipynb", as_version=4)
    for cell in notebook.cells:
        cell.outputs = [] if cell.cell_type == "code" else cell.get("outputs")
        if cell.cell_type == "code":
            cell.execution_count = None
    return stamp_exercise(student_notebook(notebook), topic)


def answer(notebook: nbformat.NotebookNode, name: str, source: str) -> nbformat.NotebookNode:
    """Replace the student cell that sets ``name`` with ``source``."""
    for cell in notebook.cells:
        if cell.cell_type == "code" and (cell.source.startswith(f"{name} =") or cell.source.startswith(f"def {name}(")):
            cell.source = source
            return notebook
    raise LookupError(name)


def insert_after(notebook: nbformat.NotebookNode, name: str, source: str) -> nbformat.NotebookNode:
    """Add a code cell right after the cell that checks ``name``."""
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and cell.source.strip().endswith(f"({name})"):
            notebook.cells.insert(index + 1, nbformat.v4.new_code_cell(source))
            return notebook
    raise LookupError(name)


def right_answers() -> nbformat.NotebookNode:
    notebook = answer(answer(exercise("reciprocity"), "scores", "scores = (19, 24)"), "breach", "breach = (10, 22.5)")
    return answer(answer(notebook, "my_strategy", RIGHT_STRATEGY), "reflection", REFLECTION)


def write_submissions(folder: Path) -> dict[str, str]:
    """Write one submission of each kind into ``folder``; return {file name: what it tests}."""
    made = {}

    def save(name: str, notebook: nbformat.NotebookNode | None, text: str | None = None, why: str = "") -> None:
        path = folder / name
        if notebook is not None:
            nbformat.write(notebook, path)
        else:
            path.write_text(text or "", encoding="utf-8")
        made[name] = why

    save("alice.ipynb", right_answers(), why="every answer right")
    save("bob.ipynb", exercise("reciprocity"), why="placeholders unanswered")
    cheat = answer(answer(answer(exercise("reciprocity"), "scores", "scores = (1, 1)"), "breach", "breach = (1, 1)"), "my_strategy",
                   'def my_strategy(my_moves, their_moves):\n    return "D"')
    setup = next(i for i, c in enumerate(cheat.cells) if c.cell_type == "code")
    cheat.cells.insert(setup + 1, nbformat.v4.new_code_cell(CHEAT))
    save("carol.ipynb", cheat, why="wrong answers, redefined and monkeypatched checkers")
    save("dave.ipynb", insert_after(right_answers(), "scores", 'raise RuntimeError("boom")'), why="a cell raises")
    save("erin.ipynb", insert_after(right_answers(), "scores", "while True:\n    pass"), why="an endless cell")
    save("frank.ipynb", insert_after(right_answers(), "scores", STUBBORN_LOOP), why="an endless cell that ignores interrupts")
    save("gina.ipynb", None, '{"cells": [ this is not JSON', why="invalid JSON")
    save("hank.ipynb", None, "", why="empty file")
    wrong = stamp_exercise(exercise("policy_paths"), "reciprocity")
    save("ivan.ipynb", wrong, why="stamped as reciprocity, cells of policy_paths")
    save("judy.ipynb", nbformat.v4.new_notebook(), why="a notebook without cells")
    return made

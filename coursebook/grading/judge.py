"""Judging outside the sandbox, on plain data only, with the course's own checkers.

- :class:`Course` imports the course package afresh in the grader's process, from source (never
  from bytecode a submission could have written), and fingerprints the files it judges with (the
  package, its data and the grader) before the first notebook and after the last.
- :func:`decode` turns the tagged JSON the sandbox sends into exact built-in values, with caps on
  size and depth; anything else is refused.
- :func:`judge_value` calls a task's checker on such a value, with a time limit.
- :class:`Remote` stands for a function answer (the reciprocity strategy): the grader's own engine
  calls it, and each call sends two move histories to the sandbox and reads back one move, with a
  time limit per call. No verdict is ever computed in the student's kernel.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.machinery
import json
import math
import os
import select
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from coursebook.grading.common import EXERCISES_PACKAGE, ROOT, TaskGrade, clean

MAX_ITEMS = 100_000
MAX_DEPTH = 24
COURSE_PACKAGES = ("techdiplomacy", "techdiplomacy_data")
STAND_IN = ("This text stands in for the learner's written part of the answer, which the instructor marks with the rubric; "
            "the grader judges only the structured choices here, so the words below repeat those choices and nothing "
            "else, to keep the length and naming requirements of the checker satisfied for every honest submission "
            "whatever the learner wrote in the free-text field of the design.")


# --------------------------------------------------------------------------- the course, from source


class _SourceLoader(importlib.machinery.SourceFileLoader):
    """Compiles from the source file every time and records the hash of what it compiled."""

    loaded: dict[str, str] = {}

    def get_code(self, fullname: str):  # noqa: ANN201
        path = self.get_filename(fullname)
        data = self.get_data(path)
        _SourceLoader.loaded[os.path.realpath(path)] = hashlib.sha256(data).hexdigest()
        return self.source_to_code(data, path)


class _SourceFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201
        if name.split(".")[0] not in COURSE_PACKAGES:
            return None
        if name == "techdiplomacy":
            path = [str(ROOT)]
        elif name == "techdiplomacy_data":
            spec = importlib.machinery.PathFinder.find_spec("data", [str(ROOT)])
            if spec is None or not spec.origin:
                return None
            return importlib.util.spec_from_file_location(name, spec.origin, loader=_SourceLoader(name, spec.origin),
                                                          submodule_search_locations=[str(ROOT / "data")])
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            return spec
        spec.loader = _SourceLoader(name, spec.origin)
        spec.cached = None
        return spec


def fingerprint() -> dict[str, str]:
    """Hashes of every file the grader judges with: the course package, its data, the grader itself."""
    hashes = {}
    for folder in (ROOT / "techdiplomacy", ROOT / "data", ROOT / "coursebook" / "grading"):
        for path in sorted(folder.rglob("*")):
            if "__pycache__" in path.parts or path.is_dir():
                continue
            try:
                hashes[str(path.relative_to(ROOT))] = hashlib.sha256(path.read_bytes()).hexdigest() if not path.is_symlink() \
                    else "symlink:" + os.readlink(path)
            except OSError as error:
                hashes[str(path.relative_to(ROOT))] = f"unreadable: {error.strerror}"
    return hashes


@dataclass
class Course:
    """The course's checkers as the grader imported them, and the fingerprint of the files."""

    before: dict[str, str] = field(default_factory=dict)
    modules: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, topics: list[str]) -> "Course":
        sys.dont_write_bytecode = True
        os.environ.pop("TECHDIPLOMACY_ASSESSMENT", None)  # the grader always judges with the real checkers
        before = fingerprint()
        for name in [m for m in sys.modules if m.split(".")[0] in COURSE_PACKAGES]:
            del sys.modules[name]
        finder = _SourceFinder()
        sys.meta_path.insert(0, finder)
        try:
            modules = {topic: importlib.import_module(f"{EXERCISES_PACKAGE}.{topic}") for topic in topics}
            importlib.import_module(f"{EXERCISES_PACKAGE}.tasks")
        finally:
            sys.meta_path.remove(finder)
        course = cls(before, modules)
        problem = course.mismatch(before)
        if problem:
            raise RuntimeError(problem)
        return course

    @staticmethod
    def mismatch(reference: dict[str, str]) -> str | None:
        """Why the loaded source differs from ``reference`` (``None`` if it does not)."""
        for path, digest in _SourceLoader.loaded.items():
            try:
                key = str(Path(path).relative_to(ROOT))
            except ValueError:
                return f"a course module was loaded from outside the course: {path}"
            if reference.get(key) != digest:
                return f"{key} changed while it was being loaded"
        return None

    def changes(self) -> list[str]:
        """Files that differ now from the fingerprint taken before the first notebook."""
        after = fingerprint()
        return sorted(k for k in set(self.before) | set(after) if self.before.get(k) != after.get(k))


# --------------------------------------------------------------------------- plain data


class NotPlainData(ValueError):
    pass


def decode(tagged: object) -> object:
    """Exact built-in values from the sandbox's tagged JSON; :class:`NotPlainData` for anything else."""
    count = [0]

    def walk(node: object, depth: int) -> object:
        count[0] += 1
        if count[0] > MAX_ITEMS or depth > MAX_DEPTH:
            raise NotPlainData("too large or too deeply nested")
        if type(node) is not list or not node or type(node[0]) is not str:
            raise NotPlainData("malformed")
        tag = node[0]
        if tag == "none" and len(node) == 1:
            return None
        if tag == "ellipsis" and len(node) == 1:
            return ...
        if len(node) != 2:
            raise NotPlainData("malformed")
        value = node[1]
        if tag == "bool" and type(value) is bool:
            return value
        if tag == "int" and type(value) is str and len(value) <= 80:
            return int(value)
        if tag == "float" and type(value) is str and len(value) <= 40:
            number = float(value)
            if math.isnan(number) or math.isinf(number):
                return number
            return number
        if tag == "str" and type(value) is str:
            return value
        if tag in ("list", "tuple", "set", "frozenset") and type(value) is list:
            items = [walk(item, depth + 1) for item in value]
            kind = {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag]
            try:
                return kind(items)
            except TypeError as error:
                raise NotPlainData("an unhashable set member") from error
        if tag == "dict" and type(value) is list:
            result = {}
            for pair in value:
                if type(pair) is not list or len(pair) != 2:
                    raise NotPlainData("malformed")
                key = walk(pair[0], depth + 1)
                try:
                    result[key] = walk(pair[1], depth + 1)
                except TypeError as error:
                    raise NotPlainData("an unhashable key") from error
            return result
        raise NotPlainData(f"a value of kind {tag[:20]!r}")

    return walk(tagged, 0)


def answer_text(value: object) -> str:
    return value.strip() if type(value) is str else repr(value)


class _Timeout(Exception):
    pass


def _call_with_limit(function, argument: object, seconds: float):  # noqa: ANN001, ANN202
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def stop(signum, frame):  # noqa: ANN001, ARG001
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, stop) if use_alarm else None
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return function(argument)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _verdict(task, value: object, seconds: float) -> tuple[bool, str, str]:  # noqa: ANN001
    from techdiplomacy.exercises.feedback import Feedback

    try:
        result = _call_with_limit(task.check, value, seconds)
    except _Timeout:
        return False, f"The check took longer than {seconds:g} s.", ""
    except Exception as error:  # noqa: BLE001 - checkers should never raise; be safe anyway
        return False, f"The check failed with {type(error).__name__}.", ""
    if not isinstance(result, Feedback):
        return False, "The check did not return feedback.", ""
    return result.correct is True, str(result.message), str(result.hint)


def _stand_in(value: dict, fields: tuple[str, ...]) -> dict:
    choices = " ".join(str(v) for k, v in value.items() if k not in fields and type(v) is str)
    return {k: (f"{STAND_IN} {choices}" if k in fields else v) for k, v in value.items()}


def judge_value(task, row: TaskGrade, value: object, seconds: float) -> None:  # noqa: ANN001
    """Judge a plain-data answer with the task's checker; fill ``row``."""
    fields = tuple(getattr(task, "text_fields", ()))
    if fields and type(value) is dict:
        for name in fields:
            if name in value:
                row.texts[name] = answer_text(value[name])
        if all(name in value for name in fields):
            value = _stand_in(value, fields)
    row.correct, row.message, row.hint = _verdict(task, value, seconds)
    if fields and row.texts:
        row.message += f" (The {', '.join(fields)} is not judged here: it goes to the rubric, open_answers.csv.)"
    if task.open_answer:
        row.answer = answer_text(value)


# --------------------------------------------------------------------------- function answers


class CallTimeout(Exception):
    pass


_ERRORS = {cls.__name__: cls for cls in (IndexError, KeyError, TypeError, ValueError, AttributeError, NameError,
                                          ZeroDivisionError, RecursionError, AssertionError, RuntimeError)}


class Remote:
    """Talks to the runner in the sandbox: histories in, one move out, a time limit per call."""

    def __init__(self, process, call_seconds: float, total_seconds: float) -> None:  # noqa: ANN001
        self.process = process
        self.call_seconds = call_seconds
        self.deadline = time.monotonic() + total_seconds
        self.broken: str | None = None
        self.buffer = b""

    def readline(self, seconds: float, limit: int) -> bytes | None:
        """One line from the runner, or ``None`` after ``seconds`` (or at its end, or past ``limit`` bytes)."""
        stream = self.process.stdout
        end = time.monotonic() + seconds
        while b"\n" not in self.buffer:
            remaining = end - time.monotonic()
            if remaining <= 0 or len(self.buffer) > limit:
                return None
            ready, _, _ = select.select([stream], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(stream.fileno(), 65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line if len(line) <= limit else None

    def call(self, name: str, my_moves: object, their_moves: object) -> str:
        if self.broken:
            raise CallTimeout(self.broken)
        if time.monotonic() > self.deadline:
            self.broken = "the check ran out of time"
            raise CallTimeout(self.broken)
        my, their = _history(my_moves), _history(their_moves)
        try:
            self.process.stdin.write(json.dumps({"name": name, "my": my, "their": their}).encode() + b"\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            self.broken = "the sandbox stopped"
            raise CallTimeout(self.broken) from None
        line = self.readline(self.call_seconds, 1000)
        if line is None:
            self.broken = f"one call of the function took longer than {self.call_seconds:g} s"
            raise CallTimeout(self.broken)
        try:
            reply = json.loads(line)
        except ValueError:
            reply = None
        if type(reply) is not str:
            self.broken = "the sandbox answered something else than a move"
            raise CallTimeout(self.broken)
        return reply

    def function(self, name: str):  # noqa: ANN201
        remote = self

        def strategy(my_moves, their_moves):  # noqa: ANN001, ANN202
            reply = remote.call(name, my_moves, their_moves)
            if reply in ("C", "D"):
                return reply
            if reply == "...":
                return ...
            if reply.startswith("!"):
                kind, _, message = reply[1:].partition(":")
                raise _ERRORS.get(kind, RuntimeError)(clean(message, 200))
            return f"<a {clean(reply[1:], 40)}>"

        strategy.__name__ = strategy.__qualname__ = clean(name, 60) if name.isidentifier() else "strategy"
        return strategy


def _history(moves: object) -> list[str]:
    items = list(moves)  # the grader's own engine passes tuples of moves
    if not all(type(m) is str and m in ("C", "D") for m in items) or len(items) > 10_000:
        raise ValueError("the engine passed an unexpected history")
    return items


def judge_function(task, row: TaskGrade, remote: Remote, name: str, seconds: float) -> None:  # noqa: ANN001
    """Judge a function answer through :class:`Remote` (in the calling thread, the sandbox still running)."""
    from techdiplomacy.exercises.feedback import Feedback

    try:
        result = task.check(remote.function(name))
    except CallTimeout as error:
        row.correct, row.message = False, f"Not judged: {error}."
        return
    except Exception as error:  # noqa: BLE001
        row.correct, row.message = False, f"The check failed with {type(error).__name__}."
        return
    if remote.broken:
        row.correct, row.message = False, f"Not judged: {remote.broken}."
        return
    if not isinstance(result, Feedback):
        row.correct, row.message = False, "The check did not return feedback."
        return
    row.correct, row.message, row.hint = result.correct is True, str(result.message), str(result.hint)

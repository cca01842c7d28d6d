"""Time the grader on a class of 40 submissions, each in its sandbox (the goal: under two minutes on 2 cores),
and the sandbox's cost per notebook.

The class mixes the nine exercises: half of the submissions answer every task with the instructor's
solutions, the others are left unanswered (the student edition as handed out), so every notebook
runs top to bottom in its own kernel and every task is judged. With ``--compare`` the same class is
also graded without the sandbox (``--unsafe-no-sandbox``: the same runner, as you), and the
difference per notebook is the sandbox's cost.

Usage: .venv/bin/python scripts/benchmark_grading.py [--count 40] [--jobs 2] [--compare]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import nbformat  # noqa: E402

from coursebook.grading import GradingLimits, grade_folder  # noqa: E402
from grading_fixtures import TOPICS, correct, exercise  # noqa: E402


def make_class(folder: Path, count: int) -> None:
    for number in range(count):
        topic = TOPICS[number % len(TOPICS)]
        notebook = correct(topic) if number % 2 == 0 else exercise(topic)
        nbformat.write(notebook, folder / f"student{number:02d}_{topic}.ipynb")


def run(count: int, jobs: int, sandboxed: bool) -> tuple[float, list]:
    with tempfile.TemporaryDirectory(prefix="grading-benchmark-") as scratch:
        folder = Path(scratch)
        make_class(folder, count)
        started = time.perf_counter()
        grades = grade_folder(folder, GradingLimits(jobs=jobs), sandboxed=sandboxed, assessment=True)
        return time.perf_counter() - started, grades


def start_cost(repeat: int = 10) -> tuple[float, float]:
    """Median seconds to start Python with the runner's imports, in a sandbox and without one."""
    import subprocess

    from coursebook.grading import sandbox

    code = "import jupyter_client, zmq, techdiplomacy"
    inside = sandbox.base_command(GradingLimits(), sandbox.environment(), None) + ["--", sys.executable, "-I", "-B", "-c", code]
    outside = [sys.executable, "-I", "-B", "-c", code]
    times: dict[str, list[float]] = {"inside": [], "outside": []}
    for _ in range(repeat):
        for name, argv in (("inside", inside), ("outside", outside)):
            started = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            times[name].append(time.perf_counter() - started)
    return statistics.median(times["inside"]), statistics.median(times["outside"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--compare", action="store_true", help="also grade without the sandbox, to measure its cost")
    options = parser.parse_args()
    load = os.getloadavg()[0]
    seconds, grades = run(options.count, options.jobs, True)
    failed = [g.file_name for g in grades if any("raised" in n or "Stopped" in n or "could not" in n for n in g.notes)]
    wrong = [g.file_name for g in grades if int(g.file_name[7:9]) % 2 == 0 and g.total != g.max_total]
    median = statistics.median(g.seconds for g in grades)
    print(f"Sandboxed: graded {len(grades)} notebooks ({options.jobs} at a time, {os.cpu_count()} CPUs, load average "
          f"{load:.1f} at the start) in {seconds:.1f} s ({'under' if seconds < 120 else 'OVER'} the two-minute goal); "
          f"median {median:.2f} s per notebook.")
    if failed:
        print(f"Notebooks with errors: {', '.join(failed)}")
    if wrong:
        print(f"Correct notebooks without full marks: {', '.join(wrong)}")
    inside, outside = start_cost()
    print(f"The sandbox's own cost (namespaces, mounts, limits; the runner is the same either way): starting the runner's "
          f"Python takes {inside:.2f} s in a sandbox and {outside:.2f} s without, {inside - outside:+.2f} s per notebook.")
    if options.compare:
        plain_seconds, plain = run(options.count, options.jobs, False)
        plain_median = statistics.median(g.seconds for g in plain)
        print(f"Without the sandbox: {plain_seconds:.1f} s; median {plain_median:.2f} s per notebook. The sandbox costs "
              f"{(seconds - plain_seconds) / len(grades) * options.jobs:+.2f} s of wall time per notebook and slot "
              f"({median - plain_median:+.2f} s in the median).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

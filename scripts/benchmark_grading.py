"""Time the grader on a class of 40 submissions (the goal: under two minutes on 2 cores).

The class mixes the nine exercises: reciprocity submissions with every answer right, others left
unanswered (the student edition as handed out), so every notebook runs top to bottom in its own
kernel and every task is judged.

Usage: .venv/bin/python scripts/benchmark_grading.py [--count 40] [--jobs 2]
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
from grading_fixtures import exercise, right_answers  # noqa: E402


def make_class(folder: Path, count: int) -> None:
    topics = sorted(p.stem for p in (ROOT / "exercises").glob("*.ipynb"))
    for number in range(count):
        topic = topics[number % len(topics)]
        notebook = right_answers() if topic == "reciprocity" and number % 2 == 0 else exercise(topic)
        nbformat.write(notebook, folder / f"student{number:02d}_{topic}.ipynb")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="grading-benchmark-") as scratch:
        folder = Path(scratch)
        make_class(folder, options.count)
        started = time.perf_counter()
        grades = grade_folder(folder, GradingLimits(jobs=options.jobs))
        seconds = time.perf_counter() - started
    failed = [g.path.name for g in grades if any("raised" in n or "Stopped" in n or "could not" in n for n in g.notes)]
    print(f"Graded {len(grades)} notebooks ({options.jobs} at a time, {os.cpu_count()} CPUs) in {seconds:.1f} s "
          f"({'under' if seconds < 120 else 'OVER'} the two-minute goal); median {statistics.median(g.seconds for g in grades):.1f} s "
          f"per notebook.")
    if failed:
        print(f"Notebooks with errors: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

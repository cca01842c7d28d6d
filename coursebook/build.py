"""Build the book from Python (used by the tests and the benchmark)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BuildResult", "ROOT", "build_book", "warnings_in"]

ROOT = Path(__file__).resolve().parent.parent
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    log: str
    seconds: float
    html_dir: Path


def warnings_in(log: str) -> list[str]:
    """Sphinx warnings and errors in a build log (ANSI colours removed)."""
    lines = _ANSI.sub("", log).splitlines()
    return [line for line in lines if re.search(r"\b(WARNING|ERROR|CRITICAL)\b", line) and "[IPKernelApp]" not in line]


def build_book(root: Path = ROOT, *extra_args: str) -> BuildResult:
    """Run ``jupyter-book build --all`` warning-free (``-W -n``); notebook execution stays cached."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(root), "--all", "-W", "-n", "--keep-going", *extra_args]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    seconds = time.perf_counter() - started
    return BuildResult(done.returncode, done.stdout + done.stderr, seconds, root / "_build" / "html")

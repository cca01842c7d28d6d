"""The Binder environment (requirements.txt, as repo2docker installs it) runs every notebook.

Builds a fresh virtual environment from requirements.txt alone, then runs all chapter and exercise
notebooks in it with nbval, comparing their committed outputs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.binder


def test_requirements_build_a_fresh_environment_that_runs_every_notebook(tmp_path: Path) -> None:
    venv = tmp_path / "binder-env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    notebooks = sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])
    run = subprocess.run(
        [str(python), "-m", "pytest", *notebooks, "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q",
         "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", "-o", "addopts=", "-o", "pythonpath="],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert run.returncode == 0, run.stdout[-4000:]
    assert " passed" in run.stdout.splitlines()[-1]

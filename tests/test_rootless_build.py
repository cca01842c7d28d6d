"""Building needs no root: on a machine with no Chromium or Chrome, no apt-get and a sudo that asks for
a password, ``bash scripts/build-book.sh`` still builds the HTML book, exits 0 and says in one line
how to get the PDF.

The project is copied to a temporary folder with a one-page book (the full book is built, with its
PDF, by the book tests), and the build runs with a ``PATH`` from which every browser, ``apt-get``
and ``sudo`` are taken out (``sudo`` is replaced by one that always fails).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from coursebook.build import ROOT
from coursebook.pdf import HOW_TO_GET_CHROMIUM, PDF_NAME

HIDDEN_COMMANDS = {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
                   "apt-get", "apt", "sudo"}
COPIED = ("_config.yml", "references.bib", "requirements.txt", "pyproject.toml", "coursebook", "techdiplomacy", "scripts")


def _path_without_browsers(folder: Path) -> str:
    """A ``PATH`` of one folder linking every command of today's ``PATH`` except
    :data:`HIDDEN_COMMANDS`, plus a ``sudo`` that fails as one without a password would."""
    folder.mkdir()
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not directory or not Path(directory).is_dir():
            continue
        for command in Path(directory).iterdir():
            target = folder / command.name
            if command.name in HIDDEN_COMMANDS or target.exists() or not os.access(command, os.X_OK):
                continue
            target.symlink_to(command)
    sudo = folder / "sudo"
    sudo.write_text("#!/bin/sh\necho 'sudo: a password is required' >&2\nexit 1\n")
    sudo.chmod(0o755)
    return str(folder)


def test_build_without_chromium_or_sudo_makes_the_html_book(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "python").is_file():
        pytest.skip("needs the project's .venv (scripts/setup-env.sh)")
    project = tmp_path / "book"
    project.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")  # set-up is tested elsewhere; reuse the environment
    (project / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (project / "index.md").write_text("# A one-page book\n\nBuilt without a browser.\n", encoding="utf-8")
    stale = project / "_build" / "html" / PDF_NAME
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF- an older print")

    environment = {key: value for key, value in os.environ.items() if key != "COURSE_CHROMIUM"}
    environment |= {
        "PATH": _path_without_browsers(tmp_path / "bin"),
        "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "no-browsers"),  # no browser of Playwright's own
        "HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(["bash", "scripts/build-book.sh"], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert (project / "_build" / "html" / "index.html").is_file()
    assert (project / "_build" / "html" / "print" / "index.html").is_file()
    assert not stale.exists(), "a PDF of an older build is removed, not left beside the new pages"
    notes = [line for line in output.splitlines() if HOW_TO_GET_CHROMIUM in line]
    assert len(notes) == 1, "one line says how to get the PDF"
    assert "Installing Chromium" not in output

"""Build the notebooks as a JupyterLite site: Python running in the browser (Pyodide kernel).

The site holds the student edition of every chapter and exercise notebook and a wheel of the
course package (models, charts, widgets, checkers and the data tables), which the notebooks'
first cell installs with ``%pip`` (piplite) inside the browser. Pyodide itself and the packages
the course depends on (pandas, altair, ipywidgets, jsonschema) are fetched by the browser when a
notebook starts, so running notebooks in JupyterLite needs an internet connection; the static book
does not.

Enable it with ``bash scripts/build-book.sh --with-jupyterlite``: the site goes to
``_build/html/lite`` and every notebook page gets a JupyterLite launch button.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from coursebook.editions import student_notebook

__all__ = ["LITE_PATH", "LITE_VARIABLE", "build_jupyterlite", "lite_launch_url"]

LITE_VARIABLE = "COURSE_JUPYTERLITE"
#: Where the site lives inside the built book, and the page a launch button opens.
LITE_PATH = "lite"
LITE_APP = f"{LITE_PATH}/lab/index.html"


def lite_launch_url(path_to_root: str, notebook: str) -> str:
    """The launch link from a page ``path_to_root`` away from the book's root (e.g. ``"../"``)."""
    return f"{path_to_root}{LITE_APP}?path={notebook}"


def _contents(root: Path, work: Path) -> Path:
    contents = work / "contents"
    shutil.rmtree(contents, ignore_errors=True)
    for folder in ("chapters", "exercises"):
        (contents / folder).mkdir(parents=True)
        for path in sorted((root / folder).glob("*.ipynb")):
            nbformat.write(student_notebook(nbformat.read(path, as_version=4)), contents / folder / path.name)
    return contents


def _wheel(root: Path, work: Path) -> Path:
    wheels = work / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(root), "-w", str(wheels)],
                   check=True, capture_output=True, cwd=work)
    shutil.rmtree(root / "build", ignore_errors=True)  # setuptools' scratch folder
    (wheel,) = wheels.glob("techdiplomacy-*.whl")
    return wheel


def build_jupyterlite(root: Path, output: Path) -> Path:
    """Build the JupyterLite site into ``output`` and return the path of its app page."""
    work = root / "_build" / "jupyterlite"
    work.mkdir(parents=True, exist_ok=True)
    contents, wheel = _contents(root, work), _wheel(root, work)
    shutil.rmtree(output, ignore_errors=True)
    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run(
        [str(jupyter), "lite", "build", "--contents", str(contents), "--piplite-wheels", str(wheel),
         "--output-dir", str(output), "--lite-dir", str(work)],
        check=True, capture_output=True, text=True, cwd=work,
    )
    return output / "lab" / "index.html"

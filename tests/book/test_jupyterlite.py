"""The optional JupyterLite site: every notebook (student edition) and the course wheel are in it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import nbformat
import pytest

from coursebook.build import ROOT
from coursebook.editions import hidden_cells
from coursebook.lite import build_jupyterlite

pytestmark = pytest.mark.book


@pytest.fixture(scope="module")
def lite_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("lite") / "lite"
    app = build_jupyterlite(ROOT, output)
    assert app.is_file()
    return output


def test_site_holds_every_notebook_without_solutions(lite_site: Path) -> None:
    for folder in ("chapters", "exercises"):
        for source in sorted((ROOT / folder).glob("*.ipynb")):
            copy = lite_site / "files" / folder / source.name
            assert copy.is_file(), copy
            assert hidden_cells(nbformat.read(copy, as_version=4)) == []


def test_site_offers_the_course_wheel_with_its_data(lite_site: Path) -> None:
    index = json.loads((lite_site / "pypi" / "all.json").read_text())
    assert "techdiplomacy" in index
    (wheel,) = (lite_site / "pypi").glob("techdiplomacy-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "techdiplomacy_data/policy_paths_transitions.csv" in names
    assert "coursebook/display.py" in names


def test_site_uses_the_pyodide_kernel(lite_site: Path) -> None:
    config = json.loads((lite_site / "jupyter-lite.json").read_text())
    federated = json.dumps(config)
    assert "pyodide-kernel" in federated

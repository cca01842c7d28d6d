"""The wheel (what `pip install git+<repository>` gives Colab or a JupyterHub) is complete and works
without the repository checkout: modules, book assets and every data table with its schema."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(out)],
                   check=True, capture_output=True)
    (path,) = out.glob("techdiplomacy-*.whl")
    return path


def test_wheel_has_every_module_asset_and_table(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {str(p.relative_to(ROOT)) for package in ("techdiplomacy", "coursebook") for p in (ROOT / package).rglob("*.py")}
    expected |= {str(p.relative_to(ROOT)) for p in (ROOT / "coursebook" / "static").rglob("*") if p.is_file()}
    # The claims ledger (data/claims/) checks the course's prose against the essays; it is not data the models read.
    expected |= {
        "techdiplomacy_data/" + str(p.relative_to(ROOT / "data"))
        for p in (ROOT / "data").rglob("*")
        if p.suffix in (".csv", ".json") and p.relative_to(ROOT / "data").parts[0] != "claims"
    }
    assert expected - names == set()


def test_installed_package_finds_its_data_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        f"import sys; sys.path.insert(0, {str(tmp_path)!r}); "
        "import techdiplomacy.data as d; from techdiplomacy.models.policy_paths import end_state_table; "
        "print(d.DATA_DIR); print(end_state_table().loc['A2'].idxmax())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    data_dir, answer = done.stdout.split()
    assert Path(data_dir) == tmp_path / "techdiplomacy_data"
    assert answer == "C"

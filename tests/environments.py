"""The environments the course is tested in, and how to build one and run every notebook in it.

Three environments, each a fresh virtual environment:

- ``binder``: ``requirements.txt`` alone on the Python of ``runtime.txt``, as repo2docker installs it
  (the pins of the book and Binder);
- ``floors``: the lowest Python and the lowest version of every dependency that ``pyproject.toml``
  allows (a constraints file generated from its ``>=`` bounds), the package installed from its wheel;
- ``colab``: Google Colab's stack (Python 3.12, pandas 2.2.2, numpy 2.0.2, its IPython 7.34.0 kernel,
  the newest altair, ipywidgets and jsonschema), the package installed from its wheel, as the
  notebooks' install cell does there.

Each runs every chapter and exercise notebook top to bottom with nbval, against the committed outputs,
from a copy of the notebooks outside the checkout (so only the installed package can be imported).
Used by ``tests/test_environments.py``.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10 (pytest brings tomli there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
REQUIREMENTS = ROOT / "requirements.txt"
SANITIZE = (ROOT / "tests" / "nbval_sanitize.cfg", ROOT / "tests" / "nbval_sanitize_across_versions.cfg")
JSON_SANITIZER = ROOT / "tests" / "nbval_across_versions.py"

#: Set to 1 (as .ci/run does) to fail, not skip, where an interpreter an environment needs is missing.
REQUIRE_ALL = "COURSE_REQUIRE_ALL_ENVIRONMENTS"

#: What runs the notebooks in the floors and Colab environments: pytest and nbval as requirements.txt
#: pins them (tests/nbval_across_versions.py patches nbval); in the floors environment, the newest
#: kernel that suits its Python (the pinned one needs a newer Python than the floor).
PINNED_TEST_TOOLS = ("pytest", "nbval")
NEWEST_TEST_TOOLS = ("ipykernel",)

#: Google Colab's stack: its Python, the versions its runtime ships (google-colab pins pandas and
#: its IPython kernel), the newest of the rest.
COLAB_PYTHON = "3.12"
COLAB_PINS = {"pandas": "2.2.2", "numpy": "2.0.2", "ipython": "7.34.0", "ipykernel": "6.17.1"}
COLAB_NEWEST = ("altair", "ipywidgets", "jsonschema")

#: Most an environment may take to install, and to run all its notebooks (seconds).
INSTALL_TIMEOUT = 900
RUN_TIMEOUT = 900


class EnvironmentError_(Exception):
    """An environment could not be built or its notebooks failed; the message says which and why."""


def _pyproject(path: Path = PYPROJECT) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)["project"]


def _lower_bound(requirement: Requirement) -> str | None:
    floors = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
    return floors[0] if len(floors) == 1 else None


def declared_floors(path: Path = PYPROJECT) -> dict[str, str]:
    """Each dependency of ``pyproject.toml`` with its lower bound (``altair>=5.5.0`` → ``5.5.0``)."""
    floors = {}
    for line in _pyproject(path)["dependencies"]:
        requirement = Requirement(line)
        floor = _lower_bound(requirement)
        if floor is None:
            raise ValueError(f"pyproject.toml: dependency {line!r} needs exactly one lower bound (>=) to test")
        floors[requirement.name] = floor
    return floors


def python_floor(path: Path = PYPROJECT) -> str:
    """The lowest Python that ``requires-python`` allows (``>=3.10`` → ``3.10``)."""
    spec = _pyproject(path)["requires-python"]
    floor = _lower_bound(Requirement(f"python{spec}"))
    if floor is None:
        raise ValueError(f"pyproject.toml: requires-python {spec!r} needs exactly one lower bound (>=)")
    return ".".join(floor.split(".")[:2])


def floor_constraints(path: Path = PYPROJECT) -> str:
    """The constraints file that pins every dependency at its declared floor."""
    return "".join(f"{name}=={version}\n" for name, version in declared_floors(path).items())


def pinned(names: tuple[str, ...]) -> list[str]:
    """``name==version`` for each of ``names`` as requirements.txt pins it."""
    pins = {}
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            requirement = Requirement(line)
            pins[requirement.name.lower()] = str(requirement)
    missing = [n for n in names if n not in pins]
    if missing:
        raise ValueError(f"requirements.txt pins no version of {', '.join(missing)}")
    return [pins[n] for n in names]


def find_python(version: str) -> Path | None:
    """An interpreter of Python ``version`` (``3.12``) on PATH or under pyenv, or None."""
    candidates = [shutil.which(f"python{version}")]
    for base in (os.environ.get("PYENV_ROOT"), str(Path.home() / ".pyenv"), "/root/.pyenv"):
        if base:
            candidates += sorted(glob.glob(f"{base}/versions/{version}.*/bin/python"), reverse=True)
    for candidate in candidates:
        if not candidate:
            continue
        try:
            done = subprocess.run([candidate, "-c", "import sys, venv; print('%d.%d' % sys.version_info[:2])"],
                                  capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0 and done.stdout.strip() == version:
            return Path(candidate)
    return None


def notebooks() -> list[Path]:
    return sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])


@dataclass(frozen=True)
class Environment:
    name: str
    python: str  # a version such as "3.12"
    installs: Callable[[Path, Path], list[list[str]]]  # (wheel, work dir) -> pip install argument lists
    expected: Callable[[], dict[str, str]]  # distribution -> version the environment must end up with
    needs_wheel: bool = True

    def interpreter(self) -> Path | None:
        return find_python(self.python)


def _binder_installs(wheel: Path, work: Path) -> list[list[str]]:
    return [["-r", str(REQUIREMENTS)]]


def _floors_installs(wheel: Path, work: Path) -> list[list[str]]:
    constraints = work / "floors.txt"
    constraints.write_text(floor_constraints())
    return [[str(wheel), *pinned(PINNED_TEST_TOOLS), *NEWEST_TEST_TOOLS, "-c", str(constraints)]]


def _colab_installs(wheel: Path, work: Path) -> list[list[str]]:
    pins = [f"{n}=={v}" for n, v in COLAB_PINS.items()]
    # Colab's own packages first, then the course package beside them, as its install cell does.
    return [[*pins, *COLAB_NEWEST, *pinned(PINNED_TEST_TOOLS)], [str(wheel), *pins]]


def binder_python() -> str:
    """The Python that Binder uses, from runtime.txt (``python-3.11`` → ``3.11``)."""
    return (ROOT / "runtime.txt").read_text().strip().removeprefix("python-")


def binder_pins() -> dict[str, str]:
    """The versions requirements.txt pins for the package's dependencies."""
    return {r.split("==")[0]: r.split("==")[1] for r in pinned(tuple(declared_floors()))}


ENVIRONMENTS = {
    "binder": Environment("binder", binder_python(), _binder_installs, binder_pins, needs_wheel=False),
    # on the lowest Python the package allows
    "floors": Environment("floors", python_floor(), _floors_installs, declared_floors),
    "colab": Environment("colab", COLAB_PYTHON, _colab_installs, lambda: dict(COLAB_PINS)),
}


def build_wheel(out: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(out)],
                          capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    if done.returncode != 0:
        raise EnvironmentError_(f"the package's wheel did not build:\n{done.stderr[-3000:]}")
    return next(out.glob("techdiplomacy-*.whl"))


@dataclass
class Result:
    versions: dict[str, str]
    install_seconds: float
    run_seconds: float
    summary: str


def _versions(python: Path) -> dict[str, str]:
    code = "import importlib.metadata as m, json; print(json.dumps({d.metadata['Name'].lower(): d.version for d in m.distributions()}))"
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _errors(stderr: str) -> str:
    """pip's messages without its notes about unreachable extra indexes."""
    return "\n".join(line for line in stderr.splitlines() if "is ignored: it is neither" not in line)[-3000:]


def _sanitize_config(work: Path) -> Path:
    config = work / "nbval_sanitize.cfg"
    config.write_text("\n".join(p.read_text() for p in SANITIZE))
    return config


def build_and_run(env: Environment, interpreter: Path, wheel: Path | None, work: Path) -> Result:
    """Build ``env`` in ``work`` with ``interpreter``, install it, and run every notebook in it."""
    start = time.monotonic()
    venv = work / "venv"
    made = subprocess.run([str(interpreter), "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode != 0:
        raise EnvironmentError_(f"{env.name}: `{interpreter} -m venv` failed:\n{made.stderr[-2000:]}")
    python = venv / "bin" / "python"
    for arguments in env.installs(wheel, work):
        install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                  *arguments], cwd=ROOT, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        if install.returncode != 0:
            raise EnvironmentError_(f"{env.name}: pip install {' '.join(arguments)} failed:\n{_errors(install.stderr)}")
    versions = _versions(python)
    wrong = {n: (v, versions.get(n)) for n, v in env.expected().items()
             if n not in versions or Version(versions[n]) != Version(v)}
    if wrong:
        raise EnvironmentError_(f"{env.name}: installed versions differ from the intended ones "
                                f"(name: (intended, installed)): {wrong}")
    installed = time.monotonic()

    # A copy of the notebooks outside the checkout: only the installed package can be imported.
    copy = work / "book"
    for notebook in notebooks():
        target = copy / notebook.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(notebook, target)
    shutil.copy2(JSON_SANITIZER, copy / JSON_SANITIZER.name)  # loaded with -p (python -m puts cwd on sys.path)
    config = _sanitize_config(work)
    paths = [str(p.relative_to(ROOT)) for p in notebooks()]
    try:
        run = subprocess.run(
            [str(python), "-m", "pytest", *paths, "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q", "--color=no",
             "--nbval-sanitize-with", str(config), "-p", JSON_SANITIZER.stem, "--rootdir", str(copy)],
            cwd=copy, capture_output=True, text=True, timeout=RUN_TIMEOUT,
            env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": ""},
        )
    except subprocess.TimeoutExpired as e:
        raise EnvironmentError_(f"{env.name}: the notebooks did not finish within {RUN_TIMEOUT} s") from e
    finished = time.monotonic()
    lines = run.stdout.strip().splitlines()
    summary = lines[-1] if lines else ""
    if run.returncode != 0 or " passed" not in summary:
        failures = run.stdout.find("= FAILURES =")
        first = run.stdout[failures:failures + 5000] if failures >= 0 else run.stdout[-5000:]
        raise EnvironmentError_(f"{env.name}: notebooks failed ({summary}); the first failure:\n{first}\n{run.stderr[-2000:]}")
    return Result(versions, installed - start, finished - installed, summary)

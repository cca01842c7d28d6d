"""Every notebook runs in each environment the course promises: Binder's pins, the declared floors
and Colab's stack (see tests/environments.py for what each one is and how it is built).

The three environments build in parallel (two at a time: most of the time is pip's downloads and
unpacking, and a kernel running one notebook uses one core). Where an interpreter an environment
needs is missing, its test is skipped with a message that says so, or fails when
COURSE_REQUIRE_ALL_ENVIRONMENTS=1 (as in .ci/run).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from environments import (
    COLAB_PINS,
    COLAB_PYTHON,
    ENVIRONMENTS,
    REQUIRE_ALL,
    ROOT,
    EnvironmentError_,
    binder_pins,
    binder_python,
    build_and_run,
    build_wheel,
    declared_floors,
    floor_constraints,
    find_python,
    python_floor,
)

WORKERS = int(os.environ.get("COURSE_ENVIRONMENT_WORKERS", "2"))


def _missing(name: str) -> str:
    env = ENVIRONMENTS[name]
    return (f"the {name} environment needs Python {env.python}, which is not installed here (looked for "
            f"python{env.python} on PATH and under ~/.pyenv/versions/); install it to run this test")


@pytest.fixture(scope="module")
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future]]:
    """Start building every selected environment at once; each test waits for its own."""
    selected = [item.callspec.params["name"] for item in request.session.items
                if getattr(item, "module", None) is request.module and hasattr(item, "callspec") and "name" in item.callspec.params]
    interpreters = {name: ENVIRONMENTS[name].interpreter() for name in selected}
    available = [name for name in selected if interpreters[name] is not None]
    wheel = None
    if any(ENVIRONMENTS[name].needs_wheel for name in available):
        wheel = build_wheel(tmp_path_factory.mktemp("wheel"))
    executor = ThreadPoolExecutor(max_workers=max(1, WORKERS))
    futures = {name: executor.submit(build_and_run, ENVIRONMENTS[name], interpreters[name], wheel,
                                     tmp_path_factory.mktemp(f"env-{name}"))
               for name in available}
    yield futures
    executor.shutdown(wait=True, cancel_futures=True)


@pytest.mark.environments
@pytest.mark.parametrize("name", list(ENVIRONMENTS))
def test_every_notebook_runs_in_the_environment(name: str, runs: dict[str, Future]) -> None:
    if name not in runs:
        if os.environ.get(REQUIRE_ALL) == "1":
            pytest.fail(f"{_missing(name)} ({REQUIRE_ALL}=1)", pytrace=False)
        pytest.skip(_missing(name))
    error = runs[name].exception()
    if isinstance(error, EnvironmentError_):
        pytest.fail(str(error), pytrace=False)
    result = runs[name].result()
    print(f"{name}: installed in {result.install_seconds:.0f} s, notebooks in {result.run_seconds:.0f} s: {result.summary}")


def test_the_floors_constraints_pin_each_dependency_at_its_declared_lower_bound() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    declared = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M).group(1)
    bounds = dict(re.findall(r'"([A-Za-z0-9_.-]+)>=([0-9.]+)', declared))
    assert bounds, "no dependency with a lower bound found in pyproject.toml"
    assert declared_floors() == bounds
    assert floor_constraints().splitlines() == [f"{n}=={v}" for n, v in bounds.items()]
    assert python_floor() == re.search(r'^requires-python = ">=([0-9]+\.[0-9]+)"', text, re.M).group(1)


def test_a_dependency_without_a_lower_bound_is_refused_plainly(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nrequires-python = ">=3.10"\ndependencies = ["altair>=5.5.0", "pandas"]\n')
    with pytest.raises(ValueError, match="'pandas' needs exactly one lower bound"):
        declared_floors(pyproject)


def test_a_missing_interpreter_is_found_missing() -> None:
    assert find_python("2.99") is None


def test_the_readme_names_the_versions_the_course_is_tested_with() -> None:
    readme = (ROOT / "README.md").read_text().lower()
    section = readme.split("## run the notebooks", 1)[1].split("\n## ", 1)[0]
    for name, version in {**declared_floors(), "python": python_floor()}.items():
        assert f"{name} {version}" in section, f"README's 'Run the notebooks' does not name the floor {name} {version}"
    for name, version in {**COLAB_PINS, "python": COLAB_PYTHON}.items():
        assert f"{name} {version}" in section, f"README's 'Run the notebooks' does not name Colab's {name} {version}"
    for name, version in {**binder_pins(), "python": binder_python()}.items():
        assert f"{name} {version}" in section, f"README's 'Run the notebooks' does not name Binder's {name} {version}"

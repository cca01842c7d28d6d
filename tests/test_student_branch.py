"""The student branch, built into a temporary git repository from the work tree: the same input
gives the same tree, it holds no solution or instructor text, and every notebook in it runs top to
bottom in the pinned environment (this one, installed from requirements.txt) with its placeholders
unanswered, importing the course package from the branch itself."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from coursebook.editions import hidden_cells, student_notebook
from coursebook.student_branch import launch_branch, make_student_branch, repository, student_files

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = repository(ROOT)


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The student branch made from the work tree into a fresh repository, and a checkout of it."""
    repo = tmp_path_factory.mktemp("student-repo")
    _git(repo, "init", "-q")
    commit, tree, changed = make_student_branch(ROOT, None, target=repo)
    checkout = tmp_path_factory.mktemp("student-checkout")
    _git(repo, "--work-tree", str(checkout), "checkout", SETTINGS.student_branch, "--", ".")
    return {"repo": repo, "commit": commit, "tree": tree, "changed": changed, "checkout": checkout}


def test_regenerating_gives_the_same_tree_and_no_new_commit(branch: dict) -> None:
    assert branch["changed"]
    again = make_student_branch(ROOT, None, target=branch["repo"])
    assert again == (branch["commit"], branch["tree"], False)
    assert _git(branch["repo"], "rev-list", "--count", SETTINGS.student_branch).strip() == "1"


def test_branch_holds_what_a_launched_notebook_needs_and_nothing_else(branch: dict) -> None:
    files = set(_git(branch["repo"], "ls-tree", "-r", "--name-only", SETTINGS.student_branch).split())
    for needed in ("requirements.txt", "runtime.txt", "pyproject.toml", "README.md", "techdiplomacy/exercises/tasks.py",
                   "coursebook/__init__.py", "data/schemas/policy_paths_states.schema.json"):
        assert needed in files, needed
    notebooks = sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])
    assert sorted(f for f in files if f.endswith(".ipynb")) == notebooks
    assert {f.split("/")[0] for f in files} <= {"chapters", "exercises", "data", "techdiplomacy", "coursebook",
                                                 "requirements.txt", "runtime.txt", "pyproject.toml", "README.md"}
    assert not [f for f in files if f.startswith(("instructor/", "data/claims/", "tests/"))]
    for name in ("requirements.txt", "runtime.txt"):
        assert (branch["checkout"] / name).read_bytes() == (ROOT / name).read_bytes()


def _hidden_phrases() -> list[tuple[str, str]]:
    """Distinctive runs of words of every solution and instructor cell and of the instructor guide
    (a phrase a notebook also shows openly, such as a discussion question the guide repeats, is no leak)."""
    notebooks = [(p, nbformat.read(p, as_version=4)) for p in sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])]
    shown = [student_notebook(nb) for _, nb in notebooks]
    # What students have anyway is no leak: visible cells with their outputs, the data tables, and the
    # course package, whose checkers (and their feedback) a launched notebook must be able to run.
    public = [*sorted((ROOT / "data").glob("*.csv")), *sorted((ROOT / "techdiplomacy").rglob("*.py"))]
    visible = " ".join(
        [re.sub(r"\s+", " ", nbformat.writes(nb).replace("\\n", " ").replace('\\"', '"')) for nb in shown]
        + [re.sub(r"\s+", " ", p.read_text(encoding="utf-8")) for p in public]
    )
    hidden = [(path.name, cell.source) for path, notebook in notebooks for cell in hidden_cells(notebook)]
    hidden += [(f"instructor/{p.name}", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "instructor").glob("*.md"))]
    found = []
    for source, text in hidden:
        runs = re.findall(r"[A-Za-z][A-Za-z0-9 ,'()_-]{35,}", re.sub(r"\s+", " ", text))
        found += [(source, run.strip()[:40]) for run in runs if run.strip()[:40] not in visible]
    return found


def test_no_file_of_the_branch_contains_solution_or_instructor_text(branch: dict) -> None:
    phrases = _hidden_phrases()
    assert len(phrases) >= 50
    leaks = []
    for path in sorted(p for p in branch["checkout"].rglob("*") if p.is_file()):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8", errors="ignore").replace("\\n", " ").replace('\\"', '"'))
        leaks += [(str(path.relative_to(branch["checkout"])), source, phrase) for source, phrase in phrases if phrase in text]
    assert leaks == []
    for path in branch["checkout"].rglob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        assert hidden_cells(notebook) == [], path.name
        assert "{solution}" not in " ".join(c.source for c in notebook.cells), path.name


def test_install_cell_installs_the_package_from_the_student_branch(branch: dict) -> None:
    wanted = f'%pip install --quiet "techdiplomacy @ git+{SETTINGS.url}@{SETTINGS.student_branch}"'
    for path in branch["checkout"].rglob("*.ipynb"):
        first_code = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert wanted in first_code.source, path.name
    assert launch_branch("student", ROOT) == SETTINGS.student_branch != launch_branch("instructor", ROOT)


def test_exercise_notebooks_are_stamped_with_their_exercise(branch: dict) -> None:
    for path in (branch["checkout"] / "exercises").glob("*.ipynb"):
        assert nbformat.read(path, as_version=4).metadata["techdiplomacy"] == {"exercise": path.stem}


def test_the_same_commit_gives_the_same_tree(tmp_path: Path) -> None:
    first, second = student_files(ROOT, "HEAD"), student_files(ROOT, "HEAD")
    assert first == second


async def _run_all(paths: list[Path], env: dict[str, str], parallel: int = 2) -> dict[Path, nbformat.NotebookNode]:
    gate = asyncio.Semaphore(parallel)

    async def run(path: Path) -> tuple[Path, nbformat.NotebookNode]:
        notebook = nbformat.read(path, as_version=4)
        notebook.cells.append(nbformat.v4.new_code_cell("import techdiplomacy, coursebook\nprint(techdiplomacy.__file__, coursebook.__file__)"))
        client = NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": str(path.parent)}})
        async with gate:
            await client.async_execute(env=env)
        return path, notebook

    return dict(await asyncio.gather(*(run(p) for p in paths)))


def _text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
    return " ".join(parts)


def test_every_notebook_runs_top_to_bottom_with_placeholders_unanswered(branch: dict) -> None:
    checkout = branch["checkout"]
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    paths = sorted([*checkout.glob("chapters/*.ipynb"), *checkout.glob("exercises/*.ipynb")])
    executed = _run_all(paths, env)
    executed = asyncio.run(executed)
    for path, notebook in executed.items():
        name = str(path.relative_to(checkout))
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert not errors or "raises-exception" in cell.metadata.get("tags", []), f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
            if path.parent.name == "exercises" and re.match(r"^check_\w+\(\w+\)\s*$", cell.source.strip()):
                feedback = _text(cell)
                assert "Not yet" in feedback and "Correct" not in feedback, f"{name}: {cell.source.strip()} -> {feedback[:200]}"
        imported = _text(notebook.cells[-1]).split()
        assert all(Path(p).resolve().is_relative_to(checkout.resolve()) for p in imported), f"{name} imported {imported}"


def test_a_fork_points_every_install_cell_at_its_address_with_one_command(tmp_path: Path) -> None:
    from coursebook.student_branch import sync_install_cells

    for folder in ("chapters", "exercises"):
        (tmp_path / folder).mkdir()
        for path in (ROOT / folder).glob("*.ipynb"):
            (tmp_path / folder / path.name).write_bytes(path.read_bytes())
    config = (ROOT / "_config.yml").read_text(encoding="utf-8").replace(SETTINGS.url, "https://github.com/someone/fork")
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    changed = sync_install_cells(tmp_path)
    assert len(changed) == len(list(tmp_path.glob("*/*.ipynb"))) and sync_install_cells(tmp_path) == []
    for path in changed:
        before, after = (ROOT / path.parent.name / path.name).read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
        assert after == before.replace(f"git+{SETTINGS.url}", "git+https://github.com/someone/fork")

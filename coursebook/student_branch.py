"""The student branch: what a learner launched on Binder, Colab or a JupyterHub gets.

The branch (``repository.student_branch`` in ``_config.yml``, ``student`` by default) holds the
student notebooks (no ``solution`` or ``instructor`` cell), the data tables, the course package and
the Binder environment (``requirements.txt``, ``runtime.txt``), and nothing of the instructor
edition. It is generated from a commit of the source branch, never edited by hand:

    bash scripts/make-student-branch.sh            # from HEAD into the local branch ``student``
    python -m coursebook.student_branch --help     # the same, with options

The tree depends only on the source files: the same input always gives the same tree (files are
written with fixed modes and notebooks with nbformat's stable JSON). A new commit is made on top of
the branch's previous tip (local, else ``origin/<branch>``) only when the tree changes, with the
author and date of the source commit, so regenerating is repeatable and pushes fast-forward.

Every launch link of the student edition opens this branch (see :func:`launch_branch`), and the
notebooks' install cell on Colab installs the course package from it (:func:`pin_install_cell`).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from coursebook.editions import student_notebook

__all__ = [
    "INCLUDE",
    "EXCLUDE",
    "Repository",
    "launch_branch",
    "make_student_branch",
    "pin_install_cell",
    "repository",
    "stamp_exercise",
    "student_files",
    "sync_install_cells",
    "student_tree",
]

ROOT = Path(__file__).resolve().parent.parent

#: What the branch holds (glob patterns on repository paths); everything else stays on the source branch.
INCLUDE = (
    "chapters/*.ipynb",
    "exercises/*.ipynb",
    "data/*.csv",
    "data/schemas/*.json",
    "techdiplomacy/*.py",
    "techdiplomacy/*/*.py",
    "techdiplomacy/*/*/*.py",
    "coursebook/*.py",
    "coursebook/static/coursebook/*",
    "pyproject.toml",
    "requirements.txt",
    "runtime.txt",
)
#: Never in the branch, even if a pattern above matches (the instructor guide, the claims ledger).
EXCLUDE = ("instructor/*", "data/claims/*")

#: Notebook metadata that names an exercise notebook's exercise (the grader compares it with the cells).
STAMP_KEY = "techdiplomacy"

_INSTALL = re.compile(r'(%pip install --quiet "techdiplomacy @ git\+)([^"@]+)(?:@[^"]*)?(")')

README = """# {title}: student notebooks

This branch is generated from the course's source branch by `scripts/make-student-branch.sh`;
do not edit it by hand. It holds the student edition of the chapter and exercise notebooks
(without solutions or instructor notes), the data tables, the `techdiplomacy` package and the
Binder environment (`requirements.txt`, `runtime.txt`).

Open a notebook with the rocket button of the book, or on Binder:
{binder}/v2/gh/{repo}/{branch}?urlpath=lab/tree/chapters/policy_paths.ipynb
"""


@dataclass(frozen=True)
class Repository:
    """The repository behind the launch links, read from ``_config.yml`` (the one place it is set)."""

    url: str
    source_branch: str
    student_branch: str
    binderhub_url: str
    title: str
    author: str = ""

    @property
    def slug(self) -> str:
        """``org/name`` of a GitHub address."""
        return re.sub(r"^https?://[^/]+/", "", self.url).strip("/").removesuffix(".git")


def repository(root: Path = ROOT) -> Repository:
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    repo = config["repository"]
    return Repository(
        url=repo["url"].rstrip("/"),
        source_branch=repo.get("branch", "main"),
        student_branch=repo.get("student_branch", "student"),
        binderhub_url=config.get("launch_buttons", {}).get("binderhub_url", "https://mybinder.org").rstrip("/"),
        title=config.get("title", "Course"),
        author=str(config.get("author", "")),
    )


def launch_branch(edition: str, root: Path = ROOT) -> str:
    """The branch the launch links of ``edition`` open: the student branch for the student
    edition, the source branch (with the solutions) for the instructor edition."""
    settings = repository(root)
    return settings.student_branch if edition == "student" else settings.source_branch


def pin_install_cell(notebook: nbformat.NotebookNode, url: str, branch: str) -> nbformat.NotebookNode:
    """Make the install cell (Colab, a hub) install the course package from ``url@branch``."""
    for cell in notebook.cells:
        if cell.cell_type == "code" and "techdiplomacy @ git+" in cell.source:
            cell.source = _INSTALL.sub(lambda m: f"{m.group(1)}{url}@{branch}{m.group(3)}", cell.source)
    return notebook


def stamp_exercise(notebook: nbformat.NotebookNode, topic: str) -> nbformat.NotebookNode:
    """Record in the notebook's metadata which exercise it is (the grader checks it against the cells)."""
    notebook.metadata[STAMP_KEY] = {"exercise": topic}
    return notebook


#: The line an assessment edition's setup cell starts with (see techdiplomacy.exercises.tasks.assessment_mode).
ASSESSMENT_LINE = ('import os; os.environ["TECHDIPLOMACY_ASSESSMENT"] = "1"  '
                   "# assigned for assessment: the checks below give format feedback only\n")


def assess_exercise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Assign an exercise notebook in assessment mode: its checks of searchable tasks give format feedback only.

    Sets ``techdiplomacy.assessment`` in the metadata and switches the mode on in the first code cell.
    Grade such notebooks with ``scripts/grade.sh DIR --assessment``.
    """
    notebook.metadata.setdefault(STAMP_KEY, {})["assessment"] = True
    first = next((c for c in notebook.cells if c.cell_type == "code"), None)
    if first is not None and ASSESSMENT_LINE not in first.source:
        first.source = ASSESSMENT_LINE + first.source
    return notebook


def sync_install_cells(root: Path = ROOT) -> list[Path]:
    """Point the install cell of every source notebook at ``repository.url`` (after forking the
    course); returns the notebooks changed. Only that address changes, byte for byte."""
    url, changed = repository(root).url, []
    for path in sorted([*root.glob("chapters/*.ipynb"), *root.glob("exercises/*.ipynb")]):
        text = path.read_text(encoding="utf-8")
        new = re.sub(r'(techdiplomacy @ git\+)[^"\\@]+', lambda m: m.group(1) + url, text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def _selected(path: str) -> bool:
    return any(fnmatch.fnmatchcase(path, p) for p in INCLUDE) and not any(fnmatch.fnmatchcase(path, p) for p in EXCLUDE)


def _git(root: Path, *args: str, input: bytes | None = None, env: dict | None = None) -> bytes:
    done = subprocess.run(["git", *args], cwd=root, input=input, capture_output=True, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def _source_files(root: Path, ref: str | None) -> dict[str, bytes]:
    """Every selected file of the commit ``ref``, or of the work tree (tracked and new files) if ``ref`` is None."""
    if ref is None:
        listed = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").decode().split("\0")
        return {p: (root / p).read_bytes() for p in sorted(set(listed)) if p and _selected(p) and (root / p).is_file()}
    listed = _git(root, "ls-tree", "-r", "-z", "--name-only", ref).decode().split("\0")
    return {p: _git(root, "show", f"{ref}:{p}") for p in sorted(listed) if p and _selected(p)}


def student_files(root: Path = ROOT, ref: str | None = "HEAD", assessment: bool = False) -> dict[str, bytes]:
    """The files of the student branch made from ``ref`` (None: the work tree), by path
    (``assessment``: the exercises assigned in assessment mode, see :func:`assess_exercise`)."""
    settings = repository(root)
    files = {}
    for path, content in _source_files(root, ref).items():
        if path.endswith(".ipynb"):
            notebook = student_notebook(nbformat.reads(content.decode("utf-8"), as_version=4))
            pin_install_cell(notebook, settings.url, settings.student_branch)
            if path.startswith("exercises/"):
                stamp_exercise(notebook, Path(path).stem)
                if assessment:
                    assess_exercise(notebook)
            content = (nbformat.writes(notebook) + "\n").encode("utf-8")
        files[path] = content
    files["README.md"] = README.format(
        title=settings.title, binder=settings.binderhub_url, repo=settings.slug, branch=settings.student_branch
    ).encode("utf-8")
    return files


def student_tree(files: dict[str, bytes], git_dir: Path) -> str:
    """Write ``files`` as a tree object into the repository at ``git_dir``; return the tree's id."""
    with tempfile.TemporaryDirectory() as scratch:
        env = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
        entries = []
        for path, content in sorted(files.items()):
            blob = _git(git_dir, "hash-object", "-w", "--stdin", input=content).decode().strip()
            entries.append(f"100644 {blob}\t{path}")
        _git(git_dir, "update-index", "--add", "--index-info", input=("\n".join(entries) + "\n").encode(), env=env)
        return _git(git_dir, "write-tree", env=env).decode().strip()


def _resolve(git_dir: Path, ref: str) -> str | None:
    done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=git_dir, capture_output=True, text=True)
    return done.stdout.strip() or None


def make_student_branch(root: Path = ROOT, ref: str | None = "HEAD", target: Path | None = None,
                        branch: str | None = None, assessment: bool = False) -> tuple[str, str, bool]:
    """Generate the student branch from ``ref`` of the repository at ``root`` into the repository
    ``target`` (default: the same). Returns ``(commit, tree, changed)``."""
    target = target or root
    branch = branch or repository(root).student_branch
    tree = student_tree(student_files(root, ref, assessment), target)
    parent = _resolve(target, f"refs/heads/{branch}") or _resolve(target, f"refs/remotes/origin/{branch}")
    if parent and _git(target, "rev-parse", f"{parent}^{{tree}}").decode().strip() == tree:
        _git(target, "update-ref", f"refs/heads/{branch}", parent)
        return parent, tree, False
    source = _resolve(root, ref or "HEAD")
    env = {"GIT_AUTHOR_NAME": "Course publisher", "GIT_AUTHOR_EMAIL": "course-publisher@users.noreply.github.com"}
    if source:
        date = _git(root, "show", "-s", "--format=%cI", source).decode().strip()
        message = f"Student edition of {source[:12]}\n\nGenerated by scripts/make-student-branch.sh; do not edit.\n"
    else:
        date, message = "2026-01-01T00:00:00Z", "Student edition\n\nGenerated by scripts/make-student-branch.sh; do not edit.\n"
    env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_COMMITTER_NAME=env["GIT_AUTHOR_NAME"],
               GIT_COMMITTER_EMAIL=env["GIT_AUTHOR_EMAIL"])
    args = ["commit-tree", tree, *(["-p", parent] if parent else [])]
    commit = _git(target, *args, input=message.encode(), env=env).decode().strip()
    _git(target, "update-ref", f"refs/heads/{branch}", commit)
    return commit, tree, True


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make-student-branch", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="source commit (default HEAD); --ref WORKTREE uses the uncommitted files")
    parser.add_argument("--branch", default=None, help="branch to write (default: repository.student_branch of _config.yml)")
    parser.add_argument("--push", metavar="REMOTE", default=None, help="push the branch to REMOTE afterwards (e.g. origin)")
    parser.add_argument("--sync-install-cells", action="store_true",
                        help="only point the source notebooks' install cell at repository.url (after forking)")
    parser.add_argument("--assessment", action="store_true",
                        help="assign the exercises in assessment mode (their checks give format feedback only; "
                             "grade with scripts/grade.sh DIR --assessment); use with --branch, e.g. --branch assessment")
    options = parser.parse_args(arguments)
    if options.sync_install_cells:
        changed = sync_install_cells(ROOT)
        print(f"updated the install cell of {len(changed)} notebooks" if changed else "install cells already in step")
        return 0
    ref = None if options.ref == "WORKTREE" else options.ref
    branch = options.branch or repository(ROOT).student_branch
    commit, tree, changed = make_student_branch(ROOT, ref, branch=branch, assessment=options.assessment)
    print(f"{branch}: {commit} (tree {tree}){'' if changed else ', unchanged'}")
    if options.push:
        _git(ROOT, "push", options.push, f"refs/heads/{branch}:refs/heads/{branch}")
        print(f"pushed {branch} to {options.push}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

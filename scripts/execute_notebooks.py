"""Execute notebooks in place so their committed outputs are current (nbval compares them).

Usage: python scripts/execute_notebooks.py [NOTEBOOK ...]   (default: every chapter and exercise)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    notebook.metadata.pop("widgets", None)  # live widget state is not part of the course
    nbformat.write(notebook, path)
    print(f"executed {path.relative_to(ROOT)}")


def main(arguments: list[str]) -> int:
    paths = [Path(a).resolve() for a in arguments] or sorted(
        [*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")]
    )
    for path in paths:
        execute(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

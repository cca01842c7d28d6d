"""The pages the book must contain, read from ``_toc.yml``."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _files(entries: list[dict]) -> list[str]:
    found = []
    for entry in entries:
        if "file" in entry:
            found.append(entry["file"])
        for key in ("sections", "chapters"):
            found += _files(entry.get(key, []))
    return found


def toc_documents() -> list[str]:
    """Every document named in the table of contents (without extension), root first."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    documents = [toc["root"]]
    for part in toc.get("parts", []):
        documents += _files(part.get("chapters", []))
    documents += _files(toc.get("chapters", []))
    return documents


def toc_pages() -> list[str]:
    """The HTML page of every document in the table of contents."""
    return [f"{doc}.html" for doc in toc_documents()]


def notebook_documents() -> list[str]:
    return [doc for doc in toc_documents() if (ROOT / f"{doc}.ipynb").exists()]


#: The single-page print version, built beside the book.
PRINT_PAGE = "print/index.html"


def site_pages() -> list[str]:
    """Every page a reader can open: the book's pages and the print version."""
    return [*toc_pages(), PRINT_PAGE]

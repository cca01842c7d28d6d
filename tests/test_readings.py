"""The readings can be found: the welcome page and the bibliography give the full reference and a
link for each of the five essays, ``references.bib`` has a URL for each, and the welcome page's
"What you will study" table lists every page of the book's chapters (the numbered part of
``_toc.yml``, the summit included)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]

#: Each essay: its bib key, a distinctive piece of its title and the address that must be linked.
ESSAYS = {
    "feijoo2020": ("Harnessing artificial intelligence", "doi.org/10.1016/j.telpol.2020.101988"),
    "han2023": ("ROK-U.S. AI Cooperation Needs Real Reciprocity",
                "nationalinterest.org/blog/korea-watch/rok-us-ai-cooperation-needs-real-reciprocity-206775"),
    "powerrelations2024": ("State-to-State Power Relations", "strategianews.net/"),
    "minilateralism2024": ("International Tech Cooperation in 2024", "thenewppt.substack.com/"),
    "baek2023": ("Regional Cooperation in the Era of Digital Transition", "thepacific.org/index.php/Blog/single/id/1134.html"),
}
EXPERTS = ("pantuliano2024", "weiss2024", "meserole2024", "filer2024")
_LINK = re.compile(r"https?://[^\s)>\]]+")


def readings_section(path: Path) -> str:
    """The text of the ``## Readings`` section of ``path`` (up to the next heading of level 1 or 2)."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^## Readings\s*$(.*?)(?=^#{1,2} |\Z)", text, re.M | re.S)
    assert match, f"{path.name} has no '## Readings' section"
    return match.group(1)


def reading_items(section: str) -> list[str]:
    return [item for item in re.split(r"\n(?=- )", section) if item.startswith("- ")]


def missing_readings(section: str) -> list[str]:
    """The essays whose title does not appear in an item of ``section`` that links their address."""
    items = reading_items(section)
    missing = []
    for key, (title, address) in ESSAYS.items():
        if not any(title.lower() in " ".join(item.split()).lower()
                   and any(address in link for link in _LINK.findall(item)) for item in items):
            missing.append(f"{key} ({title!r} with a link to {address})")
    return missing


@pytest.mark.parametrize("page", ["index.md", "bibliography.md"])
def test_readings_give_each_essay_with_a_link(page: str) -> None:
    missing = missing_readings(readings_section(REPO / page))
    assert not missing, f"{page}: the Readings section lacks a reference with its link for: " + "; ".join(missing)


def bib_entries() -> dict[str, str]:
    text = (REPO / "references.bib").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"@\w+\{(\w+),(.*?)\n\}", text, re.S)}


def test_bibliography_entries_have_urls_and_named_authors() -> None:
    entries = bib_entries()
    problems = []
    for key in [*ESSAYS, *EXPERTS]:
        body = entries.get(key)
        if body is None:
            problems.append(f"{key}: no entry")
            continue
        if not re.search(r"^\s*url\s*=\s*\{https?://", body, re.M):
            problems.append(f"{key}: no url field")
        if "anonymous" in body.lower():
            problems.append(f"{key}: author given as Anonymous")
    assert not problems, "references.bib: " + "; ".join(problems)


def chapter_pages() -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    return [c["file"] for part in toc["parts"] if part.get("numbered") for c in part["chapters"]]


def study_table(text: str) -> str:
    match = re.search(r"^## What you will study\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, "index.md has no 'What you will study' section"
    return match.group(1)


def missing_pages(table: str, pages: list[str]) -> list[str]:
    rows = [line for line in table.splitlines() if line.startswith("|")]
    linked = {m.group(1) for row in rows for m in re.finditer(r"\]\(([^)#]+?)(?:\.ipynb|\.md)\)", row)}
    return [page for page in pages if page not in linked]


def test_welcome_table_lists_every_chapter_page() -> None:
    pages = chapter_pages()
    assert "chapters/summit" in pages, "the summit page should be in _toc.yml's numbered part"
    missing = missing_pages(study_table((REPO / "index.md").read_text(encoding="utf-8")), pages)
    assert not missing, f"index.md's 'What you will study' table does not link: {', '.join(missing)}"


# --- the checks can fail -----------------------------------------------------------------------


def test_a_reading_without_its_link_is_caught() -> None:
    section = readings_section(REPO / "index.md")
    broken = section.replace("thepacific.org/index.php", "example.org/index.php")
    assert missing_readings(section) == []
    assert [m.split()[0] for m in missing_readings(broken)] == ["baek2023"]


def test_a_page_missing_from_the_table_is_caught() -> None:
    table = "| [Policy paths](chapters/policy_paths.ipynb) | x | y |\n"
    assert missing_pages(table, ["chapters/policy_paths", "chapters/summit"]) == ["chapters/summit"]

"""The summit's kit sits in the right editions, and the course's plans agree with the summit."""

from __future__ import annotations

import re

import nbformat
import yaml

from coursebook.build import ROOT
from coursebook.editions import INSTRUCTOR_PAGES, instructor_toc
from techdiplomacy.models import summit as model


def _toc_files(toc: dict) -> list[str]:
    found = []

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections", []) + entry.get("chapters", []))

    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    return found


def test_briefs_are_in_the_student_edition_and_the_kit_only_in_the_instructor_edition() -> None:
    student = _toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text()))
    assert "chapters/summit_briefs" in student and "instructor/summit_kit" not in student
    assert "instructor/summit_kit" in INSTRUCTOR_PAGES
    assert "instructor/summit_kit" in _toc_files(instructor_toc(yaml.safe_load((ROOT / "_toc.yml").read_text())))


def test_one_printable_brief_per_delegation_with_its_controls() -> None:
    text = (ROOT / "chapters" / "summit_briefs.md").read_text(encoding="utf-8")
    briefs = re.split(r":::\{div\} summit-brief\n", text)[1:]
    assert len(briefs) == len(model.DELEGATIONS)
    for (key, label), brief in zip(model.DELEGATIONS.items(), briefs):
        assert brief.startswith(f"## {label}\n")
        for spec in (s for s in model.INPUTS if s.delegation == key):
            assert f"**{spec.label}**" in brief, (key, spec.label)
        assert "**What to prepare:**" in brief and "**Your chapter:**" in brief and "| The choice we will defend |" in brief
    css = (ROOT / "coursebook" / "static" / "coursebook" / "summit.css").read_text(encoding="utf-8")
    assert re.search(r"@media print\s*\{\s*\.summit-brief\s*\{\s*break-before: page;", css)


def _minutes(kit: str) -> list[tuple[int, int, int]]:
    return [(int(a), int(b), int(n)) for a, b, n in re.findall(r"^\| (\d+)–(\d+) \| (\d+) \|", kit, re.M)]


def test_the_script_adds_up_to_90_minutes_with_time_to_enter_choices() -> None:
    kit = (ROOT / "instructor" / "summit_kit.md").read_text(encoding="utf-8")
    rows = _minutes(kit)
    assert rows[0][0] == 0 and rows[-1][1] == 90 and sum(n for *_, n in rows) == 90
    assert all(b - a == n for a, b, n in rows) and all(rows[i][1] == rows[i + 1][0] for i in range(len(rows) - 1))
    assert "entering choices" in kit and "What the facilitator says" in kit
    for needed in ("## Six to twelve teams", "## Proposal form", "## Proposal summary sheet", "## Communiqué template",
                   "## Debrief questions, one per chapter"):
        assert needed in kit
    for teams in range(6, 13):
        assert re.search(rf"^\| {teams} \|", kit, re.M), f"no advice for {teams} teams"
    for number, title, _ in model.CHAPTERS.values():
        assert f"*{title} (chapter {number}):*" in kit


def test_syllabus_rubrics_guide_and_chapter_9_agree_on_one_capstone() -> None:
    syllabus = (ROOT / "instructor" / "syllabus.md").read_text(encoding="utf-8")
    assert "the summit" in syllabus.lower() and "summit_kit.md" in syllabus and "90-minute" in syllabus
    assert "Capstone role-play |" not in syllabus.replace("The summit: the capstone role-play |", "")
    assert "summit" in (ROOT / "instructor" / "rubrics.md").read_text(encoding="utf-8")
    assert "summit_kit.md" in (ROOT / "instructor" / "guide.md").read_text(encoding="utf-8")
    chapter = nbformat.read(ROOT / "chapters" / "technology_diplomacy.ipynb", as_version=4)
    text = " ".join(c.source for c in chapter.cells if c.cell_type == "markdown")
    assert "played once, as [the summit](summit.ipynb), in one 90-minute class" in text
    assert "two hours for the capstone" not in text

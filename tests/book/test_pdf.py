"""The book as one PDF to hand out: built with the site, linked from the welcome page, every chapter
in it and its charts drawn (as vector drawings with their text); page numbers on every page after the
cover and a contents page that gives them right; each bookmark once; no dead form control; the
exercises as tasks with room to answer and no placeholder feedback. Read with pypdf."""

from __future__ import annotations

import collections
import json
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from book_pages import toc_documents
from coursebook.pdf import PDF_NAME, published_url

pytestmark = pytest.mark.book


@pytest.fixture(scope="module")
def pdf(html_dir: Path) -> PdfReader:
    path = html_dir / PDF_NAME
    assert path.is_file(), "the site build prints the PDF (coursebook.pdf)"
    return PdfReader(path)


@pytest.fixture(scope="module")
def page_texts(pdf: PdfReader) -> list[str]:
    """Each page's text, ligatures (ﬁ, ﬀ) spelt out."""
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in pdf.pages]


@pytest.fixture(scope="module")
def text(page_texts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(page_texts))


def test_welcome_page_links_the_pdf(html_dir: Path) -> None:
    assert f'href="{PDF_NAME}"' in (html_dir / "index.html").read_text(encoding="utf-8")


def test_pdf_holds_every_chapter(pdf: PdfReader, text: str) -> None:
    assert len(pdf.pages) >= 3 * len(toc_documents())
    for title in ("Policy paths", "Reciprocity", "Minilateralism", "Bibliography"):
        assert title in text
    assert [item.title for item in pdf.outline if not isinstance(item, list)], "a bookmark per chapter"


def _chart_specs(html_dir: Path) -> list[dict]:
    page = (html_dir / "print" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script[^>]*class="coursebook-chart__spec"[^>]*>(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


def _axis_titles(spec: object) -> set[str]:
    found = set()
    if isinstance(spec, dict):
        encoding = spec.get("encoding", {})
        for channel in ("x", "y"):
            title = encoding.get(channel, {}).get("title") if isinstance(encoding.get(channel), dict) else None
            if isinstance(title, str) and len(title) > 3:
                found.add(title)
        for value in spec.values():
            found |= _axis_titles(value)
    elif isinstance(spec, list):
        for value in spec:
            found |= _axis_titles(value)
    return found


def test_charts_are_drawn_in_the_pdf(html_dir: Path, pdf: PdfReader, text: str) -> None:
    specs = _chart_specs(html_dir)
    assert len(specs) >= 9, "the print page has the book's charts"
    # Drawn charts are vector graphics: pages full of stroked, coloured paths.
    drawn_pages = 0
    for page in pdf.pages:
        contents = page.get_contents()
        operators = collections.Counter(op for _, op in contents.operations) if contents is not None else {}
        drawn_pages += operators.get(b"RG", 0) >= 40
    assert drawn_pages >= len(specs) // 2, f"{drawn_pages} pages with chart drawings for {len(specs)} charts"
    # ... and the charts' own text (axis titles, drawn only by Vega) is in the PDF.
    titles = set().union(*(_axis_titles(spec) for spec in specs))
    assert titles
    missing = sorted(title for title in titles if title not in text)
    assert len(missing) <= len(titles) // 5, f"axis titles not in the PDF: {missing}"


# --- A handout: page numbers, contents, bookmarks, no dead controls, exercises to do on paper ---


def _margin_texts(page) -> tuple[list[str], list[str]]:  # noqa: ANN001 - a pypdf page
    """The text in the page's bottom and top margins (page number, running head), by position."""
    bottom, top = [], []
    height = float(page.mediabox.height)

    def visit(text: str, cm: list, tm: list, font: object, size: object) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if y < 15 * 72 / 25.4:
                bottom.append(text.strip())
            elif y > height - 17 * 72 / 25.4:
                top.append(text.strip())

    page.extract_text(visitor_text=visit)
    return bottom, top


def test_every_page_after_the_cover_has_its_number(pdf: PdfReader) -> None:
    assert _margin_texts(pdf.pages[0]) == ([], []), "the cover has no page number or running head"
    wrong = [index + 1 for index, page in enumerate(pdf.pages) if index and _margin_texts(page)[0] != [str(index + 1)]]
    assert not wrong, f"pages without their number at the foot: {wrong[:20]}"


def test_running_heads_name_the_chapter(pdf: PdfReader, page_texts: list[str]) -> None:
    heads = [" ".join(_margin_texts(page)[1]) for page in pdf.pages]
    with_head = [head for head in heads if head]
    assert len(with_head) >= len(pdf.pages) // 2, "most pages carry a running head"
    assert all(head.startswith("AI Technology Diplomacy") for head in with_head)
    assert any("Reciprocity" in head for head in with_head) and any("Exercise: power relations" in head for head in with_head)


def _outline(pdf: PdfReader, items: list | None = None, depth: int = 0) -> list[tuple[int, str, int]]:
    found = []
    for item in pdf.outline if items is None else items:
        if isinstance(item, list):
            found += _outline(pdf, item, depth + 1)
        else:
            found.append((depth, item.title, pdf.get_destination_page_number(item)))
    return found


def test_bookmarks_are_not_doubled(pdf: PdfReader) -> None:
    outline = _outline(pdf)
    titles = [title for _, title, _ in outline]
    assert len(outline) >= 3 * len(toc_documents()), "bookmarks for the chapters and their sections"
    doubled = [t for t in titles if re.fullmatch(r"(.+?)\s*\1", t) or re.match(r"(\d+(\.\d+)*\.)\s+\1", t)]
    assert not doubled, f"bookmark titles that repeat themselves: {doubled}"
    repeated = [entry for entry, count in collections.Counter((t, p) for _, t, p in outline).items() if count > 1]
    assert not repeated, f"the same bookmark twice: {repeated}"
    chapters = [title for depth, title, _ in outline if depth == 1 and re.match(r"\d+\. ", title)]
    assert len(chapters) == len(set(chapters)) >= 9, chapters
    assert [title for depth, title, _ in outline if depth == 0][:2] == ["Cover", "Contents"]


def test_contents_page_gives_each_chapter_its_page(pdf: PdfReader, page_texts: list[str]) -> None:
    contents = page_texts[1]
    assert contents.lstrip().startswith("Contents")
    chapters = [(title, page) for depth, title, page in _outline(pdf) if depth == 1]
    assert len(chapters) >= len(toc_documents()) - 2
    for title, page in chapters:
        line = re.search(rf"^{re.escape(title)}\s*(\d+)\s*$", contents, re.M)
        assert line, f"{title!r} is not in the contents with a page number"
        assert int(line.group(1)) == page + 1, f"{title!r}: contents say {line.group(1)}, the chapter starts on {page + 1}"
        assert title in re.sub(r"\s+", " ", page_texts[page]), f"{title!r} is not on page {page + 1}"


def _controls(spec: object) -> list[tuple[str, str, str]]:
    """(input, label, the value it shows first) of every bound control of a chart."""
    found = []
    if isinstance(spec, dict):
        bind = spec.get("bind")
        if isinstance(bind, dict) and bind.get("name"):
            value = spec.get("value")
            options, labels = bind.get("options") or [], bind.get("labels") or []
            shown = labels[options.index(value)] if value in options and len(labels) == len(options) else value
            found.append((bind.get("input", ""), bind["name"].strip(), str(shown)))
        for item in spec.values():
            found += _controls(item)
    elif isinstance(spec, list):
        for item in spec:
            found += _controls(item)
    return found


def test_no_form_control_is_printed(html_dir: Path, pdf: PdfReader, page_texts: list[str]) -> None:
    assert "/AcroForm" not in pdf.trailer["/Root"]
    widgets = [a for page in pdf.pages for a in (page.get("/Annots") or []) if a.get_object().get("/Subtype") == "/Widget"]
    assert not widgets
    lines = [line.strip() for page in page_texts for line in page.splitlines() if line.strip()]
    specs = [_controls(spec) for spec in _chart_specs(html_dir)]
    assert sum(map(len, specs)) >= 10, "the book's charts have sliders and menus"
    # A printed slider or menu reads "<label> <value>"; printed checkboxes, their labels one per line.
    printed = [f"{label} {shown}" for controls in specs for kind, label, shown in controls if kind != "checkbox"]
    assert not [line for line in lines if line in printed], "sliders or menus printed as dead controls"
    for controls in specs:
        boxes = [label for kind, label, _ in controls if kind == "checkbox"]
        if len(boxes) >= 2:
            runs = ["\n".join(lines[i : i + len(boxes)]) for i in range(len(lines))]
            assert "\n".join(boxes) not in runs, f"checkboxes printed: {boxes}"


def test_interactive_charts_give_their_web_address(html_dir: Path, text: str) -> None:
    interactive = sum(1 for spec in _chart_specs(html_dir) if _controls(spec))
    notes = re.findall(r"sliders and menus change it: (\S+)", text)
    assert len(notes) == interactive, f"{len(notes)} notes for {interactive} charts with controls"
    assert all(note.startswith(published_url()) and note.endswith(".html") for note in notes), notes[:3]


def test_exercises_are_tasks_to_do_on_paper(text: str, page_texts: list[str]) -> None:
    assert "Not yet" not in text, "placeholder feedback of the checks is printed"
    checks = [line for page in page_texts for line in page.splitlines() if re.fullmatch(r"\s*(print\()?check_\w+\(\w+\)\)?\s*", line)]
    assert not checks, f"check cells are printed: {checks[:5]}"
    exercises = len([doc for doc in toc_documents() if doc.startswith("exercises/")])
    assert text.count("Your answer") >= 3 * exercises, "a box to write in for each task"


def test_pdf_is_a_handout_not_a_page_dump(pdf: PdfReader) -> None:
    # README ("Open the book") says how long it is and why; keep it a size an instructor would print.
    assert len(pdf.pages) <= 200, f"{len(pdf.pages)} pages"

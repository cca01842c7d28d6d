"""The book as one PDF: built with the site, linked from the welcome page, every chapter in it and
its charts drawn (as vector drawings with their text)."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from book_pages import toc_documents
from coursebook.pdf import PDF_NAME

pytestmark = pytest.mark.book


@pytest.fixture(scope="module")
def pdf(html_dir: Path) -> PdfReader:
    path = html_dir / PDF_NAME
    assert path.is_file(), "the site build prints the PDF (coursebook.pdf)"
    return PdfReader(path)


def test_welcome_page_links_the_pdf(html_dir: Path) -> None:
    assert f'href="{PDF_NAME}"' in (html_dir / "index.html").read_text(encoding="utf-8")


def test_pdf_holds_every_chapter(pdf: PdfReader) -> None:
    assert len(pdf.pages) >= 3 * len(toc_documents())
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
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


def test_charts_are_drawn_in_the_pdf(html_dir: Path, pdf: PdfReader) -> None:
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
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    titles = set().union(*(_axis_titles(spec) for spec in specs))
    assert titles
    missing = sorted(title for title in titles if title not in text)
    assert len(missing) <= len(titles) // 5, f"axis titles not in the PDF: {missing}"

"""The whole book as one PDF file, with its charts drawn.

Headless Chromium opens the single-page print version (``print/index.html``, see
:func:`coursebook.build.install_print_version`) from disk, waits until every chart is drawn and
the mathematics typeset, and prints it with Playwright's ``page.pdf()`` (A4, with a bookmark per
heading). The charts are SVG, so the PDF holds them as vector drawings with their text.

Jupyter Book 1.0.4's own ``pdfhtml`` builder prints in the same way, but it builds the single page a
second time and launches only a Chromium downloaded by ``playwright install``; this module prints
the page the book already has, in the Chromium the tests use (Debian's ``chromium``, or
``COURSE_CHROMIUM``), and waits for the charts.

    python -m coursebook.pdf [HTML_DIR]     # default _build/html -> _build/html/<PDF_NAME>
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "PDF_NAME", "chromium_path", "print_pdf"]

ROOT = Path(__file__).resolve().parent.parent
#: The file name of the PDF inside the built book (the welcome page links it).
PDF_NAME = "ai-technology-diplomacy.pdf"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
#: Print tweaks: no chart scrolls sideways, figures and code cells are not cut across pages.
PRINT_CSS = """
figure.coursebook-chart { overflow: visible !important; break-inside: avoid; }
figure.coursebook-chart svg { max-width: 100%; height: auto; }
div.cell_input, div.cell_output { break-inside: avoid; }
pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
"""


def chromium_path() -> str | None:
    """``COURSE_CHROMIUM``, else the first Chromium or Chrome on the path."""
    if os.environ.get("COURSE_CHROMIUM"):
        return os.environ["COURSE_CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    return None


def print_pdf(html_dir: Path, output: Path | None = None, timeout_ms: int = 120_000) -> Path:
    """Print ``html_dir/print/index.html`` to ``output`` (default ``html_dir/PDF_NAME``)."""
    from playwright.sync_api import sync_playwright

    page_path = (html_dir / "print" / "index.html").resolve()
    if not page_path.is_file():
        raise FileNotFoundError(f"{page_path} is missing: build the book first (scripts/build-book.sh).")
    output = output or html_dir / PDF_NAME
    executable = chromium_path()
    if executable is None:
        raise RuntimeError("No Chromium found: install Debian's chromium (scripts/test.sh does) or set COURSE_CHROMIUM.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            # An A4 page is about 794 CSS pixels wide: lay the page (and size the charts) for it.
            context = browser.new_context(viewport={"width": 800, "height": 1100}, color_scheme="light")
            page = context.new_page()
            page.emulate_media(media="print", color_scheme="light")
            page.goto(page_path.as_uri(), wait_until="load", timeout=timeout_ms)
            page.wait_for_function(
                "Array.from(document.querySelectorAll('figure.coursebook-chart')).every(f => f.dataset.rendered === 'true')",
                timeout=timeout_ms,
            )
            page.evaluate("() => (window.MathJax && MathJax.startup && MathJax.startup.promise) || null")
            page.add_style_tag(content=PRINT_CSS)
            page.pdf(path=str(output), format="A4", print_background=True, outline=True, tagged=True,
                     margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
        finally:
            browser.close()
    return output


def main(arguments: list[str]) -> int:
    html_dir = Path(arguments[0]) if arguments else ROOT / "_build" / "html"
    print(f"wrote {print_pdf(html_dir)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

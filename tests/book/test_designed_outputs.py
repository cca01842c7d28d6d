"""The student edition reads as a designed book, not a notebook dump (issue 18).

On every page, in Chromium: no code input is visible unless its "Show code" toggle is opened; no
output shows a Python value's repr (``Name(field=...)``, ``dtype:``, a bare ``True``/``False``, a
list of snake_case keys); no visible table header or cell holds a snake_case key; every chart's
text lies inside the chart. On a 390 px phone no chart content lies outside the screen unless its
box scrolls sideways (and says so).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from book.test_browser import browser  # noqa: F401 - the shared fixture
from book_pages import toc_pages

pytestmark = [pytest.mark.book, pytest.mark.browser]

#: Python reprs that must not reach a page.
REPRS = {
    "a named tuple or dataclass": re.compile(r"\b[A-Z]\w*\(\w+=[^)]"),
    "a pandas dtype line": re.compile(r"\bdtype: \w+"),
    "a bare True or False": re.compile(r"^\s*(True|False)\s*$"),
    "a list of keys": re.compile(r"\[\s*'[a-z][a-z0-9]*(?:_[a-z0-9]+)+'"),
    "a dictionary of keys": re.compile(r"\{\s*'[a-z][a-z0-9]*(?:_[a-z0-9]+)*':"),
}
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _open(browser: Browser, base: str, path: str, width: int, color_scheme: str = "light") -> tuple[object, Page]:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=color_scheme,
                                  is_mobile=width < 500)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:")) else r.abort())
    page.goto(f"{base}/{path}", wait_until="load")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('figure.coursebook-chart')).every(f => f.dataset.rendered === 'true')",
        timeout=30_000,
    )
    return context, page


def visible_code_inputs(page: Page) -> int:
    return page.evaluate("""Array.from(document.querySelectorAll('.cell_input, div.highlight-ipython3'))
        .filter(e => !e.closest('details:not([open])') && e.checkVisibility()).length""")


def output_texts(page: Page) -> list[str]:
    """The visible text of each code cell output block."""
    return page.evaluate("""Array.from(document.querySelectorAll('.cell_output > .output, .cell_output > div'))
        .filter(e => e.checkVisibility() && !e.closest('figure.coursebook-chart'))
        .map(e => e.innerText)""")


def table_texts(page: Page) -> list[str]:
    """The visible text of every table header and cell (code literals written on purpose excluded)."""
    return page.evaluate("""Array.from(document.querySelectorAll('table th, table td'))
        .filter(c => c.checkVisibility())
        .map(c => { const copy = c.cloneNode(true); copy.querySelectorAll('code, pre').forEach(n => n.remove());
                    return copy.innerText.trim(); })""")


def clipped_chart_texts(page: Page) -> list[str]:
    """Chart texts whose box lies outside their chart's drawing (cut off at its edge)."""
    return page.evaluate("""Array.from(document.querySelectorAll('figure.coursebook-chart .coursebook-chart__view svg'))
        .flatMap(svg => { const box = svg.getBoundingClientRect();
          return Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim()).filter(t => {
            const r = t.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
          }).map(t => `${svg.closest('figure').id}: "${t.textContent.trim()}"`); })""")


def off_screen_charts(page: Page) -> list[str]:
    """Charts whose drawing reaches beyond the screen without a box that scrolls to show it."""
    return page.evaluate("""Array.from(document.querySelectorAll('figure.coursebook-chart')).filter(f => {
          const svg = f.querySelector('.coursebook-chart__view svg'); if (!svg) return false;
          const r = svg.getBoundingClientRect();
          const scrolls = f.scrollWidth > f.clientWidth + 1 && getComputedStyle(f).overflowX === 'auto'
                          && f.getAttribute('tabindex') === '0' && f.classList.contains('is-scrollable');
          return (r.right > window.innerWidth + 1 || r.left < -1) && !scrolls;
        }).map(f => f.id)""")


def repr_outputs(texts: list[str]) -> list[str]:
    return [f"{name}: {text[:80]!r}" for text in texts for name, pattern in REPRS.items()
            if pattern.search(text) if name != "a bare True or False" or pattern.fullmatch(text)]


@pytest.mark.parametrize("path", toc_pages())
def test_page_shows_designed_outputs(browser: Browser, book_url: str, path: str) -> None:
    context, page = _open(browser, book_url, path, 1366)
    try:
        assert visible_code_inputs(page) == 0, "code is shown without opening its toggle"
        assert repr_outputs(output_texts(page)) == []
        keys = sorted({m for text in table_texts(page) for m in SNAKE_CASE.findall(text)})
        assert keys == [], f"snake_case keys in tables: {keys[:8]}"
        assert clipped_chart_texts(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("path", [p for p in toc_pages() if p.startswith("chapters/")])
def test_charts_fit_a_phone(browser: Browser, book_url: str, path: str) -> None:
    context, page = _open(browser, book_url, path, 390)
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
        assert off_screen_charts(page) == [], "chart content lies off the screen with no sign that it scrolls"
        assert clipped_chart_texts(page) == []
    finally:
        context.close()


def test_code_toggle_opens_with_the_keyboard(browser: Browser, book_url: str) -> None:
    context, page = _open(browser, book_url, "chapters/policy_paths.html", 1366)
    try:
        summary = page.locator("details.above-input > summary").first
        assert summary.inner_text().strip().startswith("Show code")
        summary.focus()
        page.keyboard.press("Enter")
        assert visible_code_inputs(page) >= 1
    finally:
        context.close()


def test_repr_patterns_can_fail() -> None:
    """The patterns catch the outputs the issue found."""
    found = repr_outputs(["Payoffs(R=3.0, S=0.0, T=5.0, P=1.0)", "Name: asymmetry index, dtype: float64", "True",
                          "['low_interoperability_diffuse_trust', 'x_y']"])
    assert len(found) == 4
    assert repr_outputs(["Yes.", "After 10 rounds the large partner has 9 points."]) == []
    assert SNAKE_CASE.findall("year_start") == ["year_start"] and SNAKE_CASE.findall("Techno-nationalism") == []

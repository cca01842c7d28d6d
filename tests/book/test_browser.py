"""Every page in a real browser (Chromium via Playwright), offline.

For each page: no request leaves the book, no console errors, every chart draws marks and has a
caption, fits the text column, logs no Vega warning and has no text under 12 px, no table cell is
cut short, wide content scrolls inside its box on a phone, and axe finds no serious or critical
accessibility violation, in light and dark mode.
The policy-paths chapter's sliders must change its chart in the static page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from book_pages import site_pages, toc_pages
from coursebook.pdf import CHROMIUM_ARGS
from coursebook.pdf import chromium_path as installed_chromium

pytestmark = [pytest.mark.book, pytest.mark.browser]



def chromium_path() -> str:
    if path := installed_chromium():
        return path
    pytest.fail("Chromium is not installed: run scripts/test.sh, which installs it.")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageVisit:
    """A page opened offline, recording outside requests, console errors and console warnings."""

    def __init__(self, browser: Browser, base_url: str, path: str, color_scheme: str = "light") -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
        self.page: Page = self.context.new_page()
        self.outside_requests: list[str] = []
        self.console_errors: list[str] = []
        self.console_warnings: list[str] = []
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("console", lambda m: self.console_warnings.append(m.text) if m.type == "warning" else None)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))

        def route(request_route) -> None:
            url = request_route.request.url
            if url.startswith(base_url) or url.startswith("data:"):
                request_route.continue_()
            else:
                self.outside_requests.append(url)
                request_route.abort()

        self.page.route("**/*", route)
        self.page.goto(f"{base_url}/{path}", wait_until="load")
        self.page.wait_for_load_state("networkidle")
        self.wait_for_charts()

    def wait_for_charts(self) -> None:
        self.page.wait_for_function(
            "Array.from(document.querySelectorAll('figure.coursebook-chart')).every(f => f.dataset.rendered === 'true')",
            timeout=20_000,
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Browser, book_url: str):
    opened: list[PageVisit] = []

    def open_page(path: str, color_scheme: str = "light") -> PageVisit:
        opened.append(PageVisit(browser, book_url, path, color_scheme))
        return opened[-1]

    yield open_page
    for page_visit in opened:
        page_visit.close()


def assert_offline_clean_and_drawn(page_visit: PageVisit) -> None:
    """No request left the book, no console error, every chart drew marks and has a description."""
    assert page_visit.outside_requests == []
    assert page_visit.console_errors == []
    charts = page_visit.page.eval_on_selector_all(
        "figure.coursebook-chart",
        """figures => figures.map(f => ({
            marks: f.querySelectorAll('.coursebook-chart__view svg .mark-symbol path, .coursebook-chart__view svg .mark-rect path, .coursebook-chart__view svg .mark-rule line, .coursebook-chart__view svg .mark-line path, .coursebook-chart__view svg .mark-text text, .coursebook-chart__view svg .mark-arc path').length,
            caption: (f.querySelector('figcaption') || {}).textContent || '',
            aria: (f.querySelector('svg') || {getAttribute: () => ''}).getAttribute('aria-label') || ''
        }))""",
    )
    for chart in charts:
        assert chart["marks"] > 0, "a chart drew no marks"
        assert len(chart["caption"].split()) >= 8, "a chart lacks a text description"


#: Vega draws every chart's text as SVG <text>; none may be smaller than this (px).
MIN_CHART_TEXT_PX = 12


def assert_reads_well(page_visit: PageVisit) -> None:
    """At the default viewport no chart is wider than the book's text column (so none scrolls
    sideways), Vega logs no warning (its warnings start with "WARN") while drawing, no chart text is
    under 12 px, and no table cell is cut short with "..." (pandas' truncation)."""
    page = page_visit.page
    overflowing = page.eval_on_selector_all(
        "figure.coursebook-chart",
        "figures => figures.filter(f => f.scrollWidth > f.clientWidth + 1)"
        ".map(f => `${f.id}: ${f.scrollWidth} px wide in a ${f.clientWidth} px column`)",
    )
    assert overflowing == []
    assert [w for w in page_visit.console_warnings if w.startswith("WARN")] == []
    small_text = page.eval_on_selector_all(
        "figure.coursebook-chart .coursebook-chart__view svg text",
        f"""texts => texts.filter(t => t.textContent.trim() && parseFloat(getComputedStyle(t).fontSize) < {MIN_CHART_TEXT_PX})
            .map(t => `${{t.closest('figure').id}}: "${{t.textContent.trim()}}" at ${{getComputedStyle(t).fontSize}}`)""",
    )
    assert small_text[:5] == [], f"{len(small_text)} chart texts under {MIN_CHART_TEXT_PX} px"
    cut_cells = page.eval_on_selector_all(
        "table td, table th",
        "cells => cells.map(c => c.textContent.trim()).filter(t => t.endsWith('...') || t.endsWith('\u2026'))",
    )
    assert cut_cells == [], f"table cells cut short: {cut_cells[:5]}"


@pytest.mark.parametrize("path", site_pages())
def test_page_is_offline_clean_and_reads_well(visit, path: str) -> None:
    """Both checks on one visit of the page (each page load costs seconds)."""
    page_visit = visit(path)
    assert_offline_clean_and_drawn(page_visit)
    assert_reads_well(page_visit)


@pytest.mark.parametrize("path", ["chapters/technology_diplomacy.html", "chapters/regional_cooperation.html"])
def test_wide_tables_and_charts_scroll_inside_the_page_on_a_phone(browser: Browser, book_url: str, path: str) -> None:
    """On a 390 px phone screen the page itself never scrolls sideways: wide tables and charts
    scroll inside their own (keyboard-focusable) boxes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(book_url) else r.abort())
    page.goto(f"{book_url}/{path}", wait_until="load")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('figure.coursebook-chart')).every(f => f.dataset.rendered === 'true')",
        timeout=20_000,
    )
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    unreachable = page.eval_on_selector_all(
        ".course-table-wrapper, figure.coursebook-chart",
        "boxes => boxes.filter(b => b.scrollWidth > b.clientWidth + 1 && b.getAttribute('tabindex') !== '0').length",
    )
    context.close()
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide on a {widths[1]} px screen"
    assert unreachable == 0, "a box that scrolls sideways cannot be reached with the keyboard"


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", toc_pages())
def test_page_has_no_serious_accessibility_violations(visit, path: str, color_scheme: str) -> None:
    page_visit = visit(path, color_scheme)
    results = Axe().run(page_visit.page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def _chart_markup(page: Page, figure: str) -> str:
    return page.eval_on_selector(f"{figure} .coursebook-chart__view svg", "svg => svg.outerHTML")


def test_policy_paths_sliders_change_the_chart_in_the_static_page(visit) -> None:
    page = visit("chapters/policy_paths.html").page
    figure = "figure.coursebook-chart"
    before = _chart_markup(page, figure)
    slider = page.locator(f"{figure} input[type=range]").nth(1)  # public demand for individual rights
    slider.fill("1")
    page.wait_for_timeout(300)
    after = _chart_markup(page, figure)
    assert after != before


def test_charts_follow_dark_mode(visit) -> None:
    page = visit("chapters/policy_paths.html", "dark").page
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    fills = page.eval_on_selector_all(
        "figure.coursebook-chart .coursebook-chart__view svg text",
        "texts => texts.map(t => getComputedStyle(t).fill)",
    )
    assert fills, "the chart has text"
    dark_texts = [f for f in fills if f in ("rgb(0, 0, 0)", "rgb(51, 51, 51)", "rgb(34, 34, 34)")]
    assert dark_texts == [], "chart text would be dark on a dark page"
    page.click("button.theme-switch-button")  # switch away from dark: charts redraw with light colours
    page.wait_for_function("document.documentElement.dataset.theme !== 'dark'")
    page.wait_for_timeout(500)
    fills = page.eval_on_selector_all("figure.coursebook-chart .coursebook-chart__view svg text", "texts => texts.map(t => getComputedStyle(t).fill)")
    assert "rgb(0, 0, 0)" in fills


@pytest.mark.parametrize("path", ["chapters/policy_paths.html", "chapters/reciprocity.html"])
def test_pages_work_opened_from_disk(browser: Browser, html_dir, path: str) -> None:
    """The book also works as files on disk (file://), e.g. after downloading it."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file://", "data:")) else None)
    page.goto((html_dir / path).as_uri(), wait_until="load")
    page.wait_for_function(
        "document.querySelectorAll('figure.coursebook-chart').length > 0 && "
        "Array.from(document.querySelectorAll('figure.coursebook-chart')).every(f => f.dataset.rendered === 'true')",
        timeout=20_000,
    )
    context.close()
    assert errors == [] and outside == []

"""The book builds warning-free, every page exists, links resolve and nothing loads from outside."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest

from coursebook.build import warnings_in
from book_pages import site_pages, toc_pages

pytestmark = pytest.mark.book


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append((tag, name, value))


def _parse(path: Path) -> _LinkCollector:
    collector = _LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_book_builds_without_warnings(book_build) -> None:
    assert book_build.returncode == 0, book_build.log[-4000:]
    assert warnings_in(book_build.log) == []


@pytest.mark.parametrize("page", toc_pages())
def test_every_toc_page_is_built(html_dir: Path, page: str) -> None:
    assert (html_dir / page).is_file()


@pytest.mark.parametrize("page", site_pages())
def test_internal_links_and_anchors_resolve(html_dir: Path, page: str) -> None:
    path = html_dir / page
    broken = []
    for tag, attribute, url in _parse(path).links:
        parsed = urlparse(url)
        if parsed.scheme or url.startswith(("mailto:", "javascript:", "data:")):
            continue
        target, fragment = urldefrag(url)
        target_path = (path.parent / target.split("?")[0]).resolve() if target else path
        if target_path.is_dir():
            target_path = target_path / "index.html"
        if not target_path.exists():
            broken.append(url)
        elif fragment and target_path.suffix == ".html" and fragment not in _parse(target_path).ids:
            broken.append(url)
    assert broken == [], f"broken links in {page}"


@pytest.mark.parametrize("page", site_pages())
def test_page_loads_nothing_from_outside(html_dir: Path, page: str) -> None:
    """Scripts, styles, fonts, images and frames all come from the book itself."""
    external = [
        url
        for tag, attribute, url in _parse(html_dir / page).links
        if tag in ("script", "link", "img", "iframe", "source", "video", "audio") and urlparse(url).scheme in ("http", "https")
        and not (tag == "link" and attribute == "href" and _is_navigation_link(html_dir / page, url))
    ]
    assert external == []


def _is_navigation_link(page: Path, url: str) -> bool:
    """<link rel="canonical"> and similar are not loaded by the browser; stylesheets and preloads are."""
    text = page.read_text(encoding="utf-8")
    match = re.search(r'<link[^>]*href="' + re.escape(url) + r'"[^>]*>', text)
    return bool(match) and not re.search(r'rel="(stylesheet|preload|modulepreload|icon)"', match.group(0))


CDN = re.compile(r"https?://(cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|fonts\.googleapis\.com)/[^\"' ]*")
#: MathJax's speech-rule engine names its CDN for speech maps it fetches only when a reader turns on
#: the speech explorer in MathJax's menu (off by default); nothing else may name a CDN.
OPT_IN_SPEECH_MAPS = re.compile(r"npm/(speech-rule-engine|sre-mathmaps-ie|wicked-good-xpath)@")


def test_static_assets_have_no_cdn_addresses(html_dir: Path) -> None:
    """No served script or stylesheet points at a CDN (a JS file could load it later)."""
    offenders = []
    for asset in [*html_dir.glob("_static/**/*.js"), *html_dir.glob("_static/**/*.css")]:
        text = asset.read_text(encoding="utf-8", errors="ignore")
        for match in CDN.finditer(text):
            in_mathjax = "mathjax" in asset.relative_to(html_dir).parts
            if not (in_mathjax and OPT_IN_SPEECH_MAPS.search(match.group(0))):
                offenders.append(f"{asset.relative_to(html_dir)}: {match.group(0)}")
    assert offenders == []


def test_print_version_holds_every_chapter(html_dir: Path) -> None:
    text = (html_dir / "print" / "index.html").read_text(encoding="utf-8")
    for page in toc_pages()[1:]:  # the root page is the print page itself
        document = page.removesuffix(".html")
        assert f'id="document-{document}"' in text, document
    assert 'href="print/index.html"' in (html_dir / "index.html").read_text(encoding="utf-8")

"""Shared fixtures: the built book and a static server for it."""

from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from coursebook.build import ROOT, BuildResult, build_site


@pytest.fixture(scope="session")
def book_build() -> BuildResult:
    """Build the site (book and print version) once per test session; execution is cached."""
    return build_site(ROOT)


@pytest.fixture(scope="session")
def html_dir(book_build: BuildResult) -> Path:
    if book_build.returncode != 0:
        pytest.fail(f"The book did not build:\n{book_build.log[-4000:]}")
    return book_build.html_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def book_url(html_dir: Path) -> Iterator[str]:
    """The built book served on a loopback port, as a static host would serve it."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(html_dir)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def book_pages(html_dir: Path) -> list[str]:
    """Every content page of the built book (relative paths), not Sphinx's utility pages."""
    skip = {"search.html", "genindex.html"}
    return sorted(
        str(p.relative_to(html_dir))
        for p in html_dir.rglob("*.html")
        if p.name not in skip and not p.relative_to(html_dir).parts[0].startswith("_")
    )

"""Finding a browser to print the PDF with, the published address, and the running heads, without
printing anything (the book tests print the whole book)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coursebook import pdf


def _no_browser_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("COURSE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setattr(pdf, "_MACOS_BROWSERS", ())


def test_chromium_path_finds_playwrights_own_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _no_browser_on_path(monkeypatch, tmp_path)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "browsers"))
    assert pdf.chromium_path() is None, "no browser anywhere"
    expected = Path(pdf._playwright_executable())  # where `playwright install chromium` puts it
    assert str(expected).startswith(str(tmp_path / "browsers"))
    expected.parent.mkdir(parents=True)
    expected.write_text("#!/bin/sh\n")
    expected.chmod(0o755)
    assert pdf.chromium_path() == str(expected)


def test_chromium_path_prefers_the_course_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _no_browser_on_path(monkeypatch, tmp_path)
    monkeypatch.setenv("COURSE_CHROMIUM", "/opt/some/chrome")
    assert pdf.chromium_path() == "/opt/some/chrome"


def test_printing_without_a_browser_says_how_to_get_one(tmp_path: Path) -> None:
    environment = {**os.environ, "PATH": str(tmp_path), "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "none")}
    environment.pop("COURSE_CHROMIUM", None)
    done = subprocess.run([sys.executable, "-m", "coursebook.pdf", str(tmp_path)], capture_output=True, text=True,
                          env=environment, cwd=pdf.ROOT, timeout=120)
    assert done.returncode == 1
    assert pdf.HOW_TO_GET_CHROMIUM in done.stdout and "Traceback" not in done.stderr


def test_published_url_is_github_pages_of_the_repository(tmp_path: Path) -> None:
    config = tmp_path / "_config.yml"
    for url, expected in [
        ("https://github.com/ai-technology-diplomacy/course", "https://ai-technology-diplomacy.github.io/course/"),
        ("https://github.com/Someone/Course-Fork.git", "https://someone.github.io/Course-Fork/"),
        ("https://github.com/someone/someone.github.io", "https://someone.github.io/"),
        ("https://gitlab.example.org/a/b", "https://gitlab.example.org/a/b/"),
    ]:
        config.write_text(f"title: T\nrepository:\n  url: {url}\n", encoding="utf-8")
        assert pdf.published_url(tmp_path) == expected, url


def test_running_heads_skip_the_cover_and_chapter_openings() -> None:
    headings = [
        {"id": "a", "level": 1, "chapter": "Welcome"},
        {"id": "b", "level": 1, "chapter": "1. Policy paths"},
        {"id": "c", "level": 2, "chapter": "1. Policy paths"},
    ]
    pages = {"a": (2, None), "b": (4, None), "c": (5, None)}
    heads = pdf._running_heads(headings, pages, 7)
    assert [h["number"] for h in heads] == ["", "2", "3", "4", "5", "6", "7"]
    assert [h["head"] for h in heads] == ["", "", "", "Welcome", "", "1. Policy paths", "1. Policy paths"]

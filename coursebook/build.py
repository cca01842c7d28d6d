"""Build the book from Python (used by the tests and the benchmark)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BuildResult",
    "ROOT",
    "build_book",
    "build_site",
    "code_fingerprint",
    "drop_stale_execution_cache",
    "install_print_version",
    "warnings_in",
]

ROOT = Path(__file__).resolve().parent.parent
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    log: str
    seconds: float
    html_dir: Path


def warnings_in(log: str) -> list[str]:
    """Sphinx warnings and errors in a build log (ANSI colours removed)."""
    lines = _ANSI.sub("", log).splitlines()
    return [line for line in lines if re.search(r"\b(WARNING|ERROR|CRITICAL)\b", line) and "[IPKernelApp]" not in line]


#: What notebook outputs depend on besides the notebooks themselves (the execution cache only
#: notices changes to the notebooks).
CODE_FOLDERS = ("techdiplomacy", "coursebook", "data")
EXECUTION_CACHE = Path("_build") / ".jupyter_cache"
#: Beside the cache (not inside it, which jupyter-cache owns): the fingerprint it was filled with.
EXECUTION_CACHE_STAMP = Path("_build") / ".jupyter_cache.code.sha256"


def code_fingerprint(root: Path = ROOT) -> str:
    """A hash of the course package, the book plumbing and the data (file names and contents)."""
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def drop_stale_execution_cache(root: Path = ROOT) -> bool:
    """Empty the notebook execution cache if the course code changed since it was filled, so that
    no page shows outputs of an older model, chart or table layout. True if it was dropped."""
    cache, stamp = root / EXECUTION_CACHE, root / EXECUTION_CACHE_STAMP
    fingerprint = code_fingerprint(root)
    stale = cache.exists() and (not stamp.exists() or stamp.read_text() != fingerprint)
    if stale:
        shutil.rmtree(cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)
    return stale


def build_book(root: Path = ROOT, *extra_args: str) -> BuildResult:
    """Run ``jupyter-book build --all`` warning-free (``-W -n``); notebook execution stays cached
    while the notebooks and the course code (:data:`CODE_FOLDERS`) are unchanged."""
    drop_stale_execution_cache(root)
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(root), "--all", "-W", "-n", "--keep-going", *extra_args]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    seconds = time.perf_counter() - started
    return BuildResult(done.returncode, done.stdout + done.stderr, seconds, root / "_build" / "html")


#: A search index with no entries: the print page has no search of its own (links lead to the book's).
_EMPTY_SEARCH_INDEX = (
    'Search.setIndex({"alltitles": {}, "docnames": [], "envversion": {}, "filenames": [], "indexentries": {}, '
    '"objects": {}, "objnames": {}, "objtypes": {}, "terms": {}, "titles": {}, "titleterms": {}})'
)


def install_print_version(single_page_dir: Path, html_dir: Path) -> Path:
    """Copy the single-page build into ``html_dir/print`` and point its search links at the book."""
    target = html_dir / "print"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(single_page_dir, target, ignore=shutil.ignore_patterns(".buildinfo", "objects.inv"))
    page = target / "index.html"
    text = page.read_text(encoding="utf-8")
    for name in ("search.html", "genindex.html"):
        text = text.replace(f'href="{name}"', f'href="../{name}"').replace(f'action="{name}"', f'action="../{name}"')
    page.write_text(text, encoding="utf-8")
    (target / "searchindex.js").write_text(_EMPTY_SEARCH_INDEX, encoding="utf-8")
    return page


def _print_pdf(html_dir: Path) -> tuple[int, str]:
    """The book as one PDF (see :mod:`coursebook.pdf`); skipped with a one-line note (how to get a
    browser and print it) where no Chromium or Chrome is installed: the HTML book needs none."""
    from coursebook.pdf import HOW_TO_GET_CHROMIUM, PDF_NAME, chromium_path, print_pdf

    if chromium_path() is None:
        (html_dir / PDF_NAME).unlink(missing_ok=True)  # an older PDF would not match the new pages
        return 0, f"\ncoursebook: the HTML book is built; no Chromium or Chrome found, so no PDF: {HOW_TO_GET_CHROMIUM}\n"
    try:
        return 0, f"\ncoursebook: wrote {print_pdf(html_dir)}\n"
    except Exception as error:  # noqa: BLE001 - report, do not hide, a failed print
        return 1, f"\ncoursebook: ERROR printing the PDF: {type(error).__name__}: {error}\n"


def build_site(root: Path = ROOT, jupyterlite: bool = False) -> BuildResult:
    """The published site: the HTML book plus its single-page print version under ``print/`` and the
    whole book as one PDF, and, with ``jupyterlite``, the notebooks as a JupyterLite site under ``lite/``."""
    from coursebook.lite import LITE_PATH, LITE_VARIABLE, build_jupyterlite

    started = time.perf_counter()
    previous = os.environ.pop(LITE_VARIABLE, None)
    if jupyterlite:
        os.environ[LITE_VARIABLE] = "1"
    try:
        book = build_book(root)
        if book.returncode != 0:
            return book
        single = build_book(root, "--builder", "singlehtml")
        log, returncode = book.log + single.log, single.returncode
        if single.returncode == 0:
            install_print_version(root / "_build" / "singlehtml", book.html_dir)
            returncode, pdf_log = _print_pdf(book.html_dir)
            log += pdf_log
            if jupyterlite:
                build_jupyterlite(root, book.html_dir / LITE_PATH)
        return BuildResult(returncode, log, time.perf_counter() - started, book.html_dir)
    finally:
        os.environ.pop(LITE_VARIABLE, None)
        if previous is not None:
            os.environ[LITE_VARIABLE] = previous

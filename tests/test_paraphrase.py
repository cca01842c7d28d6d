"""The course paraphrases the essays and never pastes their sentences.

Every essay in ``../shared/sources/*.txt`` (next to this repository) is cut into runs of
``MIN_WORDS`` consecutive words, after normalising both sides the same way: lower case, one
kind of quote and dash, HTML tags, footnote markers, link targets and MyST roles dropped,
punctuation stripped except inside numbers (``1,000`` and ``2.5`` stay whole), whitespace
collapsed. The test fails if any such run appears in the course's prose:

* markdown cells of ``chapters/*.ipynb`` and ``exercises/*.ipynb``;
* ``*.md`` at the top level and in ``glossary/`` and ``instructor/`` (if present);
* the text cells of ``data/*.csv``.

Titles of works, official names and reference entries are not prose to paraphrase: they are
listed in ``ALLOWED`` below and masked out of the course text before matching (the words
around them are still checked). Do not raise ``MIN_WORDS`` to silence a finding; reword the
course text, or, if the words are a name or title, add them to ``ALLOWED`` with a comment.

``PARAPHRASE_MIN_WORDS=8 pytest tests/test_paraphrase.py`` runs a stricter exploratory pass.
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO.parent / "shared" / "sources"
MIN_WORDS = int(os.environ.get("PARAPHRASE_MIN_WORDS", "10"))

# Phrases the course may quote verbatim because they are names, not prose. Each is normalised
# like everything else and masked out of the course text before matching.
ALLOWED: tuple[str, ...] = (
    # Titles of the essays themselves (cited in reference lists and introductions). Feijoo's
    # title is split at the colon so that either half may also be quoted on its own.
    "Harnessing artificial intelligence (AI) to increase wellbeing for all",  # feijoo2020
    "The case for a new technology diplomacy",  # feijoo2020, subtitle
    "Regional Cooperation in the Era of Digital Transition with Special Focus on AI "
    "for Sustainable Development Goals",  # baek2023
    "ROK-U.S. AI Cooperation Needs Real Reciprocity",  # han2023
    "International Competition and Cooperation of Artificial Intelligence from the "
    "Perspective of State-to-State Power Relations",  # powerrelations2024
    "International Tech Cooperation in 2024: What Experts Want",  # minilateralism2024
    # Official names of bodies and data sources the essays mention.
    "High-Level Expert Group on AI",  # the EU's expert group (feijoo2020 section 6)
    "Emerging Technology Observatory's Country Activity Tracker",  # data source cited by han2023
    # Lists that are only proper names.
    "Canada, India, the United Kingdom, Germany, Japan and France",  # han2023's like-minded partners
    # Job titles and affiliations of the experts quoted in minilateralism2024 (names only).
    "Affiliated Researcher, Bennett Institute for Public Policy, University of Cambridge",
)

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
    }
)
_FOOTNOTE_MARK = re.compile(r"<sup>.*?</sup>", re.S)  # author and footnote superscripts
_TAG = re.compile(r"<[^>]+>")
_MYST_ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")  # {cite}`key`, {term}`...` is kept below
_TERM_ROLE = re.compile(r"\{(?:term|glossary)\}`([^`<]*)(?:<[^>]*>)?`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+")  # keep 1,000 and 2.5 whole; else word runs


def words(text: str) -> list[str]:
    """Normalise ``text`` and split it into comparable words."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _FOOTNOTE_MARK.sub(" ", text)
    text = _TERM_ROLE.sub(r" \1 ", text)  # a glossary term's visible words are prose
    text = _MYST_ROLE.sub(" ", text)
    text = text.translate(_QUOTES)
    text = _TAG.sub(" ", text)
    text = _LINK_TARGET.sub("] ", text)
    text = _URL.sub(" ", text)
    text = _INNER_APOSTROPHE.sub("", text)  # it's -> its, region's -> regions
    return _TOKEN.findall(text)


def ngrams(tokens: list[str], n: int) -> Iterator[tuple[str, ...]]:
    return (tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@lru_cache(maxsize=None)
def essay_ngrams(n: int) -> dict[tuple[str, ...], str]:
    """Every run of ``n`` words of every essay, mapped to the essay's file name."""
    if not SOURCES.is_dir():
        pytest.skip(f"essay texts not found at {SOURCES}; the paraphrase check needs them")
    found: dict[tuple[str, ...], str] = {}
    for path in sorted(SOURCES.glob("*.txt")):
        for gram in ngrams(words(path.read_text(encoding="utf-8")), n):
            found.setdefault(gram, path.stem)
    if not found:
        pytest.skip(f"no essay texts (*.txt) in {SOURCES}")
    return found


_MASK = "\x00"
_ALLOWED_WORDS = sorted((words(p) for p in ALLOWED), key=len, reverse=True)


def mask_allowed(tokens: list[str]) -> list[str]:
    """Replace every occurrence of an allowed phrase by a marker no essay word equals."""
    tokens = list(tokens)
    for phrase in _ALLOWED_WORDS:
        k = len(phrase)
        for i in range(len(tokens) - k + 1):
            if tokens[i : i + k] == phrase:
                tokens[i : i + k] = [_MASK] * k
    return tokens


def copied_runs(text: str, n: int = MIN_WORDS) -> list[tuple[str, str]]:
    """The maximal runs of ``text`` (``n`` words or more) found in an essay: (essay, words)."""
    essays = essay_ngrams(n)
    tokens = mask_allowed(words(text))
    hits = [essays.get(gram) for gram in ngrams(tokens, n)]
    runs: list[tuple[str, str]] = []
    i = 0
    while i < len(hits):
        if hits[i] is None:
            i += 1
            continue
        start, essay = i, hits[i]
        while i + 1 < len(hits) and hits[i + 1] is not None:
            i += 1
        runs.append((essay, " ".join(tokens[start : i + n])))
        i += 1
    return runs


# --- the course's prose ---------------------------------------------------------------------


def prose_pieces(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for each piece of prose in ``path``: a markdown cell, a file, a CSV cell."""
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for index, cell in enumerate(notebook.get("cells", [])):
            if cell.get("cell_type") == "markdown":
                source = cell.get("source", "")
                yield f"markdown cell {index}", "".join(source) if isinstance(source, list) else source
    elif path.suffix == ".md":
        yield "file", path.read_text(encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            key = (reader.fieldnames or [""])[0]
            for row_number, row in enumerate(reader, start=1):  # data rows, header excluded
                for column, value in row.items():
                    if value and len(value.split()) >= MIN_WORDS:
                        yield f"row {row_number} ({key}={row[key]!r}), column {column!r}", value


def course_files() -> list[Path]:
    files = [
        *sorted(REPO.glob("chapters/*.ipynb")),
        *sorted(REPO.glob("exercises/*.ipynb")),
        *sorted(REPO.glob("*.md")),
        *sorted(REPO.glob("glossary/*.md")),
        *sorted(REPO.glob("instructor/*.md")),
        *sorted(REPO.glob("data/*.csv")),
    ]
    return files


@pytest.mark.parametrize("path", course_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_course_prose_does_not_paste_the_essays(path: Path) -> None:
    findings = [
        f"  {where}: {len(run.split())} words copied from {essay}:\n    \"{run}\""
        for where, text in prose_pieces(path)
        for essay, run in copied_runs(text)
    ]
    assert not findings, (
        f"{path.relative_to(REPO)} pastes runs of {MIN_WORDS}+ words from the essays; "
        "reword them in your own words (or, for a title or name, add it to ALLOWED):\n"
        + "\n".join(findings)
    )


# --- the check itself -----------------------------------------------------------------------


def test_a_pasted_sentence_is_caught_even_with_other_quotes_and_spacing() -> None:
    essays = essay_ngrams(MIN_WORDS)
    essay_words = next(iter(essays))  # any run of an essay
    pasted = "As the essay says, \u201c" + "  ".join(essay_words).upper() + "\u201d. Indeed."
    assert copied_runs(pasted)


def test_allowed_titles_are_not_findings_but_the_words_around_them_are() -> None:
    essays = essay_ngrams(MIN_WORDS)  # skips without the essays
    title = ALLOWED[0]
    assert copied_runs(f"See Feijoo et al., *{title}* (2020).") == []
    assert copied_runs("Our own words here. " * 5) == []
    pasted = " ".join(next(gram for gram in essays if "harnessing" not in gram))
    runs = copied_runs(f"{title}: {pasted}")
    assert runs and all("harnessing" not in run for _, run in runs)


def test_normalisation_keeps_numbers_and_joins_contractions() -> None:
    assert words("It\u2019s 1,000 AI\u2014driven <sup>3</sup> {cite}`han2023` tasks (2.5%).") == [
        "its", "1,000", "ai", "driven", "tasks", "2.5",
    ]

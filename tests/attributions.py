"""Finding the book's attributing sentences: the sentences that credit something to an essay or to one
of its authors, and that therefore need a row in the claims ledger (``data/claims/*.csv``).

What the book shows a reader, page by page (``page_sentences``):

* the markdown cells of ``chapters/*.ipynb`` and ``exercises/*.ipynb`` (solutions and instructor
  notes included: they are the instructor edition's pages);
* ``index.md`` (the welcome page) and ``glossary/*.md``;
* the text the exercise checkers print (string literals of ``techdiplomacy/exercises/*.py``);
* the ``note`` and ``source`` cells of ``data/*.csv``, which the pages show in their tables.

Headings, code (fenced blocks and inline code), directive lines (```` ```{admonition} ````,
``:class:``), HTML tags and link targets are not prose and are dropped; table rows, list items and
paragraphs are cut into sentences.

A sentence **attributes** (``attributes``) when it carries any of:

* a citation role (``{cite}``, ``{cite:t}``, ``{cite:p}``);
* the name of an essay's author or of the scholar an essay credits: Feijóo, Han, Baek, Cai,
  Pantuliano, Meserole, Weiss, Filer, Keohane (capitalised, as a whole word);
* a phrase that points at an essay: "the essay(s)", "the experts", "the authors", "the commentary",
  "the piece", "the introduction" of the piece, "in its words";
* a quotation in double quotes that quotes an essay: three of its words in a row occur in an essay (without the essays in ``../shared/sources/``, quotations are not
  counted, so the coverage test can only find fewer sentences, never more).

The welcome page's "Readings" section is a reference list, not prose, and is left out.

``HEDGES`` are the words that, when an essay's passage carries them, must survive into the book's
sentence (the test accepts any of ``BOOK_HEDGES`` there).
"""

from __future__ import annotations

import ast
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from functools import lru_cache

from test_paraphrase import SOURCES, words

REPO = Path(__file__).resolve().parents[1]

AUTHORS = ("Feijóo", "Feijoo", "Han", "Baek", "Cai", "Pantuliano", "Meserole", "Weiss", "Filer", "Keohane")
_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`")
_AUTHOR = re.compile(r"(?<![\w-])(?:" + "|".join(AUTHORS) + r")(?:'s|’s)?(?![\w-])")
_REFERENT = re.compile(
    r"\b(?:the|this|that|each|both|whose|an|one|five|two|three|four)\s+"
    r"(?:essay|essays|experts?|authors|commentary|piece)(?:'s|’s|s')?\b"
    r"|\bthe\s+(?:piece's\s+)?introduction\s+(?:of|to)\s+(?:the\s+)?piece\b|\bthe\s+piece's\s+introduction\b"
    r"|\bits\s+introduction\b|\bin\s+(?:its|his|her|their)\s+words\b",
    re.I,
)
_QUOTE = re.compile(r"[\"“]([^\"“”\n]{3,}?)[\"”]")

#: Hedges in an essay's passage (the issue's list) ...
HEDGES = ("may", "might", "probably", "perceived", "arguably", "likely", "could")
#: ... and the words that show the book kept a hedge.
BOOK_HEDGES = (
    *HEDGES, "perhaps", "possibly", "possible", "seems", "seem", "suggests", "suggest", "suggested",
    "unlikely", "potential", "potentially", "can", "would", "hopes", "hope", "uncertain", "ideally",
    "reportedly", "risk", "risks", "allows", "imagines", "expects", "expect", "suspect", "suspects",
    "believe", "believes", "envision", "envisions", "hint", "hints", "perceive", "perceives", "view",
    "sees", "reads", "guess", "anticipate", "chance", "doubts", "doubt", "slim",
)


@dataclass(frozen=True)
class Sentence:
    page: str  # the file, relative to the repository
    where: str  # the cell, string or row within it
    text: str

    @property
    def normal(self) -> str:
        return " " + " ".join(words(self.text)) + " "


def attributes(text: str) -> bool:
    """Whether a sentence credits something to an essay or to one of its authors."""
    if _CITE.search(text) or _AUTHOR.search(text) or _REFERENT.search(text):
        return True
    return any(quotes_an_essay(q) for q in _QUOTE.findall(text))


@lru_cache(maxsize=1)
def _essay_runs() -> frozenset[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in sorted(SOURCES.glob("*.txt")) if SOURCES.is_dir() else []:
        tokens = words(path.read_text(encoding="utf-8"))
        runs.update(zip(tokens, tokens[1:], tokens[2:]))
    return frozenset(runs)


def quotes_an_essay(quote: str) -> bool:
    """A quotation counts if it carries three words in a row of an essay (code-like keys do not count)."""
    if "_" in quote or "{" in quote:
        return False
    tokens = words(quote)
    return any(gram in _essay_runs() for gram in zip(tokens, tokens[1:], tokens[2:]))


def hedged(text: str, hedges: tuple[str, ...] = HEDGES) -> bool:
    tokens = set(words(text))
    return any(h in tokens for h in hedges)


# --- cutting text into sentences ---------------------------------------------------------------

_ABBREVIATIONS = {"al", "e.g", "i.e", "eg", "ie", "cf", "vs", "no", "fig", "figs", "para", "ch", "dr", "st", "p", "pp",
                  "u.s", "u.k", "approx", "etc", "sec", "mr", "ms", "prof", "ed", "eds", "vol"}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”')\]*_]*\s+(?=[\"“(\[*_]*[A-Z0-9§{])")
_FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
_INLINE_CODE = re.compile(r"(?<!\})`[^`\n]*`")
_TAGS = re.compile(r"<[^>]+>")


def split_sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        before = text[start:match.start()].rstrip("\"”')]*_")
        last = before.rsplit(" ", 1)[-1].rstrip(".").lstrip("([*_\"“").lower() if before else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue
        pieces.append(text[start:match.start()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if words(p)]


def markdown_units(text: str) -> Iterator[str]:
    """Paragraphs, list items and table rows of a markdown text, without code, headings or directives."""
    lines: list[str] = []
    fences: list[tuple[str, bool]] = []  # open fences: (marker, is code)
    for line in text.splitlines():
        fence = _FENCE.match(line.strip())
        if fence:
            ticks, info = fence.group(1), fence.group(2).strip()
            if fences and info == "" and fences[-1][0] == ticks:
                fences.pop()  # closes the innermost block
            elif fences and fences[-1][1]:
                pass  # a fence shown inside code
            else:
                is_code = not info.startswith("{") or info.startswith(("{code", "{eval"))
                fences.append((ticks, is_code))
            lines.append("")
            continue
        if fences and fences[-1][1]:
            continue
        stripped = line.strip()
        if stripped.startswith("#") or re.match(r"^:[\w-]+:", stripped) or re.fullmatch(r"\|?[\s:|-]+\|?", stripped or "x"):
            lines.append("")
            continue
        lines.append(line)
    block: list[str] = []
    for line in [*lines, ""]:
        stripped = line.strip()
        starts_item = bool(re.match(r"^(?:[-*+]|\d+[.)])\s", stripped))
        if stripped.startswith("|"):
            if block:
                yield " ".join(block)
                block = []
            yield " ".join(cell.strip() for cell in stripped.strip("|").split("|"))
            continue
        if not stripped or starts_item:
            if block:
                yield " ".join(block)
            block = [re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", stripped)] if starts_item else []
            continue
        block.append(stripped)


_ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")


def clean(unit: str) -> str:
    roles: list[str] = []
    unit = _ROLE.sub(lambda m: roles.append(m.group(0)) or f"\x00{len(roles) - 1}\x00", unit)
    unit = _INLINE_CODE.sub(" ", unit)
    unit = re.sub("\x00(\\d+)\x00", lambda m: roles[int(m.group(1))], unit)
    unit = _TAGS.sub(" ", unit)
    unit = re.sub(r"\]\([^)]*\)", "]", unit)
    return unit


def markdown_sentences(page: str, where: str, text: str) -> Iterator[Sentence]:
    for unit in markdown_units(text):
        for sentence in split_sentences(clean(unit)):
            yield Sentence(page, where, sentence)


# --- the book's pages ----------------------------------------------------------------------------

DATA_COLUMNS = ("note", "source")


def _notebook(path: Path) -> Iterator[Sentence]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    page = str(path.relative_to(REPO))
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            text = "".join(source) if isinstance(source, list) else source
            yield from markdown_sentences(page, f"markdown cell {index}", text)


def _glossary_text(text: str) -> str:
    # Terms sit on their own line, definitions are indented below; make each term a unit.
    return re.sub(r"^(?=\S)(?!```|:)", "\n", text, flags=re.M)


def _markdown(path: Path) -> Iterator[Sentence]:
    text = path.read_text(encoding="utf-8")
    if path.name == "index.md":  # the Readings section is a reference list
        text = re.sub(r"^## Readings\s*$.*?(?=^## |\Z)", "", text, flags=re.M | re.S)
    if path.parent.name == "glossary":
        text = _glossary_text(text)
    yield from markdown_sentences(str(path.relative_to(REPO)), "file", text)


def module_strings(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each string the module can print: literals, and f-strings with ``…`` for fields."""
    tree = ast.parse(source)
    inside_fstring: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                inside_fstring.add(id(value))
                parts.append(value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else "…")
            yield node.lineno, "".join(parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside_fstring:
            if len(node.value.split()) >= 4:  # messages, not keys or labels
                yield node.lineno, node.value


def _module(path: Path) -> Iterator[Sentence]:
    page = str(path.relative_to(REPO))
    for line, text in module_strings(path.read_text(encoding="utf-8")):
        for sentence in split_sentences(text):
            yield Sentence(page, f"string at line {line}", sentence)


def _csv(path: Path, every_column: bool) -> Iterator[Sentence]:
    page = str(path.relative_to(REPO))
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        key = (reader.fieldnames or [""])[0]
        for number, row in enumerate(reader, start=2):
            for column in (reader.fieldnames or []) if every_column else DATA_COLUMNS:
                for sentence in split_sentences(row.get(column) or ""):
                    yield Sentence(page, f"line {number} ({key}={row[key]}), column {column}", sentence)


def page_files() -> list[Path]:
    return [
        *sorted(REPO.glob("chapters/*.ipynb")),
        *sorted(REPO.glob("exercises/*.ipynb")),
        REPO / "index.md",
        *sorted(REPO.glob("glossary/*.md")),
        *sorted(REPO.glob("techdiplomacy/exercises/*.py")),
        *sorted(p for p in REPO.glob("data/*.csv")),
    ]


def page_sentences(path: Path, every_column: bool = False) -> list[Sentence]:
    """The sentences of a page; for a data table, of its ``note`` and ``source`` cells (every cell
    with ``every_column``, which is where a ledger row's sentence may also sit)."""
    path = path if path.is_absolute() else REPO / path
    if path.suffix == ".ipynb":
        return list(_notebook(path))
    if path.suffix == ".md":
        return list(_markdown(path))
    if path.suffix == ".py":
        return [] if path.name in ("__init__.py", "feedback.py", "tasks.py") else list(_module(path))
    if path.suffix == ".csv":
        return list(_csv(path, every_column))
    raise ValueError(f"not a page: {path}")


def attributing_sentences(path: Path) -> list[Sentence]:
    return [s for s in page_sentences(path) if attributes(s.text)]


def contains(sentence: Sentence, snippet: str) -> bool:
    return " " + " ".join(words(snippet)) + " " in sentence.normal

"""The claims ledger (``data/claims/*.csv``): every sentence of the book that attributes something to
an essay has a row, and every row's claim can be found in its essay.

Each row carries an *anchor*, a few words copied exactly from the essay; the test looks for them,
normalised like the paraphrase check (case, quotes, dashes and punctuation ignored), in the essay's
text in ``../shared/sources/``. A published copy of the course cannot redistribute the essays, so
that part is skipped, with a message, where the texts are absent.

Each row also carries ``sentence``, a short run of words copied from the book's own attributing
sentence on page ``where``. The test

* finds every attributing sentence of every page (``tests/attributions.py`` says what counts) and
  fails on any that no row's ``sentence`` points to;
* fails on a row whose ``sentence`` is no longer on its page;
* fails when the essay's passage around a row's anchor is hedged ("may", "probably", "perceived"
  ...) and the book's sentence carries no hedge.

The summit page (``chapters/summit.ipynb``) is reported in a test of its own, so that its ledger
can be completed separately.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import attributions
import pytest
from test_paraphrase import MIN_WORDS, SOURCES, words

REPO = Path(__file__).resolve().parents[1]
LEDGER = REPO / "data" / "claims"
COLUMNS = ["claim", "where", "essay", "section", "anchor", "strength", "sentence"]
STRENGTHS = ("states", "suggests", "allows")
SUMMIT = "chapters/summit.ipynb"
ESSAYS = {
    "feijoo2020": "feijoo-et-al-2020-new-technology-diplomacy",
    "han2023": "han-2023-rok-us-ai-cooperation-reciprocity",
    "powerrelations2024": "power-relations-ai-competition-cooperation-2024",
    "minilateralism2024": "minilateralism-tech-cooperation-2024",
    "baek2023": "baek-2023-regional-cooperation-ai-for-sdgs",
}
CHAPTERS = sorted(p.stem for p in (REPO / "chapters").glob("*.ipynb"))
PAGES = [*CHAPTERS, "welcome"]


def ledger_rows() -> list[tuple[str, int, dict[str, str]]]:
    rows = []
    for path in sorted(LEDGER.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == COLUMNS, f"{path.name}: the columns must be {COLUMNS}"
            rows += [(path.stem, number, row) for number, row in enumerate(reader, start=2)]
    return rows


ROWS = ledger_rows()


def row_id(row: tuple[str, int, dict[str, str]]) -> str:
    return f"{row[0]}:{row[1]}"


@lru_cache(maxsize=None)
def essay_words(key: str) -> str:
    path = SOURCES / f"{ESSAYS[key]}.txt"
    if not path.exists():
        pytest.skip(f"essay text {path} not found; the anchor check needs ../shared/sources/")
    return " " + " ".join(words(path.read_text(encoding="utf-8"))) + " "


def test_every_page_has_a_ledger() -> None:
    assert sorted(p.stem for p in LEDGER.glob("*.csv")) == sorted(PAGES)


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_claim_row_is_complete(row: tuple[str, int, dict[str, str]]) -> None:
    page, line, claim = row
    where = f"data/claims/{page}.csv line {line}"
    required = [c for c in COLUMNS if c != "sentence" or claim["where"] != SUMMIT]
    assert all(claim[c].strip() for c in required), f"{where}: every column needs a value"
    assert claim["essay"] in ESSAYS, f"{where}: unknown essay {claim['essay']!r}; use one of {sorted(ESSAYS)}"
    assert claim["strength"] in STRENGTHS, f"{where}: strength is one of {STRENGTHS} (does the essay state, suggest or only allow it?)"
    assert (REPO / claim["where"]).exists(), f"{where}: {claim['where']} does not exist"
    anchor_length = len(words(claim["anchor"]))
    assert 3 <= anchor_length < MIN_WORDS, f"{where}: the anchor has {anchor_length} words; use 3 to {MIN_WORDS - 1}"


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_anchor_occurs_in_the_essay(row: tuple[str, int, dict[str, str]]) -> None:
    page, line, claim = row
    anchor = " " + " ".join(words(claim["anchor"])) + " "
    assert anchor in essay_words(claim["essay"]), (
        f"data/claims/{page}.csv line {line}: the anchor {claim['anchor']!r} is not in {claim['essay']}; "
        "copy it exactly from the essay, or, if the essay does not say it, present the claim as the course's own."
    )


def test_a_wrong_anchor_is_caught() -> None:
    text = essay_words("han2023")
    assert " " + " ".join(words("diffuse reciprocity")) + " " in text
    assert " " + " ".join(words("the task force is naval")) + " " not in text


# --- the book's sentences ------------------------------------------------------------------------


@lru_cache(maxsize=None)
def sentences_of(page: str) -> tuple[attributions.Sentence, ...]:
    return tuple(attributions.page_sentences(REPO / page, every_column=True))


def rows_for(page: str) -> list[dict[str, str]]:
    return [claim for _, _, claim in ROWS if claim["where"] == page and claim["sentence"].strip()]


def uncovered(page: str, snippets: list[str] | None = None) -> list[attributions.Sentence]:
    """The attributing sentences of ``page`` that none of ``snippets`` (by default the ledger rows'
    ``sentence`` for that page) points to."""
    if snippets is None:
        snippets = [claim["sentence"] for claim in rows_for(page)]
    return [s for s in attributions.attributing_sentences(REPO / page)
            if not any(attributions.contains(s, snippet) for snippet in snippets)]


def describe(sentences: list[attributions.Sentence]) -> str:
    return "\n".join(f"  {s.where}: {s.text[:160]}" for s in sentences)


PAGES_TO_COVER = [str(p.relative_to(REPO)) for p in attributions.page_files() if str(p.relative_to(REPO)) != SUMMIT]


@pytest.mark.parametrize("page", PAGES_TO_COVER)
def test_every_attributing_sentence_has_a_ledger_row(page: str) -> None:
    missing = uncovered(page)
    assert not missing, (
        f"{page}: {len(missing)} sentence(s) attribute something to an essay but no row of data/claims/ "
        "points to them (put a few of the sentence's words in a row's 'sentence' column, with the anchor "
        "of the essay's passage):\n" + describe(missing)
    )


#: Set to True once data/claims/summit.csv has its 'sentence' column filled: the summit's check then
#: fails like every other page's instead of being reported as an expected failure.
SUMMIT_LEDGER_COMPLETE = False


def test_summit_page_attributions_have_rows() -> None:
    """Reported separately: the summit's ledger (data/claims/summit.csv) is written with that page."""
    missing = uncovered(SUMMIT)
    if missing and not SUMMIT_LEDGER_COMPLETE:
        pytest.xfail(
            f"{SUMMIT}: {len(missing)} attributing sentence(s) still without a row in data/claims/summit.csv:\n"
            + describe(missing)
        )
    assert not missing, (
        f"{SUMMIT}: {len(missing)} attributing sentence(s) without a row in data/claims/summit.csv "
        "(fill its 'sentence' column):\n" + describe(missing)
    )


def _is_located(claim: dict[str, str]) -> bool:
    return bool(claim["sentence"].strip())


@pytest.mark.parametrize("row", [r for r in ROWS if _is_located(r[2])], ids=row_id)
def test_row_sentence_is_on_its_page(row: tuple[str, int, dict[str, str]]) -> None:
    page, line, claim = row
    length, least = len(words(claim["sentence"])), 1 if claim["where"].endswith(".csv") else 3  # a table cell may be a term
    assert least <= length <= 25, f"data/claims/{page}.csv line {line}: 'sentence' has {length} words; copy {least} to 25"
    found = [s for s in sentences_of(claim["where"]) if attributions.contains(s, claim["sentence"])]
    assert found, (
        f"data/claims/{page}.csv line {line}: the sentence {claim['sentence']!r} is no longer in "
        f"{claim['where']}; point the row at the sentence that now says it, or remove the row if the page "
        "no longer attributes the claim."
    )


@lru_cache(maxsize=None)
def essay_passages(key: str) -> tuple[tuple[str, str], ...]:
    """(normalised words, text) of each sentence of an essay."""
    path = SOURCES / f"{ESSAYS[key]}.txt"
    if not path.exists():
        pytest.skip(f"essay text {path} not found; the hedge check needs ../shared/sources/")
    passages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for sentence in attributions.split_sentences(line):
            passages.append((" " + " ".join(words(sentence)) + " ", sentence))
    return tuple(passages)


PASSAGE_WINDOW = 8  # words of the essay either side of the anchor that count as its passage


def anchor_passage(key: str, anchor: str) -> str | None:
    """The anchor with up to ``PASSAGE_WINDOW`` words either side, within the essay's sentence that
    holds it (``None`` if the anchor spans two sentences)."""
    needle = words(anchor)
    for normal, _ in essay_passages(key):
        tokens = normal.split()
        for i in range(len(tokens) - len(needle) + 1):
            if tokens[i : i + len(needle)] == needle:
                return " ".join(tokens[max(0, i - PASSAGE_WINDOW) : i + len(needle) + PASSAGE_WINDOW])
    return None


def hedge_lost(claim: dict[str, str]) -> tuple[str, str] | None:
    """(essay passage, book sentence) when the passage is hedged and the book's sentence is not."""
    passage = anchor_passage(claim["essay"], claim["anchor"])
    if passage is None or not attributions.hedged(passage):
        return None
    sentences = [s for s in sentences_of(claim["where"]) if attributions.contains(s, claim["sentence"])]
    if not sentences or any(attributions.hedged(s.text, attributions.BOOK_HEDGES) for s in sentences):
        return None
    return passage, sentences[0].text


@pytest.mark.parametrize("row", [r for r in ROWS if _is_located(r[2])], ids=row_id)
def test_hedges_survive(row: tuple[str, int, dict[str, str]]) -> None:
    page, line, claim = row
    lost = hedge_lost(claim)
    assert lost is None, (
        f"data/claims/{page}.csv line {line}: the essay hedges this passage but the book's sentence does not.\n"
        f"  essay: {lost[0][:300]}\n  book:  {lost[1][:300]}\n"
        "Keep the essay's hedge (may, probably, perceived, ...) in the sentence, or anchor the row on the "
        "passage that states the claim outright."
    )


# --- the checks can fail -----------------------------------------------------------------------


def test_attributing_sentences_are_recognised() -> None:
    assert attributions.attributes("Han argues that the two countries are too unequal.")
    assert attributions.attributes("The essay calls it a key juncture {cite}`powerrelations2024`.")
    assert attributions.attributes("Filer's four questions make a scorecard.")
    assert attributions.attributes("In the piece's introduction, small blocs spread.")
    assert not attributions.attributes("The model refuses inputs that make no sense.")
    assert not attributions.attributes("The handler keeps the record; Hanna and Weissman agree.")


def test_an_uncovered_sentence_and_a_lost_hedge_are_caught() -> None:
    sentence = attributions.Sentence("x.md", "file", "Filer says minilaterals lack a secretariat {cite}`filer2024`.")
    assert attributions.attributes(sentence.text)
    assert attributions.contains(sentence, "minilaterals lack a secretariat")
    assert not attributions.contains(sentence, "minilaterals may lack a secretariat")
    passage = anchor_passage("minilateralism2024", "lack a secretariat or collective budget")
    assert passage is not None and attributions.hedged(passage)
    assert not attributions.hedged(sentence.text, attributions.BOOK_HEDGES)
    assert attributions.hedged("They may lack a secretariat.", attributions.BOOK_HEDGES)


def test_a_sentence_whose_row_is_removed_is_reported() -> None:
    snippets = [claim["sentence"] for claim in rows_for("index.md")]
    assert uncovered("index.md", snippets) == []
    # Drop each row in turn: some sentence of the welcome page has only one row, and must come back.
    assert any(uncovered("index.md", snippets[:i] + snippets[i + 1 :]) for i in range(len(snippets)))


def test_a_row_whose_sentence_is_gone_is_caught() -> None:
    assert not [s for s in sentences_of("index.md") if attributions.contains(s, "Han argues that Korea should leave")]

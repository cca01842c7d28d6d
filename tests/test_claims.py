"""The claims ledger (``data/claims/*.csv``): every claim the course attributes to an essay can be
found in that essay.

Each row carries an *anchor*, a few words copied exactly from the essay; the test looks for them,
normalised like the paraphrase check (case, quotes, dashes and punctuation ignored), in the essay's
text in ``../shared/sources/``. A published copy of the course cannot redistribute the essays, so
that part is skipped, with a message, where the texts are absent.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest
from test_paraphrase import MIN_WORDS, SOURCES, words

REPO = Path(__file__).resolve().parents[1]
LEDGER = REPO / "data" / "claims"
COLUMNS = ["claim", "where", "essay", "section", "anchor", "strength"]
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
    assert all(claim[c].strip() for c in COLUMNS), f"{where}: every column needs a value"
    assert claim["essay"] in ESSAYS, f"{where}: unknown essay {claim['essay']!r}; use one of {sorted(ESSAYS)}"
    assert claim["strength"] in ("states", "suggests"), f"{where}: strength is 'states' or 'suggests'"
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

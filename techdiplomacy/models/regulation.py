"""Section 6 of Feijóo et al. (2020): how the US, the EU and China approach AI regulation.

The essay contrasts US reliance on industry self-regulation (and a 2017 bill that proposed only an
advisory committee), the EU's rights-based route (GDPR, ethical standards, the High-Level Expert
Group's requirements for trustworthy AI) and China's industry-led standards and 2019 Beijing AI
principles, which resemble others but put society before individuals; it also finds that China's
institutions have yet to embrace technology ethics. It reports *calls* (citing Floridi et al. 2018)
for five ethics principles: beneficence, non-maleficence, the power to decide (here: autonomy),
justice and explicability; the EU's expert group reached the same conclusions and recommended its
own requirements (human oversight, a fall-back plan, privacy, traceability, non-discrimination,
accountability).

``data/regulation_matrix.csv`` codes, for every principle and jurisdiction, how the essay's evidence
treats it: ``explicit`` (the essay names the principle, or a requirement that directly expresses
it, for that jurisdiction), ``implied`` (it describes measures or concerns that serve the principle
without naming it), ``qualified`` (it reports the principle there but also something that limits or
cuts against it) or ``not mentioned`` (no evidence either way). Each cell keeps the ``evidence`` for
its stance and the ``limits`` against it. The coding is the course's reading of the essay. The
overlap functions count a principle as shared at one of three levels of strictness, and accept a
``recode`` (``{(principle, jurisdiction): stance}``) to see how a different reading of a cell
changes the overlap.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice

__all__ = [
    "JURISDICTIONS",
    "LEVELS",
    "LEVEL_LABELS",
    "PRINCIPLES",
    "STANCES",
    "addressed",
    "approach_of",
    "cell",
    "cells",
    "instruments",
    "jaccard",
    "jurisdictions",
    "matrix",
    "overlap",
    "overlap_grid",
    "principles",
]

JURISDICTIONS: tuple[str, ...] = ("us", "eu", "china")
PRINCIPLES: tuple[str, ...] = ("beneficence", "non_maleficence", "autonomy", "justice", "explicability")
#: The stances, strongest first.
STANCES: tuple[str, ...] = ("explicit", "implied", "qualified", "not mentioned")
#: Which stances count as "addressing" a principle at each level of strictness.
LEVELS: dict[str, tuple[str, ...]] = {
    "explicit": ("explicit",),
    "explicit_or_implied": ("explicit", "implied"),
    "any": ("explicit", "implied", "qualified"),
}
LEVEL_LABELS: dict[str, str] = {
    "explicit": "Only principles named explicitly",
    "explicit_or_implied": "Named or implied",
    "any": "Any mention, even qualified",
}


def jurisdictions() -> pd.DataFrame:
    """The three jurisdictions with their approach and a one-line summary."""
    return load_table("regulation_jurisdictions")


def approach_of(jurisdiction: str) -> str:
    """The approach the essay attributes to ``jurisdiction`` (``us``, ``eu`` or ``china``)."""
    check_choice("jurisdiction", jurisdiction, JURISDICTIONS)
    table = jurisdictions().set_index("jurisdiction")
    return str(table.loc[jurisdiction, "approach"])


def instruments(jurisdiction: str | None = None) -> pd.DataFrame:
    """Laws, proposals, guidelines and codes the essay names (optionally for one jurisdiction)."""
    table = load_table("regulation_instruments")
    if jurisdiction is not None:
        check_choice("jurisdiction", jurisdiction, JURISDICTIONS)
        table = table[table["jurisdiction"] == jurisdiction]
    table = table.assign(
        year=table["year"].astype("Int64"),
        _order=[JURISDICTIONS.index(j) for j in table["jurisdiction"]],
    )
    return table.sort_values(["_order", "year"], na_position="last").drop(columns="_order").reset_index(drop=True)


def principles() -> pd.DataFrame:
    """The five ethics principles in the essay's order, with a short meaning."""
    return load_table("regulation_principles").sort_values("order").reset_index(drop=True)


Recode = Mapping[tuple[str, str], str]


def _check_recode(recode: Recode | None) -> dict[tuple[str, str], str]:
    if recode is None:
        return {}
    if not isinstance(recode, Mapping):
        raise ValueError(f"recode must map (principle, jurisdiction) to a stance, got {recode!r}.")
    checked = {}
    for key, stance in recode.items():
        if not (isinstance(key, tuple) and len(key) == 2):
            raise ValueError(f"recode keys must be (principle, jurisdiction) pairs, got {key!r}.")
        check_choice("principle", key[0], PRINCIPLES)
        check_choice("jurisdiction", key[1], JURISDICTIONS)
        check_choice("stance", stance, STANCES)
        checked[key] = stance
    return checked


def matrix(level: str | None = None, recode: Recode | None = None) -> pd.DataFrame:
    """The principle x jurisdiction matrix.

    Without ``level``: the stance in each cell (rows: principles, columns: jurisdictions). With a
    ``level`` from ``LEVELS``: booleans saying whether the principle counts as addressed.
    ``recode`` replaces the stance of some cells, e.g. ``{("justice", "china"): "implied"}``.
    """
    changes = _check_recode(recode)
    table = load_table("regulation_matrix")
    wide = table.pivot(index="principle", columns="jurisdiction", values="stance")
    wide = wide.reindex(index=list(PRINCIPLES), columns=list(JURISDICTIONS))
    for (principle, jurisdiction), stance in changes.items():
        wide.loc[principle, jurisdiction] = stance
    if level is None:
        return wide
    check_choice("level", level, LEVELS)
    return wide.isin(LEVELS[level])


def cell(principle: str, jurisdiction: str) -> dict[str, str]:
    """One cell of the matrix: its ``stance``, the ``evidence`` for it, the ``limits`` against it and ``source``."""
    check_choice("principle", principle, PRINCIPLES)
    check_choice("jurisdiction", jurisdiction, JURISDICTIONS)
    table = load_table("regulation_matrix").set_index(["principle", "jurisdiction"])
    row = table.loc[(principle, jurisdiction)]
    return {key: str(row[key]) for key in ("stance", "evidence", "limits", "source")}


def cells(jurisdiction: str | None = None) -> pd.DataFrame:
    """The matrix in long form (principle, jurisdiction, stance, evidence, limits), in the essay's order."""
    table = load_table("regulation_matrix")
    if jurisdiction is not None:
        check_choice("jurisdiction", jurisdiction, JURISDICTIONS)
        table = table[table["jurisdiction"] == jurisdiction]
    order = {p: i for i, p in enumerate(PRINCIPLES)}
    table = table.assign(_j=[JURISDICTIONS.index(j) for j in table["jurisdiction"]], _p=[order[p] for p in table["principle"]])
    columns = ["principle", "jurisdiction", "stance", "evidence", "limits"]
    return table.sort_values(["_j", "_p"])[columns].reset_index(drop=True)


def addressed(jurisdiction: str, level: str = "explicit_or_implied", recode: Recode | None = None) -> list[str]:
    """The principles ``jurisdiction`` addresses at the given ``level`` of strictness."""
    check_choice("jurisdiction", jurisdiction, JURISDICTIONS)
    column = matrix(level, recode)[jurisdiction]
    return [p for p in PRINCIPLES if bool(column[p])]


def jaccard(first: set[str] | list[str], second: set[str] | list[str]) -> float:
    """Shared elements divided by elements in either set (0 when both are empty)."""
    a, b = set(first), set(second)
    return len(a & b) / len(a | b) if a | b else 0.0


def overlap(a: str, b: str, level: str = "explicit_or_implied", recode: Recode | None = None) -> dict[str, object]:
    """Compare jurisdictions ``a`` and ``b``: shared principles, those only ``a`` (``only_first``) or
    only ``b`` (``only_second``) addresses, and the Jaccard index.

    The Jaccard index is shared / addressed by either (0 when neither addresses any principle).
    ``recode`` reads some cells differently (see :func:`matrix`).
    """
    first, second = set(addressed(a, level, recode)), set(addressed(b, level, recode))
    ordered = lambda names: [p for p in PRINCIPLES if p in names]  # noqa: E731 - keep essay order
    return {
        "shared": ordered(first & second),
        "only_first": ordered(first - second),
        "only_second": ordered(second - first),
        "jaccard": jaccard(first, second),
    }


def overlap_grid() -> pd.DataFrame:
    """Jaccard overlap for every pair of jurisdictions at every level (for the static chart)."""
    labels = jurisdictions().set_index("jurisdiction")["label"]
    rows = []
    for level in LEVELS:
        for a, b in itertools.combinations(JURISDICTIONS, 2):
            result = overlap(a, b, level)
            rows.append(
                {
                    "level": level,
                    "level_label": LEVEL_LABELS[level],
                    "pair": f"{labels[a]} & {labels[b]}",
                    "jaccard": result["jaccard"],
                    "shared": ", ".join(result["shared"]) or "none",
                    "shared_count": len(result["shared"]),
                }
            )
    return pd.DataFrame(rows)

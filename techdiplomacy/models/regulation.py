"""Section 6 of Feijóo et al. (2020): how the US, the EU and China approach AI regulation.

The essay contrasts US reliance on industry self-regulation (and a 2017 bill that proposed only an
advisory committee), the EU's rights-based route (GDPR, ethical standards, the High-Level Expert
Group's requirements for trustworthy AI) and China's industry-led standards and 2019 Beijing AI
principles, which resemble others but put society before individuals. It lists five ethics
principles: beneficence, non-maleficence, autonomy (people keep the choice), justice and explicability.

``data/regulation_matrix.csv`` codes, for every principle and jurisdiction, how the essay's evidence
treats it: ``explicit`` (named), ``implied`` (follows from what is described), ``qualified``
(present but limited or contested) or ``not mentioned``. The coding is the course's reading of the
essay. The overlap functions count a principle as shared at one of three levels of strictness.
"""

from __future__ import annotations

import itertools

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
    "instruments",
    "jurisdictions",
    "matrix",
    "overlap",
    "overlap_grid",
    "principles",
]

JURISDICTIONS: tuple[str, ...] = ("us", "eu", "china")
PRINCIPLES: tuple[str, ...] = ("beneficence", "non_maleficence", "autonomy", "justice", "explicability")
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


def matrix(level: str | None = None) -> pd.DataFrame:
    """The principle x jurisdiction matrix.

    Without ``level``: the stance in each cell (rows: principles, columns: jurisdictions). With a
    ``level`` from ``LEVELS``: booleans saying whether the principle counts as addressed.
    """
    table = load_table("regulation_matrix")
    wide = table.pivot(index="principle", columns="jurisdiction", values="stance")
    wide = wide.reindex(index=list(PRINCIPLES), columns=list(JURISDICTIONS))
    if level is None:
        return wide
    check_choice("level", level, LEVELS)
    return wide.isin(LEVELS[level])


def addressed(jurisdiction: str, level: str = "explicit_or_implied") -> list[str]:
    """The principles ``jurisdiction`` addresses at the given ``level`` of strictness."""
    check_choice("jurisdiction", jurisdiction, JURISDICTIONS)
    column = matrix(level)[jurisdiction]
    return [p for p in PRINCIPLES if bool(column[p])]


def overlap(a: str, b: str, level: str = "explicit_or_implied") -> dict[str, object]:
    """Compare jurisdictions ``a`` and ``b``: shared principles, those only ``a`` (``only_first``) or
    only ``b`` (``only_second``) addresses, and the Jaccard index.

    The Jaccard index is shared / addressed by either (0 when neither addresses any principle).
    """
    first, second = set(addressed(a, level)), set(addressed(b, level))
    union = first | second
    ordered = lambda names: [p for p in PRINCIPLES if p in names]  # noqa: E731 - keep essay order
    return {
        "shared": ordered(first & second),
        "only_first": ordered(first - second),
        "only_second": ordered(second - first),
        "jaccard": len(first & second) / len(union) if union else 0.0,
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

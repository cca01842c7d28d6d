"""Section 5 of Feijóo et al. (2020): divergent forecasts of AI's impact on work.

The essay cites four studies whose headline numbers look wildly different -- Bain (a fifth to a
quarter of current US jobs gone by the end of the 2020s), PwC (1% of jobs at potential risk by 2020
across 29 countries), the World Economic Forum (machines' share of task hours in large companies
29% in 2018, 52% expected in 2025) and McKinsey (100 million Chinese workers, 12% of the 2030
workforce, switching occupations if automation is rapid). They differ less in optimism than in
*basis*: what they count (measure), where (scope), by when (horizon) and under which condition.

This module loads the studies and their figures (``data/disruptions_*.csv``) and provides the
small calculations the chapter needs: which bases two studies share, the arithmetic implied by a
figure, and the pairwise comparison grid the static chart filters.
"""

from __future__ import annotations

import itertools

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice, check_non_negative, check_unit_interval

__all__ = [
    "DIMENSIONS",
    "DIMENSION_LABELS",
    "annual_change",
    "basis_differences",
    "comparable",
    "difference_grid",
    "figures",
    "implied_total",
    "share_of",
    "studies",
    "study_ids",
]

#: The dimensions on which two forecasts can differ, with the column that records each.
DIMENSIONS: tuple[str, ...] = ("measure", "scope", "horizon", "condition")
DIMENSION_LABELS: dict[str, str] = {
    "measure": "What is counted",
    "scope": "Where (scope)",
    "horizon": "By when (horizon)",
    "condition": "Under which condition",
}
_COLUMN = {"measure": "quantity", "scope": "scope", "horizon": "horizon", "condition": "condition"}


def studies() -> pd.DataFrame:
    """The four studies with their measure, scope, horizon and condition."""
    return load_table("disruptions_studies")


def study_ids() -> list[str]:
    """Short ids of the studies: ``bain``, ``pwc``, ``wef``, ``mckinsey``."""
    return list(studies()["study"])


def figures(study: str | None = None) -> pd.DataFrame:
    """The numbers each study reports (optionally for one ``study``), joined with its basis."""
    table = load_table("disruptions_figures")
    if study is not None:
        check_choice("study", study, study_ids())
        table = table[table["study"] == study]
    basis = studies()[["study", "forecaster", "scope", "horizon_label", "condition", "measure"]]
    return table.merge(basis, on="study", how="left").reset_index(drop=True)


def _basis(study: str) -> pd.Series:
    table = studies().set_index("study")
    check_choice("study", study, list(table.index))
    return table.loc[study]


def basis_differences(study_a: str, study_b: str) -> list[str]:
    """The dimensions (from ``DIMENSIONS``) on which two studies' headline figures differ.

    ``measure`` compares what is counted (share of jobs, share of task hours, number of workers),
    not the wording; ``horizon`` compares the target year.
    """
    a, b = _basis(study_a), _basis(study_b)
    return [dim for dim in DIMENSIONS if a[_COLUMN[dim]] != b[_COLUMN[dim]]]


def comparable(study_a: str, study_b: str) -> bool:
    """True only if two studies share measure, scope, horizon and condition."""
    return not basis_differences(study_a, study_b)


def difference_grid() -> pd.DataFrame:
    """Every ordered pair of studies x every dimension, with ``same`` and both studies' values.

    Precomputed for the chart whose reference study is chosen in the static page.
    """
    table = studies().set_index("study")
    rows = []
    for ref, other in itertools.product(table.index, repeat=2):
        differing = set(basis_differences(ref, other))
        for dim in DIMENSIONS:
            rows.append(
                {
                    "reference": ref,
                    "reference_label": table.loc[ref, "forecaster"],
                    "study": other,
                    "study_label": table.loc[other, "forecaster"],
                    "dimension": dim,
                    "dimension_label": DIMENSION_LABELS[dim],
                    "value": str(table.loc[other, _COLUMN[dim]]),
                    "same": dim not in differing,
                }
            )
    return pd.DataFrame(rows)


def implied_total(count: float, share_percent: float) -> float:
    """The whole that ``count`` is ``share_percent`` percent of (e.g. workforce from workers and share).

    McKinsey's 100 million workers as 12% of China's 2030 workforce imply a workforce of about
    833 million.
    """
    count = check_non_negative("count", count)
    share = check_unit_interval("share_percent / 100", check_non_negative("share_percent", share_percent) / 100)
    if share == 0:
        raise ValueError("share_percent must be greater than 0 to imply a total.")
    return count / share


def share_of(count: float, total: float) -> float:
    """``count`` as a percentage of ``total`` (both non-negative, ``total`` > 0)."""
    count = check_non_negative("count", count)
    total = check_non_negative("total", total)
    if total == 0:
        raise ValueError("total must be greater than 0.")
    return 100.0 * count / total


def annual_change(start_value: float, end_value: float, start_year: int, end_year: int) -> float:
    """Average change per year between two values (e.g. WEF task-hour shares, in points per year)."""
    start_value = check_non_negative("start_value", start_value)
    end_value = check_non_negative("end_value", end_value)
    for name, year in (("start_year", start_year), ("end_year", end_year)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise ValueError(f"{name} must be a whole year, got {year!r}.")
    if end_year <= start_year:
        raise ValueError(f"end_year ({end_year}) must come after start_year ({start_year}).")
    return (end_value - start_value) / (end_year - start_year)

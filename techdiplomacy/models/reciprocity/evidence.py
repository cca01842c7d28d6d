"""The essay's evidence of asymmetry between South Korea and the United States (Han 2023).

Three small tables in ``data/``: co-authorship shares, mutual AI investment, and the consumer
credits for an equivalent electric vehicle. :func:`dependence_asymmetry` turns a pair of shares into
the course's asymmetry index -- an *illustrative* bridge from the evidence to the game's slider,
not a measurement the essay makes.
"""

from __future__ import annotations

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_non_negative

__all__ = ["coauthorship_shares", "dependence_asymmetry", "ev_credits", "investment_figures"]


def coauthorship_shares() -> pd.DataFrame:
    """Shares (percent) of each country's internationally co-authored AI articles written with a partner."""
    return load_table("reciprocity_coauthorship")


def investment_figures() -> pd.DataFrame:
    """Mutual direct investment in AI companies (USD billion) and the share of each side's total."""
    return load_table("reciprocity_investment")


def ev_credits() -> pd.DataFrame:
    """Purchase and lease credits (percent of the price) for an equivalent EV made by the partner."""
    return load_table("reciprocity_ev_credits")


def dependence_asymmetry(small_share: float, large_share: float) -> float:
    """``(small - large) / (small + large)``: 0 when the relation matters equally to both, near 1 when only to one.

    For example, South Korea writes 44% of its international AI papers with US researchers while the
    United States writes 4% of its own with Korean ones: ``dependence_asymmetry(44, 4)`` is about 0.83.
    """
    small = check_non_negative("small_share", small_share)
    large = check_non_negative("large_share", large_share)
    if small + large == 0:
        raise ValueError("At least one share must be positive to compare dependence.")
    return (small - large) / (small + large)

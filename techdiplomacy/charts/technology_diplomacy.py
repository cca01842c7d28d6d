"""Charts for the new technology diplomacy chapter (Feijóo et al. 2020 §7).

:func:`scorecard_explorer` is the interactive chart of the static book: two drop-downs pick a
weighting profile and a candidate institution from a precomputed grid; the tooltip of each
institution's total carries what the essays say about it (for the treaty-based organisation, that the
essay wants diplomacy to go beyond treaties). :func:`design_scorecard` draws one design under one
weighting (used by the live widget).
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown
from techdiplomacy.data import load_table
from techdiplomacy.models.technology_diplomacy import CRITERIA, design_ranking, score_design, scorecard_grid

__all__ = ["design_scorecard", "scorecard_explorer"]

PROFILE_LABELS: dict[str, str] = {
    "equal": "Equal weights",
    "inclusion_first": "Inclusion first",
    "security_first": "Security first",
    "speed_first": "Speed first",
}


def _criterion_labels() -> list[str]:
    table = load_table("technology_diplomacy_criteria").set_index("criterion")
    return [str(table.loc[c, "label"]) for c in CRITERIA]


def _criterion_bars(data: pd.DataFrame, width: int) -> alt.LayerChart:
    y = alt.Y("label:N", title=None, sort=_criterion_labels())
    tooltip = [
        alt.Tooltip("label:N", title="Criterion"),
        alt.Tooltip("rating:Q", title="Rating (0-4)"),
        alt.Tooltip("points:Q", title="Points", format=".1f"),
        alt.Tooltip("max_points:Q", title="Maximum points", format=".1f"),
    ]
    possible = alt.Chart(data).mark_bar(color=PALETTE[7], opacity=0.35).encode(
        y=y, x=alt.X("max_points:Q", title="Points (of 100 for the whole design)"), tooltip=tooltip
    )
    earned = alt.Chart(data).mark_bar(color=PALETTE[4], height=10).encode(y=y, x="points:Q", tooltip=tooltip)
    return alt.layer(possible, earned).properties(width=width, height=22 * len(CRITERIA))


def design_scorecard(ratings: Mapping[str, int], weights: str | Mapping[str, float] = "equal", width: int = 360) -> alt.LayerChart:
    """Points earned (dark) and possible (light) on each criterion for one design (no controls)."""
    score = score_design(ratings, weights)
    chart = _criterion_bars(score.breakdown[["label", "rating", "points", "max_points"]], width)
    weighting = PROFILE_LABELS.get(weights, "custom weights") if isinstance(weights, str) else "custom weights"
    return describe(
        chart,
        f"Institution design scorecard: {score.total:.0f} of 100",
        f"Under {weighting.lower()}, the design scores {score.total:.0f} of 100. For each of nine criteria "
        "drawn from Feijóo et al. (2020) §7 the light bar is the most points the criterion can give and "
        f"the dark bar the points earned. Weakest: {', '.join(score.weakest)}. Weights are illustrative assumptions.",
    )


def scorecard_explorer(width: int = 420) -> alt.VConcatChart:
    """Drop-downs pick a weighting profile and a design; criterion bars and, below them, the ranking follow."""
    grid = scorecard_grid()
    designs = load_table("technology_diplomacy_designs").sort_values("order")
    design_label = dict(zip(designs["design"], designs["label"]))
    grid["design_label"] = grid["design"].map(design_label)
    grid["profile_label"] = grid["profile"].map(PROFILE_LABELS)
    grid = grid[["profile_label", "design_label", "label", "rating", "points", "max_points", "total"]]
    caveats = designs.assign(design_label=designs["label"])[["design_label", "essay_caveat"]]
    profile = dropdown("weighting", "Weighting (illustrative)", list(PROFILE_LABELS.values()), "Equal weights")
    design = dropdown("design", "Institution", list(designs["label"]), "Dedicated AI organisation")
    bars = _criterion_bars(grid, width).transform_filter("datum.profile_label == weighting && datum.design_label == design")
    totals = (
        alt.Chart(grid)
        .transform_filter("datum.profile_label == weighting")
        .transform_aggregate(total="max(total)", groupby=["design_label"])
        .transform_lookup(lookup="design_label", from_=alt.LookupData(caveats, "design_label", ["essay_caveat"]))
        .mark_bar()
        .encode(
            y=alt.Y("design_label:N", title=None, sort="-x"),
            x=alt.X("total:Q", title="Score out of 100", scale=alt.Scale(domain=[0, 100])),
            color=alt.condition("datum.design_label == design", alt.value(PALETTE[4]), alt.value(PALETTE[7])),
            tooltip=[alt.Tooltip("design_label:N", title="Institution"), alt.Tooltip("total:Q", title="Score", format=".0f"),
                     alt.Tooltip("essay_caveat:N", title="What the essays say")],
        )
        .properties(width=width, height=22 * len(designs))
    )
    equal = design_ranking("equal")
    security = design_ranking("security_first")
    treaty_rank = int(security.index[security["design"] == "treaty_organisation"][0]) + 1
    chart = alt.vconcat(bars, totals).add_params(profile, design)
    return describe(
        chart,
        "Score an institution for the new technology diplomacy",
        "Two drop-downs pick a weighting profile (equal, inclusion first, security first, speed first) and "
        f"one of {len(designs)} candidate institutions: five discussed by Feijóo et al. (2020) §7 and two hoped for by "
        "experts in the minilateralism essay (2024). Top: for each of nine "
        "criteria the light bar is the most points it can give and the dark bar the points the chosen "
        "institution earns. Bottom: every institution's total out of 100 under the chosen weighting, the "
        f"chosen one highlighted. With equal weights {equal['label'].iloc[0]} leads "
        f"({equal['score'].iloc[0]:.0f}); with security first {security['label'].iloc[0]} leads "
        f"({security['score'].iloc[0]:.0f}) and the treaty-based organisation ranks {treaty_rank}, although the essay "
        "argues that diplomacy must go beyond treaties and that treaties may not suit malicious AI. "
        "Ratings and weights are illustrative assumptions.",
    )

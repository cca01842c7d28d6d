"""Charts for the regulation chapter (Feijóo et al. 2020, section 6).

:func:`overlap_explorer` is the interactive chart of the static book: a dropdown sets how strictly a
principle must be stated to count, and both the principle x jurisdiction matrix (cells that count
are ticked) and the overlap bars for each pair of jurisdictions follow. :func:`principle_matrix`
and :func:`overlap_bars` draw one level without controls (used by the live widget).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown
from techdiplomacy.data import load_table
from techdiplomacy.models.regulation import LEVEL_LABELS, LEVELS, STANCES, jurisdictions, overlap_grid, principles

__all__ = ["overlap_bars", "overlap_explorer", "principle_matrix"]

STANCE_COLORS = alt.Scale(domain=list(STANCES), range=[PALETTE[4], PALETTE[1], PALETTE[0], PALETTE[7]])


def _cells() -> pd.DataFrame:
    """One row per (level, principle, jurisdiction) with whether the cell counts at that level."""
    table = load_table("regulation_matrix")
    labels = principles().set_index("principle")["label"]
    places = jurisdictions().set_index("jurisdiction")["label"]
    rows = []
    for level, counted in LEVELS.items():
        for row in table.itertuples():
            rows.append(
                {
                    "level_label": LEVEL_LABELS[level],
                    "principle_label": labels[row.principle],
                    "jurisdiction_label": places[row.jurisdiction],
                    "stance": row.stance,
                    "counts": "✓" if row.stance in counted else "",
                    "evidence": row.evidence,
                    "limits": row.limits,
                }
            )
    return pd.DataFrame(rows)


def _matrix(data: pd.DataFrame, condition: str | None) -> alt.LayerChart:
    base = alt.Chart(data)
    if condition:
        base = base.transform_filter(condition)
    y = alt.Y("principle_label:N", sort=list(principles()["label"]), title="Principle")
    x = alt.X("jurisdiction_label:N", sort=list(jurisdictions()["label"]), title=None, axis=alt.Axis(labelAngle=0, orient="top"))
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        x=x, y=y,
        color=alt.Color("stance:N", scale=STANCE_COLORS, title="How the essay's evidence treats it",
                        legend=alt.Legend(orient="bottom", columns=2)),
        tooltip=[alt.Tooltip("principle_label:N", title="Principle"), alt.Tooltip("jurisdiction_label:N", title="Jurisdiction"),
                 alt.Tooltip("stance:N", title="Stance"), alt.Tooltip("evidence:N", title="Evidence for"),
                 alt.Tooltip("limits:N", title="Limits and evidence against")],
    )
    ticks = base.mark_text(fontSize=20, fontWeight="bold").encode(
        x=x, y=y, text="counts:N",
        color=alt.condition("datum.stance == 'explicit'", alt.value("white"), alt.value("black")),
    )
    return alt.layer(cells, ticks).properties(width=300, height=220)


def _bars(data: pd.DataFrame, condition: str | None) -> alt.LayerChart:
    base = alt.Chart(data)
    if condition:
        base = base.transform_filter(condition)
    y = alt.Y("pair:N", title=None, sort=None)
    bars = base.mark_bar(color=PALETTE[2]).encode(
        y=y,
        x=alt.X("jaccard:Q", title="Overlap (shared / addressed by either)", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("pair:N", title="Pair"), alt.Tooltip("jaccard:Q", title="Overlap", format=".0%"),
                 alt.Tooltip("shared:N", title="Shared principles")],
    )
    text = base.mark_text(align="left", dx=4).encode(y=y, x="jaccard:Q", text=alt.Text("jaccard:Q", format=".0%"))
    return alt.layer(bars, text).properties(width=300, height=120)


def _grid() -> pd.DataFrame:
    return overlap_grid().assign(jaccard=lambda g: g["jaccard"].round(3))[["level_label", "pair", "jaccard", "shared"]]


def overlap_explorer() -> alt.VConcatChart:
    """Interactive: a dropdown sets the level of strictness; the matrix and, below it, the overlap bars follow."""
    options = list(LEVEL_LABELS.values())
    level = dropdown("level", "Count a principle as shared when it is", options, LEVEL_LABELS["explicit_or_implied"])
    chosen = "datum.level_label == level"
    chart = alt.vconcat(_matrix(_cells(), chosen), _bars(_grid(), chosen)).add_params(level)
    grid = overlap_grid().set_index(["level", "pair"])["jaccard"]
    eu_cn = grid.xs("European Union & China", level="pair")
    return describe(
        chart,
        "Which ethics principles do the US, the EU and China share?",
        "Top: a matrix of five ethics principles (beneficence, non-maleficence, autonomy, justice, "
        "explicability) by jurisdiction (United States, European Union, China), coloured by how the "
        "evidence in Feijóo et al. (2020) treats each: explicit, implied, qualified or not mentioned (the "
        "coding is the course's reading). A tick marks cells that count at the chosen level. Bottom: for each pair of "
        "jurisdictions, the share of principles addressed by either that both address. The menu sets how "
        "strictly a principle must be stated to count. For example, the EU and China overlap "
        f"{eu_cn['explicit']:.0%} when only explicit statements count, {eu_cn['explicit_or_implied']:.0%} "
        f"when implied ones count too and {eu_cn['any']:.0%} when qualified ones also count.",
    )


def principle_matrix(level: str = "explicit_or_implied") -> alt.LayerChart:
    """The matrix for one level of strictness (no controls)."""
    label = LEVEL_LABELS[level]
    data = _cells()
    chart = _matrix(data[data["level_label"] == label], None)
    return describe(
        chart,
        "Ethics principles by jurisdiction",
        f"Five ethics principles by jurisdiction, coloured by how the essay's evidence treats them; ticks "
        f"mark the cells that count at the level '{label}'.",
    )


def overlap_bars(level: str = "explicit_or_implied") -> alt.LayerChart:
    """Overlap bars for one level of strictness (no controls)."""
    label = LEVEL_LABELS[level]
    data = _grid()
    data = data[data["level_label"] == label]
    summary = "; ".join(f"{p} {j:.0%}" for p, j in zip(data["pair"], data["jaccard"]))
    return describe(
        _bars(data, None),
        "Overlap of principles between jurisdictions",
        f"Share of principles addressed by either jurisdiction that both address, at the level '{label}': {summary}.",
    )

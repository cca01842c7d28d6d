"""Charts for the disruptions chapter (Feijóo et al. 2020, section 5).

The four labour-impact forecasts count different things, so :func:`forecast_panels` gives each
study its own panel, axis and unit instead of one shared axis that would invite false comparison.
:func:`basis_matrix` is the interactive chart of the static book: a dropdown picks a reference study
and the matrix shows on which dimensions every other study's basis differs from it.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown
from techdiplomacy.models.disruptions import DIMENSION_LABELS, difference_grid, figures, implied_total, studies

__all__ = ["basis_matrix", "forecast_panels", "pair_matrix"]

SAME_COLORS = alt.Scale(domain=["same basis", "different basis"], range=[PALETTE[2], PALETTE[0]])


def _panel(study: pd.Series, data: pd.DataFrame, width: int, axis_max: float | None = None) -> alt.LayerChart:
    data = data.assign(
        year_label=data["year"].astype(str),
        label=[f"{v:g}–{h:g}" if pd.notna(h) else f"{v:g}" for v, h in zip(data["value"], data["value_high"])],
        top=[h if pd.notna(h) else v for v, h in zip(data["value"], data["value_high"])],
    )
    unit = data["unit"].iloc[0]
    subtitle_note: list[str] = []
    x = alt.X("year_label:O", title="Year", axis=alt.Axis(labelAngle=0))
    tooltip = [
        alt.Tooltip("year_label:N", title="Year"),
        alt.Tooltip("label:N", title=unit),
        alt.Tooltip("note:N", title="What it counts"),
        alt.Tooltip("source:N", title="Source"),
    ]
    # Percentages get a full 0-100 axis so that 1% looks like 1%, not like a full bar.
    # Counts get an axis up to the whole they are part of, when the essay's figures imply it.
    if unit.startswith("percent"):
        scale = alt.Scale(domain=[0, 100])
    elif axis_max is not None:
        scale = alt.Scale(domain=[0, round(axis_max)])
        # Said in the subtitle: as an axis title it would be longer than the panel is high.
        subtitle_note = ["axis ends at the implied workforce"]
    else:
        scale = alt.Scale(zero=True)
    bars = alt.Chart(data).mark_bar(width=36, color=PALETTE[4]).encode(
        x=x, y=alt.Y("value:Q", title=unit, scale=scale), tooltip=tooltip
    )
    layers = [bars]
    if data["value_high"].notna().any():
        layers.append(
            alt.Chart(data).mark_bar(width=36, color=PALETTE[1], opacity=0.6).encode(
                x=x, y="value:Q", y2="value_high:Q", tooltip=tooltip
            )
        )
    layers.append(alt.Chart(data).mark_text(dy=-8, fontWeight="bold").encode(x=x, y="top:Q", text="label:N"))
    condition = "" if study["condition"] == "none stated" else f"; {study['condition']}"
    title = alt.TitleParams(
        text=f"{study['forecaster']}: {study['quantity']}",
        subtitle=[f"{study['scope']}, {study['horizon_label']}{condition}", *subtitle_note],
        fontSize=13,
        anchor="start",
    )
    return alt.layer(*layers).properties(width=width, height=180, title=title)


def forecast_panels(width: int = 220) -> alt.ConcatChart:
    """One panel per study, each with its own axis and unit: the forecasts are not comparable.

    The four panels sit in a grid of two columns, so that the chart fits the book's text column.
    """
    table = studies()
    numbers = figures()
    by_figure = numbers.set_index("figure")["value"]
    workforce = implied_total(float(by_figure["workers_switching"]), float(by_figure["workforce_share_switching"]))
    numbers = numbers[numbers["quantity"] != "share of workforce"]  # McKinsey's 12% is the same 100 million
    panels = [
        _panel(row, numbers[numbers["study"] == row["study"]], width, workforce if row["study"] == "mckinsey" else None)
        for _, row in table.iterrows()
    ]
    chart = alt.concat(*panels, columns=2).resolve_scale(y="independent")
    return describe(
        chart,
        "Four forecasts of AI and work, each on its own basis",
        "Four panels, one per study cited by Feijóo et al. (2020, section 5), each with its own axis because "
        "they count different things. Bain: AI and robots may eliminate 20% to 25% of current US jobs by the "
        "end of the 2020s (drawn at 2030). "
        "PwC: 1% of jobs in 29 countries potentially at risk from automation by 2020. World Economic "
        "Forum: machines' share of task hours in large companies in 12 industries, 29% in 2018 and 52% "
        "in 2025. McKinsey: 100 million Chinese workers (12% of the 2030 workforce) would need to switch "
        "occupations if automation is adopted rapidly; its axis ends at the 2030 workforce those two "
        f"figures imply (about {workforce:.0f} million). Percentages are drawn on a full 0 to 100 axis.",
    )


def _grid() -> pd.DataFrame:
    grid = difference_grid()
    grid["status"] = ["same basis" if same else "different basis" for same in grid["same"]]
    return grid[["reference_label", "study_label", "dimension_label", "value", "status"]]


def _matrix_layers(data: pd.DataFrame, condition: str | None, width: int) -> alt.LayerChart:
    order = list(studies()["forecaster"])
    dims = list(DIMENSION_LABELS.values())
    # Long values are written on two lines so that they fit a cell of a matrix as wide as the book's column.
    data = data.assign(value_lines=["\n".join(textwrap.wrap(str(v), 16)) for v in data["value"]])
    base = alt.Chart(data)
    if condition:
        base = base.transform_filter(condition)
    y = alt.Y("study_label:N", sort=order, title="Study")
    x = alt.X("dimension_label:N", sort=dims, title=None, axis=alt.Axis(labelAngle=0, orient="top"))
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        x=x, y=y,
        color=alt.Color("status:N", scale=SAME_COLORS, title="Compared with the reference", legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("study_label:N", title="Study"), alt.Tooltip("dimension_label:N", title="Dimension"),
                 alt.Tooltip("value:N", title="Value"), alt.Tooltip("status:N", title="Compared with reference")],
    )
    text = base.mark_text(fontSize=12, color="black", limit=width / 4 - 8, lineBreak="\n").encode(x=x, y=y, text="value_lines:N")
    return alt.layer(cells, text).properties(width=width, height=260)


def basis_matrix(width: int = 520) -> alt.LayerChart:
    """Interactive: pick a reference study; cells show where every study's basis differs from it."""
    options = list(studies()["forecaster"])
    reference = dropdown("reference", "Compare with", options, options[0])
    chart = _matrix_layers(_grid(), "datum.reference_label == reference", width).add_params(reference)
    return describe(
        chart,
        "Why the forecasts differ: measure, scope, horizon, condition",
        "A matrix with one row per study (Bain, PwC, World Economic Forum, McKinsey) and one column per "
        "dimension of a forecast's basis: what is counted, where, by when and under which condition. Each "
        "cell gives the study's value; its colour says whether it matches the reference study chosen in "
        "the menu. Whichever reference you choose, every other study differs from it at least in what it "
        "counts and where, so no two headline numbers can be compared directly.",
    )


def pair_matrix(study_a: str, study_b: str, width: int = 520) -> alt.LayerChart:
    """The basis matrix for two studies only, with ``study_a`` as reference (for the live widget)."""
    grid = difference_grid()
    grid = grid[(grid["reference"] == study_a) & grid["study"].isin([study_a, study_b])].copy()
    grid["status"] = ["same basis" if same else "different basis" for same in grid["same"]]
    data = grid[["reference_label", "study_label", "dimension_label", "value", "status"]]
    chart = _matrix_layers(data, None, width).properties(height=110)
    names = " and ".join(dict.fromkeys(data["study_label"]))
    return describe(
        chart,
        f"Bases of {names}",
        f"What {names} count, where, by when and under which condition; cells that differ from "
        f"{data['reference_label'].iloc[0]} are marked as a different basis.",
    )

"""Charts for the fragmentation chapter (Feijóo et al. 2020, section 4).

:func:`event_timeline` shows the essay's dated events; a dropdown filters them by actor and a click
on the legend highlights one stage, both in the static page. :func:`diversity_explorer` draws the
illustrative diversity-innovation curve with sliders for interoperability and diversity, filtering
a precomputed grid. :func:`diversity_curve` draws one scenario (used by the live widget).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown, slider
from techdiplomacy.models.fragmentation import (
    STAGE_LABELS,
    actors,
    events,
    functional_diversity,
    functional_range,
    innovation,
    innovation_curve,
    scenario_grid,
)

__all__ = ["STAGE_COLORS", "UNDATED_X", "diversity_curve", "diversity_explorer", "event_timeline"]

STAGE_COLORS = alt.Scale(
    domain=list(STAGE_LABELS.values()),
    range=[PALETTE[0], PALETTE[5], PALETTE[4], PALETTE[2]],
)
DATED = alt.Scale(domain=["dated in the essay", "not dated in the essay"], range=["circle", "diamond"])
#: Where the timeline draws events the essay does not date: a column of their own after 2020
#: (drawing them at 2020 would pile most of the events on one year the essay does not give).
UNDATED_X = 2022
X_DIVERSITY = alt.X("diversity:Q", title="Diversity of approaches (0 = one uniform approach, 1 = fully separate)",
                    scale=alt.Scale(domain=[0, 1]))
Y_INNOVATION = alt.Y("innovation:Q", title="Innovation relative to one approach (illustrative)",
                     scale=alt.Scale(domain=[-0.3, 0.8]))


def _timeline_data() -> pd.DataFrame:
    table = events()
    table["dating"] = ["dated in the essay" if d else "not dated in the essay" for d in table["dated_in_essay"]]
    dated = table["dated_in_essay"].astype(bool)
    # An undated event's mark sits in the "not dated" column; a span the essay gives (e.g. from 2010) stays.
    table["mark_year"] = table["year_end"].where(dated, UNDATED_X)
    table["span_end"] = table["year_end"].where(dated | (table["year_start"] < table["year_end"]), table["year_start"])
    table["value_text"] = [
        f"{v:g} {u}" if pd.notna(v) else "" for v, u in zip(table["value"], table["unit"].fillna(""))
    ]
    columns = ["event", "title", "year_start", "year_end", "mark_year", "span_end", "dating", "year_basis", "actors",
               "stage_label", "value_text", "description", "source"]
    # Dated events first, in time order; then the undated ones, together.
    return table.assign(_undated=~dated).sort_values(["_undated", "year_start", "year_end"], kind="stable")[columns].reset_index(drop=True)


def event_timeline(width: int = 400) -> alt.LayerChart:
    """The event timeline with an actor dropdown and a legend that highlights a stage."""
    data = _timeline_data()
    actor = dropdown("actor", "Actor", ["All", *actors()], "All")
    stage = alt.selection_point(name="stage_pick", fields=["stage_label"], bind="legend")
    order = list(data["title"])
    y = alt.Y("title:N", sort=order, title=None, axis=alt.Axis(labelLimit=0))
    years = alt.Scale(domain=[2009, UNDATED_X + 1])
    axis = alt.Axis(values=[2010, 2012, 2014, 2016, 2018, 2020, UNDATED_X], format="d",
                    labelExpr=f"datum.value == {UNDATED_X} ? 'not dated' : datum.label")
    x = alt.X("year_start:Q", title="Year", scale=years, axis=axis)
    opacity = alt.condition(stage, alt.value(1.0), alt.value(0.15))
    # Legends below the chart keep it within the book's text column; one definition for both layers.
    color = alt.Color("stage_label:N", scale=STAGE_COLORS, title="Stage", legend=alt.Legend(orient="bottom", direction="vertical"))
    tooltip = [
        alt.Tooltip("title:N", title="Event"),
        alt.Tooltip("stage_label:N", title="Stage"),
        alt.Tooltip("actors:N", title="Actors"),
        alt.Tooltip("year_basis:N", title="Date"),
        alt.Tooltip("value_text:N", title="Figure"),
        alt.Tooltip("description:N", title="What happened"),
        alt.Tooltip("source:N", title="Source"),
    ]
    base = alt.Chart(data).transform_filter("actor == 'All' || indexof(datum.actors, actor) >= 0")
    spans = base.mark_rule(strokeWidth=4).encode(
        x=x, x2="span_end:Q", y=y, color=color, opacity=opacity
    )
    divider = alt.Chart(pd.DataFrame({"x": [UNDATED_X - 1]})).mark_rule(strokeDash=[4, 4], color=PALETTE[7]).encode(x=alt.X("x:Q", scale=years))
    points = base.mark_point(filled=True, size=110).encode(
        x=alt.X("mark_year:Q", scale=years),
        y=y,
        color=color,
        shape=alt.Shape("dating:N", scale=DATED, title="Date", legend=alt.Legend(orient="bottom", direction="vertical")),
        opacity=opacity,
        tooltip=tooltip,
    )
    chart = alt.layer(divider, spans, points).add_params(actor, stage).properties(width=width, height=24 * len(data))
    return describe(
        chart,
        "Events on the road to fragmentation",
        f"{len(data)} events that Feijóo et al. (2020) cite, by year, coloured by the stage they illustrate: "
        "techno-nationalism, protectionism, fragmentation, or the EU's move to compensate for or join China's "
        "Belt and Road (not a stage). Events the essay "
        "does not date are drawn as diamonds in a column of their own, after 2020. Use the Actor menu to keep one actor's events and "
        "click a stage in the legend to highlight it. Most of the events the course drew from the essay "
        "illustrate protectionism, the stage the essay says the main players had reached by 2020; the "
        "stages overlap in time.",
    )


def _layers(curves: pd.DataFrame, bands: pd.DataFrame, marker: pd.DataFrame, chosen: str | None,
            at_diversity: str | None, width: int) -> alt.LayerChart:
    curve_data = alt.Chart(curves)
    band_data = alt.Chart(bands)
    marker_data = alt.Chart(marker)
    if chosen:
        curve_data = curve_data.transform_filter(chosen)
        band_data = band_data.transform_filter(chosen)
    if at_diversity:
        marker_data = marker_data.transform_filter(at_diversity)
    band = band_data.mark_rect(opacity=0.18, color=PALETTE[2]).encode(
        x="low:Q", x2="high:Q",
        tooltip=[alt.Tooltip("low:Q", title="Functional band (illustrative 90% cut-off) from", format=".2f"),
                 alt.Tooltip("high:Q", title="to", format=".2f"),
                 alt.Tooltip("functional_diversity:Q", title="Peak at diversity", format=".2f")],
    )
    peak = band_data.mark_rule(strokeDash=[4, 3], color=PALETTE[2]).encode(x="functional_diversity:Q")
    zero = alt.Chart(pd.DataFrame({"innovation": [0.0]})).mark_rule(color=PALETTE[7]).encode(y="innovation:Q")
    line = curve_data.mark_line(strokeWidth=3, color=PALETTE[4]).encode(
        x=X_DIVERSITY, y=Y_INNOVATION,
        tooltip=[alt.Tooltip("diversity:Q", format=".2f"), alt.Tooltip("innovation:Q", title="Innovation", format=".2f")],
    )
    point = marker_data.mark_point(filled=True, size=160, color=PALETTE[5]).encode(
        x="diversity:Q", y="innovation:Q",
        tooltip=[alt.Tooltip("diversity:Q", format=".2f"), alt.Tooltip("innovation:Q", title="Innovation", format=".2f")],
    )
    label = marker_data.mark_text(dy=-14, fontSize=12, fontWeight="bold").encode(
        x="diversity:Q", y="innovation:Q", text=alt.Text("innovation:Q", format="+.2f")
    )
    return alt.layer(band, peak, zero, line, point, label).properties(width=width, height=int(width * 0.6))


def diversity_explorer(width: int = 460) -> alt.LayerChart:
    """The interactive curve of the static book: interoperability and diversity sliders."""
    curves, bands = scenario_grid()
    curves = curves.assign(innovation=curves["innovation"].round(4))
    bands = bands.round(4)
    interop = slider("interoperability", "Interoperability and converters", 0.0, 1.0, 0.1, 0.0)
    diversity = slider("diversity", "Diversity", 0.0, 1.0, 0.02, 0.4)
    chosen = "abs(datum.interoperability - interoperability) < 0.001"
    at = chosen + " && abs(datum.diversity - diversity) < 0.001"
    chart = _layers(curves, bands, curves, chosen, at, width).add_params(interop, diversity)
    low0, high0 = functional_range(0.0)
    low1, high1 = functional_range(1.0)
    return describe(
        chart,
        "Diversity and innovation: a functional level (illustrative model)",
        "An illustrative model of the argument in Feijóo et al. (2020, section 4): innovation first rises "
        "with the diversity of approaches and then falls as coordination is lost. The shaded band is the "
        "functional range (at least 90% of the peak, an illustrative cut-off); the dot marks the diversity chosen with the slider. "
        f"With no interoperability the band runs from {low0:.2f} to {high0:.2f} and full separation does "
        f"worse than one approach; with full interoperability it runs from {low1:.2f} to {high1:.2f}. "
        "Sliders set interoperability (with converter technology) and diversity. The shape and numbers "
        "are illustrative assumptions, not measurements.",
    )


def diversity_curve(interoperability: float, diversity: float, width: int = 420) -> alt.LayerChart:
    """The curve, band and marker for one scenario (no controls), for the live widget."""
    curve = innovation_curve(interoperability)
    low, high = functional_range(interoperability)
    peak = functional_diversity(interoperability)
    bands = pd.DataFrame([{"interoperability": interoperability, "functional_diversity": peak, "low": low, "high": high}])
    marker = pd.DataFrame([{"diversity": diversity, "innovation": round(innovation(diversity, interoperability), 4)}])
    chart = _layers(curve, bands, marker, None, None, width)
    return describe(
        chart,
        f"Diversity and innovation at interoperability {interoperability:.2f} (illustrative)",
        f"Illustrative curve of innovation against diversity with interoperability {interoperability:.2f}. "
        f"The functional band (at least 90% of the peak, an illustrative cut-off) runs from {low:.2f} to {high:.2f} with its peak at {peak:.2f}; the dot marks "
        f"diversity {diversity:.2f}.",
    )

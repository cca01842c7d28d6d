"""Charts for the Fig. 1 policy-paths chapter (Feijóo et al. 2020).

:func:`scenario_explorer` is the interactive chart of the static book: three sliders pick a driver
scenario from a precomputed grid, and both the map of paths and the end-state bars follow.
:func:`policy_map` and :func:`end_state_bars` draw one scenario (used by the live widget).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, slider
from techdiplomacy.data import load_table
from techdiplomacy.models.policy_paths import (
    DRIVER_LABELS,
    END_STATES,
    Drivers,
    end_state_table,
    scenario_grid,
    transition_probabilities,
)

__all__ = ["end_state_bars", "policy_map", "scenario_explorer"]

DRIVERS = tuple(DRIVER_LABELS)
#: One colour scale for the map's nodes and the bars: B, C and D keep their colour in both panels.
STATE_COLORS = alt.Scale(
    domain=[*END_STATES, "start (A1-A3)", "intermediate (D')"],
    range=[PALETTE[1], PALETTE[2], PALETTE[5], PALETTE[4], PALETTE[0]],
)
X_AXIS = alt.X("technology_development:Q", title="Technology development →", scale=alt.Scale(domain=[0.1, 1]), axis=alt.Axis(labels=False, ticks=False))
Y_AXIS = alt.Y("society_welfare:Q", title="Society welfare →", scale=alt.Scale(domain=[0.2, 0.95]), axis=alt.Axis(labels=False, ticks=False))


#: States whose label is drawn below the node rather than above it.
LABELS_BELOW: tuple[str, ...] = ("A1",)


def _compact(paths: pd.DataFrame) -> pd.DataFrame:
    columns = ["from_state", "to_state", "probability", *[c for c in DRIVERS if c in paths]]
    return paths[columns].assign(probability=paths["probability"].round(3))


def _map_layers(paths: pd.DataFrame, width: int, scenario_filter: str | None = None) -> alt.LayerChart:
    """Edges (one row per path) joined in the browser to the states' illustrative positions."""
    states = load_table("policy_paths_states")
    positions = states[["state", "technology_development", "society_welfare"]]
    edges = alt.Chart(paths)
    if scenario_filter:
        edges = edges.transform_filter(scenario_filter)
    edges = (
        edges.transform_lookup(
            lookup="from_state",
            from_=alt.LookupData(positions, key="state", fields=["technology_development", "society_welfare"]),
        )
        .transform_lookup(
            lookup="to_state",
            from_=alt.LookupData(positions, key="state", fields=["technology_development", "society_welfare"]),
            as_=["to_technology", "to_welfare"],
        )
        .mark_rule(strokeCap="round", opacity=0.75, color=PALETTE[7])
        .encode(
            x=X_AXIS,
            y=Y_AXIS,
            x2="to_technology:Q",
            y2="to_welfare:Q",
            strokeWidth=alt.StrokeWidth("probability:Q", scale=alt.Scale(domain=[0, 1], range=[0.5, 14]), title="Path probability (illustrative)"),
            tooltip=[
                alt.Tooltip("from_state:N", title="From"),
                alt.Tooltip("to_state:N", title="To"),
                alt.Tooltip("probability:Q", title="Probability", format=".0%"),
            ],
        )
    )
    states["color_group"] = [
        state if kind == "steady" else ("start (A1-A3)" if kind == "start" else "intermediate (D')")
        for state, kind in zip(states["state"], states["kind"])
    ]
    nodes = (
        alt.Chart(states)
        .mark_point(filled=True, size=420, opacity=1)
        .encode(
            x=X_AXIS,
            y=Y_AXIS,
            shape=alt.Shape("marker:N", scale=alt.Scale(domain=["circle", "square"], range=["circle", "square"]), title="Values (Fig. 1)",
                            legend=alt.Legend(labelExpr="datum.label == 'circle' ? 'civil-society values' : 'state-led values'")),
            color=alt.Color("color_group:N", scale=STATE_COLORS, title="State"),
            tooltip=[alt.Tooltip("label:N", title="State"), alt.Tooltip("description:N", title="Meaning")],
        )
    )
    # Labels sit above their node; A1's goes below it, clear of B's label and of the paths to B and C.
    below = states["state"].isin(LABELS_BELOW)
    labels = alt.Chart(states[~below]).mark_text(dy=-20, fontSize=13, fontWeight="bold").encode(x=X_AXIS, y=Y_AXIS, text="label:N")
    labels_below = alt.Chart(states[below]).mark_text(dy=22, fontSize=13, fontWeight="bold").encode(x=X_AXIS, y=Y_AXIS, text="label:N")
    return alt.layer(edges, nodes, labels, labels_below).properties(width=width, height=int(width * 0.75))


def end_state_bars(ends: pd.DataFrame, width: int = 480) -> alt.Chart:
    """Stacked bars: for each starting point, the probability of ending in B, C or D."""
    return (
        alt.Chart(ends)
        .mark_bar()
        .encode(
            y=alt.Y("start:N", title="Starting point"),
            x=alt.X("probability:Q", title="Probability of ending here (illustrative)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("end_state:N", scale=STATE_COLORS, title="State"),
            tooltip=[
                alt.Tooltip("start:N", title="Start"),
                alt.Tooltip("end_state:N", title="End state"),
                alt.Tooltip("probability:Q", title="Probability", format=".0%"),
            ],
        )
        .properties(width=width, height=120)
    )


def _ends_long(drivers: Drivers) -> pd.DataFrame:
    table = end_state_table(drivers).reset_index()
    ends = table.melt(id_vars="start", var_name="end_state", value_name="probability")
    ends["probability"] = ends["probability"].round(3)
    return ends


def policy_map(drivers: Drivers | None = None, width: int = 400) -> alt.VConcatChart:
    """The map of paths and the end-state bars for one driver scenario (no controls)."""
    drivers = drivers or Drivers()
    paths = _compact(transition_probabilities(drivers))
    levels = ", ".join(f"{DRIVER_LABELS[k].lower()} {v:.2f}" for k, v in drivers.as_dict().items())
    chart = alt.vconcat(_map_layers(paths, width), end_state_bars(_ends_long(drivers), width))
    return describe(
        chart,
        "AI policy paths and where they end",
        f"Scenario with {levels}. Top: Fig. 1 of Feijóo et al. (2020) redrawn on a plane of technology "
        "development and society welfare; line width is the illustrative probability of each path. "
        "Below: the probability that a path from A1 (United States), A2 (European Union) or A3 (China) "
        "ends in B (free market), C (strong regulation) or D (advanced technology).",
    )


def _status_quo_summary() -> str:
    table = end_state_table(Drivers())
    parts = []
    for start, row in table.iterrows():
        top = [state for state, value in row.items() if abs(value - row.max()) < 1e-9]
        if len(top) > 1:
            parts.append(f"{start} is split evenly between {' and '.join(top)} ({row.max():.0%} each)")
        else:
            parts.append(f"{start} most likely ends in {top[0]} ({row.max():.0%})")
    return "At the status quo " + ", ".join(parts) + "."


def scenario_explorer(width: int = 400) -> alt.VConcatChart:
    """The interactive chart of the static book: sliders pick a scenario from the precomputed grid."""
    paths, ends = scenario_grid()
    paths = _compact(paths)
    ends = ends.assign(probability=ends["probability"].round(3))
    params = [slider(name, label, 0.0, 1.0, 0.25, 0.5) for name, label in DRIVER_LABELS.items()]
    chosen = " && ".join(f"datum.{name} == {name}" for name in DRIVERS)
    chart = (
        alt.vconcat(
            _map_layers(paths, width, scenario_filter=chosen),
            end_state_bars(ends, width).transform_filter(chosen),
        )
        .add_params(*params)
    )
    return describe(
        chart,
        "Explore the AI policy paths of Fig. 1",
        "Three sliders set regulatory pressure, public demand for individual rights and state "
        "mobilisation (0 to 1; 0.5 is the status quo). Top: Fig. 1 of Feijóo et al. (2020) redrawn "
        "on a plane of technology development and society welfare, with line width showing each "
        "path's illustrative probability. Below: the probability that a path from A1 (United States), "
        "A2 (European Union) or A3 (China) ends in B (free market), C (strong regulation) or D "
        f"(advanced technology). {_status_quo_summary()}",
    )

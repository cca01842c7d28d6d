"""Charts for the regional cooperation and AI for the SDGs chapter (Baek 2023).

:func:`stage_explorer` and :func:`sdg_explorer` are the interactive charts of the static book:
check boxes pick a combination of drivers from a precomputed grid, and a drop-down picks an AI
application. :func:`stage_bars` and :func:`principle_chart` draw one case (used by the live widgets).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown
from techdiplomacy.data import load_table
from techdiplomacy.models.regional_cooperation import (
    DRIVERS,
    NO_NETWORK,
    STAGES,
    MissionProposal,
    classify_stage,
    principle_summary,
    sdg_matrix,
    stage_grid,
    stage_scores,
)

__all__ = ["principle_chart", "sdg_explorer", "stage_bars", "stage_explorer"]

STAGE_LABELS: dict[str, str] = dict(
    load_table("regional_cooperation_stages").sort_values("order")[["stage", "label"]].itertuples(index=False, name=None)
)
STAGE_LABELS_WITH_NONE = {**STAGE_LABELS, NO_NETWORK: "No network yet"}
STAGE_COLORS = alt.Scale(domain=list(STAGE_LABELS.values()), range=[PALETTE[0], PALETTE[1], PALETTE[2]])
#: Filled tiles carry dark text (legible in light and dark mode), so the fills are light colours.
ROLE_COLORS = alt.Scale(domain=["primary", "secondary"], range=[PALETTE[0], PALETTE[1]])
DEFAULT_DRIVERS = ("raw_materials", "demand")


def _driver_labels() -> dict[str, str]:
    table = load_table("regional_cooperation_drivers")
    return dict(zip(table["driver"], table["label"]))


def _bars(data: pd.DataFrame | alt.Data, width: int) -> alt.Chart:
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("stage_label:N", title=None, sort=list(STAGE_LABELS.values())),
            x=alt.X("score:Q", title="Mean level of the stage's drivers", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("stage_label:N", scale=STAGE_COLORS, legend=None),
            tooltip=[alt.Tooltip("stage_label:N", title="Stage"), alt.Tooltip("score:Q", title="Score", format=".2f")],
        )
        .properties(width=width, height=120)
    )


def _verdict(data: pd.DataFrame | alt.Data, width: int) -> alt.Chart:
    return (
        alt.Chart(data)
        .mark_text(align="left", fontSize=15, fontWeight="bold")
        .encode(x=alt.value(0), y=alt.value(10), text="verdict:N")
        .properties(width=width, height=20, view=alt.ViewConfig(stroke=None))
    )


def stage_bars(levels: Mapping[str, float], width: int = 380) -> alt.VConcatChart:
    """The stage scores and the named stage for one set of driver levels (no controls)."""
    scores = stage_scores(levels)
    stage = classify_stage(levels)
    data = pd.DataFrame(
        {"stage_label": [STAGE_LABELS[s] for s in STAGES], "score": [round(float(scores[s]), 3) for s in STAGES]}
    )
    data["verdict"] = f"Stage: {STAGE_LABELS_WITH_NONE[stage]}"
    chosen = ", ".join(f"{_driver_labels()[d].lower()} {v:.2f}" for d, v in levels.items()) or "no drivers"
    chart = alt.vconcat(_verdict(data.head(1), width), _bars(data, width))
    return describe(
        chart,
        "Which stage of regional cooperation?",
        f"Driver levels: {chosen}. Bars show each stage's score, the mean level of the two drivers Baek (2023) "
        f"gives for it; the region is placed in the {STAGE_LABELS_WITH_NONE[stage].lower()} stage. "
        "The scoring rule is an illustrative assumption.",
    )


def stage_explorer(width: int = 380) -> alt.VConcatChart:
    """Six check boxes (one per driver) pick a combination; the bars and the named stage follow."""
    grid = stage_grid((0.0, 1.0))
    grid["stage_label"] = grid["stage"].map(STAGE_LABELS)
    grid["verdict"] = "Stage: " + grid["classified"].map(STAGE_LABELS_WITH_NONE)
    grid = grid[[*DRIVERS, "stage_label", "score", "verdict"]]
    grid[list(DRIVERS)] = grid[list(DRIVERS)].astype(int)
    labels = _driver_labels()
    params = [
        alt.param(name=d, value=d in DEFAULT_DRIVERS, bind=alt.binding_checkbox(name=f"{labels[d]} "))
        for d in DRIVERS
    ]
    chosen = " && ".join(f"datum.{d} == ({d} ? 1 : 0)" for d in DRIVERS)
    first = f"{chosen} && datum.stage_label == '{STAGE_LABELS['trade']}'"
    chart = alt.vconcat(
        _verdict(grid, width).transform_filter(first),
        _bars(grid, width).transform_filter(chosen),
    ).add_params(*params)
    return describe(
        chart,
        "Explore the stages of regional cooperation",
        "Six check boxes say which drivers shape a region's cross-border links: raw materials and demand "
        "(trade network), labour costs and regulations (production network), human capital and "
        "infrastructure (science and innovation network), after Baek (2023). Bars show each stage's "
        "score, the share of its drivers that are ticked, and the text names the stage whose drivers "
        "dominate; ties go to the later stage. At the start only raw materials and demand are ticked, "
        "which places the region in the trade network stage. The scoring rule is an illustrative assumption.",
    )


def _tiles(data: pd.DataFrame) -> pd.DataFrame:
    data = data.copy()
    data["column"] = (data["sdg"] - 1) % 6
    data["row"] = (data["sdg"] - 1) // 6
    data["tile_text"] = data["sdg"].astype(str)
    # Goal titles on up to three short lines, so that they fit a tile of a grid as wide as the book's column.
    data["tile_title"] = ["\n".join(textwrap.wrap(t, 14)) for t in data["short_title"]]
    return data


def sdg_explorer(width: int = 600) -> alt.VConcatChart:
    """A drop-down picks an AI application; the 17 SDG tiles show the goals it serves."""
    matrix = _tiles(sdg_matrix())[["label", "sdg", "short_title", "role", "column", "row", "tile_text", "tile_title"]]
    applications = list(load_table("regional_cooperation_applications")["label"])
    start = "Green manufacturing"
    choice = dropdown("application", "AI application", applications, start)
    cell = width // 6
    base = alt.Chart(matrix).transform_filter("datum.label == application")
    x = alt.X("column:O", axis=None)
    y = alt.Y("row:O", axis=None)
    tooltip = [
        alt.Tooltip("sdg:Q", title="SDG"),
        alt.Tooltip("short_title:N", title="Goal"),
        alt.Tooltip("role:N", title="Role for this application"),
    ]
    outline = base.mark_rect(stroke=PALETTE[7], strokeWidth=1, fillOpacity=0).encode(x=x, y=y, tooltip=tooltip)
    fill = base.transform_filter("datum.role != 'none'").mark_rect().encode(
        x=x, y=y,
        # The one legend of the chart (the overview below shares the colour scale), above the tiles.
        color=alt.Color("role:N", scale=ROLE_COLORS, title="Serves this goal as",
                        legend=alt.Legend(values=["primary", "secondary"], orient="top")),
        tooltip=tooltip,
    )
    texts = []
    for condition, colour in (("datum.role != 'none'", {"color": "black"}), ("datum.role == 'none'", {})):
        texts.append(base.transform_filter(condition).mark_text(fontSize=16, fontWeight="bold", baseline="bottom", dy=-10, **colour)
                     .encode(x=x, y=y, text="tile_text:N", tooltip=tooltip))
        texts.append(base.transform_filter(condition).mark_text(fontSize=12, baseline="top", dy=-6, lineBreak="\n", lineHeight=13,
                                                                limit=cell - 4, **colour)
                     .encode(x=x, y=y, text="tile_title:N", tooltip=tooltip))
    tiles = alt.layer(outline, fill, *texts).properties(width=width, height=int(cell * 3 * 0.95))
    overview = (
        alt.Chart(matrix)
        .transform_filter("datum.role != 'none'")
        .mark_square(size=140)
        .encode(
            x=alt.X("sdg:O", title="SDG", scale=alt.Scale(domain=list(range(1, 18)))),
            # Labels on the right, so that the tiles above keep the column's full width.
            y=alt.Y("label:N", title=None, sort=applications, axis=alt.Axis(orient="right")),
            color=alt.Color("role:N", scale=ROLE_COLORS),  # same scale and legend as the tiles
            opacity=alt.condition("datum.label == application", alt.value(1), alt.value(0.35)),
            tooltip=[alt.Tooltip("label:N", title="Application"), *tooltip],
        )
        .properties(width=width - 260, height=22 * len(applications))
    )
    chart = alt.vconcat(tiles, overview).add_params(choice)
    return describe(
        chart,
        "AI applications and the SDGs they serve",
        "A drop-down picks one of eight AI applications named in or derived from Baek (2023), such as "
        "smart education technology, digital health care and green manufacturing. Top: the 17 "
        "Sustainable Development Goals as numbered tiles; filled tiles are the goals the application "
        "serves, orange for a primary and blue for a secondary goal. Bottom: the whole mapping, one row "
        "per application, with the chosen one emphasised. At the start green manufacturing serves "
        "goals 9 and 13 first and goals 7 and 12 second. The mapping is an illustrative assumption.",
    )


def principle_chart(proposal: MissionProposal, width: int = 380) -> alt.Chart:
    """Criteria met out of all criteria for each of the essay's four principles."""
    summary = principle_summary(proposal)
    data = summary.assign(share=(summary["met"] / summary["total"]).round(3),
                          status=["satisfied" if s else "gaps remain" for s in summary["satisfied"]])
    text = "; ".join(f"{r.label} {r.met} of {r.total}" for r in summary.itertuples())
    chart = (
        alt.Chart(data[["label", "met", "total", "share", "status"]])
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=list(summary["label"])),
            x=alt.X("share:Q", title="Share of the principle's checks met", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
            color=alt.Color("status:N", scale=alt.Scale(domain=["satisfied", "gaps remain"], range=[PALETTE[2], PALETTE[5]]), title="Principle"),
            tooltip=[alt.Tooltip("label:N", title="Principle"), alt.Tooltip("met:Q", title="Checks met"), alt.Tooltip("total:Q", title="Checks")],
        )
        .properties(width=width, height=130)
    )
    return describe(
        chart,
        f"Proposal check: {proposal.mission}",
        f"How the proposal meets Baek's (2023) four principles of regional cooperation: {text}.",
    )

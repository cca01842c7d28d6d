"""Charts for the minilateralism chapter (minilateralism essay, 2024).

* :func:`overlap_explorer` -- who belongs to which group: a country × group membership matrix and a
  group × group overlap matrix; a dropdown picks a group and both panels highlight it.
* :func:`scorecard_chart` -- the institutional-maturity scorecard with one slider per question of
  Filer's (organisation, governance, accountability, global positioning); the indicators, levels 0-3
  and stage thresholds are the course's illustrative device.
* :func:`tradeoff_explorer` -- the illustrative size-versus-agility model; sliders pick a scenario
  from a precomputed grid (:func:`techdiplomacy.models.minilateralism.tradeoff_grid`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown, slider
from techdiplomacy.data import load_table
from techdiplomacy.models.minilateralism import (
    CRITERIA,
    DECISION_RULES,
    GRID_PS,
    GRID_REACH,
    GRID_SIZES,
    MAX_LEVEL,
    STAGES,
    best_size,
    groups,
    membership_matrix,
    overlap_table,
    tradeoff_grid,
)

__all__ = ["overlap_explorer", "scorecard_chart", "stage_expression", "tradeoff_explorer"]

GROUP_COLORS = alt.Scale(domain=list(groups()), range=[PALETTE[i] for i in (4, 5, 2, 6, 0)])


def _membership_long() -> pd.DataFrame:
    wide = membership_matrix()
    counts = wide.sum(axis=1)
    long = wide.reset_index().melt(id_vars="country", var_name="group", value_name="member")
    long = long[long["member"]].drop(columns="member")
    long["n_groups"] = long["country"].map(counts).astype(int)
    long["groups_of_country"] = long["country"].map(
        {country: ", ".join(g for g in wide.columns if wide.loc[country, g]) for country in wide.index}
    )
    return long


def overlap_explorer(width: int = 215) -> alt.HConcatChart:
    """Membership and overlap matrices; a dropdown highlights one group in both."""
    names = list(groups())
    pick = dropdown("group", "Highlight group", names, "I2U2")
    long = _membership_long()
    # Countries in the chosen group, and the other groups they belong to, stay opaque.
    long["in_group"] = long["country"].map(long.groupby("country")["group"].apply(lambda g: "|".join(g)))
    in_chosen = "indexof(split(datum.in_group, '|'), group) >= 0"
    countries = list(membership_matrix().index)
    members = (
        alt.Chart(long)
        .mark_circle(size=140)
        .encode(
            x=alt.X("group:N", sort=names, title=None, axis=alt.Axis(orient="top", labelAngle=0)),
            y=alt.Y("country:N", sort=countries, title=None),
            color=alt.Color("group:N", scale=GROUP_COLORS, legend=None),
            # Members outside the highlighted group stay visible as rings (faint fills vanish in dark mode).
            stroke=alt.Stroke("group:N", scale=GROUP_COLORS, legend=None),
            strokeWidth=alt.value(2),
            fillOpacity=alt.condition(in_chosen, alt.value(1.0), alt.value(0.1)),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("groups_of_country:N", title="Member of"),
            ],
        )
        .properties(width=width, height=18 * len(countries), title=alt.Title("Who belongs where", anchor="start"))
    )
    overlap = overlap_table()
    base = alt.Chart(overlap).encode(
        x=alt.X("group_b:N", sort=names, title=None, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("group_a:N", sort=names, title=None),
    )
    chosen_row = "datum.group_a == group || datum.group_b == group"
    cells = base.mark_rect(cornerRadius=3, stroke=PALETTE[5]).encode(
        color=alt.Color(
            "n_shared:Q",
            title="Shared members",
            scale=alt.Scale(scheme="blues", domain=[0, 4], clamp=True),
            legend=alt.Legend(orient="bottom", tickCount=5),
        ),
        strokeWidth=alt.condition(chosen_row, alt.value(3), alt.value(0)),
        tooltip=[
            alt.Tooltip("group_a:N", title="Group"),
            alt.Tooltip("group_b:N", title="and group"),
            alt.Tooltip("n_shared:Q", title="Shared members (diagonal: size)"),
            alt.Tooltip("shared:N", title="Who"),
        ],
    )
    numbers = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text="n_shared:Q",
        color=alt.condition("datum.n_shared >= 3", alt.value("white"), alt.value("black")),
    )
    matrix = alt.layer(cells, numbers).properties(
        width=width, height=width, title=alt.Title("How many members groups share", anchor="start")
    )
    pairs = overlap[(~overlap["same_group"]) & (overlap["n_shared"] > 0)]
    bridges = "; ".join(f"{a}–{b}: {s}" for a, b, s in zip(pairs.group_a, pairs.group_b, pairs.shared) if a < b)
    chart = alt.hconcat(members, matrix, spacing=40).add_params(pick).configure_view(strokeWidth=0)
    return describe(
        chart,
        "Overlapping memberships of technology minilaterals",
        f"Left: which of {len(countries)} countries belong to the G7, BRICS, I2U2, the Three Seas Initiative "
        "and AUKUS (memberships as of 2024). Right: how many members each pair of groups shares; the "
        "diagonal shows each group's size. A dropdown highlights one group. Shared members: "
        f"{bridges}; the Three Seas Initiative shares no member with the others.",
    )


def stage_expression(share: str) -> str:
    """A Vega expression naming the maturity stage of ``share`` (same thresholds as the model)."""
    expression = f"'{STAGES[-1][1]}'"
    for threshold, name in reversed(STAGES[:-1]):
        expression = f"({share} < {threshold} ? '{name}' : {expression})"
    return expression


def scorecard_chart(start: dict[str, int] | None = None, width: int = 380) -> alt.LayerChart:
    """The maturity scorecard: a slider per criterion, bars for the scores and the resulting stage."""
    start = start or dict.fromkeys(CRITERIA, 1)
    criteria = load_table("minilateralism_maturity_criteria")
    params = [slider(c, label, 0, MAX_LEVEL, 1, start.get(c, 1)) for c, label in zip(criteria["criterion"], criteria["label"])]
    pick_score = " : ".join(f"datum.criterion == '{c}' ? {c}" for c in CRITERIA) + " : 0"
    level_text = " : ".join(f"datum.score == {i} ? datum.level_{i}" for i in range(MAX_LEVEL + 1)) + " : ''"
    total = " + ".join(CRITERIA)
    share = f"(({total}) / {MAX_LEVEL * len(CRITERIA)})"
    bars = (
        alt.Chart(criteria)
        .transform_calculate(score=pick_score)
        .transform_calculate(level=level_text)
        .encode(y=alt.Y("label:N", title=None, sort=list(criteria["label"])))
    )
    bar = bars.mark_bar(color=PALETTE[4]).encode(
        x=alt.X("score:Q", title="Level (0-3, illustrative)", scale=alt.Scale(domain=[0, MAX_LEVEL]), axis=alt.Axis(tickCount=4, format="d")),
        tooltip=[alt.Tooltip("label:N", title="Criterion"), alt.Tooltip("question:N", title="Question"),
                 alt.Tooltip("score:Q", title="Level"), alt.Tooltip("level:N", title="Meaning")],
    )
    words = bars.mark_text(align="left", dx=6, fontSize=12).encode(x="score:Q", text="level:N")
    summary = (
        alt.Chart(pd.DataFrame({"row": [0]}))
        .transform_calculate(
            text=f"'Total ' + ({total}) + ' of {MAX_LEVEL * len(CRITERIA)}: ' + {stage_expression(share)}"
        )
        .mark_text(align="left", baseline="bottom", fontSize=14, fontWeight="bold")
        .encode(x=alt.value(0), y=alt.value(-8), text="text:N")
    )
    chart = alt.layer(bar, words, summary).add_params(*params).properties(width=width, height=160)
    return describe(
        chart,
        "Institutional-maturity scorecard",
        "Four sliders score a group from 0 to 3 on the four questions Tanya Filer names in the minilateralism "
        "essay: organisation, governance, accountability and global positioning. Bars show each level and the "
        "course's indicator for it (a rotating host, a permanent secretariat, a collective budget...); "
        "the title gives the total and the stage (talking shop below a quarter of the maximum, "
        "then emerging, consolidating and institutionalised organisation). The levels and stage "
        "thresholds are illustrative assumptions of the course.",
    )


def tradeoff_explorer(width: int = 420) -> alt.LayerChart:
    """The illustrative size-versus-agility model with sliders for p and reach per member and a rule dropdown."""
    grid = tradeoff_grid()
    grid = grid.assign(
        agility=grid["agility"].round(3), reach=grid["reach"].round(3), impact=grid["impact"].round(3)
    ).drop(columns="links")
    params = [
        slider("p", "Chance each member agrees (p)", GRID_PS[0], GRID_PS[-1], round(GRID_PS[1] - GRID_PS[0], 2), 0.9),
        slider("per_member", "Reach added per member (c)", GRID_REACH[0], GRID_REACH[-1], round(GRID_REACH[1] - GRID_REACH[0], 2), 0.08),
        dropdown("rule", "Decision rule", DECISION_RULES, "unanimity"),
    ]
    chosen = "abs(datum.p - p) < 1e-6 && abs(datum.per_member - per_member) < 1e-6 && datum.rule == rule"
    measures = {"agility": "Agility: chance a proposal passes", "reach": "Reach: share of stakeholders covered", "impact": "Expected impact = agility × reach"}
    base = alt.Chart(grid).transform_filter(chosen)
    # Colour and dash encode the same field, so Vega-Lite draws one legend for both: give them the same settings.
    legend = alt.Legend(orient="bottom", direction="vertical", labelLimit=0, symbolType="stroke", symbolSize=500, symbolStrokeWidth=2.5)
    lines = (
        base.transform_fold(list(measures), as_=["measure", "value"])
        .transform_calculate(label="datum.measure == 'agility' ? '" + measures["agility"] + "' : datum.measure == 'reach' ? '"
                             + measures["reach"] + "' : '" + measures["impact"] + "'")
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=alt.X("n:Q", title="Number of members", scale=alt.Scale(domain=[2, int(grid["n"].max())])),
            y=alt.Y("value:Q", title="Share (0-1)", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("label:N", title=None, scale=alt.Scale(domain=list(measures.values()), range=[PALETTE[5], PALETTE[1], PALETTE[2]]),
                            legend=legend),
            strokeDash=alt.StrokeDash("label:N", title=None, scale=alt.Scale(domain=list(measures.values()), range=[[6, 3], [2, 2], [1, 0]]),
                                      legend=legend),
            tooltip=[alt.Tooltip("n:Q", title="Members"), alt.Tooltip("label:N", title="Measure"), alt.Tooltip("value:Q", title="Value", format=".2f")],
        )
    )
    best = base.transform_filter("datum.best").mark_rule(color=PALETTE[7], strokeWidth=2).encode(x="n:Q")
    best_label = (
        base.transform_filter("datum.best")
        .transform_calculate(text="'best size: ' + datum.n")
        .mark_text(align="left", dx=5, dy=-6, fontSize=12, fontWeight="bold")
        .encode(x="n:Q", y=alt.value(8), text="text:N")
    )
    chart = alt.layer(lines, best, best_label).add_params(*params).properties(width=width, height=300)
    return describe(
        chart,
        "Illustrative model: group size versus agility",
        "An illustrative toy model, not from the essay. Each member agrees to a proposal with chance p; "
        "agility is the chance a proposal passes (everyone must agree under unanimity, more than half "
        "under majority rule); reach is 1 - (1 - c) to the power n; expected impact is agility times "
        "reach. Sliders set p and c and a dropdown the decision rule; a vertical line marks the size with "
        "the highest expected impact. Under unanimity with p = 0.9 and c = 0.08 the best size is "
        f"{best_size(0.9, 'unanimity', GRID_SIZES, 0.08)} members; under majority rule the best size is the largest shown.",
    )

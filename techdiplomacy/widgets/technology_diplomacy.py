"""Live explorer for the new technology diplomacy chapter (needs a running kernel).

:func:`scorecard_builder` has a rating slider per criterion, a weighting drop-down and a drop-down
that loads one of the candidate designs. Every change rescores the design and updates an HTML
summary (``builder.children[-2]``) and the chart below it; tests set a control's ``value`` and read
the summary.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from techdiplomacy.charts.technology_diplomacy import PROFILE_LABELS, design_scorecard
from techdiplomacy.data import load_table
from techdiplomacy.models.technology_diplomacy import (
    CRITERIA,
    MAX_RATING,
    design_caveat,
    design_ranking,
    design_ratings,
    score_design,
)
from techdiplomacy.widgets.common import show_chart

__all__ = ["scorecard_builder", "scorecard_html"]

STYLE = {"description_width": "12rem"}
WIDE = widgets.Layout(width="34rem")
CUSTOM = "custom"


def scorecard_html(ratings: dict[str, int], profile: str, design: str | None = None) -> str:
    """The design's score, its weakest criteria and how it compares with the candidate designs.

    When the ratings are those of a candidate ``design``, what the essays say about it follows, so a
    high score is never shown without the essay's own view (e.g. on treaties).
    """
    score = score_design(ratings, profile)
    labels = load_table("technology_diplomacy_criteria").set_index("criterion")["label"]
    ranking = design_ranking(profile)
    better = ranking[ranking["score"] > score.total]["label"].tolist()
    comparison = (
        "It beats every candidate design under this weighting."
        if not better
        else f"Candidates scoring higher: {html.escape(', '.join(better))}."
    )
    weakest = ", ".join(str(labels[c]) for c in score.weakest)
    caveat = f"<p><em>What the essays say:</em> {html.escape(design_caveat(design))}.</p>" if design else ""
    return (
        f"<p><strong>Score: {score.total:.0f} of 100</strong> with {html.escape(PROFILE_LABELS[profile].lower())} "
        f"(illustrative weights)</p><p>Weakest: {html.escape(weakest)}. {comparison}</p>{caveat}"
    )


def scorecard_builder() -> widgets.VBox:
    """Rate a design on the nine criteria (or load a candidate) and see its weighted score."""
    designs = load_table("technology_diplomacy_designs").sort_values("order")
    criteria = load_table("technology_diplomacy_criteria").set_index("criterion")
    start = design_ratings("dedicated_organisation")
    preset = widgets.Dropdown(options=[*zip(designs["label"], designs["design"]), ("Your own design", CUSTOM)],
                              value="dedicated_organisation", description="Start from", style=STYLE, layout=WIDE)
    profile = widgets.Dropdown(options=[(label, key) for key, label in PROFILE_LABELS.items()], value="equal",
                               description="Weighting", style=STYLE, layout=WIDE)
    sliders = {
        c: widgets.IntSlider(value=start[c], min=0, max=MAX_RATING, description=str(criteria.loc[c, "label"]),
                             tooltip=str(criteria.loc[c, "question"]), style=STYLE, layout=WIDE, continuous_update=False)
        for c in CRITERIA
    }
    results = widgets.HTML()
    chart = widgets.Output()
    loading = {"active": False}

    def update(_change: object = None) -> None:
        ratings = {c: s.value for c, s in sliders.items()}
        results.value = scorecard_html(ratings, profile.value, None if preset.value == CUSTOM else preset.value)
        show_chart(chart, design_scorecard(ratings, profile.value))

    def load(_change: object = None) -> None:
        if preset.value == CUSTOM:
            return
        loading["active"] = True
        for c, value in design_ratings(preset.value).items():
            sliders[c].value = value
        loading["active"] = False
        update()

    def slider_moved(_change: object = None) -> None:
        if loading["active"]:
            return
        if preset.value != CUSTOM and {c: s.value for c, s in sliders.items()} != design_ratings(preset.value):
            preset.value = CUSTOM
        update()

    preset.observe(load, names="value")
    profile.observe(update, names="value")
    for s in sliders.values():
        s.observe(slider_moved, names="value")
    update()
    return widgets.VBox([preset, profile, *sliders.values(), results, chart])

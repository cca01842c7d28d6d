"""Live explorer for the disruptions chapter (needs a running kernel).

Two dropdowns pick a pair of studies; an HTML summary (``explorer.children[-2]``) lists their
headline figures and the dimensions on which their bases differ, and the chart below shows both
bases. Tests set a dropdown's ``value`` and read the HTML.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from techdiplomacy.charts.disruptions import pair_matrix
from techdiplomacy.models.disruptions import DIMENSION_LABELS, basis_differences, figures, studies
from techdiplomacy.widgets.common import keep_in_sync, show_chart

__all__ = ["comparison_html", "disruptions_explorer"]


def _headline(study: str) -> str:
    parts = []
    for r in figures(study).itertuples():
        value = f"{r.value:g}–{r.value_high:g}" if r.value_high == r.value_high else f"{r.value:g}"
        parts.append(f"{value} {r.unit} ({r.year})")
    return "; ".join(parts)


def comparison_html(study_a: str, study_b: str) -> str:
    """Headline figures of two studies and the dimensions on which their bases differ."""
    names = studies().set_index("study")["forecaster"]
    differing = basis_differences(study_a, study_b)
    if study_a == study_b:
        verdict = "You chose the same study twice; pick a different one to compare."
    elif not differing:
        verdict = "Same basis on every dimension: these figures can be compared directly."
    else:
        listed = ", ".join(DIMENSION_LABELS[d].lower() for d in differing)
        verdict = f"They differ in <strong>{len(differing)}</strong> of 4 dimensions: {listed}. Do not compare the numbers directly."
    return (
        f"<p><strong>{html.escape(names[study_a])}</strong>: {html.escape(_headline(study_a))}</p>"
        f"<p><strong>{html.escape(names[study_b])}</strong>: {html.escape(_headline(study_b))}</p>"
        f"<p>{verdict}</p>"
    )


def disruptions_explorer() -> widgets.VBox:
    """Two study dropdowns, the comparison and the basis chart, kept in sync."""
    options = [(row.forecaster, row.study) for row in studies().itertuples()]
    first = widgets.Dropdown(options=options, value="bain", description="Study")
    second = widgets.Dropdown(options=options, value="pwc", description="compared with")
    results = widgets.HTML()
    chart = widgets.Output()

    def update(_change: object = None) -> None:
        results.value = comparison_html(first.value, second.value)
        show_chart(chart, pair_matrix(first.value, second.value))

    keep_in_sync((first, second), update)
    return widgets.VBox([widgets.HBox([first, second]), results, chart])

"""Live overlap explorer for the regulation chapter (needs a running kernel).

Two dropdowns pick jurisdictions and a third the level of strictness; an HTML summary
(``explorer.children[-2]``) lists the shared principles and the overlap, and the matrix chart below
follows the level. Tests set a dropdown's ``value`` and read the HTML.
"""

from __future__ import annotations

import ipywidgets as widgets

from techdiplomacy.charts.regulation import principle_matrix
from techdiplomacy.models.regulation import LEVEL_LABELS, jurisdictions, overlap, principles
from techdiplomacy.widgets.common import keep_in_sync, show_chart

__all__ = ["overlap_html", "regulation_explorer"]


def overlap_html(a: str, b: str, level: str) -> str:
    """Shared and unshared principles of two jurisdictions at ``level``, as HTML."""
    names = jurisdictions().set_index("jurisdiction")["label"]
    labels = principles().set_index("principle")["label"]
    result = overlap(a, b, level)

    def listed(key: str) -> str:
        return ", ".join(labels[p] for p in result[key]) or "none"

    return (
        f"<p><strong>{names[a]} and {names[b]}</strong> ({LEVEL_LABELS[level].lower()}): "
        f"overlap <strong>{result['jaccard']:.0%}</strong></p>"
        "<ul>"
        f"<li>Shared: {listed('shared')}</li>"
        f"<li>Only {names[a]}: {listed('only_first')}</li>"
        f"<li>Only {names[b]}: {listed('only_second')}</li>"
        "</ul>"
    )


def regulation_explorer() -> widgets.VBox:
    """Jurisdiction and level dropdowns, the overlap summary and the matrix, kept in sync."""
    options = [(row.label, row.jurisdiction) for row in jurisdictions().itertuples()]
    first = widgets.Dropdown(options=options, value="us", description="Jurisdiction")
    second = widgets.Dropdown(options=options, value="china", description="and")
    level = widgets.Dropdown(options=[(label, key) for key, label in LEVEL_LABELS.items()],
                             value="explicit_or_implied", description="Count", style={"description_width": "4rem"})
    results = widgets.HTML()
    chart = widgets.Output()

    def update(_change: object = None) -> None:
        results.value = overlap_html(first.value, second.value, level.value)
        show_chart(chart, principle_matrix(level.value))

    keep_in_sync((first, second, level), update)
    return widgets.VBox([widgets.HBox([first, second]), level, results, chart])

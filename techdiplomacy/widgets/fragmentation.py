"""Live explorers for the fragmentation chapter (need a running kernel).

:func:`diversity_explorer` has sliders for diversity and interoperability; every change recomputes
the illustrative model and updates an HTML summary (``explorer.children[-2]``) and the chart below
it. :func:`timeline_explorer` filters the event timeline by actor and stage into an HTML table.
Tests set a control's ``value`` and read the HTML.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from techdiplomacy.charts.fragmentation import diversity_curve
from techdiplomacy.models.fragmentation import (
    STAGE_LABELS,
    actors,
    diversity_zone,
    events,
    functional_diversity,
    functional_range,
    innovation,
)
from techdiplomacy.widgets.common import keep_in_sync, show_chart

__all__ = ["diversity_explorer", "diversity_html", "timeline_explorer", "timeline_html"]


def diversity_html(diversity: float, interoperability: float) -> str:
    """The model's verdict for one scenario as accessible HTML."""
    value = innovation(diversity, interoperability)
    low, high = functional_range(interoperability)
    peak = functional_diversity(interoperability)
    zone = diversity_zone(diversity, interoperability)
    return (
        "<p><strong>Illustrative model</strong> (numbers are illustrative assumptions)</p>"
        "<ul>"
        f"<li>Innovation relative to one uniform approach: <strong>{value:+.2f}</strong></li>"
        f"<li>Functional level of diversity: <strong>{peak:.2f}</strong> (band {low:.2f} to {high:.2f}: at least 90 % of the peak, an illustrative cut-off)</li>"
        f"<li>Diversity {diversity:.2f} is in the zone: <strong>{zone}</strong></li>"
        "</ul>"
    )


def diversity_explorer() -> widgets.VBox:
    """Sliders for diversity and interoperability, the summary and the chart, kept in sync."""
    style = {"description_width": "14rem"}
    layout = widgets.Layout(width="34rem")
    diversity = widgets.FloatSlider(value=0.4, min=0.0, max=1.0, step=0.02, description="Diversity",
                                    style=style, layout=layout, continuous_update=False)
    interop = widgets.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.05, description="Interoperability and converters",
                                  style=style, layout=layout, continuous_update=False)
    results = widgets.HTML()
    chart = widgets.Output()

    def update(_change: object = None) -> None:
        results.value = diversity_html(diversity.value, interop.value)
        show_chart(chart, diversity_curve(interop.value, diversity.value))

    keep_in_sync((diversity, interop), update)
    return widgets.VBox([diversity, interop, results, chart])


def timeline_html(actor: str = "All", stage: str = "All") -> str:
    """The events for one actor and stage ("All" for no filter) as an HTML table."""
    table = events(actor=None if actor == "All" else actor, stage=None if stage == "All" else stage)
    if table.empty:
        return "<p>No event in the essay matches this filter.</p>"
    rows = "".join(
        f"<tr><td>{r.year_basis if not r.dated_in_essay else r.year_start}</td><td>{html.escape(r.title)}</td>"
        f"<td>{html.escape(r.stage_label)}</td><td>{html.escape(r.source)}</td></tr>"
        for r in table.itertuples()
    )
    return (
        f"<p><strong>{len(table)} event(s)</strong></p><table><thead><tr><th>When</th><th>Event</th>"
        f"<th>Stage</th><th>Source</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def timeline_explorer() -> widgets.VBox:
    """Dropdowns for actor and stage and an HTML table of the matching events."""
    actor = widgets.Dropdown(options=["All", *actors()], value="All", description="Actor")
    stage = widgets.Dropdown(options=[("All", "All"), *[(label, key) for key, label in STAGE_LABELS.items()]],
                             value="All", description="Stage")
    results = widgets.HTML()

    def update(_change: object = None) -> None:
        results.value = timeline_html(actor.value, stage.value)

    keep_in_sync((actor, stage), update)
    return widgets.VBox([widgets.HBox([actor, stage]), results])

"""Live explorer for the policy-paths chapter (needs a running kernel).

The explorer has a slider per driver. Every change recomputes the model and updates an HTML table
of end-state probabilities (``explorer.children[-2]``) and the chart below it; tests set a slider's
``value`` and read the table.
"""

from __future__ import annotations

import ipywidgets as widgets

from techdiplomacy.charts.policy_paths import policy_map
from techdiplomacy.models.policy_paths import DRIVER_LABELS, Drivers, end_state_table
from techdiplomacy.widgets.common import keep_in_sync, show_chart

__all__ = ["policy_paths_explorer", "results_html"]


def results_html(drivers: Drivers) -> str:
    """The end-state probabilities for ``drivers`` as an accessible HTML table."""
    table = end_state_table(drivers).rename(columns={"B": "B free market", "C": "C strong regulation", "D": "D advanced technology"})
    body = table.map(lambda p: f"{p:.0%}").to_html(classes="policy-paths-results", border=0)
    return f"<p><strong>Where paths end</strong> (illustrative weights)</p>{body}"


def policy_paths_explorer() -> widgets.VBox:
    """Sliders for the three drivers, the results table and the chart, kept in sync."""
    style = {"description_width": "16rem"}
    sliders = {
        name: widgets.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.05, description=label, style=style,
                                  layout=widgets.Layout(width="36rem"), continuous_update=False)
        for name, label in DRIVER_LABELS.items()
    }
    results = widgets.HTML()
    chart = widgets.Output()

    def update(_change: object = None) -> None:
        drivers = Drivers(**{name: s.value for name, s in sliders.items()})
        results.value = results_html(drivers)
        show_chart(chart, policy_map(drivers))

    keep_in_sync(sliders.values(), update)
    return widgets.VBox([*sliders.values(), results, chart])

"""The live explorer: moving a slider recomputes the model and updates the results."""

from __future__ import annotations

import ipywidgets as widgets

from techdiplomacy.models.policy_paths import Drivers
from techdiplomacy.widgets.policy_paths import policy_paths_explorer, results_html


def _parts(explorer: widgets.VBox) -> tuple[dict[str, widgets.FloatSlider], widgets.HTML]:
    sliders = {s.description: s for s in explorer.children if isinstance(s, widgets.FloatSlider)}
    (results,) = [c for c in explorer.children if isinstance(c, widgets.HTML)]
    return sliders, results


def test_explorer_starts_at_the_status_quo() -> None:
    sliders, results = _parts(policy_paths_explorer())
    assert len(sliders) == 3 and all(s.value == 0.5 for s in sliders.values())
    assert results.value == results_html(Drivers())
    assert "72%" in results.value  # A3 → D at the status quo


def test_moving_a_slider_updates_the_results() -> None:
    explorer = policy_paths_explorer()
    sliders, results = _parts(explorer)
    before = results.value
    sliders["Public demand for individual rights"].value = 1.0
    assert results.value != before
    assert results.value == results_html(Drivers(rights_demand=1.0))


def test_results_table_is_accessible_html() -> None:
    html = results_html(Drivers())
    assert "<table" in html and "<th>" in html and "B free market" in html

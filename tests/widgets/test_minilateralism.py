"""The minilateralism explorers: moving a control updates the HTML panel."""

from __future__ import annotations

import ipywidgets as widgets

from techdiplomacy.models.minilateralism import best_size
from techdiplomacy.widgets.minilateralism import scorecard_explorer, tradeoff_explorer, tradeoff_html


def _sliders(box: widgets.VBox) -> dict[str, widgets.Widget]:
    return {c.description: c for c in box.children if hasattr(c, "description")}


def test_scorecard_starts_with_g7_evidence() -> None:
    box = scorecard_explorer()
    result = box.children[-1]
    assert isinstance(result, widgets.HTML)
    assert "Has no permanent secretariat" in result.value
    assert "4 of 12" in result.value and "emerging organisation" in result.value
    assert "illustrative" in result.value


def test_moving_scorecard_sliders_updates_the_stage() -> None:
    box = scorecard_explorer()
    controls = _sliders(box)
    for label in ("Organisation", "Governance", "Accountability", "Global positioning"):
        controls[label].value = 3
    assert "12 of 12" in box.children[-1].value and "institutionalised organisation" in box.children[-1].value
    controls["Group"].value = "3SI"
    assert "momentum from one summit" in box.children[-1].value


def test_tradeoff_explorer_updates() -> None:
    box = tradeoff_explorer()
    controls = _sliders(box)
    result = box.children[-1]
    assert "<td>21</td>" in result.value  # 7 members, 21 links
    controls["Members (n)"].value = 10
    assert "<td>45</td>" in result.value
    controls["Decision rule"].value = "majority"
    assert result.value == tradeoff_html(10, 0.9, 0.08, "majority")
    assert f"<td>{best_size(0.9, 'majority', range(2, 41), 0.08)}</td>" in result.value
    assert "illustrative" in result.value

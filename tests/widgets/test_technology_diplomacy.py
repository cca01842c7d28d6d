"""Tests of the institution-design scorecard builder: set a control, read the HTML result."""

from __future__ import annotations

import ipywidgets as widgets

from techdiplomacy.models.technology_diplomacy import design_ratings
from techdiplomacy.widgets import technology_diplomacy as w


def _controls(box):
    return {getattr(c, "description", ""): c for c in box.children}


def test_builder_starts_from_the_dedicated_organisation():
    box = w.scorecard_builder()
    results = box.children[-2]
    assert isinstance(results, widgets.HTML)
    assert "Score: 72 of 100" in results.value
    assert "Weakest: Critical mass" in results.value


def test_loading_a_design_and_changing_the_weighting():
    box = w.scorecard_builder()
    controls = _controls(box)
    controls["Start from"].value = "treaty_organisation"
    assert controls["Critical mass"].value == design_ratings("treaty_organisation")["critical_mass"]
    assert "What the essays say" in box.children[-2].value and "go beyond formal multilateral" in box.children[-2].value
    controls["Weighting"].value = "security_first"
    assert "Score: 69 of 100" in box.children[-2].value
    assert "Candidates scoring higher: IPCC-style panel for AI" in box.children[-2].value


def test_moving_a_slider_switches_to_a_custom_design():
    box = w.scorecard_builder()
    controls = _controls(box)
    for name, control in controls.items():
        if isinstance(control, widgets.IntSlider):
            control.value = 4
    assert controls["Start from"].value == "custom"
    assert "Score: 100 of 100" in box.children[-2].value
    assert "What the essays say" not in box.children[-2].value

"""Tests of the regional cooperation live explorers: set a control, read the HTML result."""

from __future__ import annotations

import ipywidgets as widgets

from techdiplomacy.widgets import regional_cooperation as w


def _controls(box):
    return {getattr(c, "description", ""): c for c in box.children}


def test_stage_explorer_follows_the_sliders():
    box = w.stage_explorer()
    results = box.children[-2]
    assert isinstance(results, widgets.HTML)
    assert "Stage: Trade network" in results.value
    controls = _controls(box)
    controls["Human capital"].value = 1.0
    controls["Infrastructure"].value = 1.0
    assert "Stage: Science and innovation network" in results.value
    for name in ("Raw materials", "Demand", "Human capital", "Infrastructure"):
        controls[name].value = 0.0
    assert "Stage: No network yet" in results.value


def test_sdg_mapper_lists_the_goals():
    box = w.sdg_mapper()
    results = box.children[-2]
    assert "SDG 13 Climate action (primary)" in results.value
    box.children[0].value = "smart_education"
    assert "SDG 4 Quality education (primary)" in results.value
    assert "Climate action" not in results.value


def test_project_planner_reports_gaps_and_success():
    box = w.project_planner()
    results = box.children[-2]
    assert "Long-term stable cooperation: not yet met" in results.value
    assert "Mission steps still missing" in results.value
    controls = _controls(box)
    controls["Duration (years)"].value = 4
    for name in ("Benefits shared fairly among partners", "Regional risk assessment",
                 "Shared ethical guidelines and transparency", "Results shared as a public good",
                 "Serves communities facing a social challenge", "A way to share lessons among partners"):
        controls[name].value = True
    steps = controls["Mission steps"]
    steps.value = tuple(value for _label, value in steps.options)
    assert "not yet met" not in results.value
    assert "All six mission steps are covered" in results.value


def test_project_planner_shows_bad_input_instead_of_crashing():
    box = w.project_planner()
    controls = _controls(box)
    controls["Mission"].value = "AI"
    assert "Check the proposal" in box.children[-2].value
    controls["Mission"].value = "Green factories for a carbon-neutral region"
    controls["SDGs"].value = ()
    assert "at least one goal" in box.children[-2].value

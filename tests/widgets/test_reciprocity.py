"""Tests of the reciprocity explorer: set a control's value, read the HTML results."""

from __future__ import annotations

import ipywidgets as widgets

from techdiplomacy.widgets.reciprocity import reciprocity_explorer, results_html


def _controls(explorer):
    return {c.description: c for c in explorer.children if isinstance(c, widgets.ValueWidget) and c.description}


def test_explorer_shows_results_in_html():
    explorer = reciprocity_explorer()
    results = explorer.children[-2]
    assert isinstance(results, widgets.HTML)
    assert "Tit for tat (large) against Generous tit for tat (small)" in results.value
    assert "Mean of 50 seeded runs" in results.value


def test_changing_controls_updates_the_results():
    explorer = reciprocity_explorer()
    controls = _controls(explorer)
    results = explorer.children[-2]
    controls["Large partner plays"].value = "tit_for_tat"
    controls["Small partner plays"].value = "always_defect"
    controls["Noise (misread moves)"].value = 0.0
    controls["Rounds"].value = 10
    assert "<td>9.0</td>" in results.value and "<td>14.0</td>" in results.value
    controls["Seeded runs for the mean"].value = 20
    assert "Mean of 20 seeded runs" in results.value


def test_asymmetry_breaks_equal_value_in_the_explorer():
    explorer = reciprocity_explorer()
    controls = _controls(explorer)
    results = explorer.children[-2]
    controls["Noise (misread moves)"].value = 0.0
    controls["Large partner plays"].value = "equal_value"
    controls["Small partner plays"].value = "tit_for_tat"
    assert "<td>100%</td>" in results.value
    controls["Asymmetry of stakes"].value = 0.5
    assert "<td>100%</td>" not in results.value


def test_results_html_is_a_table_with_headers():
    text = results_html("tit_for_tat", "tit_for_tat", 20, 0.0, 0.0, 0.3, 10, 0)
    assert '<th scope="col">' in text and '<th scope="row">' in text
    assert "100%" in text

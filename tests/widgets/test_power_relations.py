"""The power-relations explorer: choosing a cell updates the panel."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from techdiplomacy.widgets.power_relations import cell_html, power_relations_explorer


def test_explorer_starts_on_relationship_linkage() -> None:
    explorer = power_relations_explorer()
    result = explorer.children[-1]
    assert isinstance(result, widgets.HTML)
    assert "Relationship linkage" in result.value and "US–Iran" in result.value


def test_choosing_a_cell_updates_the_panel() -> None:
    explorer = power_relations_explorer()
    dimension, stance, result = explorer.children
    dimension.value = "expectation"
    stance.value = "cooperation"
    assert "Abstract vision" in result.value
    assert "Bletchley Declaration" in result.value and "(2023)" in result.value
    assert result.value == cell_html("expectation", "cooperation")


def test_course_readings_are_flagged() -> None:
    assert "[course reading]" in cell_html("holding", "cooperation")


def test_bad_start_values_raise() -> None:
    with pytest.raises(ValueError, match="stance"):
        power_relations_explorer(stance="rivalry")

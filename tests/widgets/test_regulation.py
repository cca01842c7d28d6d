"""Tests for the regulation overlap explorer: changing a dropdown changes the overlap."""

from techdiplomacy.widgets import regulation as w


def test_explorer_reacts_to_level_and_jurisdictions():
    explorer = w.regulation_explorer()
    first, second = explorer.children[0].children
    level = explorer.children[1]
    results = explorer.children[-2]
    assert "United States and China" in results.value and "overlap <strong>0%" in results.value
    assert "Shared: none" in results.value
    level.value = "any"
    assert "60%" in results.value
    level.value = "explicit"
    second.value = "eu"
    assert "25%" in results.value and "Shared: Justice" in results.value
    level.value = "any"
    assert "80%" in results.value

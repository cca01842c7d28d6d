"""Tests for the regulation overlap explorer: changing a dropdown changes the overlap."""

from techdiplomacy.widgets import regulation as w


def test_explorer_reacts_to_level_and_jurisdictions():
    explorer = w.regulation_explorer()
    first, second = explorer.children[0].children
    level = explorer.children[1]
    results = explorer.children[-2]
    assert "United States and China" in results.value and "60%" in results.value
    level.value = "explicit"
    assert "0%" in results.value and "Shared: none" in results.value
    second.value = "eu"
    assert "20%" in results.value and "Shared: Justice" in results.value
    level.value = "any"
    assert "100%" in results.value

"""Tests for the disruptions explorer: changing a study changes the comparison."""

from techdiplomacy.widgets import disruptions as w


def test_explorer_compares_the_chosen_studies():
    explorer = w.disruptions_explorer()
    first, second = explorer.children[0].children
    results = explorer.children[-2]
    assert "Bain" in results.value and "PwC" in results.value and "3</strong> of 4" in results.value
    second.value = "mckinsey"
    assert "100 million workers" in results.value and "condition" in results.value
    second.value = "bain"
    assert "same study twice" in results.value

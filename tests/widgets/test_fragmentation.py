"""Tests for the fragmentation explorers: changing a control changes the HTML result."""

from techdiplomacy.widgets import fragmentation as w


def test_diversity_explorer_reacts_to_interoperability():
    explorer = w.diversity_explorer()
    results = explorer.children[-2]
    assert "excessive" not in results.value and "functional diversity" in results.value
    explorer.children[0].value = 0.9  # diversity
    assert "excessive fragmentation" in results.value
    explorer.children[1].value = 1.0  # interoperability
    assert "functional diversity" in results.value
    assert "illustrative" in results.value


def test_timeline_explorer_filters():
    explorer = w.timeline_explorer()
    actor, stage = explorer.children[0].children
    results = explorer.children[-1]
    assert "20 event(s)" in results.value
    actor.value = "Australia"
    assert "2 event(s)" in results.value and "Huawei" in results.value
    stage.value = "fragmentation"
    assert "No event" in results.value

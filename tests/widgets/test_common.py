"""Tests for the helpers every explorer shares."""

import ipywidgets as widgets
import pytest

from techdiplomacy.widgets import common


def test_keep_in_sync_updates_once_now_and_on_every_change() -> None:
    first, second = widgets.IntSlider(value=1), widgets.Dropdown(options=["a", "b"], value="a")
    other = widgets.IntSlider(value=1)
    calls: list[object] = []

    def update(change: object = None) -> None:
        calls.append(change)

    common.keep_in_sync((first, second), update)
    assert calls == [None]  # filled once at the start, without a change
    first.value = 2
    second.value = "b"
    other.value = 2  # not wired
    assert len(calls) == 3
    assert [(c["name"], c["new"]) for c in calls[1:]]  # type: ignore[index] == [("value", 2), ("value", "b")]


def test_keep_in_sync_accepts_any_iterable_of_controls() -> None:
    sliders = {name: widgets.IntSlider() for name in "abc"}
    calls: list[object] = []
    common.keep_in_sync(sliders.values(), lambda _change=None: calls.append(_change))
    sliders["c"].value = 5
    assert len(calls) == 2


def test_show_chart_clears_then_displays_in_the_output(monkeypatch: pytest.MonkeyPatch) -> None:
    output = widgets.Output()
    events: list[tuple[str, object]] = []
    monkeypatch.setattr(output, "clear_output", lambda **kwargs: events.append(("clear", kwargs)))
    monkeypatch.setattr(common, "display", lambda chart: events.append(("display", chart)))
    common.show_chart(output, "chart")
    assert events == [("clear", {"wait": True}), ("display", "chart")]

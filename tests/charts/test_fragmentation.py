"""Tests for the fragmentation charts: inputs, text alternatives and inline data."""

from techdiplomacy.charts import fragmentation as charts


def _rows(spec):
    return sum(len(v) for v in spec.get("datasets", {}).values())


def test_timeline_has_actor_dropdown_and_stage_legend():
    spec = charts.event_timeline().to_dict()
    assert spec["title"] and "protectionism" in spec["description"]
    params = {p["name"]: p for p in spec["params"]}
    assert params["actor"]["bind"]["input"] == "select"
    assert "All" in params["actor"]["bind"]["options"] and "China" in params["actor"]["bind"]["options"]
    assert params["stage_pick"]["bind"] == "legend"
    rows = max(spec["datasets"].values(), key=len)
    assert len(rows) == 20
    assert {r["stage_label"] for r in rows} >= {"Techno-nationalism", "Protectionism", "Fragmentation"}
    assert any(r["value_text"].startswith("48") for r in rows)


def test_timeline_keeps_undated_events_off_2020():
    """Events the essay does not date get a column of their own instead of piling up on 2020."""
    rows = max(charts.event_timeline().to_dict()["datasets"].values(), key=len)
    undated = [r for r in rows if r["dating"] == "not dated in the essay"]
    assert len(undated) >= 10
    assert {r["mark_year"] for r in undated} == {charts.UNDATED_X}
    assert all(r["mark_year"] <= 2020 for r in rows if r["dating"] == "dated in the essay")
    titles = [r["title"] for r in rows]
    assert titles.index(undated[0]["title"]) > max(titles.index(r["title"]) for r in rows if r["dating"] == "dated in the essay")


def test_diversity_explorer_has_two_sliders_and_a_small_grid():
    spec = charts.diversity_explorer().to_dict()
    assert "illustrative" in spec["description"].lower()
    params = {p["name"]: p for p in spec["params"]}
    assert params["interoperability"]["bind"]["input"] == "range"
    assert params["diversity"]["bind"]["input"] == "range"
    assert 500 < _rows(spec) < 3000
    text = str(spec["layer"])
    assert "interoperability" in text and "diversity" in text


def test_single_scenario_curve_has_no_controls():
    spec = charts.diversity_curve(0.5, 0.3).to_dict()
    assert "params" not in spec
    assert spec["description"] and "0.50" in spec["title"]

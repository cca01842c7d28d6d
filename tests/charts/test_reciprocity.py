"""Tests of the reciprocity charts, through their Vega-Lite specifications."""

from __future__ import annotations

import json

import pytest

from techdiplomacy.charts import reciprocity as charts
from techdiplomacy.models.reciprocity import GRID_LEVELS, norm_comparison, norm_grid, play_match, round_robin


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def _params(spec: dict) -> dict[str, dict]:
    found = {}

    def walk(node):
        if isinstance(node, dict):
            for p in node.get("params", []):
                found[p["name"]] = p
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def _no_background(spec: dict) -> None:
    text = json.dumps(spec)
    assert '"background"' not in text


@pytest.fixture(scope="module")
def static_charts():
    return {
        "coauthorship": charts.coauthorship_chart().to_dict(),
        "investment": charts.investment_chart().to_dict(),
        "ev": charts.ev_credit_chart().to_dict(),
        "explorer": charts.scenario_explorer().to_dict(),
        "match": charts.match_chart(play_match("tit_for_tat", "always_defect", 10)).to_dict(),
        "round_robin": charts.round_robin_chart(round_robin(rounds=50, repetitions=2)).to_dict(),
        "norms": charts.norm_chart(norm_comparison((0.0, 0.05), runs=3)).to_dict(),
        "norm_grid": charts.norm_chart(norm_grid((0.0, 0.05), (0.0, 0.3), runs=3)).to_dict(),
    }


def test_every_chart_has_a_title_and_a_text_alternative(static_charts):
    for name, spec in static_charts.items():
        assert spec["title"], name
        assert len(spec["description"]) > 80, name
        _no_background(spec)


def test_evidence_charts_carry_the_essays_numbers(static_charts):
    coauthorship = static_charts["coauthorship"]
    rows = [row for data in _datasets(coauthorship) for row in data]
    assert {(r["pair"], r["share_percent"]) for r in rows} == {
        ("United States with China", 32), ("United States with South Korea", 4), ("South Korea with United States", 44)}
    assert "44%" in coauthorship["description"]
    investment = static_charts["investment"]
    assert "30.5%" in investment["description"] and "0.5%" in investment["description"]
    ev_rows = [row for data in _datasets(static_charts["ev"]) for row in data]
    assert {(r["case"], r["deal"], r["credit"]) for r in ev_rows} == {
        ("Tesla Model 3 in South Korea", "buying", 4), ("Hyundai Ioniq 6 in United States", "buying", 0),
        ("Hyundai Ioniq 6 in United States", "leasing", 15)}


def test_explorer_binds_its_controls_for_the_static_page(static_charts):
    spec = static_charts["explorer"]
    params = _params(spec)
    for name in ("noise", "asymmetry", "generosity"):
        assert params[name]["bind"]["input"] == "range"
    assert params["rounds"]["bind"]["input"] == "select"
    assert params["rounds"]["bind"]["options"] == [str(r) for r in GRID_LEVELS["rounds"]]
    # slider steps land on the grid's levels
    for name in ("noise", "asymmetry", "generosity"):
        bind = params[name]["bind"]
        levels = GRID_LEVELS[name]
        assert bind["min"] == min(levels) and bind["max"] == max(levels)
        assert bind["step"] == pytest.approx(levels[1] - levels[0])
        assert params[name]["value"] in levels


def test_explorer_inline_data_is_the_whole_grid_and_small(static_charts):
    sizes = sorted(len(data) for data in _datasets(static_charts["explorer"]))
    assert sizes[-1] < 3000
    grid = [data for data in _datasets(static_charts["explorer"]) if len(data) > 100][0]
    assert {row["rounds"] for row in grid} == set(GRID_LEVELS["rounds"])
    assert "Tit for tat" in static_charts["explorer"]["description"]


def test_match_chart_describes_the_classic_result(static_charts):
    description = static_charts["match"]["description"]
    assert "large partner 9" in description and "small partner 14" in description


def test_round_robin_chart_lists_every_strategy(static_charts):
    rows = [row for data in _datasets(static_charts["round_robin"]) for row in data]
    assert {row["strategy"] for row in rows} >= {"tit_for_tat", "always_defect", "trust_budget"}
    assert "Best: " in static_charts["round_robin"]["description"]


def test_norm_chart_compares_the_three_norms(static_charts):
    rows = [row for data in _datasets(static_charts["norms"]) for row in data]
    assert {row["norm"] for row in rows} == {"bilateral", "private", "reputation"}


def test_norm_chart_with_several_generosity_levels_has_a_slider(static_charts):
    spec = static_charts["norm_grid"]
    params = {p["name"]: p for p in spec.get("params", [])}
    assert params["group_generosity"]["bind"]["input"] == "range"
    assert params["group_generosity"]["bind"]["min"] == 0 and params["group_generosity"]["bind"]["max"] == 0.3
    assert "slider for the generosity" in spec["description"]
    assert "params" not in static_charts["norms"] or not static_charts["norms"]["params"]

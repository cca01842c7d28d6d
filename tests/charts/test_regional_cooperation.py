"""Tests of the regional cooperation charts (via their Vega-Lite specifications)."""

from __future__ import annotations

import json

import pytest

from techdiplomacy.charts import regional_cooperation as charts
from techdiplomacy.models.regional_cooperation import DRIVERS, MissionProposal


def _datasets(spec):
    return spec.get("datasets", {})


def _params(spec):
    return {p["name"]: p for p in spec.get("params", [])}


def test_stage_explorer_binds_one_checkbox_per_driver():
    spec = charts.stage_explorer().to_dict()
    assert spec["title"] and spec["description"]
    params = _params(spec)
    assert set(params) == set(DRIVERS)
    assert all(p["bind"]["input"] == "checkbox" for p in params.values())
    assert params["raw_materials"]["value"] is True and params["human_capital"]["value"] is False
    rows = sum(len(d) for d in _datasets(spec).values())
    assert rows <= 2000
    assert "background" not in json.dumps(spec.get("config", {}))


def test_stage_explorer_grid_names_the_stage():
    spec = charts.stage_explorer().to_dict()
    rows = [r for d in _datasets(spec).values() for r in d]
    start = [r for r in rows if r["raw_materials"] == 1 and r["demand"] == 1 and sum(r[d] for d in DRIVERS) == 2]
    assert {r["verdict"] for r in start} == {"Stage: Trade network"}


def test_sdg_explorer_has_a_dropdown_and_all_goals():
    spec = charts.sdg_explorer().to_dict()
    params = _params(spec)
    assert params["application"]["bind"]["input"] == "select"
    assert params["application"]["value"] == "Green manufacturing"
    rows = [r for d in _datasets(spec).values() for r in d]
    assert {r["sdg"] for r in rows} == set(range(1, 18))
    assert "illustrative" in spec["description"]


def test_single_case_charts_describe_their_case():
    spec = charts.stage_bars({"labour_costs": 1.0, "regulations": 0.5}).to_dict()
    assert "production network" in spec["description"]
    proposal = MissionProposal("Smart schools for shrinking towns", "low_birth_rate", (4,), 2, 3, shared_benefit=True)
    spec = charts.principle_chart(proposal).to_dict()
    assert spec["title"].endswith("Smart schools for shrinking towns")
    assert "Mutual benefit 3 of 3" in spec["description"]


def test_bad_input_reaches_the_model():
    with pytest.raises(ValueError):
        charts.stage_bars({"gold": 1})

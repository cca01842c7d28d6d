"""Tests of the technology diplomacy charts (via their Vega-Lite specifications)."""

from __future__ import annotations

import json

import pytest

from techdiplomacy.charts import technology_diplomacy as charts
from techdiplomacy.models.technology_diplomacy import CRITERIA, DESIGNS, PROFILES, design_ratings


def test_scorecard_explorer_binds_two_dropdowns():
    spec = charts.scorecard_explorer().to_dict()
    assert spec["title"] and "illustrative" in spec["description"]
    params = {p["name"]: p for p in spec["params"]}
    assert params["weighting"]["bind"]["input"] == "select"
    assert params["design"]["bind"]["input"] == "select"
    assert len(params["weighting"]["bind"]["options"]) == len(PROFILES)
    assert len(params["design"]["bind"]["options"]) == len(DESIGNS)
    sizes = sorted(len(d) for d in spec["datasets"].values())
    assert sizes == [len(DESIGNS), len(PROFILES) * len(DESIGNS) * len(CRITERIA)]
    assert "background" not in json.dumps(spec.get("config", {}))


def test_description_reports_the_leaders():
    description = charts.scorecard_explorer().to_dict()["description"]
    assert "With equal weights Dedicated AI organisation leads" in description
    assert "security first IPCC-style panel for AI leads" in description
    assert "treaty-based organisation ranks 2, although the essay argues that diplomacy must go beyond treaties" in description


def test_totals_tooltip_says_what_the_essays_say():
    spec = json.dumps(charts.scorecard_explorer().to_dict())
    assert "What the essays say" in spec and "may not suit malicious AI" in spec


def test_design_scorecard_shows_the_total():
    spec = charts.design_scorecard(design_ratings("summit_series"), "speed_first").to_dict()
    assert spec["title"] == "Institution design scorecard: 59 of 100"
    assert "speed first" in spec["description"]
    custom = charts.design_scorecard({c: 4 for c in CRITERIA}, {"agility": 1}).to_dict()
    assert "custom weights" in custom["description"]


def test_bad_ratings_reach_the_model():
    with pytest.raises(ValueError, match="missing"):
        charts.design_scorecard({"agility": 2})

"""The minilateralism charts: overlaps, maturity scorecard and the illustrative size-agility model."""

from __future__ import annotations

import json

import pytest

from techdiplomacy.charts.minilateralism import overlap_explorer, scorecard_chart, stage_expression, tradeoff_explorer
from techdiplomacy.models.minilateralism import CRITERIA, STAGES, expected_impact, groups, maturity_stage


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def _params(spec: dict) -> dict[str, dict]:
    return {p["name"]: p for p in spec.get("params", [])}


def test_overlap_explorer_has_group_dropdown_and_overlap_data() -> None:
    spec = overlap_explorer().to_dict()
    group = _params(spec)["group"]
    assert group["bind"]["input"] == "select" and group["bind"]["options"] == list(groups())
    rows = [row for rows in _datasets(spec) for row in rows]
    pair = [r for r in rows if r.get("group_a") == "BRICS" and r.get("group_b") == "I2U2"]
    assert pair and pair[0]["n_shared"] == 2 and pair[0]["shared"] == "India, United Arab Emirates"
    assert "BRICS–I2U2: India, United Arab Emirates" in spec["description"]
    assert "background" not in spec


def test_scorecard_has_a_slider_per_criterion() -> None:
    spec = scorecard_chart({"organisation": 0, "governance": 1, "accountability": 2, "global_positioning": 3}).to_dict()
    params = _params(spec)
    assert set(params) == set(CRITERIA)
    assert params["organisation"]["value"] == 0 and params["global_positioning"]["value"] == 3
    for param in params.values():
        assert param["bind"]["input"] == "range" and param["bind"]["min"] == 0 and param["bind"]["max"] == 3
    assert spec["title"] and "illustrative" in spec["description"]


@pytest.mark.parametrize("share", [0.0, 0.2, 0.25, 0.4, 0.5, 0.74, 0.75, 1.0])
def test_stage_expression_matches_the_model(share: float) -> None:
    # Evaluate the Vega expression's nested conditionals in Python.
    expression = stage_expression("s").replace("'", '"')
    python = expression
    while "?" in python:
        python = python.replace(" ? ", " and ", 1).replace(" : ", " or ", 1)
    assert eval(python, {}, {"s": share}) == maturity_stage(share)  # noqa: S307 - our own expression
    assert [name for _, name in STAGES][0] in stage_expression("s")


def test_tradeoff_explorer_controls_and_grid() -> None:
    spec = tradeoff_explorer().to_dict()
    params = _params(spec)
    assert set(params) == {"p", "per_member", "rule"}
    assert params["p"]["bind"]["input"] == "range" and params["rule"]["bind"]["input"] == "select"
    rows = [row for rows in _datasets(spec) for row in rows]
    assert 0 < len(rows) < 2000
    assert len(json.dumps(spec)) < 250_000
    row = next(r for r in rows if r["n"] == 5 and r["p"] == 0.9 and r["per_member"] == 0.08 and r["rule"] == "unanimity")
    assert row["impact"] == pytest.approx(expected_impact(5, 0.9, "unanimity", 0.08), abs=1e-3)
    # every scenario the controls can reach exists in the grid, with exactly one best size
    scenarios = {(r["p"], r["per_member"], r["rule"]) for r in rows}
    assert len(scenarios) == 10 * 4 * 2
    assert sum(r["best"] for r in rows) == len(scenarios)


def test_tradeoff_explorer_is_labelled_illustrative() -> None:
    spec = tradeoff_explorer().to_dict()
    assert "illustrative" in spec["title"].lower() and "illustrative" in spec["description"].lower()
    assert "best size is 7 members" in spec["description"]

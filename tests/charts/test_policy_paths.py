"""The policy-paths charts: described, interactive in the static page, built from the model."""

from __future__ import annotations

import json

from techdiplomacy.charts.policy_paths import policy_map, scenario_explorer
from techdiplomacy.models.policy_paths import DRIVER_LABELS, Drivers


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def test_scenario_explorer_binds_a_slider_per_driver() -> None:
    spec = scenario_explorer().to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == set(DRIVER_LABELS)
    for param in params.values():
        assert param["bind"]["input"] == "range"
        assert param["value"] == 0.5
    filters = json.dumps(spec)
    for name in DRIVER_LABELS:
        assert f"datum.{name} == {name}" in filters


def test_scenario_explorer_has_text_alternative_with_model_results() -> None:
    spec = scenario_explorer().to_dict()
    assert spec["title"] and "A3 most likely ends in D (72%)" in spec["description"]
    assert "A1 is split evenly between B and C (50% each)" in spec["description"]


def test_scenario_explorer_data_stay_small_enough_for_a_page() -> None:
    spec = scenario_explorer().to_dict()
    assert sum(len(rows) for rows in _datasets(spec)) < 3000
    assert len(json.dumps(spec)) < 400_000


def test_policy_map_shows_one_scenario_without_controls() -> None:
    spec = policy_map(Drivers(rights_demand=1.0)).to_dict()
    assert "params" not in spec
    assert "public demand for individual rights 1.00" in spec["description"]
    probabilities = [row["probability"] for rows in _datasets(spec) for row in rows if "from_state" in row]
    assert probabilities and all(0 <= p <= 1 for p in probabilities)

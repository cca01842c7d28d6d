"""The power-relations matrix chart: described, interactive in the static page, built from the model."""

from __future__ import annotations

import json

from techdiplomacy.charts.power_relations import matrix_explorer
from techdiplomacy.data import load_table
from techdiplomacy.models.power_relations import MECHANISMS


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def test_matrix_explorer_binds_a_mechanism_dropdown() -> None:
    spec = matrix_explorer().to_dict()
    (param,) = spec["params"]
    assert param["name"] == "mechanism"
    assert param["bind"]["input"] == "select"
    assert param["bind"]["options"] == list(MECHANISMS)
    assert param["value"] in MECHANISMS
    assert "datum.mechanism == mechanism" in json.dumps(spec)


def test_matrix_explorer_carries_cells_and_all_cases() -> None:
    spec = matrix_explorer().to_dict()
    rows = [row for rows in _datasets(spec) for row in rows]
    cells = [r for r in rows if "definition" in r]
    cases = [r for r in rows if "case_id" in r]
    assert len(cells) == 6 and {c["mechanism"] for c in cells} == set(MECHANISMS)
    assert {c["case_id"] for c in cases} == set(load_table("power_relations_cases")["case_id"])
    assert sum(len(r) for r in _datasets(spec)) < 100


def test_matrix_explorer_has_a_text_alternative() -> None:
    spec = matrix_explorer().to_dict()
    assert spec["title"]
    for mechanism in MECHANISMS:
        assert mechanism.lower() in spec["description"].lower()
    assert "Joint capacity building 4" in spec["description"]


def test_no_background_is_set() -> None:
    spec = matrix_explorer().to_dict()
    assert "background" not in spec and "background" not in spec.get("config", {})

"""Tests for the disruptions charts: honest panels and the interactive basis matrix."""

from techdiplomacy.charts import disruptions as charts


def test_forecast_panels_one_per_study_with_own_units():
    spec = charts.forecast_panels().to_dict()
    assert spec["title"] and "own axis" in spec["description"]
    assert len(spec["concat"]) == 4 and spec["columns"] == 2  # a 2 x 2 grid fits the book's column
    assert spec["resolve"]["scale"]["y"] == "independent"
    titles = [panel["layer"][0]["encoding"]["y"]["title"] for panel in spec["concat"]]
    assert len(set(titles)) == 4
    # percentages on a full 0-100 axis so that 1% does not look like a full bar
    pwc = spec["concat"][1]["layer"][0]["encoding"]["y"]
    assert pwc["scale"]["domain"] == [0, 100]


def test_basis_matrix_has_reference_dropdown():
    spec = charts.basis_matrix().to_dict()
    assert spec["description"] and spec["title"]
    (param,) = spec["params"]
    assert param["bind"]["input"] == "select"
    assert param["bind"]["options"] == ["Bain", "PwC", "World Economic Forum", "McKinsey"]
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 64
    assert "reference" in str(spec["layer"][0]["transform"])


def test_pair_matrix_two_rows_per_dimension():
    spec = charts.pair_matrix("bain", "pwc").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 8
    assert "Bain and PwC" in spec["title"]

"""Tests for the regulation charts: the overlap explorer and its one-level versions."""

from techdiplomacy.charts import regulation as charts


def test_overlap_explorer_has_level_dropdown_shared_by_both_panels():
    spec = charts.overlap_explorer().to_dict()
    assert spec["title"] and "course's reading" in spec["description"]
    assert "0% when implied ones count too and 80% when qualified ones also count" in spec["description"]
    (param,) = spec["params"]
    assert param["bind"]["input"] == "select"
    assert len(param["bind"]["options"]) == 3
    assert len(spec["vconcat"]) == 2  # stacked, to fit the book's column
    for panel in spec["vconcat"]:
        assert "level" in str(panel["layer"][0]["transform"])
    sizes = sorted(len(v) for v in spec["datasets"].values())
    assert sizes == [9, 45]


def test_one_level_charts():
    matrix = charts.principle_matrix("explicit").to_dict()
    rows = next(iter(matrix["datasets"].values()))
    assert len(rows) == 15
    assert sum(r["counts"] == "✓" for r in rows) == 5  # EU four, US justice
    assert all(r["limits"] for r in rows)
    bars = charts.overlap_bars("any").to_dict()
    assert "80%" in bars["description"] and "100%" not in bars["description"]

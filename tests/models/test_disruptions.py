"""Tests for the disruptions model (Feijóo et al. 2020, section 5)."""

import itertools

import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models import disruptions as d


@pytest.mark.parametrize("name", ["disruptions_studies", "disruptions_figures"])
def test_tables_validate_and_cite_section_5(name):
    table = load_table(name)
    assert not table.empty
    assert table["source"].str.startswith("feijoo2020 §5").all()


def test_the_four_studies():
    assert d.study_ids() == ["bain", "pwc", "wef", "mckinsey"]


def test_figures_hold_the_essays_numbers():
    table = d.figures().set_index("figure")
    assert (table.loc["jobs_eliminated", "value"], table.loc["jobs_eliminated", "value_high"]) == (20, 25)
    assert table.loc["jobs_at_risk", "value"] == 1
    assert table.loc["machine_task_hours_2018", "value"] == 29
    assert table.loc["machine_task_hours_2025", "value"] == 52
    assert table.loc["workers_switching", "value"] == 100
    assert table.loc["workforce_share_switching", "value"] == 12
    assert set(d.figures("wef")["year"]) == {2018, 2025}


def test_no_two_studies_share_a_basis():
    for a, b in itertools.combinations(d.study_ids(), 2):
        assert not d.comparable(a, b)
        assert "measure" in d.basis_differences(a, b)
        assert "scope" in d.basis_differences(a, b)
    assert d.comparable("bain", "bain")


def test_known_differences():
    assert d.basis_differences("bain", "pwc") == ["measure", "scope", "horizon"]
    assert d.basis_differences("bain", "mckinsey") == ["measure", "scope", "condition"]
    assert d.basis_differences("pwc", "mckinsey") == list(d.DIMENSIONS)


def test_difference_grid():
    grid = d.difference_grid()
    assert len(grid) == 4 * 4 * len(d.DIMENSIONS)
    assert grid[grid["reference"] == grid["study"]]["same"].all()


def test_arithmetic_on_the_essays_figures():
    assert d.implied_total(100, 12) == pytest.approx(833.33, abs=0.01)
    assert d.share_of(100, 833.3333) == pytest.approx(12, abs=1e-3)
    assert d.annual_change(29, 52, 2018, 2025) == pytest.approx(23 / 7)


@pytest.mark.parametrize(
    "call",
    [
        lambda: d.basis_differences("bain", "gartner"),
        lambda: d.figures("oracle"),
        lambda: d.implied_total(100, 0),
        lambda: d.implied_total(-1, 12),
        lambda: d.implied_total(100, 120),
        lambda: d.implied_total("100", 12),
        lambda: d.share_of(1, 0),
        lambda: d.annual_change(29, 52, 2025, 2018),
        lambda: d.annual_change(29, 52, 2018.5, 2025),
    ],
)
def test_bad_input_raises_clear_value_error(call):
    with pytest.raises(ValueError):
        call()

"""Tests for the power-relations matrix model."""

from __future__ import annotations

import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models import power_relations as pr


def test_matrix_is_the_essays_three_by_two():
    table = pr.matrix()
    assert table.shape == (3, 2)
    assert list(table.index) == ["acquisition", "holding", "expectation"]
    assert table.loc["acquisition", "competition"] == "Relationship linkage"
    assert table.loc["holding", "competition"] == "Heterogeneous resources"
    assert table.loc["expectation", "competition"] == "Strategic vigilance"
    assert table.loc["acquisition", "cooperation"] == "Joint capacity building"
    assert table.loc["holding", "cooperation"] == "Complementarity"
    assert table.loc["expectation", "cooperation"] == "Abstract vision"
    assert set(table.to_numpy().ravel()) == set(pr.MECHANISMS)


def test_every_cell_has_at_least_one_case_and_counts_add_up():
    table = pr.matrix_table()
    assert len(table) == 6
    assert (table["n_cases"] >= 1).all()
    assert table["n_cases"].sum() == len(load_table("power_relations_cases"))


@pytest.mark.parametrize(
    ("case_id", "mechanism"),
    [
        ("eu_ai_act", "Heterogeneous resources"),
        ("aukus_trial", "Joint capacity building"),
        ("nato_diana", "Joint capacity building"),
        ("bletchley", "Abstract vision"),
        ("china_asean_sti", "Complementarity"),
        ("us_china_vigilance", "Strategic vigilance"),
        ("us_iran", "Relationship linkage"),
    ],
)
def test_essay_cases_sit_in_the_essays_cells(case_id, mechanism):
    row = pr.case(case_id)
    assert row["mechanism"] == mechanism
    assert pr.mechanism(row["dimension"], row["stance"]) == mechanism
    assert row["placement"] == "essay"


def test_bletchley_numbers_match_the_essay():
    row = pr.case("bletchley")
    assert row["year"] == 2023
    assert "28 countries" in row["actors"]


def test_cases_in_cell_filters():
    cases = pr.cases_in_cell("expectation", "cooperation")
    assert set(cases["case_id"]) >= {"bletchley", "un_resolution", "ai4sdgs"}
    assert (cases["mechanism"] == "Abstract vision").all()


def test_cell_of_and_cell_str():
    cell = pr.cell_of("joint-capacity  building")
    assert cell == pr.Cell("acquisition", "cooperation")
    assert cell.mechanism == "Joint capacity building"
    assert "Power acquisition" in str(cell)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Complementarity", pr.Cell("holding", "cooperation")),
        ("strategic vigilance", pr.Cell("expectation", "competition")),
        (("holding", "cooperation"), pr.Cell("holding", "cooperation")),
        (["Power acquisition", "Competition"], pr.Cell("acquisition", "competition")),
        ("power expectation / cooperation", pr.Cell("expectation", "cooperation")),
        ("competition over power holding", pr.Cell("holding", "competition")),
        (pr.Cell("holding", "competition"), pr.Cell("holding", "competition")),
    ],
)
def test_parse_cell_accepts_several_forms(answer, expected):
    assert pr.parse_cell(answer) == expected


@pytest.mark.parametrize(
    "answer",
    ["", "   ", "friendship", "holding and expectation / cooperation", ("holding",), ("holding", 3), 42, None],
)
def test_parse_cell_rejects_unreadable_answers(answer):
    with pytest.raises(ValueError):
        pr.parse_cell(answer)


def test_bad_input_gives_clear_errors():
    with pytest.raises(ValueError, match="power dimension"):
        pr.mechanism("influence", "competition")
    with pytest.raises(ValueError, match="stance"):
        pr.Cell("holding", "rivalry")
    with pytest.raises(ValueError, match="Unknown mechanism"):
        pr.cell_of("soft power")
    with pytest.raises(ValueError, match="mechanism must be given as text"):
        pr.cell_of(3)
    with pytest.raises(ValueError, match="Unknown case"):
        pr.case("no_such_case")
    with pytest.raises(ValueError, match="stance"):
        pr.cases_in_cell("holding", "war")


def test_sources_name_the_essay():
    for name in ("power_relations_mechanisms", "power_relations_cases"):
        assert load_table(name)["source"].str.startswith("powerrelations2024").all()

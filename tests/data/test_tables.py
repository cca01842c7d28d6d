"""Every data table has a schema, validates against it, and says where each number comes from."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from techdiplomacy.data import DATA_DIR, TableError, available_tables, load_table, validate_table

CSV_TABLES = sorted(p.stem for p in DATA_DIR.glob("*.csv"))


def test_every_csv_has_a_schema() -> None:
    assert set(CSV_TABLES) == set(available_tables())


@pytest.mark.parametrize("name", CSV_TABLES)
def test_table_validates_and_has_a_source_for_every_row(name: str) -> None:
    table = load_table(name)
    assert not table.empty
    assert "source" in table.columns
    assert table["source"].astype(str).str.strip().ne("").all()


def test_load_table_returns_a_copy() -> None:
    first = load_table("policy_paths_transitions")
    first.loc[0, "base_weight"] = -99
    assert load_table("policy_paths_transitions").loc[0, "base_weight"] != -99


def test_unknown_table_names_the_known_ones() -> None:
    with pytest.raises(TableError, match="Unknown table 'nope'.*policy_paths_states"):
        load_table("nope")


def test_schema_violations_name_row_and_field() -> None:
    table = load_table("policy_paths_transitions")
    table.loc[1, "base_weight"] = -1
    with pytest.raises(TableError, match=r"row 3, field base_weight"):
        validate_table("policy_paths_transitions", table)


def test_duplicate_keys_and_dangling_references_are_caught() -> None:
    table = load_table("policy_paths_transitions")
    with pytest.raises(TableError, match="duplicate"):
        validate_table("policy_paths_transitions", pd.concat([table, table.iloc[[0]]]))
    table.loc[0, "to_state"] = "Z"
    with pytest.raises(TableError, match="does not match any"):
        validate_table("policy_paths_transitions", table)


def test_data_dir_is_the_repository_data_folder() -> None:
    assert DATA_DIR == Path(__file__).resolve().parents[2] / "data"

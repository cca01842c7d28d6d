"""Load the course's data tables from ``data/`` and validate them against their schemas.

Every table is a CSV file ``data/<name>.csv`` described by a JSON Schema for one row,
``data/schemas/<name>.schema.json``. The schema may add two table-level keys:

``primaryKey``
    columns whose combination must be unique across rows;
``foreignKeys``
    a list of ``{"fields": [...], "reference": {"resource": table, "fields": [...]}}``.

Every table has a ``source`` column that names the essay (bibtex key) and section, or says
``illustrative`` for values the essays give only qualitatively.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd

__all__ = ["DATA_DIR", "TableError", "available_tables", "load_table", "validate_table"]

class TableError(ValueError):
    """A data table is missing or does not match its schema."""


def _find_data_dir() -> Path:
    """``data/`` of the repository checkout, or the copy installed as ``techdiplomacy_data``."""
    checkout = Path(__file__).resolve().parent.parent / "data"
    if (checkout / "schemas").is_dir():
        return checkout
    from importlib.util import find_spec

    spec = find_spec("techdiplomacy_data")
    if spec is None or not spec.submodule_search_locations:
        raise TableError("The course data are missing: reinstall the techdiplomacy package.")
    return Path(next(iter(spec.submodule_search_locations)))


DATA_DIR = _find_data_dir()
SCHEMA_DIR = DATA_DIR / "schemas"


def available_tables() -> list[str]:
    """Names of all tables that have both a CSV file and a schema."""
    return sorted(
        p.name.removesuffix(".schema.json")
        for p in SCHEMA_DIR.glob("*.schema.json")
        if (DATA_DIR / f"{p.name.removesuffix('.schema.json')}.csv").exists()
    )


def _schema(name: str) -> dict[str, Any]:
    path = SCHEMA_DIR / f"{name}.schema.json"
    if not path.exists():
        raise TableError(f"No schema for table {name!r}; expected {path.relative_to(DATA_DIR.parent)}.")
    return json.loads(path.read_text(encoding="utf-8"))


def _read_csv(name: str) -> pd.DataFrame:
    path = DATA_DIR / f"{name}.csv"
    if not path.exists():
        known = ", ".join(available_tables())
        raise TableError(f"Unknown table {name!r}; the tables are: {known}.")
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _row_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    records = []
    for record in frame.to_dict(orient="records"):
        records.append({k: v for k, v in record.items() if not (isinstance(v, float) and v != v)})
    return records


def validate_table(name: str, frame: pd.DataFrame) -> None:
    """Raise ``TableError`` naming the first row and field that break the table's schema."""
    schema = _schema(name)
    row_schema = {k: v for k, v in schema.items() if k not in ("primaryKey", "foreignKeys")}
    validator = jsonschema.Draft202012Validator(row_schema)
    for index, record in enumerate(_row_records(frame)):
        error = jsonschema.exceptions.best_match(validator.iter_errors(record))
        if error is not None:
            field = ".".join(str(p) for p in error.absolute_path) or "(row)"
            raise TableError(f"{name}.csv row {index + 2}, field {field}: {error.message}")
    key = schema.get("primaryKey")
    if key:
        duplicated = frame[frame.duplicated(subset=key, keep=False)]
        if not duplicated.empty:
            raise TableError(f"{name}.csv has duplicate {key} values: {duplicated[key].to_dict('records')}")
    for fk in schema.get("foreignKeys", []):
        target = load_table(fk["reference"]["resource"])
        allowed = set(map(tuple, target[fk["reference"]["fields"]].astype(str).to_numpy()))
        for index, values in enumerate(frame[fk["fields"]].astype(str).to_numpy()):
            if tuple(values) not in allowed:
                raise TableError(
                    f"{name}.csv row {index + 2}: {fk['fields']}={list(values)} does not match any "
                    f"{fk['reference']['fields']} in {fk['reference']['resource']}.csv"
                )


@lru_cache(maxsize=None)
def _load_validated(name: str) -> pd.DataFrame:
    frame = _read_csv(name)
    validate_table(name, frame)
    return frame


def load_table(name: str) -> pd.DataFrame:
    """Return the validated table ``data/<name>.csv`` as a new DataFrame (safe to modify)."""
    return _load_validated(name).copy()

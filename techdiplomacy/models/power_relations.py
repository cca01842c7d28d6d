"""The power-relations matrix of AI competition and cooperation (power relations essay, 2024).

The essay looks at AI through three dimensions of state power -- how power is *acquired*, how it
is *held* (the resources a country can turn into power) and what countries *expect* of future
power -- and finds one mechanism of competition and one of cooperation in each:

============  =========================  =========================
dimension     competition                cooperation
============  =========================  =========================
acquisition   relationship linkage       joint capacity building
holding       heterogeneous resources    complementarity
expectation   strategic vigilance        abstract vision
============  =========================  =========================

The matrix and the essay's cases live in ``data/power_relations_mechanisms.csv`` and
``data/power_relations_cases.csv``. Two cases (marked ``course reading``) are shown in the essay
without being classified; their cell is the course's reading. The functions here are pure look-ups
and parsers used by the chapter's chart, explorer and exercise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice

__all__ = [
    "Cell",
    "DIMENSIONS",
    "DIMENSION_LABELS",
    "MECHANISMS",
    "STANCES",
    "case",
    "case_ids",
    "cases_in_cell",
    "cell_of",
    "matrix",
    "matrix_table",
    "mechanism",
    "parse_cell",
]

DIMENSIONS: tuple[str, ...] = ("acquisition", "holding", "expectation")
STANCES: tuple[str, ...] = ("competition", "cooperation")
DIMENSION_LABELS: dict[str, str] = {
    "acquisition": "Power acquisition",
    "holding": "Power holding",
    "expectation": "Power expectation",
}
#: The six mechanisms in matrix order (dimension by dimension, competition first).
MECHANISMS: tuple[str, ...] = (
    "Relationship linkage",
    "Joint capacity building",
    "Heterogeneous resources",
    "Complementarity",
    "Strategic vigilance",
    "Abstract vision",
)


@dataclass(frozen=True)
class Cell:
    """One cell of the matrix: a power dimension and a stance (competition or cooperation)."""

    dimension: str
    stance: str

    def __post_init__(self) -> None:
        check_choice("power dimension", self.dimension, DIMENSIONS)
        check_choice("stance", self.stance, STANCES)

    @property
    def mechanism(self) -> str:
        """The essay's name for the mechanism in this cell."""
        return mechanism(self.dimension, self.stance)

    def __str__(self) -> str:
        return f"{DIMENSION_LABELS[self.dimension]} × {self.stance}: {self.mechanism}"


def _mechanisms() -> pd.DataFrame:
    return load_table("power_relations_mechanisms")


def mechanism(dimension: str, stance: str) -> str:
    """The mechanism the essay places at ``dimension`` × ``stance``.

    >>> mechanism("holding", "cooperation")
    'Complementarity'
    """
    check_choice("power dimension", dimension, DIMENSIONS)
    check_choice("stance", stance, STANCES)
    table = _mechanisms()
    row = table[(table["dimension"] == dimension) & (table["stance"] == stance)]
    return str(row["mechanism"].iloc[0])


def cell_of(mechanism_name: str) -> Cell:
    """The cell of a mechanism, matched without regard to case, spaces or hyphens."""
    if not isinstance(mechanism_name, str):
        raise ValueError(f"A mechanism must be given as text, got {mechanism_name!r}.")
    wanted = _normalise(mechanism_name)
    for row in _mechanisms().itertuples():
        if _normalise(row.mechanism) == wanted:
            return Cell(row.dimension, row.stance)
    raise ValueError(f"Unknown mechanism {mechanism_name!r}; choose one of: {', '.join(MECHANISMS)}.")


def matrix() -> pd.DataFrame:
    """The 3 × 2 matrix of mechanism names (rows: dimensions, columns: stances)."""
    table = _mechanisms().pivot(index="dimension", columns="stance", values="mechanism")
    return table.loc[list(DIMENSIONS), list(STANCES)].rename_axis(index="dimension", columns="stance")


def matrix_table() -> pd.DataFrame:
    """One row per cell: dimension, stance, mechanism, definition, question, and number of cases."""
    counts = load_table("power_relations_cases").groupby(["dimension", "stance"]).size().rename("n_cases")
    table = _mechanisms().merge(counts.reset_index(), on=["dimension", "stance"], how="left")
    table["n_cases"] = table["n_cases"].fillna(0).astype(int)
    table["dimension_label"] = table["dimension"].map(DIMENSION_LABELS)
    order = {(d, s): i for i, (d, s) in enumerate((d, s) for d in DIMENSIONS for s in STANCES)}
    table["order"] = [order[(d, s)] for d, s in zip(table["dimension"], table["stance"])]
    return table.sort_values("order").drop(columns="order").reset_index(drop=True)


def cases_in_cell(dimension: str, stance: str) -> pd.DataFrame:
    """The essay's cases in one cell (may be empty for a custom table, never for the course's)."""
    check_choice("power dimension", dimension, DIMENSIONS)
    check_choice("stance", stance, STANCES)
    cases = load_table("power_relations_cases")
    chosen = cases[(cases["dimension"] == dimension) & (cases["stance"] == stance)]
    return chosen.reset_index(drop=True)


def case_ids() -> tuple[str, ...]:
    """The identifiers of all cases, in table order."""
    return tuple(load_table("power_relations_cases")["case_id"])


def case(case_id: str) -> pd.Series:
    """One case by its identifier (see :func:`case_ids`)."""
    check_choice("case", case_id, case_ids())
    cases = load_table("power_relations_cases").set_index("case_id")
    return cases.loc[case_id]


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


_DIMENSION_WORDS: dict[str, str] = {
    "acquisition": "acquisition",
    "acquire": "acquisition",
    "acquiring": "acquisition",
    "holding": "holding",
    "hold": "holding",
    "resources": "holding",
    "expectation": "expectation",
    "expectations": "expectation",
    "expect": "expectation",
}
_STANCE_WORDS: dict[str, str] = {
    "competition": "competition",
    "compete": "competition",
    "competitive": "competition",
    "cooperation": "cooperation",
    "cooperate": "cooperation",
    "cooperative": "cooperation",
    "co-operation": "cooperation",
}


def parse_cell(answer: object) -> Cell:
    """Read a learner's answer as a cell of the matrix.

    Accepted forms: a :class:`Cell`; a mechanism name (``"Complementarity"``); a pair
    ``("holding", "cooperation")``; or text naming a dimension and a stance
    (``"power holding / cooperation"``). Anything else raises ``ValueError`` explaining the forms.
    """
    if isinstance(answer, Cell):
        return answer
    if isinstance(answer, (tuple, list)):
        if len(answer) != 2 or not all(isinstance(part, str) for part in answer):
            raise ValueError(f"A pair must be (dimension, stance), e.g. ('holding', 'cooperation'); got {answer!r}.")
        dimension, stance = (part.strip().lower() for part in answer)
        dimension = _DIMENSION_WORDS.get(dimension.removeprefix("power ").strip(), dimension)
        stance = _STANCE_WORDS.get(stance, stance)
        return Cell(dimension, stance)
    if not isinstance(answer, str) or not answer.strip():
        raise ValueError(
            "Give a mechanism name (e.g. 'Complementarity'), a pair such as ('holding', 'cooperation') "
            f"or text such as 'power holding / cooperation'; got {answer!r}."
        )
    wanted = _normalise(answer)
    for name in MECHANISMS:
        if _normalise(name) == wanted:
            return cell_of(name)
    words = re.findall(r"[a-z-]+", answer.lower())
    dimensions = {_DIMENSION_WORDS[w] for w in words if w in _DIMENSION_WORDS}
    stances = {_STANCE_WORDS[w] for w in words if w in _STANCE_WORDS}
    if len(dimensions) == 1 and len(stances) == 1:
        return Cell(dimensions.pop(), stances.pop())
    raise ValueError(
        f"Could not read {answer!r} as one cell. Name one mechanism ({', '.join(MECHANISMS)}) or exactly one "
        "dimension (acquisition, holding, expectation) and one stance (competition, cooperation)."
    )

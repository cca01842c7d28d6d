"""Fig. 1 of Feijóo et al. (2020) as a Markov model of AI policy paths.

The essay draws three starting points -- A1 (United States, market-driven), A2 (European Union,
regulation-driven) and A3 (China, state-mobilised) -- and paths toward the steadier states B (free
market), C (strong regulation for welfare) and D (advanced technology for collective goals), with
D' an intermediate, probably unstable state. It gives the paths' likelihoods only as line
thickness, so the weights in ``data/policy_paths_transitions.csv`` are an *illustrative* reading.

Three scenario drivers, each between 0 and 1 with 0.5 as the essay's status quo, rescale the
weight of every path into a state by ``exp(elasticity * (level - 0.5))``; the elasticities in
``data/policy_paths_drivers.csv`` have illustrative sizes, and their column ``direction_from`` says
whether the essay states a direction (rights demand pulling toward C) or the course infers it (all
the others).
B, C and D are treated as absorbing, so every path ends in one of them.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice, check_non_negative, check_positive_int, check_unit_interval

__all__ = [
    "DRIVER_LABELS",
    "Drivers",
    "END_STATES",
    "START_STATES",
    "STATES",
    "distribution_after",
    "end_state_probabilities",
    "end_state_table",
    "scenario_grid",
    "transition_matrix",
    "transition_probabilities",
]

STATES: tuple[str, ...] = ("A1", "A2", "A3", "D'", "B", "C", "D")
START_STATES: tuple[str, ...] = ("A1", "A2", "A3")
END_STATES: tuple[str, ...] = ("B", "C", "D")
DRIVER_LABELS: dict[str, str] = {
    "regulatory_pressure": "Regulatory pressure",
    "rights_demand": "Public demand for individual rights",
    "state_mobilisation": "State mobilisation",
}
MAX_STEPS = 100


@dataclass(frozen=True)
class Drivers:
    """Scenario drivers, each in [0, 1]; 0.5 is the status quo the essay describes."""

    regulatory_pressure: float = 0.5
    rights_demand: float = 0.5
    state_mobilisation: float = 0.5

    def __post_init__(self) -> None:
        for field in fields(self):
            check_unit_interval(field.name, getattr(self, field.name))

    def as_dict(self) -> dict[str, float]:
        return {field.name: float(getattr(self, field.name)) for field in fields(self)}


def _transitions(transitions: pd.DataFrame | None) -> pd.DataFrame:
    table = load_table("policy_paths_transitions") if transitions is None else transitions.copy()
    missing = {"from_state", "to_state", "base_weight"} - set(table.columns)
    if missing:
        raise ValueError(f"transitions need the columns from_state, to_state, base_weight; missing {sorted(missing)}.")
    for column in ("from_state", "to_state"):
        for state in table[column]:
            check_choice("state", state, STATES)
    for weight in table["base_weight"]:
        check_non_negative("base_weight", weight)
    return table


def transition_probabilities(
    drivers: Drivers | None = None, transitions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per path with its ``weight`` under ``drivers`` and its ``probability``.

    Probabilities are the weights normalised over the paths that leave the same state.
    ``transitions`` defaults to the course's table; pass your own to try other readings of Fig. 1.
    """
    drivers = drivers or Drivers()
    table = _transitions(transitions)
    effects = load_table("policy_paths_drivers")
    levels = drivers.as_dict()
    factor = {state: 1.0 for state in STATES}
    for row in effects.itertuples():
        factor[row.to_state] *= math.exp(row.elasticity * (levels[row.driver] - 0.5))
    table["weight"] = [w * factor[t] for w, t in zip(table["base_weight"], table["to_state"])]
    totals = table.groupby("from_state")["weight"].transform("sum")
    if (totals <= 0).any():
        empty = sorted(set(table.loc[totals <= 0, "from_state"]))
        raise ValueError(f"Every state with outgoing paths needs a positive total weight; check {empty}.")
    table["probability"] = table["weight"] / totals
    return table


def transition_matrix(drivers: Drivers | None = None, transitions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The Markov transition matrix (rows: from, columns: to); B, C and D are absorbing."""
    probabilities = transition_probabilities(drivers, transitions)
    matrix = pd.DataFrame(0.0, index=list(STATES), columns=list(STATES))
    for row in probabilities.itertuples():
        matrix.loc[row.from_state, row.to_state] += row.probability
    for state in STATES:
        if matrix.loc[state].sum() == 0:
            matrix.loc[state, state] = 1.0
    return matrix


def distribution_after(start: str, steps: int, drivers: Drivers | None = None) -> pd.Series:
    """Probability of being in each state ``steps`` transitions after leaving ``start``."""
    check_choice("start state", start, START_STATES)
    check_positive_int("steps", steps, maximum=MAX_STEPS)
    matrix = transition_matrix(drivers).to_numpy()
    vector = np.zeros(len(STATES))
    vector[STATES.index(start)] = 1.0
    for _ in range(steps):
        vector = vector @ matrix
    return pd.Series(vector, index=list(STATES), name=f"after {steps} steps from {start}")


def _absorption(matrix: pd.DataFrame) -> pd.DataFrame:
    """Absorption probabilities into B, C, D from every transient state: (I - Q)^-1 R."""
    transient = [s for s in STATES if s not in END_STATES]
    q = matrix.loc[transient, transient].to_numpy()
    r = matrix.loc[transient, list(END_STATES)].to_numpy()
    absorbed = np.linalg.solve(np.eye(len(transient)) - q, r)
    return pd.DataFrame(absorbed, index=transient, columns=list(END_STATES))


def end_state_probabilities(start: str, drivers: Drivers | None = None) -> pd.Series:
    """Long-run probability that a path from ``start`` ends in B, C or D (absorption)."""
    check_choice("start state", start, START_STATES)
    return _absorption(transition_matrix(drivers)).loc[start].rename(start)


def end_state_table(drivers: Drivers | None = None, starts: Sequence[str] = START_STATES) -> pd.DataFrame:
    """End-state probabilities for several starts: one row per start, one column per end state."""
    chosen = [check_choice("start state", s, START_STATES) for s in starts]
    return _absorption(transition_matrix(drivers)).loc[chosen].rename_axis("start")


def scenario_grid(levels: Iterable[float] = (0.0, 0.25, 0.5, 0.75, 1.0)) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Precompute every driver combination for the static book's sliders.

    Returns ``(paths, ends)``: path probabilities and end-state probabilities, each row tagged with
    the three driver levels that produced it.
    """
    grid = [check_unit_interval("level", level) for level in levels]
    paths, ends = [], []
    for combo in itertools.product(grid, repeat=3):
        drivers = Drivers(*combo)
        tags = drivers.as_dict()
        paths.append(transition_probabilities(drivers).assign(**tags))
        table = end_state_table(drivers).reset_index().melt(id_vars="start", var_name="end_state", value_name="probability")
        ends.append(table.assign(**tags))
    return pd.concat(paths, ignore_index=True), pd.concat(ends, ignore_index=True)

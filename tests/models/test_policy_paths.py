"""The Fig. 1 Markov model: known transitions, valid probabilities, the essay's directions, bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models.policy_paths import (
    END_STATES,
    START_STATES,
    STATES,
    Drivers,
    distribution_after,
    end_state_probabilities,
    end_state_table,
    scenario_grid,
    transition_matrix,
    transition_probabilities,
)


def probability(table: pd.DataFrame, source: str, target: str) -> float:
    return float(table.query("from_state == @source and to_state == @target")["probability"].iloc[0])


def test_status_quo_transitions_are_the_normalised_weights() -> None:
    table = transition_probabilities()
    assert probability(table, "A1", "B") == pytest.approx(1 / 2)  # the essay does not rank B against C
    assert probability(table, "A2", "C") == pytest.approx(3 / 5)
    assert probability(table, "A2", "B") == pytest.approx(1 / 5)
    assert probability(table, "A3", "D") == pytest.approx(3 / 6)


def test_essay_paths_are_present_and_no_others_leave_the_start_states() -> None:
    table = transition_probabilities()
    paths = set(zip(table["from_state"], table["to_state"]))
    essay_paths = {("A1", "B"), ("A1", "C"), ("A2", "C"), ("A2", "B"), ("A2", "D"), ("A3", "C"), ("A3", "D'"), ("A3", "D")}
    assert {p for p in paths if p[0] in START_STATES} == essay_paths


@pytest.mark.parametrize("drivers", [Drivers(), Drivers(0, 0, 0), Drivers(1, 1, 1), Drivers(0.2, 0.9, 0.4)])
def test_rows_of_the_transition_matrix_sum_to_one(drivers: Drivers) -> None:
    matrix = transition_matrix(drivers)
    assert list(matrix.index) == list(STATES)
    assert (matrix.to_numpy() >= 0).all()
    assert matrix.sum(axis=1).to_numpy() == pytest.approx([1.0] * len(STATES))


def test_end_states_are_absorbing() -> None:
    matrix = transition_matrix()
    for state in END_STATES:
        assert matrix.loc[state, state] == 1.0


@pytest.mark.parametrize("start", START_STATES)
def test_every_path_ends_in_b_c_or_d(start: str) -> None:
    ends = end_state_probabilities(start)
    assert list(ends.index) == list(END_STATES)
    assert ends.sum() == pytest.approx(1.0)


def test_status_quo_end_states_match_the_essay_reading() -> None:
    table = end_state_table()
    assert table.loc["A1", "B"] == pytest.approx(table.loc["A1", "C"])  # "could" stay B or develop into C: not ranked
    assert table.loc["A2"].idxmax() == "C"  # "most likely evolve toward C"
    assert table.loc["A3"].idxmax() == "D"  # "most aligned with China's present vision"
    # D collects the direct track and most of the detour through D': 3/6 + 2/6 * 2/3
    assert table.loc["A3", "D"] == pytest.approx(0.5 + (2 / 6) * (2 / 3))


def test_long_run_distribution_is_the_limit_of_many_steps() -> None:
    after_many = distribution_after("A3", 100)
    assert after_many[list(END_STATES)].to_numpy() == pytest.approx(end_state_probabilities("A3").to_numpy(), abs=1e-9)
    assert distribution_after("A1", 1)["B"] == pytest.approx(0.5)


def test_regulatory_pressure_moves_the_us_toward_c_and_away_from_b() -> None:
    low, high = end_state_probabilities("A1", Drivers(regulatory_pressure=0.1)), end_state_probabilities("A1", Drivers(regulatory_pressure=0.9))
    assert high["C"] > low["C"]
    assert high["B"] < low["B"]


def test_rights_demand_pulls_china_back_toward_c() -> None:
    low, high = end_state_probabilities("A3", Drivers(rights_demand=0.0)), end_state_probabilities("A3", Drivers(rights_demand=1.0))
    assert high["C"] > low["C"]
    assert high["D"] < low["D"]


def test_state_mobilisation_pushes_china_toward_d() -> None:
    low, high = end_state_probabilities("A3", Drivers(state_mobilisation=0.0)), end_state_probabilities("A3", Drivers(state_mobilisation=1.0))
    assert high["D"] > low["D"]


def test_only_the_rights_to_c_direction_is_the_essays() -> None:
    drivers = load_table("policy_paths_drivers")
    from_essay = set(zip(drivers.loc[drivers["direction_from"] == "essay", "driver"], drivers.loc[drivers["direction_from"] == "essay", "to_state"]))
    assert from_essay == {("rights_demand", "C")}
    assert drivers["source"].str.contains("illustrative").all()


def test_state_mobilisation_also_moves_the_us_path_in_the_model() -> None:
    # A course inference (mobilisation makes B less attractive), shown in the chapter's second prediction.
    ends = end_state_probabilities("A1", Drivers(state_mobilisation=1.0))
    assert ends["C"] > ends["B"]


def test_scenario_grid_covers_every_combination() -> None:
    paths, ends = scenario_grid((0.0, 0.5, 1.0))
    assert len(ends) == 27 * len(START_STATES) * len(END_STATES)
    neutral = ends.query("regulatory_pressure == 0.5 and rights_demand == 0.5 and state_mobilisation == 0.5")
    a2 = neutral.set_index(["start", "end_state"])["probability"]
    assert a2[("A2", "C")] == pytest.approx(0.6)
    assert paths.groupby(["regulatory_pressure", "rights_demand", "state_mobilisation", "from_state"])["probability"].sum().to_numpy() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Drivers(regulatory_pressure=1.5), "between 0 and 1"),
        (lambda: Drivers(rights_demand=-0.1), "between 0 and 1"),
        (lambda: Drivers(state_mobilisation="high"), "must be a number"),
        (lambda: end_state_probabilities("B"), "Unknown start state"),
        (lambda: end_state_probabilities("Atlantis"), "Unknown start state"),
        (lambda: distribution_after("A1", 0), "at least 1"),
        (lambda: distribution_after("A1", 2.5), "whole number"),
        (lambda: scenario_grid((0.0, 2.0)), "between 0 and 1"),
    ],
)
def test_bad_input_raises_a_clear_value_error(make, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_custom_transitions_are_validated() -> None:
    negative = pd.DataFrame({"from_state": ["A1"], "to_state": ["B"], "base_weight": [-1.0]})
    with pytest.raises(ValueError, match="must not be negative"):
        transition_probabilities(transitions=negative)
    unknown = pd.DataFrame({"from_state": ["A9"], "to_state": ["B"], "base_weight": [1.0]})
    with pytest.raises(ValueError, match="Unknown state 'A9'"):
        transition_probabilities(transitions=unknown)
    zero = pd.DataFrame({"from_state": ["A1"], "to_state": ["B"], "base_weight": [0.0]})
    with pytest.raises(ValueError, match="positive total weight"):
        transition_probabilities(transitions=zero)
    with pytest.raises(ValueError, match="missing"):
        transition_probabilities(transitions=pd.DataFrame({"from_state": ["A1"]}))

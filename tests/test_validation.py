"""Shared argument checks give clear messages."""

import pytest

from techdiplomacy.validation import check_choice, check_non_negative, check_positive_int, check_unit_interval


def test_valid_values_pass_through() -> None:
    assert check_unit_interval("x", 1) == 1.0
    assert check_non_negative("w", 0) == 0.0
    assert check_positive_int("n", 3, maximum=3) == 3
    assert check_choice("state", "B", ["B", "C"]) == "B"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: check_unit_interval("x", True), "must be a number"),
        (lambda: check_unit_interval("x", float("nan")), "between 0 and 1"),
        (lambda: check_non_negative("w", float("inf")), "finite"),
        (lambda: check_non_negative("w", "1"), "non-negative number"),
        (lambda: check_positive_int("n", 4, maximum=3), "at most 3"),
        (lambda: check_positive_int("n", True), "whole number"),
        (lambda: check_choice("state", "Q", ["B", "C"]), "choose one of: B, C"),
    ],
)
def test_invalid_values_raise_value_error(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()

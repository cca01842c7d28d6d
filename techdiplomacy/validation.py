"""Argument checks shared by every model: bad input gives a clear ``ValueError``.

Each helper returns the cleaned value so that callers can write
``level = check_unit_interval("rights_demand", level)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Real

__all__ = [
    "check_choice",
    "check_non_negative",
    "check_positive_int",
    "check_unit_interval",
]


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def check_unit_interval(name: str, value: object) -> float:
    """Return ``value`` as a float if it lies in [0, 1], else raise ``ValueError``."""
    if not _is_number(value):
        raise ValueError(f"{name} must be a number between 0 and 1, got {value!r}.")
    number = float(value)  # type: ignore[arg-type]
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, got {number:g}.")
    return number


def check_non_negative(name: str, value: object) -> float:
    """Return ``value`` as a float if it is a finite number >= 0, else raise ``ValueError``."""
    if not _is_number(value):
        raise ValueError(f"{name} must be a non-negative number, got {value!r}.")
    number = float(value)  # type: ignore[arg-type]
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be a finite number, got {number}.")
    if number < 0:
        raise ValueError(f"{name} must not be negative, got {number:g}.")
    return number


def check_positive_int(name: str, value: object, maximum: int | None = None) -> int:
    """Return ``value`` if it is a whole number >= 1 (and <= ``maximum``), else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, got {value!r}.")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}.")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum}, got {value}.")
    return value


def check_choice(name: str, value: object, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise with the valid options."""
    options = list(choices)
    if value not in options:
        raise ValueError(f"Unknown {name} {value!r}; choose one of: {', '.join(options)}.")
    return str(value)

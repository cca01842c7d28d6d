"""Payoff tables for the iterated cooperation game, symmetric or between a large and a small partner."""

from __future__ import annotations

from dataclasses import dataclass

from techdiplomacy.validation import check_non_negative, check_unit_interval

__all__ = ["COOPERATE", "DEFECT", "MAX_ASYMMETRY", "MOVES", "STANDARD", "Payoffs", "asymmetric_payoffs"]

COOPERATE = "C"
DEFECT = "D"
MOVES: tuple[str, str] = (COOPERATE, DEFECT)
#: Beyond this the large partner's stakes all but vanish and the game stops being a dilemma for it.
MAX_ASYMMETRY = 0.9


@dataclass(frozen=True)
class Payoffs:
    """One player's payoffs in a Prisoner's Dilemma round.

    ``R`` reward for mutual cooperation, ``S`` sucker's payoff (I cooperate, you defect), ``T``
    temptation (I defect, you cooperate), ``P`` punishment for mutual defection. A dilemma needs
    ``T > R > P > S`` and ``2R > T + S`` (taking turns exploiting each other must not beat
    cooperating). The defaults are Axelrod's standard values.
    """

    R: float = 3.0
    S: float = 0.0
    T: float = 5.0
    P: float = 1.0

    def __post_init__(self) -> None:
        for name in ("R", "S", "T", "P"):
            value = check_non_negative(f"payoff {name}", getattr(self, name))
            object.__setattr__(self, name, value)
        if not self.T > self.R > self.P > self.S:
            raise ValueError(
                f"A Prisoner's Dilemma needs T > R > P > S; got T={self.T:g}, R={self.R:g}, P={self.P:g}, S={self.S:g}."
            )
        if not 2 * self.R > self.T + self.S:
            raise ValueError(
                f"A Prisoner's Dilemma needs 2R > T + S so that mutual cooperation beats taking turns; "
                f"got 2R={2 * self.R:g}, T+S={self.T + self.S:g}."
            )

    def payoff(self, mine: str, theirs: str) -> float:
        """My payoff when I play ``mine`` and my partner plays ``theirs`` ("C" or "D")."""
        if mine == COOPERATE:
            return self.R if theirs == COOPERATE else self.S
        return self.T if theirs == COOPERATE else self.P

    def scaled(self, factor: float) -> Payoffs:
        """The same dilemma with every payoff multiplied by ``factor`` (> 0)."""
        if check_non_negative("scale factor", factor) == 0:
            raise ValueError("scale factor must be positive, got 0.")
        return Payoffs(self.R * factor, self.S * factor, self.T * factor, self.P * factor)


STANDARD = Payoffs()


def asymmetric_payoffs(asymmetry: float, base: Payoffs = STANDARD) -> tuple[Payoffs, Payoffs]:
    """Payoffs ``(large, small)`` when the relationship matters more to the small partner.

    The small partner's payoffs are multiplied by ``1 + asymmetry`` and the large partner's by
    ``1 - asymmetry``: at 0 the game is symmetric, at 0.5 every outcome is worth three times as much
    to the small partner. Both still face a dilemma, so the *strategic* structure is unchanged; what
    changes is the value each side gets from the same exchange, which is what equivalence counts.
    This scaling is the course's illustrative device, not a measurement.
    """
    level = check_unit_interval("asymmetry", asymmetry)
    if level > MAX_ASYMMETRY:
        raise ValueError(f"asymmetry must be at most {MAX_ASYMMETRY}, got {level:g}.")
    if not isinstance(base, Payoffs):
        raise ValueError(f"base must be a Payoffs table, got {type(base).__name__}.")
    return base.scaled(1 - level), base.scaled(1 + level)

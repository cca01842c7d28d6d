"""Strategies of the iterated cooperation game: one small unit per strategy, with metadata.

Following Axelrod's tournament library, every strategy is a small player class that decides one
move from what it has seen so far, and a :class:`Strategy` record describing it (its family --
specific or diffuse reciprocity, or a baseline -- whether it draws random numbers, whether it has a
generosity setting). The registry :data:`STRATEGIES` lists the built-in ones; a learner's plain
function ``f(my_moves, their_moves) -> "C" | "D"`` becomes a strategy with :func:`strategy_from_function`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd

from techdiplomacy.models.reciprocity.payoffs import COOPERATE, DEFECT, MOVES
from techdiplomacy.validation import check_choice, check_unit_interval

__all__ = [
    "DEFAULT_GENEROSITY",
    "FAMILIES",
    "STRATEGIES",
    "InvalidMoveError",
    "Player",
    "Strategy",
    "View",
    "resolve_strategy",
    "strategy_from_function",
    "strategy_table",
    "trust_budget_size",
]

#: Default generosity: close to the classic generous tit for tat, which forgives a third of defections.
DEFAULT_GENEROSITY = 0.3
FAMILIES: dict[str, str] = {
    "specific": "Specific reciprocity (contingent, equivalent, bilateral)",
    "diffuse": "Diffuse reciprocity (trust, balance over time)",
    "baseline": "Baseline (does not reciprocate)",
    "custom": "Your own strategy",
}


class InvalidMoveError(ValueError):
    """A strategy returned something other than "C" or "D"."""


@dataclass
class View:
    """What one player knows at the start of a round.

    ``their_moves`` are the partner's moves *as this player perceived them* (noise may have flipped
    some), and the payoffs are those implied by what it saw. ``draw`` is this round's uniform random
    number in [0, 1), drawn by the match from its seeded generator.
    """

    my_moves: list[str] = field(default_factory=list)
    their_moves: list[str] = field(default_factory=list)
    my_payoffs: list[float] = field(default_factory=list)
    their_payoffs: list[float] = field(default_factory=list)
    draw: float = 0.0


class Player(Protocol):
    def move(self, view: View) -> str: ...


class AlwaysCooperate:
    def move(self, view: View) -> str:
        return COOPERATE


class AlwaysDefect:
    def move(self, view: View) -> str:
        return DEFECT


class RandomPlayer:
    def __init__(self, p_cooperate: float = 0.5) -> None:
        self.p = p_cooperate

    def move(self, view: View) -> str:
        return COOPERATE if view.draw < self.p else DEFECT


class TitForTat:
    def move(self, view: View) -> str:
        return view.their_moves[-1] if view.their_moves else COOPERATE


class EqualValue:
    """Cooperate only after an exchange in which the partner cooperated and I gained at least as much."""

    def __init__(self, tolerance: float = 1e-9) -> None:
        self.tolerance = tolerance

    def move(self, view: View) -> str:
        if not view.their_moves:
            return COOPERATE
        equivalent = view.my_payoffs[-1] + self.tolerance >= view.their_payoffs[-1]
        return COOPERATE if view.their_moves[-1] == COOPERATE and equivalent else DEFECT


class GenerousTitForTat:
    def __init__(self, generosity: float) -> None:
        self.generosity = generosity

    def move(self, view: View) -> str:
        if not view.their_moves or view.their_moves[-1] == COOPERATE:
            return COOPERATE
        return COOPERATE if view.draw < self.generosity else DEFECT


class TitForTwoTats:
    def move(self, view: View) -> str:
        return DEFECT if view.their_moves[-2:] == [DEFECT, DEFECT] else COOPERATE


class TrustBudget:
    """Tolerate an imbalance of favours up to a budget; mutual cooperation slowly restores trust.

    The balance counts favours the partner has not returned: +1 when I cooperated and it defected,
    -1 when it cooperated and I defected, minus ``recovery`` after every round of mutual
    cooperation. It stays between ``-budget`` and ``budget + 1``. While the balance is within the
    budget the player cooperates; above it, it defects until the books are back within budget.
    """

    def __init__(self, budget: float, recovery: float = 0.2) -> None:
        self.budget = budget
        self.recovery = recovery
        self.balance = 0.0

    def move(self, view: View) -> str:
        if view.my_moves:
            mine, theirs = view.my_moves[-1], view.their_moves[-1]
            if mine == COOPERATE and theirs == DEFECT:
                self.balance += 1
            elif mine == DEFECT and theirs == COOPERATE:
                self.balance -= 1
            elif mine == COOPERATE and self.balance > 0:  # mutual cooperation slowly restores trust
                self.balance = max(0.0, self.balance - self.recovery)
            self.balance = min(max(self.balance, -self.budget), self.budget + 1)
        return COOPERATE if self.balance <= self.budget else DEFECT


def trust_budget_size(generosity: float) -> float:
    """The trust budget for a generosity level: ten favours per unit of generosity, at least one."""
    return max(1.0, 10 * generosity)


@dataclass(frozen=True)
class Strategy:
    """A strategy and its metadata; :meth:`player` makes a fresh player for one match."""

    name: str
    label: str
    family: str
    description: str
    factory: Callable[[float], Player] = field(repr=False, compare=False)
    stochastic: bool = False
    uses_generosity: bool = False
    course_term: bool = False

    def player(self, generosity: float = DEFAULT_GENEROSITY) -> Player:
        return self.factory(check_unit_interval("generosity", generosity))


def _builtin(*strategies: Strategy) -> dict[str, Strategy]:
    return {s.name: s for s in strategies}


STRATEGIES: Mapping[str, Strategy] = _builtin(
    Strategy("always_cooperate", "Always cooperate", "baseline",
             "Cooperates whatever the partner does.", lambda g: AlwaysCooperate()),
    Strategy("always_defect", "Always defect", "baseline",
             "Defects whatever the partner does.", lambda g: AlwaysDefect()),
    Strategy("random", "Random", "baseline",
             "Cooperates or defects with equal chance, ignoring the partner.", lambda g: RandomPlayer(), stochastic=True),
    Strategy("tit_for_tat", "Tit for tat", "specific",
             "Cooperates first, then repeats the partner's last move: contingent, move for move.", lambda g: TitForTat()),
    Strategy("equal_value", "Equal value", "specific",
             "Like tit for tat, but also defects after any exchange that gave the partner more than itself: "
             "contingency plus equivalence.", lambda g: EqualValue()),
    Strategy("generous_tit_for_tat", "Generous tit for tat", "diffuse",
             "Tit for tat that forgives a defection with probability equal to its generosity.",
             GenerousTitForTat, stochastic=True, uses_generosity=True),
    Strategy("tit_for_two_tats", "Forgiving (tit for two tats)", "diffuse",
             "Defects only after two defections in a row, so one misread move is forgiven.", lambda g: TitForTwoTats()),
    Strategy("trust_budget", "Trust budget", "diffuse",
             "Keeps cooperating while the partner's unreturned favours stay within a budget (10 favours per unit "
             "of generosity, at least 1); rounds of mutual cooperation slowly restore trust. A teaching device "
             "of this course, not Keohane's term.",
             lambda g: TrustBudget(trust_budget_size(g)), uses_generosity=True, course_term=True),
)


def strategy_table() -> pd.DataFrame:
    """The built-in strategies and their metadata, one row each."""
    return pd.DataFrame(
        [
            {"strategy": s.label, "family": s.family, "rule": s.description, "random": s.stochastic,
             "uses generosity": s.uses_generosity}
            for s in STRATEGIES.values()
        ]
    ).set_index("strategy")


class FunctionPlayer:
    """Wraps ``f(my_moves, their_moves)`` and checks that every answer is a valid move."""

    def __init__(self, function: Callable[[tuple[str, ...], tuple[str, ...]], object], name: str) -> None:
        self.function = function
        self.name = name

    def move(self, view: View) -> str:
        answer = self.function(tuple(view.my_moves), tuple(view.their_moves))
        if answer not in MOVES or not isinstance(answer, str):
            raise InvalidMoveError(
                f"strategy {self.name!r} returned {answer!r} in round {len(view.my_moves) + 1}; "
                'a move must be the string "C" (cooperate) or "D" (defect).'
            )
        return answer


def _check_signature(function: Callable[..., object], name: str) -> None:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # some built-ins have no signature; let the match find out
        return
    try:
        signature.bind(("C",), ("C",))
    except TypeError:
        raise ValueError(
            f"strategy {name!r} must accept two arguments, my_moves and their_moves; its signature is {name}{signature}."
        ) from None


def strategy_from_function(function: object, name: str | None = None, family: str = "custom") -> Strategy:
    """Make a :class:`Strategy` from ``function(my_moves, their_moves) -> "C" | "D"``.

    Both arguments are tuples of "C" and "D", oldest first (empty in the first round);
    ``their_moves`` is what the player perceived. Raises ``ValueError`` if ``function`` is not
    callable or cannot take those two arguments.
    """
    if not callable(function):
        raise ValueError(f"A strategy must be a function, got {type(function).__name__} {function!r}.")
    label = name or getattr(function, "__name__", "custom strategy")
    _check_signature(function, label)
    check_choice("family", family, FAMILIES)
    return Strategy(
        name=label, label=label, family=family, description="A strategy written as a Python function.",
        factory=lambda g: FunctionPlayer(function, label),
    )


def resolve_strategy(strategy: str | Strategy | Callable[..., object]) -> Strategy:
    """Accept a built-in strategy's name, a :class:`Strategy`, or a plain function."""
    if isinstance(strategy, Strategy):
        return strategy
    if isinstance(strategy, str):
        return STRATEGIES[check_choice("strategy", strategy, STRATEGIES)]
    return strategy_from_function(strategy)

"""The shared match harness: one match, noisy multi-seed summaries, round robins and scenario grids.

A match is played between a *large* and a *small* partner (the names only matter when payoffs are
asymmetric). Each round both choose a move at once; each then sees its partner's move through
noise -- with probability ``noise`` the move is misread (C seen as D or the other way round) -- and
its own move correctly. Payoffs are paid on the moves actually played. All randomness comes from a
``numpy.random.Generator`` seeded by the caller, so every run is reproducible.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from techdiplomacy.data import DATA_DIR, load_table
from techdiplomacy.models.reciprocity.payoffs import COOPERATE, DEFECT, STANDARD, Payoffs, asymmetric_payoffs
from techdiplomacy.models.reciprocity.strategies import (
    DEFAULT_GENEROSITY,
    STRATEGIES,
    Strategy,
    View,
    resolve_strategy,
)
from techdiplomacy.validation import check_non_negative, check_positive_int, check_unit_interval

__all__ = [
    "GRID_LEVELS",
    "GRID_STRATEGIES",
    "MAX_NOISE",
    "MAX_ROUNDS",
    "MAX_RUNS",
    "MatchResult",
    "SCENARIO_RUNS",
    "SCENARIO_SOURCE",
    "check_seed",
    "collapse_window",
    "noisy_summary",
    "play_match",
    "round_robin",
    "scenario_grid",
    "scenario_table",
    "write_scenario_table",
]

MAX_ROUNDS = 1000
MAX_RUNS = 1000
MAX_NOISE = 0.5
SUMMARY_COLUMNS = ("mutual_cooperation", "payoff_large", "payoff_small", "total_large", "total_small", "collapsed")

StrategyLike = str | Strategy | Callable[..., object]


def collapse_window(rounds: int) -> int:
    """How many final rounds must pass without mutual cooperation for cooperation to count as collapsed."""
    return max(1, rounds // 5)


@dataclass(frozen=True)
class MatchResult:
    """The moves actually played and the payoffs of one match."""

    large: str
    small: str
    moves_large: tuple[str, ...]
    moves_small: tuple[str, ...]
    payoffs_large: tuple[float, ...]
    payoffs_small: tuple[float, ...]

    @property
    def rounds(self) -> int:
        return len(self.moves_large)

    @property
    def total_large(self) -> float:
        return float(sum(self.payoffs_large))

    @property
    def total_small(self) -> float:
        return float(sum(self.payoffs_small))

    @property
    def mutual_cooperation(self) -> float:
        """Share of rounds in which both partners cooperated."""
        both = sum(a == COOPERATE and b == COOPERATE for a, b in zip(self.moves_large, self.moves_small))
        return both / self.rounds

    @property
    def collapsed(self) -> bool:
        """True if no round of the final fifth of the match (at least one round) was mutual cooperation."""
        window = collapse_window(self.rounds)
        tail = zip(self.moves_large[-window:], self.moves_small[-window:])
        return not any(a == COOPERATE and b == COOPERATE for a, b in tail)

    def summary(self) -> dict[str, float]:
        return {
            "mutual_cooperation": self.mutual_cooperation,
            "payoff_large": self.total_large / self.rounds,
            "payoff_small": self.total_small / self.rounds,
            "total_large": self.total_large,
            "total_small": self.total_small,
            "collapsed": float(self.collapsed),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per round: both moves, both payoffs and both cumulative payoffs."""
        frame = pd.DataFrame(
            {
                "round": np.arange(1, self.rounds + 1),
                "move_large": self.moves_large,
                "move_small": self.moves_small,
                "payoff_large": self.payoffs_large,
                "payoff_small": self.payoffs_small,
            }
        )
        frame["cumulative_large"] = frame["payoff_large"].cumsum()
        frame["cumulative_small"] = frame["payoff_small"].cumsum()
        frame["mutual_cooperation"] = (frame["move_large"] == COOPERATE) & (frame["move_small"] == COOPERATE)
        return frame


def _check_common(rounds: int, noise: float, generosity: float) -> tuple[int, float, float]:
    rounds = check_positive_int("rounds", rounds, maximum=MAX_ROUNDS)
    noise = check_unit_interval("noise", noise)
    if noise > MAX_NOISE:
        raise ValueError(f"noise must be at most {MAX_NOISE} (beyond that a move is more often misread than read); got {noise:g}.")
    return rounds, noise, check_unit_interval("generosity", generosity)


def _flip(move: str) -> str:
    return DEFECT if move == COOPERATE else COOPERATE


def _play(
    large: Strategy, small: Strategy, rounds: int, noise: float, generosity: float,
    payoffs: tuple[Payoffs, Payoffs], rng: np.random.Generator,
) -> MatchResult:
    pay_large, pay_small = payoffs
    player_large, player_small = large.player(generosity), small.player(generosity)
    view_large, view_small = View(), View()
    draws = rng.random((rounds, 4))  # strategy draws (large, small), then misreading draws (large, small)
    moves_large: list[str] = []
    moves_small: list[str] = []
    got_large: list[float] = []
    got_small: list[float] = []
    for t in range(rounds):
        view_large.draw, view_small.draw = float(draws[t, 0]), float(draws[t, 1])
        a = player_large.move(view_large)
        b = player_small.move(view_small)
        moves_large.append(a)
        moves_small.append(b)
        got_large.append(pay_large.payoff(a, b))
        got_small.append(pay_small.payoff(b, a))
        seen_by_large = _flip(b) if draws[t, 2] < noise else b
        seen_by_small = _flip(a) if draws[t, 3] < noise else a
        view_large.my_moves.append(a)
        view_large.their_moves.append(seen_by_large)
        view_large.my_payoffs.append(pay_large.payoff(a, seen_by_large))
        view_large.their_payoffs.append(pay_small.payoff(seen_by_large, a))
        view_small.my_moves.append(b)
        view_small.their_moves.append(seen_by_small)
        view_small.my_payoffs.append(pay_small.payoff(b, seen_by_small))
        view_small.their_payoffs.append(pay_large.payoff(seen_by_small, b))
    return MatchResult(large.name, small.name, tuple(moves_large), tuple(moves_small), tuple(got_large), tuple(got_small))


def play_match(
    large: StrategyLike,
    small: StrategyLike,
    rounds: int = 50,
    *,
    noise: float = 0.0,
    asymmetry: float = 0.0,
    generosity: float = DEFAULT_GENEROSITY,
    seed: int | None = 0,
    payoffs: Payoffs = STANDARD,
) -> MatchResult:
    """Play one match of ``rounds`` rounds between a large and a small partner.

    ``large`` and ``small`` are built-in strategy names (see :data:`STRATEGIES`), :class:`Strategy`
    records or plain functions ``f(my_moves, their_moves) -> "C" | "D"``. ``noise`` is the chance
    that a player misreads its partner's move; ``asymmetry`` scales the payoffs (see
    :func:`asymmetric_payoffs`); ``generosity`` sets the diffuse strategies' forgiveness. The same
    ``seed`` always gives the same match.
    """
    rounds, noise, generosity = _check_common(rounds, noise, generosity)
    tables = asymmetric_payoffs(asymmetry, payoffs)
    rng = np.random.default_rng(check_seed(seed))
    return _play(resolve_strategy(large), resolve_strategy(small), rounds, noise, generosity, tables, rng)


def check_seed(seed: int | None) -> int | None:
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative whole number or None, got {seed!r}.")
    return int(seed)


def noisy_summary(
    large: StrategyLike,
    small: StrategyLike,
    rounds: int = 50,
    *,
    noise: float = 0.05,
    asymmetry: float = 0.0,
    generosity: float = DEFAULT_GENEROSITY,
    runs: int = 100,
    seed: int = 0,
    payoffs: Payoffs = STANDARD,
) -> pd.Series:
    """Means over ``runs`` seeded matches: mutual cooperation, payoffs per round and totals, collapse rate.

    Run ``i`` uses a generator spawned from ``numpy.random.SeedSequence(seed)``, so the summary is
    reproducible and the runs are independent.
    """
    rounds, noise, generosity = _check_common(rounds, noise, generosity)
    runs = check_positive_int("runs", runs, maximum=MAX_RUNS)
    tables = asymmetric_payoffs(asymmetry, payoffs)
    first, second = resolve_strategy(large), resolve_strategy(small)
    seeds = np.random.SeedSequence(check_seed(seed)).spawn(runs)
    totals = np.zeros(len(SUMMARY_COLUMNS))
    for child in seeds:
        result = _play(first, second, rounds, noise, generosity, tables, np.random.default_rng(child))
        totals += np.fromiter(result.summary().values(), dtype=float)
    means = pd.Series(totals / runs, index=list(SUMMARY_COLUMNS), name=f"{first.name} vs {second.name}")
    return means.rename({"collapsed": "collapse_rate"})


def round_robin(
    strategies: Iterable[StrategyLike] | None = None,
    rounds: int = 200,
    *,
    noise: float = 0.0,
    generosity: float = DEFAULT_GENEROSITY,
    repetitions: int = 5,
    seed: int = 0,
    self_play: bool = True,
) -> pd.DataFrame:
    """Axelrod-style tournament with symmetric payoffs: every strategy meets every other (and itself).

    Returns one row per strategy, best first, with its mean score per match (``score``), its
    number of match wins, draws and losses against the others, and its ``rank`` (ties share a
    rank). Every pairing is repeated ``repetitions`` times; repetition ``r`` of every pairing uses
    the same generator seed (spawned from ``seed``), so strategies that behave alike score alike.
    """
    chosen = [resolve_strategy(s) for s in (STRATEGIES.values() if strategies is None else strategies)]
    if len(chosen) < 2:
        raise ValueError("A round robin needs at least two strategies.")
    names = [s.name for s in chosen]
    if len(set(names)) != len(names):
        raise ValueError(f"Strategy names in a round robin must be unique, got {names}.")
    rounds, noise, generosity = _check_common(rounds, noise, generosity)
    repetitions = check_positive_int("repetitions", repetitions, maximum=MAX_RUNS)
    pairs = list(itertools.combinations_with_replacement(range(len(chosen)), 2)) if self_play else list(
        itertools.combinations(range(len(chosen)), 2)
    )
    seeds = np.random.SeedSequence(check_seed(seed)).spawn(repetitions)
    score = dict.fromkeys(names, 0.0)
    matches = dict.fromkeys(names, 0)
    record = {n: {"wins": 0, "draws": 0, "losses": 0} for n in names}
    for i, j in pairs:
        a, b = chosen[i], chosen[j]
        for child in seeds:
            result = _play(a, b, rounds, noise, generosity, (STANDARD, STANDARD), np.random.default_rng(child))
            score[a.name] += result.total_large
            matches[a.name] += 1
            if i == j:
                continue
            score[b.name] += result.total_small
            matches[b.name] += 1
            diff = result.total_large - result.total_small
            outcome = "draws" if abs(diff) < 1e-9 else None
            record[a.name][outcome or ("wins" if diff > 0 else "losses")] += 1
            record[b.name][outcome or ("losses" if diff > 0 else "wins")] += 1
    table = pd.DataFrame(
        [{"strategy": n, "score": score[n] / matches[n], **record[n]} for n in names]
    ).sort_values("score", ascending=False, kind="stable")
    table["score"] = table["score"].round(9)  # equal play must give equal scores despite summation order
    table["rank"] = table["score"].rank(ascending=False, method="min").astype(int)
    return table.set_index("strategy")


#: Levels of the precomputed scenario grid behind the static book's sliders (evenly spaced, so a
#: slider's steps land on them; rounds use a drop-down).
GRID_LEVELS: dict[str, tuple[float, ...]] = {
    "noise": (0.0, 0.025, 0.05, 0.075, 0.1),
    "asymmetry": (0.0, 0.25, 0.5, 0.75),
    "generosity": (0.1, 0.3, 0.5),
    "rounds": (20, 50, 100),
}
#: The grid pits each strategy against itself: a relationship in which both sides follow one norm.
GRID_STRATEGIES: tuple[str, ...] = (
    "always_cooperate", "always_defect", "tit_for_tat", "equal_value",
    "generous_tit_for_tat", "tit_for_two_tats", "trust_budget",
)


def scenario_grid(
    levels: dict[str, Sequence[float]] | None = None,
    strategies: Sequence[str] = GRID_STRATEGIES,
    runs: int = 20,
    seed: int = 0,
) -> pd.DataFrame:
    """Noisy summaries for every combination of the grid levels, each strategy playing itself.

    One row per (noise, asymmetry, generosity, rounds, strategy) with the means of
    :func:`noisy_summary` over ``runs`` seeded matches. Strategies without a generosity setting are
    computed once per scenario and copied across the generosity levels.
    """
    levels = {**GRID_LEVELS, **(levels or {})}
    unknown = set(levels) - set(GRID_LEVELS)
    if unknown:
        raise ValueError(f"Unknown grid dimension(s) {sorted(unknown)}; use {list(GRID_LEVELS)}.")
    rows = []
    for noise, asymmetry, rounds in itertools.product(levels["noise"], levels["asymmetry"], levels["rounds"]):
        check_non_negative("rounds", rounds)
        for name in strategies:
            spec = resolve_strategy(name)
            cached: pd.Series | None = None
            for generosity in levels["generosity"]:
                if cached is None or spec.uses_generosity:
                    cached = noisy_summary(spec, spec, int(rounds), noise=noise, asymmetry=asymmetry,
                                           generosity=generosity, runs=runs, seed=seed)
                rows.append({"noise": noise, "asymmetry": asymmetry, "generosity": generosity, "rounds": int(rounds),
                             "strategy": spec.name, "label": spec.label, "family": spec.family, **cached.to_dict()})
    return pd.DataFrame(rows)


#: Runs per scenario in the stored grid, and the ``source`` of its rows.
SCENARIO_RUNS = 50
SCENARIO_SOURCE = "illustrative: model output of scenario_grid (standard payoffs after axelrod1984, seeded runs)"
SCENARIO_DECIMALS = 4


def _stored_format(grid: pd.DataFrame) -> pd.DataFrame:
    numbers = ["mutual_cooperation", "payoff_large", "payoff_small", "total_large", "total_small", "collapse_rate"]
    return grid.assign(**{c: grid[c].round(SCENARIO_DECIMALS) for c in numbers}, source=SCENARIO_SOURCE)


def scenario_table() -> pd.DataFrame:
    """The precomputed grid behind the static book's sliders (``data/reciprocity_scenarios.csv``).

    It is :func:`scenario_grid` with its default levels and ``runs=SCENARIO_RUNS``, rounded to four
    decimals; recomputing it takes a few seconds, so the book reads the stored copy.
    """
    return load_table("reciprocity_scenarios")


def write_scenario_table(path: Path | None = None) -> Path:
    """Recompute the scenario grid and store it (run after changing the model)."""
    target = path or DATA_DIR / "reciprocity_scenarios.csv"
    _stored_format(scenario_grid(runs=SCENARIO_RUNS)).to_csv(target, index=False)
    return target

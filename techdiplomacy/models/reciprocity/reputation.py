"""Several countries, one group: cooperation on the strength of a partner's reputation.

Keohane's diffuse reciprocity treats the group, not one partner, as the counterpart: a country
cooperates because its partners have kept faith across partners and issues, not because this
partner paid it back last time. This module plays that out with the democratic partners Han (2023)
names (the United States and South Korea with Canada, India, the United Kingdom, Germany, Japan and
France), optionally joined by free riders who always defect. Every round every pair plays the
Prisoner's Dilemma once (standard payoffs) under one of two norms:

``bilateral``
    specific reciprocity: tit for tat with each partner on that partner's record *with me*;
``private``
    the control for ``reputation``: the same tolerance, kept bilaterally. Each country keeps a private
    record of each partner's moves *toward it* (as it read them) over the last ``memory`` rounds and
    cooperates with that partner while the share of cooperations is at least ``1 - generosity``.
    It differs from ``reputation`` only in who keeps the record (each pair, not the group) and in
    having no way to tell a justified defection from a breach;
``reputation``
    diffuse reciprocity: cooperate with a partner whose standing in the group is good. The group
    keeps a shared record of every move; a move counts as good if it was a cooperation or a
    defection against a partner already in bad standing. A country's reputation is the share of
    good entries over its last ``memory`` rounds (1 before it has a record), and it is in good
    standing while that share is at least ``1 - generosity``.

With ``generosity=0`` the threshold tolerates no bad entry at all. Comparing ``reputation`` with
``private`` at the same generosity separates what the shared record adds from what the tolerance
adds; comparing either with ``bilateral`` mixes the two.

Noise misreads moves: in the bilateral and private norms each side misperceives its partner's move
with probability ``noise``; in the reputation norm each move is misrecorded with the same probability.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from techdiplomacy.models.reciprocity.match import MAX_NOISE, MAX_ROUNDS, MAX_RUNS, check_seed, collapse_window
from techdiplomacy.models.reciprocity.payoffs import STANDARD
from techdiplomacy.models.reciprocity.strategies import DEFAULT_GENEROSITY
from techdiplomacy.validation import check_choice, check_positive_int, check_unit_interval

__all__ = ["COUNTRIES", "NORMS", "GroupResult", "group_game", "group_summary", "norm_comparison", "norm_grid"]

COUNTRIES: tuple[str, ...] = (
    "United States", "South Korea", "Canada", "India", "United Kingdom", "Germany", "Japan", "France",
)
NORMS: dict[str, str] = {
    "bilateral": "Bilateral tit for tat (specific reciprocity)",
    "private": "Private records, same tolerance (bilateral control)",
    "reputation": "Group reputation (diffuse reciprocity)",
}
MAX_FREE_RIDERS = 4
MAX_MEMORY = 100


class GroupResult:
    """The moves of one group game: ``moves[t, i, j]`` is True if country ``i`` cooperated with ``j`` in round ``t``."""

    def __init__(self, names: Sequence[str], free_riders: int, moves: np.ndarray) -> None:
        self.names = tuple(names)
        self.free_riders = free_riders
        self.moves = moves

    @property
    def cooperators(self) -> int:
        return len(self.names) - self.free_riders

    def _mutual_by_round(self) -> np.ndarray:
        k = self.cooperators
        block = self.moves[:, :k, :k]
        mutual = block & block.transpose(0, 2, 1)
        pairs = k * (k - 1)
        return mutual.sum(axis=(1, 2)) / pairs if pairs else np.zeros(len(self.moves))

    def payoffs(self) -> np.ndarray:
        """Mean payoff per game for each country (standard payoffs)."""
        mine, theirs = self.moves, self.moves.transpose(0, 2, 1)
        table = np.where(mine, np.where(theirs, STANDARD.R, STANDARD.S), np.where(theirs, STANDARD.T, STANDARD.P))
        n = len(self.names)
        off_diagonal = ~np.eye(n, dtype=bool)
        return (table * off_diagonal).sum(axis=(0, 2)) / (len(self.moves) * (n - 1))

    def summary(self) -> dict[str, float]:
        mutual = self._mutual_by_round()
        window = collapse_window(len(mutual))
        payoffs = self.payoffs()
        k = self.cooperators
        return {
            "mutual_cooperation": float(mutual.mean()),
            "payoff_cooperators": float(payoffs[:k].mean()),
            "payoff_free_riders": float(payoffs[k:].mean()) if self.free_riders else float("nan"),
            "collapsed": float(mutual[-window:].mean() < 0.5),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per country: its role, mean payoff per game and the share of partners that cooperated with it."""
        received = self.moves.transpose(0, 2, 1)
        n = len(self.names)
        share = (received.sum(axis=(0, 2)) - received[:, np.arange(n), np.arange(n)].sum(axis=0)) / (len(self.moves) * (n - 1))
        roles = ["cooperator"] * self.cooperators + ["free rider"] * self.free_riders
        return pd.DataFrame({"country": self.names, "role": roles, "payoff_per_game": self.payoffs(), "cooperation_received": share})


def _check(norm: str, rounds: int, noise: float, generosity: float, free_riders: int, memory: int,
           countries: Sequence[str]) -> tuple[str, int, float, float, int, int, tuple[str, ...]]:
    norm = check_choice("norm", norm, NORMS)
    rounds = check_positive_int("rounds", rounds, maximum=MAX_ROUNDS)
    noise = check_unit_interval("noise", noise)
    if noise > MAX_NOISE:
        raise ValueError(f"noise must be at most {MAX_NOISE}, got {noise:g}.")
    generosity = check_unit_interval("generosity", generosity)
    if isinstance(free_riders, bool) or not isinstance(free_riders, int) or not 0 <= free_riders <= MAX_FREE_RIDERS:
        raise ValueError(f"free_riders must be a whole number from 0 to {MAX_FREE_RIDERS}, got {free_riders!r}.")
    memory = check_positive_int("memory", memory, maximum=MAX_MEMORY)
    names = tuple(countries)
    if len(names) < 2 or len(set(names)) != len(names):
        raise ValueError("countries must name at least two different countries.")
    return norm, rounds, noise, generosity, free_riders, memory, names


def _simulate(norm: str, rounds: int, noise: float, generosity: float, free_riders: int, memory: int,
              names: tuple[str, ...], rng: np.random.Generator) -> GroupResult:
    everyone = names + tuple(f"Free rider {i + 1}" for i in range(free_riders))
    n, k = len(everyone), len(names)
    cooperator = np.arange(n) < k
    moves = np.zeros((rounds, n, n), dtype=bool)
    seen = np.ones((n, n), dtype=bool)  # seen[i, j]: i's reading of j's last move toward i (bilateral)
    good = np.zeros((rounds, n), dtype=float)  # share of good record entries per country per round
    private = np.zeros((rounds, n, n), dtype=float)  # private[t, i, j]: i read j's move toward i as a cooperation
    threshold = 1.0 - generosity
    for t in range(rounds):
        if norm == "bilateral":
            intended = seen.copy()
        elif norm == "private":
            start = max(0, t - memory)
            record = private[start:t].mean(axis=0) if t > 0 else np.ones((n, n))
            intended = record >= threshold - 1e-12
        else:
            start = max(0, t - memory)
            reputation = good[start:t].mean(axis=0) if t > 0 else np.ones(n)
            in_good_standing = reputation >= threshold - 1e-12
            intended = np.broadcast_to(in_good_standing, (n, n)).copy()
        intended[~cooperator, :] = False
        np.fill_diagonal(intended, False)
        moves[t] = intended
        misread = rng.random((n, n)) < noise
        if norm == "bilateral":
            seen = intended.T ^ misread  # i reads j's move toward i, sometimes wrongly
        elif norm == "private":
            private[t] = intended.T ^ misread
        else:
            recorded = intended ^ misread
            justified = ~np.broadcast_to(in_good_standing, (n, n))
            entries = recorded | justified
            off = ~np.eye(n, dtype=bool)
            good[t] = (entries & off).sum(axis=1) / (n - 1)
    return GroupResult(everyone, free_riders, moves)


def group_game(
    norm: str = "reputation",
    rounds: int = 50,
    *,
    noise: float = 0.05,
    generosity: float = DEFAULT_GENEROSITY,
    free_riders: int = 0,
    memory: int = 10,
    countries: Sequence[str] = COUNTRIES,
    seed: int = 0,
) -> GroupResult:
    """Play one seeded group game; see the module docstring for the two norms."""
    checked = _check(norm, rounds, noise, generosity, free_riders, memory, countries)
    return _simulate(*checked, np.random.default_rng(check_seed(seed)))


def group_summary(
    norm: str = "reputation",
    rounds: int = 50,
    *,
    noise: float = 0.05,
    generosity: float = DEFAULT_GENEROSITY,
    free_riders: int = 0,
    memory: int = 10,
    countries: Sequence[str] = COUNTRIES,
    runs: int = 50,
    seed: int = 0,
) -> pd.Series:
    """Means over ``runs`` seeded group games.

    ``mutual_cooperation`` is the share of pairs of (non-free-riding) countries that both cooperated
    in a round; ``payoff_cooperators`` and ``payoff_free_riders`` are mean payoffs per game;
    ``collapse_rate`` is the share of runs in which, over the final fifth of the rounds, fewer than
    half of those pairs still cooperated.
    """
    checked = _check(norm, rounds, noise, generosity, free_riders, memory, countries)
    runs = check_positive_int("runs", runs, maximum=MAX_RUNS)
    rows = [_simulate(*checked, np.random.default_rng(child)).summary()
            for child in np.random.SeedSequence(check_seed(seed)).spawn(runs)]
    return pd.DataFrame(rows).mean().rename({"collapsed": "collapse_rate"}).rename(NORMS[checked[0]])


def norm_comparison(
    noise_levels: Sequence[float] = (0.0, 0.025, 0.05, 0.075, 0.1),
    rounds: int = 50,
    *,
    generosity: float = DEFAULT_GENEROSITY,
    free_riders: int = 1,
    runs: int = 20,
    seed: int = 0,
    norms: Sequence[str] = tuple(NORMS),
) -> pd.DataFrame:
    """:func:`group_summary` for the norms (default: all three) at several noise levels: one row per (norm, noise).

    Every norm uses the same ``generosity``; the bilateral norm (strict tit for tat) ignores it.
    """
    norms = [check_choice("norm", norm, NORMS) for norm in norms]
    rows = []
    for norm in norms:
        for noise in noise_levels:
            summary = group_summary(norm, rounds, noise=noise, generosity=generosity, free_riders=free_riders,
                                    runs=runs, seed=seed)
            rows.append({"norm": norm, "norm_label": NORMS[norm], "noise": float(noise), "generosity": float(generosity),
                         **summary.to_dict()})
    return pd.DataFrame(rows)


def norm_grid(
    noise_levels: Sequence[float] = (0.0, 0.025, 0.05, 0.075, 0.1),
    generosity_levels: Sequence[float] = (0.0, 0.1, 0.2, 0.3),
    rounds: int = 50,
    *,
    free_riders: int = 1,
    runs: int = 20,
    seed: int = 0,
) -> pd.DataFrame:
    """:func:`norm_comparison` at several generosity levels: one row per (generosity, norm, noise).

    It separates the two ingredients of the reputation norm: compare ``reputation`` with ``private``
    at the same generosity (what sharing the record adds) and each with ``bilateral`` (what the
    tolerance adds).
    """
    if not len(generosity_levels):
        raise ValueError("generosity_levels must name at least one level.")
    return pd.concat(
        [norm_comparison(noise_levels, rounds, generosity=g, free_riders=free_riders, runs=runs, seed=seed)
         for g in generosity_levels],
        ignore_index=True,
    )

"""Specific and diffuse reciprocity (Han 2023, after Keohane) as an iterated cooperation game.

Han (2023) borrows Keohane's distinction: *specific* reciprocity exchanges items of equivalent value
in a strictly contingent, bilateral sequence (tit for tat); *diffuse* reciprocity relies on trust
and good faith, balancing out over time, across issues and across a group of partners. The essay
argues that the ROK-US relation in AI is too asymmetric for specific reciprocity.

The sub-modules follow Axelrod's library: one small unit per strategy with its metadata
(:mod:`.strategies`), one shared match harness (:mod:`.match`), a setting with several countries
that cooperate on the strength of each other's reputation (:mod:`.reputation`), and the essay's
evidence (:mod:`.evidence`). Payoffs and the asymmetry scaling are the standard teaching values
(R=3, S=0, T=5, P=1) and an illustrative device; the essay gives no payoffs.
"""

from techdiplomacy.models.reciprocity.evidence import (
    coauthorship_shares,
    dependence_asymmetry,
    ev_credits,
    investment_figures,
)
from techdiplomacy.models.reciprocity.match import (
    GRID_LEVELS,
    GRID_STRATEGIES,
    MAX_NOISE,
    MAX_ROUNDS,
    MatchResult,
    SCENARIO_RUNS,
    collapse_window,
    noisy_summary,
    play_match,
    round_robin,
    scenario_grid,
    scenario_table,
    write_scenario_table,
)
from techdiplomacy.models.reciprocity.payoffs import (
    COOPERATE,
    DEFECT,
    MAX_ASYMMETRY,
    MOVES,
    STANDARD,
    Payoffs,
    asymmetric_payoffs,
)
from techdiplomacy.models.reciprocity.reputation import COUNTRIES, NORMS, group_game, group_summary, norm_comparison, norm_grid
from techdiplomacy.models.reciprocity.strategies import (
    DEFAULT_GENEROSITY,
    FAMILIES,
    STRATEGIES,
    InvalidMoveError,
    Strategy,
    View,
    resolve_strategy,
    strategy_from_function,
    strategy_table,
    trust_budget_size,
)

__all__ = [
    "COOPERATE",
    "COUNTRIES",
    "DEFAULT_GENEROSITY",
    "DEFECT",
    "FAMILIES",
    "GRID_LEVELS",
    "GRID_STRATEGIES",
    "MAX_ASYMMETRY",
    "MAX_NOISE",
    "MAX_ROUNDS",
    "MOVES",
    "NORMS",
    "STANDARD",
    "STRATEGIES",
    "InvalidMoveError",
    "MatchResult",
    "Payoffs",
    "Strategy",
    "View",
    "asymmetric_payoffs",
    "coauthorship_shares",
    "collapse_window",
    "dependence_asymmetry",
    "ev_credits",
    "group_game",
    "group_summary",
    "investment_figures",
    "noisy_summary",
    "norm_comparison",
    "norm_grid",
    "play_match",
    "resolve_strategy",
    "round_robin",
    "SCENARIO_RUNS",
    "scenario_grid",
    "scenario_table",
    "write_scenario_table",
    "strategy_from_function",
    "strategy_table",
    "trust_budget_size",
]

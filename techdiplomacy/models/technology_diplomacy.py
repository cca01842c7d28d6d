"""The new technology diplomacy of Feijóo et al. (2020) §7: an institution-design scorecard.

The essay argues for a *polycentric*, *multi-stakeholder*, *multi-layer* process of collaborative
governance, with corporate and citizen diplomats beside government diplomats, and lists the tasks
of technology diplomats, practical avenues for cooperation and historical precedents (tables
``data/technology_diplomacy_*.csv``).

The scorecard turns the essay's design arguments into nine criteria. A design is rated 0 to 4 on
each (:data:`MAX_RATING`), and a weighting profile turns the ratings into a score from 0 to 100.
The criteria come from the essay; the ratings of the candidate designs and the weighting profiles
are *illustrative assumptions* of the course, meant to be argued with. Five candidates are discussed
by Feijóo et al.; two (a minilateral AI-safety group and an IPCC-style panel) are hopes voiced in the
minilateralism essay (chapter 7). :func:`design_caveat` gives what the essays say about each
candidate, so that a high score is never shown without it (the essay, for instance, wants diplomacy
to go beyond treaties).

:func:`build_design` turns a choice of building blocks (``data/technology_diplomacy_blocks.csv``,
costs and effects illustrative) into ratings, so that a design's ratings follow from what it
contains rather than from its designer's self-assessment; :func:`blocks_cost` prices the choice and
:func:`worst_case_score` scores it under the least favourable weighting profile.

:func:`capstone_roles` picks the teams of the course's closing role-play.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice, check_non_negative, check_positive_int

__all__ = [
    "BASE_RATING",
    "BLOCKS",
    "CRITERIA",
    "DESIGNS",
    "DesignScore",
    "MAX_RATING",
    "PROFILES",
    "TASKS",
    "avenues",
    "blocks_cost",
    "build_design",
    "capstone_roles",
    "design_caveat",
    "design_ratings",
    "design_ranking",
    "profile_weights",
    "score_design",
    "scorecard_grid",
    "task_for",
    "worst_case_score",
]

MAX_RATING = 4
CRITERIA: tuple[str, ...] = (
    "polycentric",
    "multi_stakeholder",
    "multi_layer",
    "critical_mass",
    "adversary_platform",
    "agility",
    "openness",
    "risk_monitoring",
    "expertise",
)
PROFILES: tuple[str, ...] = ("equal", "inclusion_first", "security_first", "speed_first")
DESIGNS: tuple[str, ...] = (
    "dedicated_organisation",
    "existing_forum",
    "fatf_style_body",
    "treaty_organisation",
    "summit_series",
    "minilateral_group",
    "ipcc_style_panel",
)
BLOCKS: tuple[str, ...] = (
    "link_existing_forums",
    "universal_membership",
    "small_core_group",
    "membership_tiers",
    "consensus_rule",
    "majority_rule",
    "stakeholder_seats",
    "expert_panel",
    "secretariat",
    "working_groups",
    "open_publication",
    "incident_register",
    "treaty_basis",
)
#: The rating of every criterion before any building block is added (a bare annual meeting).
BASE_RATING = 1
TASKS: tuple[str, ...] = ("formulate", "communicate", "negotiate_norms", "implement")
MIN_TEAMS = 3


@dataclass(frozen=True)
class DesignScore:
    """A design's ``total`` (0 to 100), per-criterion ``breakdown`` and ``weakest`` criteria."""

    total: float
    breakdown: pd.DataFrame
    weakest: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.total:.0f}/100 (weakest: {', '.join(self.weakest)})"


def profile_weights(profile: str = "equal") -> dict[str, float]:
    """The illustrative weight of each criterion under a weighting ``profile``."""
    check_choice("weighting profile", profile, PROFILES)
    table = load_table("technology_diplomacy_weights")
    chosen = table[table["profile"] == profile]
    return {row.criterion: float(row.weight) for row in chosen.itertuples()}


def _ratings(ratings: Mapping[str, object]) -> dict[str, int]:
    if not isinstance(ratings, Mapping):
        raise ValueError(f"Ratings must be a dict from criterion to a whole number 0-{MAX_RATING}, got {type(ratings).__name__}.")
    for name in ratings:
        check_choice("criterion", name, CRITERIA)
    missing = [c for c in CRITERIA if c not in ratings]
    if missing:
        raise ValueError(f"Rate every criterion; missing {missing}.")
    clean = {}
    for name in CRITERIA:
        value = ratings[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_RATING:
            raise ValueError(f"The rating of {name} must be a whole number from 0 to {MAX_RATING}, got {value!r}.")
        clean[name] = value
    return clean


def _weights(weights: str | Mapping[str, float]) -> dict[str, float]:
    if isinstance(weights, str):
        return profile_weights(weights)
    if not isinstance(weights, Mapping):
        raise ValueError(f"weights must be a profile name ({', '.join(PROFILES)}) or a dict, got {weights!r}.")
    for name in weights:
        check_choice("criterion", name, CRITERIA)
    clean = {c: check_non_negative(f"weight of {c}", weights.get(c, 0.0)) for c in CRITERIA}
    if sum(clean.values()) <= 0:
        raise ValueError("At least one criterion needs a positive weight.")
    return clean


def score_design(ratings: Mapping[str, int], weights: str | Mapping[str, float] = "equal") -> DesignScore:
    """Weighted score (0 to 100) of a design rated 0-4 on every criterion.

    ``weights`` is a profile name (see :data:`PROFILES`) or a dict of non-negative weights.
    ``weakest`` lists the rated criteria with the lowest rating among those with positive weight.

    >>> score_design({c: 4 for c in CRITERIA}).total
    100.0
    """
    clean = _ratings(ratings)
    weight = _weights(weights)
    total_weight = sum(weight.values())
    criteria = load_table("technology_diplomacy_criteria").set_index("criterion")
    rows = []
    for name in CRITERIA:
        points = 100 * weight[name] * clean[name] / (MAX_RATING * total_weight)
        rows.append({"criterion": name, "label": criteria.loc[name, "label"], "rating": clean[name],
                     "weight": weight[name], "points": round(points, 2),
                     "max_points": round(100 * weight[name] / total_weight, 2)})
    breakdown = pd.DataFrame(rows)
    weighted = breakdown[breakdown["weight"] > 0]
    lowest = weighted["rating"].min()
    weakest = tuple(weighted.loc[weighted["rating"] == lowest, "criterion"])
    total = round(100 * sum(weight[c] * clean[c] for c in CRITERIA) / (MAX_RATING * total_weight), 1)
    return DesignScore(total=total, breakdown=breakdown, weakest=weakest)


def design_ratings(design: str) -> dict[str, int]:
    """The course's illustrative ratings of a candidate ``design`` (see :data:`DESIGNS`)."""
    check_choice("design", design, DESIGNS)
    table = load_table("technology_diplomacy_ratings")
    chosen = table[table["design"] == design]
    return {row.criterion: int(row.rating) for row in chosen.itertuples()}


def design_caveat(design: str) -> str:
    """What the essays say about a candidate ``design`` that its score alone does not show."""
    check_choice("design", design, DESIGNS)
    table = load_table("technology_diplomacy_designs").set_index("design")
    return str(table.loc[design, "essay_caveat"])


def _blocks(blocks: object) -> list[str]:
    if isinstance(blocks, (str, bytes)) or not isinstance(blocks, (list, tuple, set, frozenset)):
        raise ValueError(f"Building blocks must be a list of block names, got {type(blocks).__name__}.")
    chosen = []
    for name in blocks:
        check_choice("building block", name, BLOCKS)
        if name in chosen:
            raise ValueError(f"The building block {name} is listed twice.")
        chosen.append(name)
    return chosen


def blocks_cost(blocks: list[str] | tuple[str, ...]) -> int:
    """The total cost of a choice of building blocks (illustrative units)."""
    chosen = _blocks(blocks)
    costs = load_table("technology_diplomacy_blocks").set_index("block")["cost"]
    return int(sum(int(costs[b]) for b in chosen))


def build_design(blocks: list[str] | tuple[str, ...]) -> dict[str, int]:
    """The ratings of a design made of ``blocks``: :data:`BASE_RATING` plus each block's effects, kept in 0-4.

    Two blocks that exclude each other (``conflicts_with`` in the table) raise a ``ValueError``.

    >>> build_design(["open_publication"])["openness"]
    4
    """
    chosen = _blocks(blocks)
    table = load_table("technology_diplomacy_blocks").set_index("block")
    for name in chosen:
        other = table.loc[name, "conflicts_with"]
        if isinstance(other, str) and other in chosen:
            raise ValueError(f"{table.loc[name, 'label']} and {table.loc[other, 'label']} exclude each other; choose one.")
    ratings = dict.fromkeys(CRITERIA, BASE_RATING)
    for name in chosen:
        for effect in str(table.loc[name, "effects"]).split(";"):
            criterion, change = effect.split(":")
            ratings[criterion] += int(change)
    return {c: min(MAX_RATING, max(0, r)) for c, r in ratings.items()}


def worst_case_score(ratings: Mapping[str, int]) -> tuple[str, float]:
    """The weighting profile under which a design scores lowest, and that score."""
    scores = {p: score_design(ratings, p).total for p in PROFILES}
    worst = min(PROFILES, key=lambda p: (scores[p], PROFILES.index(p)))
    return worst, scores[worst]


def design_ranking(weights: str | Mapping[str, float] = "equal") -> pd.DataFrame:
    """Every candidate design with its score under ``weights``, best first."""
    designs = load_table("technology_diplomacy_designs")
    designs["score"] = [score_design(design_ratings(d), weights).total for d in designs["design"]]
    return designs.sort_values(["score", "order"], ascending=[False, True])[["design", "label", "score"]].reset_index(drop=True)


def scorecard_grid() -> pd.DataFrame:
    """Points per criterion for every design and profile (for the static chart's dropdowns)."""
    frames = []
    for profile in PROFILES:
        for design in DESIGNS:
            score = score_design(design_ratings(design), profile)
            frames.append(score.breakdown.assign(profile=profile, design=design, total=score.total))
    return pd.concat(frames, ignore_index=True)


def avenues(kind: str | None = None) -> pd.DataFrame:
    """The essay's practical avenues for cooperation, optionally only one ``kind``."""
    table = load_table("technology_diplomacy_avenues")
    if kind is None:
        return table
    check_choice("kind of avenue", kind, sorted(set(table["kind"])))
    return table[table["kind"] == kind].reset_index(drop=True)


def task_for(numeral: str) -> str:
    """The diplomats' task with the essay's numeral ``i`` to ``iv`` (e.g. ``"iii"`` → ``negotiate_norms``)."""
    table = load_table("technology_diplomacy_tasks")
    check_choice("task numeral", numeral, table["numeral"])
    return str(table.loc[table["numeral"] == numeral, "task"].iloc[0])


def capstone_roles(n_teams: int) -> pd.DataFrame:
    """The ``n_teams`` highest-priority roles of the capstone role-play (at least 3).

    Each row names the team, its perspective, the chapter (``chapters/<chapter>.ipynb``) whose model
    it brings to the table, what to prepare with that model, and the essay behind it. The eight
    roles after the first together draw on every earlier chapter.
    """
    table = load_table("technology_diplomacy_capstone_roles").sort_values("priority")
    check_positive_int("n_teams", n_teams, maximum=len(table))
    if n_teams < MIN_TEAMS:
        raise ValueError(f"A role-play needs at least {MIN_TEAMS} teams, got {n_teams}.")
    chosen = table.head(n_teams).copy()
    chosen["link"] = [f"../chapters/{c}.ipynb" for c in chosen["chapter"]]
    return chosen[["role", "team", "perspective", "chapter", "link", "model_to_use", "prepare", "essay"]].reset_index(drop=True)

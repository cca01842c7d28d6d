"""Minilateral technology cooperation: membership overlaps, institutional maturity, size vs agility.

The minilateralism essay (2024) collects four experts' hopes for technology cooperation. It names
small blocs -- the G7, BRICS, I2U2 and the Three Seas Initiative (3SI) -- as models that leaders
value for their flexibility, and one expert hopes that such groups will now mature as
organisations: they may lack a secretariat or a collective budget, which poses challenges for
decision-making, funding allocation and institutional memory. This module turns those ideas into three tools:

* **Membership overlap** between groups (``data/minilateralism_memberships.csv``; AUKUS is added
  from the power-relations essay so the two chapters connect).
* **An institutional-maturity scorecard** on the four questions one expert (Tanya Filer) says
  minilaterals must now address: organisation, governance, accountability and global positioning.
  The four questions come from the essay; the indicators that operationalise them (a secretariat,
  a collective budget, progress reports, outreach...), the 0-3 levels and the stage thresholds are
  the course's *illustrative* device, not Filer's.
* **A size-versus-agility trade-off**, an *illustrative* toy model (not from the essay): each member
  independently agrees to a proposal with probability ``p``; a group's *agility* is the chance a
  proposal passes under its decision rule, its *reach* is ``1 - (1 - c) ** n`` for a per-member
  contribution ``c``, and its *expected impact* is agility times reach. Under unanimity agility
  falls as ``p ** n`` while reach saturates, so there is a best size; under majority rule (with
  ``p > 0.5``) the penalty of size disappears, which shows that the cost of size in this model is
  really the cost of consensus. The essay says nothing about how minilaterals decide; that is the
  model's assumption.
* **A design check** (:func:`evaluate_design`) for the exercise: a group drawn from hypothetical
  candidates must reach a critical mass, stay agile under consensus and pay for the maturity it
  claims out of its members' contributions (all numbers illustrative).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice, check_positive_int, check_unit_interval

__all__ = [
    "CRITERIA",
    "DECISION_RULES",
    "DEFAULT_REACH_PER_MEMBER",
    "MAX_LEVEL",
    "MAX_SIZE",
    "DESIGN_CANDIDATES",
    "DESIGN_MIN_AGILITY",
    "DESIGN_MIN_LEVELS",
    "DESIGN_MIN_REACH",
    "DesignResult",
    "LEVEL_COSTS",
    "MaturityResult",
    "STAGES",
    "agreement_probability",
    "best_size",
    "coordination_links",
    "evaluate_design",
    "groups",
    "maturity",
    "maturity_stage",
    "members",
    "membership_matrix",
    "expected_impact",
    "GRID_PS",
    "GRID_REACH",
    "GRID_SIZES",
    "overlap_table",
    "reach",
    "shared_members",
    "tradeoff_curve",
    "tradeoff_grid",
]

#: Filer's four questions (minilateralism essay, fourth expert); their 0-3 levels are the course's own.
CRITERIA: tuple[str, ...] = ("organisation", "governance", "accountability", "global_positioning")
MAX_LEVEL = 3
#: Stages of maturity by the share of the maximum score (illustrative thresholds; "talking shop"
#: is the essay's word for an informal group).
STAGES: tuple[tuple[float, str], ...] = (
    (0.25, "talking shop"),
    (0.5, "emerging organisation"),
    (0.75, "consolidating organisation"),
    (1.0, "institutionalised organisation"),
)
DECISION_RULES: tuple[str, ...] = ("unanimity", "majority")
MAX_SIZE = 60
#: Illustrative share of a problem's stakeholders that each member brings in.
DEFAULT_REACH_PER_MEMBER = 0.08


# --- membership ---------------------------------------------------------------------------------


def groups() -> tuple[str, ...]:
    """The groups in the course's table, in table order."""
    return tuple(load_table("minilateralism_groups")["group"])


def members(group: str) -> tuple[str, ...]:
    """The member countries of ``group`` (sorted)."""
    check_choice("group", group, groups())
    table = load_table("minilateralism_memberships")
    return tuple(sorted(table.loc[table["group"] == group, "country"]))


def membership_matrix() -> pd.DataFrame:
    """Countries × groups, ``True`` where the country is a member; rows sorted by number of groups."""
    table = load_table("minilateralism_memberships").assign(member=True)
    wide = table.pivot(index="country", columns="group", values="member").reindex(columns=list(groups()))
    wide = wide.notna()  # not fillna(False), which pandas 2.2 warns about (downcasting object columns)
    order = wide.sum(axis=1).sort_values(ascending=False, kind="stable")
    return wide.loc[sorted(wide.index, key=lambda c: (-order[c], c))]


def shared_members(group_a: str, group_b: str) -> tuple[str, ...]:
    """Countries that belong to both groups (sorted)."""
    return tuple(sorted(set(members(group_a)) & set(members(group_b))))


def overlap_table() -> pd.DataFrame:
    """Every ordered pair of groups with the number and names of shared members.

    The diagonal holds each group's own size, so the table draws a complete matrix.
    """
    rows = []
    for a, b in itertools.product(groups(), repeat=2):
        shared = shared_members(a, b)
        rows.append(
            {
                "group_a": a,
                "group_b": b,
                "n_shared": len(shared),
                "shared": ", ".join(shared) if shared else "none",
                "same_group": a == b,
            }
        )
    return pd.DataFrame(rows)


# --- institutional maturity ---------------------------------------------------------------------


@dataclass(frozen=True)
class MaturityResult:
    """A filled scorecard: per-criterion ``scores``, ``total``, ``share`` of the maximum, ``stage``, ``gaps``."""

    scores: dict[str, int]
    total: int
    share: float
    stage: str
    gaps: tuple[str, ...]


def _check_level(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LEVEL:
        raise ValueError(f"The score for {name} must be a whole number from 0 to {MAX_LEVEL}, got {value!r}.")
    return value


def maturity_stage(share: float) -> str:
    """The stage name for a share of the maximum score (illustrative thresholds in :data:`STAGES`)."""
    share = check_unit_interval("share of the maximum score", share)
    for threshold, name in STAGES:
        if share < threshold:
            return name
    return STAGES[-1][1]


def maturity(scores: Mapping[str, int]) -> MaturityResult:
    """Score a group on the four criteria (each 0-3) and name its stage of maturity.

    ``gaps`` lists the criteria scored 0 or 1, weakest first. Missing, unknown or out-of-range criteria raise ``ValueError``.
    """
    if not isinstance(scores, Mapping):
        raise ValueError(f"Scores must be a mapping such as {{'organisation': 1, ...}}, got {type(scores).__name__}.")
    unknown = sorted(set(scores) - set(CRITERIA), key=str)
    if unknown:
        raise ValueError(f"Unknown criteria {unknown}; the criteria are: {', '.join(CRITERIA)}.")
    missing = [c for c in CRITERIA if c not in scores]
    if missing:
        raise ValueError(f"Give a score for every criterion; missing: {', '.join(missing)}.")
    clean = {c: _check_level(c, scores[c]) for c in CRITERIA}
    total = sum(clean.values())
    share = total / (MAX_LEVEL * len(CRITERIA))
    gaps = tuple(sorted((c for c in CRITERIA if clean[c] <= 1), key=lambda c: (clean[c], CRITERIA.index(c))))
    return MaturityResult(scores=clean, total=total, share=share, stage=maturity_stage(share), gaps=gaps)


# --- size versus agility (illustrative) ---------------------------------------------------------


def _check_size(n: object, maximum: int = MAX_SIZE) -> int:
    size = check_positive_int("group size", n, maximum=maximum)
    if size < 2:
        raise ValueError(f"A group needs at least 2 members, got {size}.")
    return size


def coordination_links(n: int) -> int:
    """Number of bilateral relationships inside a group of ``n``: n(n-1)/2."""
    n = _check_size(n)
    return n * (n - 1) // 2


def agreement_probability(n: int, p: float, rule: str = "unanimity") -> float:
    """Chance that a proposal passes when each of ``n`` members agrees independently with probability ``p``.

    ``unanimity``: everyone agrees (``p ** n``). ``majority``: more than half agree (binomial tail).
    """
    n = _check_size(n)
    p = check_unit_interval("agreement probability p", p)
    check_choice("decision rule", rule, DECISION_RULES)
    if rule == "unanimity":
        return p**n
    need = n // 2 + 1
    return float(sum(math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(need, n + 1)))


def reach(n: int, per_member: float = DEFAULT_REACH_PER_MEMBER) -> float:
    """Illustrative share of a problem's stakeholders a group of ``n`` covers: ``1 - (1 - c) ** n``."""
    n = _check_size(n)
    c = check_unit_interval("reach per member", per_member)
    return 1 - (1 - c) ** n


def expected_impact(n: int, p: float, rule: str = "unanimity", per_member: float = DEFAULT_REACH_PER_MEMBER) -> float:
    """Illustrative impact of a group: the chance it acts (agility) times the share it reaches."""
    return agreement_probability(n, p, rule) * reach(n, per_member)


def tradeoff_curve(
    p: float,
    rule: str = "unanimity",
    sizes: Iterable[int] = range(2, 25),
    per_member: float = DEFAULT_REACH_PER_MEMBER,
) -> pd.DataFrame:
    """Agility, reach, impact and coordination links for each group size in ``sizes``."""
    chosen = [_check_size(n) for n in sizes]
    if not chosen:
        raise ValueError("Give at least one group size.")
    rows = [
        {
            "n": n,
            "agility": agreement_probability(n, p, rule),
            "reach": reach(n, per_member),
            "impact": expected_impact(n, p, rule, per_member),
            "links": coordination_links(n),
        }
        for n in chosen
    ]
    return pd.DataFrame(rows)


def best_size(
    p: float,
    rule: str = "unanimity",
    sizes: Iterable[int] = range(2, 25),
    per_member: float = DEFAULT_REACH_PER_MEMBER,
) -> int:
    """The size with the highest illustrative impact (the smallest one if several tie)."""
    curve = tradeoff_curve(p, rule, sizes, per_member)
    return int(curve.loc[curve["impact"].round(12).idxmax(), "n"])


#: Control values of the static chart (illustrative ranges).
GRID_PS: tuple[float, ...] = tuple(round(0.80 + 0.02 * i, 2) for i in range(10))
GRID_REACH: tuple[float, ...] = (0.04, 0.08, 0.12, 0.16)
GRID_SIZES: tuple[int, ...] = tuple(range(2, 21))


def tradeoff_grid(
    sizes: Sequence[int] = GRID_SIZES,
    ps: Sequence[float] = GRID_PS,
    reaches: Sequence[float] = GRID_REACH,
    rules: Sequence[str] = DECISION_RULES,
) -> pd.DataFrame:
    """:func:`tradeoff_curve` for every ``p``, reach per member and rule: the static book's scenarios.

    Each row is tagged ``p``, ``per_member``, ``rule`` and ``best`` (whether ``n`` is the best size in
    its scenario).
    """
    frames = []
    for p, c, rule in itertools.product(ps, reaches, rules):
        curve = tradeoff_curve(p, rule, sizes, c).assign(p=float(p), per_member=float(c), rule=rule)
        curve["best"] = curve["n"] == best_size(p, rule, sizes, c)
        frames.append(curve)
    return pd.concat(frames, ignore_index=True)


# --- designing a group under constraints (the exercise's create task) ----------------------------

#: Hypothetical candidate members for the exercise's design task (all numbers illustrative):
#: ``reach`` is the share of the world's frontier-AI testing capacity the member brings, ``p`` the
#: chance it agrees to each joint decision, ``contribution`` what it pays into the start-up budget.
DESIGN_CANDIDATES: dict[str, dict[str, float]] = {
    "Arvia": {"reach": 0.30, "p": 0.78, "contribution": 5},
    "Borland": {"reach": 0.25, "p": 0.82, "contribution": 4},
    "Caspia": {"reach": 0.15, "p": 0.92, "contribution": 2},
    "Doria": {"reach": 0.12, "p": 0.95, "contribution": 2},
    "Elmora": {"reach": 0.10, "p": 0.96, "contribution": 1},
    "Fennick": {"reach": 0.08, "p": 0.97, "contribution": 1},
    "Galdor": {"reach": 0.18, "p": 0.88, "contribution": 3},
    "Halvea": {"reach": 0.05, "p": 0.99, "contribution": 1},
}
#: Illustrative cost, in budget units, of each maturity level of each of Filer's four questions.
LEVEL_COSTS: dict[str, int] = {"organisation": 2, "governance": 2, "accountability": 1, "global_positioning": 1}
#: Illustrative requirements of the task: critical mass (joint reach), agility under consensus, and the
#: least maturity that shared testing needs (records kept between meetings; progress reported).
DESIGN_MIN_REACH = 0.6
DESIGN_MIN_AGILITY = 0.55
DESIGN_MIN_LEVELS: dict[str, int] = {"organisation": 2, "accountability": 1}


@dataclass(frozen=True)
class DesignResult:
    """How a designed group fares: its numbers and the list of ``problems`` (empty if it works)."""

    members: tuple[str, ...]
    reach: float
    agility: float
    budget: int
    cost: int
    maturity: MaturityResult
    problems: tuple[str, ...]

    @property
    def works(self) -> bool:
        return not self.problems


def evaluate_design(members: Sequence[str], levels: Mapping[str, int]) -> DesignResult:
    """Judge a group drawn from :data:`DESIGN_CANDIDATES` that decides by consensus.

    Reach is ``1 - prod(1 - reach_i)``, agility ``prod(p_i)`` (everyone must agree), the budget the
    sum of contributions, the cost the sum of ``level x LEVEL_COSTS``. The group works if its reach
    and agility reach the task's thresholds, its maturity meets :data:`DESIGN_MIN_LEVELS` and it can
    pay for that maturity. All numbers are illustrative. Malformed input raises ``ValueError``.
    """
    if isinstance(members, str) or not isinstance(members, (list, tuple)):
        raise ValueError(f"members must be a list of candidate names, got {members!r}.")
    chosen = tuple(members)
    for name in chosen:
        check_choice("candidate", name, tuple(DESIGN_CANDIDATES))
    if len(set(chosen)) != len(chosen):
        raise ValueError("Each candidate may appear once.")
    if len(chosen) < 2:
        raise ValueError(f"A group needs at least 2 members, got {len(chosen)}.")
    result = maturity(levels)
    rows = [DESIGN_CANDIDATES[m] for m in chosen]
    joint_reach = 1 - math.prod(1 - r["reach"] for r in rows)
    agility = math.prod(r["p"] for r in rows)
    budget = int(sum(r["contribution"] for r in rows))
    cost = sum(result.scores[c] * LEVEL_COSTS[c] for c in CRITERIA)
    problems = []
    if joint_reach < DESIGN_MIN_REACH:
        problems.append(f"reach {joint_reach:.2f} is below the critical mass of {DESIGN_MIN_REACH}")
    if agility < DESIGN_MIN_AGILITY:
        problems.append(f"agility {agility:.2f} is below {DESIGN_MIN_AGILITY}: with {len(chosen)} members all must agree")
    for criterion, least in DESIGN_MIN_LEVELS.items():
        if result.scores[criterion] < least:
            problems.append(f"{criterion.replace('_', ' ')} at level {result.scores[criterion]} is below the {least} the task needs")
    if cost > budget:
        problems.append(f"the maturity you chose costs {cost} units but the members contribute {budget}")
    return DesignResult(chosen, joint_reach, agility, budget, cost, result, tuple(problems))

"""Regional cooperation in the digital transition and AI for the SDGs (Baek 2023).

Three pieces, all built on the tables ``data/regional_cooperation_*.csv``:

Stage explorer
    The essay describes internationalisation as a path from a *trade network* (driven by raw
    materials and demand) to a *production network* (labour costs and regulations) to a *science
    and innovation network* (human capital and infrastructure). :func:`stage_scores` gives each
    stage the mean level of its two drivers and :func:`classify_stage` names the stage whose drivers
    dominate. The scoring rule (a mean, ties going to the later stage, and a floor of
    :data:`NO_NETWORK_BELOW` under which no network is named) is an *illustrative assumption*: the
    essay names the drivers but gives no formula.
AI for the SDGs
    :func:`sdgs_for_application` and :func:`applications_for_sdg` read the course's mapping of
    AI applications (named in, or derived from, the essay) to the 17 SDGs; the mapping is illustrative.
Mission-oriented project planner
    :func:`check_proposal` checks a :class:`MissionProposal` against the essay's four principles of
    regional cooperation (mutual benefit, security assurance, long-term stable cooperation,
    experience sharing); :func:`missing_mission_steps` checks it against the six activities of a
    mission-oriented project. The questions and thresholds are the course's reading of the essay.
Planning under constraints
    :func:`evaluate_plan` plays a :class:`MissionPlan` against two of the essay's obstacles
    (research security costs partners, divergent approaches cost years) and a fixed budget (the
    economic downturn), so that a plan that buys everything fails. The partners, costs and rules
    are illustrative assumptions of the course.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice, check_positive_int, check_unit_interval

__all__ = [
    "DRIVERS",
    "MIN_PARTNERS",
    "MIN_YEARS",
    "MissionPlan",
    "MissionProposal",
    "PLAN_BUDGET",
    "PLAN_COSTS",
    "PLAN_DELIVERY_YEARS",
    "PLAN_MIN_CAPACITY",
    "PLAN_MIN_PARTNERS",
    "PLAN_PARTNERS",
    "PlanResult",
    "NO_NETWORK",
    "NO_NETWORK_BELOW",
    "PRIORITY_ISSUES",
    "STAGES",
    "applications_for_sdg",
    "check_proposal",
    "classify_stage",
    "drivers_of",
    "evaluate_plan",
    "missing_mission_steps",
    "principle_summary",
    "proposal_ready",
    "sdg_matrix",
    "sdgs_for_application",
    "stage_grid",
    "stage_scores",
]

STAGES: tuple[str, ...] = ("trade", "production", "science_innovation")
DRIVERS: tuple[str, ...] = (
    "raw_materials",
    "demand",
    "labour_costs",
    "regulations",
    "human_capital",
    "infrastructure",
)
NO_NETWORK = "none"
#: Illustrative assumption: if no stage's drivers reach this mean level, no network is named.
NO_NETWORK_BELOW = 0.25
#: Illustrative thresholds of the planner (the essay asks for partners and a long horizon, not numbers).
MIN_PARTNERS = 2
MIN_YEARS = 3
#: Shared issues the essay puts first (paragraphs 5 and 6).
PRIORITY_ISSUES: tuple[str, ...] = (
    "climate_change",
    "pollution",
    "biodiversity",
    "pandemics",
    "low_birth_rate",
    "ageing",
    "carbon_neutrality",
)
MAX_YEARS = 30


def drivers_of(stage: str) -> list[str]:
    """The drivers the essay gives for ``stage`` (``trade``, ``production``, ``science_innovation``)."""
    check_choice("stage", stage, STAGES)
    table = load_table("regional_cooperation_drivers")
    return table.loc[table["stage"] == stage, "driver"].tolist()


def _levels(levels: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(levels, Mapping):
        raise ValueError(f"Driver levels must be a mapping such as {{'demand': 0.8}}, got {type(levels).__name__}.")
    for name in levels:
        check_choice("driver", name, DRIVERS)
    return {name: check_unit_interval(name, levels.get(name, 0.0)) for name in DRIVERS}


def stage_scores(levels: Mapping[str, float]) -> pd.Series:
    """Mean level (0 to 1) of each stage's drivers; drivers left out count as 0.

    >>> stage_scores({"raw_materials": 1, "demand": 0.5})["trade"]
    0.75
    """
    values = _levels(levels)
    return pd.Series(
        {stage: sum(values[d] for d in drivers_of(stage)) / len(drivers_of(stage)) for stage in STAGES},
        name="score",
    )


def classify_stage(levels: Mapping[str, float]) -> str:
    """The stage whose drivers dominate, or ``"none"`` if every stage scores below the floor.

    Ties go to the later stage, because the essay's path ends in a science and
    innovation network (an illustrative rule).
    """
    scores = stage_scores(levels).round(9)  # so that equal means tie despite floating-point error
    if scores.max() < NO_NETWORK_BELOW:
        return NO_NETWORK
    best = scores.max()
    return [stage for stage in STAGES if scores[stage] == best][-1]


def stage_grid(levels: Iterable[float] = (0.0, 1.0)) -> pd.DataFrame:
    """Every combination of driver levels with its stage scores and stage (for the static chart).

    One row per combination and stage: the driver levels, ``stage``, ``score`` and ``classified``
    (the stage :func:`classify_stage` names for that combination).
    """
    grid = [check_unit_interval("level", level) for level in levels]
    if not grid:
        raise ValueError("stage_grid needs at least one level.")
    rows = []
    for combo in itertools.product(grid, repeat=len(DRIVERS)):
        chosen = dict(zip(DRIVERS, combo))
        scores = stage_scores(chosen)
        classified = classify_stage(chosen)
        for stage in STAGES:
            rows.append({**chosen, "stage": stage, "score": round(float(scores[stage]), 3), "classified": classified})
    return pd.DataFrame(rows)


def _sdg(sdg: object) -> int:
    if isinstance(sdg, bool) or not isinstance(sdg, int) or not 1 <= sdg <= 17:
        raise ValueError(f"An SDG is a whole number from 1 to 17, got {sdg!r}.")
    return sdg

def _check_shared_fields(record: MissionProposal | MissionPlan) -> None:
    """Validate, and normalise in place, what proposals and plans share: mission, issue, goals, steps."""
    if not isinstance(record.mission, str) or len(record.mission.strip()) < 5:
        raise ValueError("mission must be a short text of at least 5 characters describing the goal.")
    check_choice("issue", record.issue, (*PRIORITY_ISSUES, "other"))
    if isinstance(record.sdgs, (str, bytes)) or not isinstance(record.sdgs, Iterable):
        raise ValueError(f"sdgs must be a list of goal numbers, got {record.sdgs!r}.")
    object.__setattr__(record, "sdgs", tuple(_sdg(s) for s in record.sdgs))
    if not record.sdgs:
        raise ValueError("sdgs must name at least one goal (1 to 17).")
    if isinstance(record.steps, (str, bytes)) or not isinstance(record.steps, Iterable):
        raise ValueError(f"steps must be a list of mission steps, got {record.steps!r}.")
    known = load_table("regional_cooperation_mission_steps")["step"]
    object.__setattr__(record, "steps", tuple(check_choice("mission step", s, known) for s in record.steps))


def _check_flags(record: MissionProposal | MissionPlan, names: tuple[str, ...]) -> None:
    """Every yes/no field named must be exactly True or False."""
    for name in names:
        if not isinstance(getattr(record, name), bool):
            raise ValueError(f"{name} must be True or False, got {getattr(record, name)!r}.")



def sdgs_for_application(application: str) -> pd.DataFrame:
    """The SDGs an AI application serves (illustrative mapping), primary goals first."""
    applications = load_table("regional_cooperation_applications")
    check_choice("application", application, applications["application"])
    links = load_table("regional_cooperation_application_sdgs")
    sdgs = load_table("regional_cooperation_sdgs")[["sdg", "short_title"]]
    chosen = links.loc[links["application"] == application, ["sdg", "role"]].merge(sdgs, on="sdg")
    return chosen.sort_values(["role", "sdg"]).reset_index(drop=True)


def applications_for_sdg(sdg: int) -> pd.DataFrame:
    """The AI applications in the course's table that serve ``sdg`` (1 to 17); may be empty."""
    number = _sdg(sdg)
    links = load_table("regional_cooperation_application_sdgs")
    applications = load_table("regional_cooperation_applications")[["application", "label"]]
    chosen = links.loc[links["sdg"] == number, ["application", "role"]].merge(applications, on="application")
    return chosen.sort_values(["role", "application"]).reset_index(drop=True)


def sdg_matrix() -> pd.DataFrame:
    """Every (application, SDG) pair with ``role`` = primary, secondary or none (for the chart)."""
    applications = load_table("regional_cooperation_applications")[["application", "label"]]
    sdgs = load_table("regional_cooperation_sdgs")[["sdg", "short_title"]]
    links = load_table("regional_cooperation_application_sdgs")[["application", "sdg", "role"]]
    full = applications.merge(sdgs, how="cross").merge(links, on=["application", "sdg"], how="left")
    full["role"] = full["role"].fillna("none")
    return full


@dataclass(frozen=True)
class MissionProposal:
    """A regional, mission-oriented AI project to check against the essay's principles.

    ``issue`` is one of :data:`PRIORITY_ISSUES` or ``"other"``; ``sdgs`` are goal numbers 1 to 17;
    ``steps`` are mission activities from ``data/regional_cooperation_mission_steps.csv``.
    """

    mission: str
    issue: str
    sdgs: tuple[int, ...]
    partners: int
    years: int
    shared_benefit: bool = False
    risk_assessment: bool = False
    ethics_transparency: bool = False
    public_good: bool = False
    community_serving: bool = False
    lesson_sharing: bool = False
    steps: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        _check_shared_fields(self)
        check_positive_int("partners", self.partners, maximum=60)
        check_positive_int("years", self.years, maximum=MAX_YEARS)
        _check_flags(self, ("shared_benefit", "risk_assessment", "ethics_transparency", "public_good", "community_serving", "lesson_sharing"))

    @classmethod
    def from_dict(cls, answer: Mapping[str, object]) -> MissionProposal:
        """Build a proposal from a plain dict (as students write it), rejecting unknown keys."""
        if not isinstance(answer, Mapping):
            raise ValueError(f"A proposal must be a dict, got {type(answer).__name__}.")
        allowed = set(cls.__dataclass_fields__)
        unknown = sorted(set(answer) - allowed)
        if unknown:
            raise ValueError(f"Unknown proposal fields {unknown}; allowed: {sorted(allowed)}.")
        missing = sorted({"mission", "issue", "sdgs", "partners", "years"} - set(answer))
        if missing:
            raise ValueError(f"The proposal is missing {missing}.")
        return cls(**answer)  # type: ignore[arg-type]


_CRITERIA: dict[str, Callable[[MissionProposal], bool]] = {
    "several_partners": lambda p: p.partners >= MIN_PARTNERS,
    "shared_benefit": lambda p: p.shared_benefit,
    "priority_issue": lambda p: p.issue in PRIORITY_ISSUES,
    "risk_assessment": lambda p: p.risk_assessment,
    "ethics_transparency": lambda p: p.ethics_transparency,
    "long_horizon": lambda p: p.years >= MIN_YEARS,
    "public_good": lambda p: p.public_good,
    "community_serving": lambda p: p.community_serving,
    "lesson_sharing": lambda p: p.lesson_sharing,
}


def check_proposal(proposal: MissionProposal) -> pd.DataFrame:
    """One row per criterion: its ``principle``, ``question`` and whether the proposal ``met`` it."""
    if not isinstance(proposal, MissionProposal):
        raise ValueError(f"check_proposal needs a MissionProposal, got {type(proposal).__name__}.")
    criteria = load_table("regional_cooperation_criteria")
    unknown = set(criteria["criterion"]) ^ set(_CRITERIA)
    if unknown:
        raise ValueError(f"The criteria table and the planner disagree about {sorted(unknown)}.")
    criteria["met"] = [bool(_CRITERIA[c](proposal)) for c in criteria["criterion"]]
    return criteria[["principle", "criterion", "question", "met"]]


def principle_summary(proposal: MissionProposal) -> pd.DataFrame:
    """For each principle: criteria met, criteria in all and whether the principle is satisfied."""
    checks = check_proposal(proposal)
    principles = load_table("regional_cooperation_principles")[["principle", "order", "label"]]
    summary = checks.groupby("principle")["met"].agg(met="sum", total="count").reset_index()
    summary = principles.merge(summary, on="principle").sort_values("order")
    summary["satisfied"] = summary["met"] == summary["total"]
    return summary[["principle", "label", "met", "total", "satisfied"]].reset_index(drop=True)


def missing_mission_steps(proposal: MissionProposal) -> list[str]:
    """The mission-oriented activities (Baek's first recommendation) the proposal leaves out."""
    if not isinstance(proposal, MissionProposal):
        raise ValueError(f"missing_mission_steps needs a MissionProposal, got {type(proposal).__name__}.")
    steps = load_table("regional_cooperation_mission_steps").sort_values("order")["step"]
    return [s for s in steps if s not in proposal.steps]


def proposal_ready(proposal: MissionProposal) -> bool:
    """True if the proposal satisfies all four principles and covers every mission step."""
    return bool(principle_summary(proposal)["satisfied"].all()) and not missing_mission_steps(proposal)


# --- planning under constraints (the exercise's create task and the chapter's last section) -----

#: Hypothetical partner economies for the constrained planner (every number illustrative):
#: ``approach`` is the family of national AI governance the partner follows (Baek's divergent
#: approaches), ``sensitive`` whether its research is security-sensitive (Baek's research
#: security), ``capacity`` what it brings to the mission, ``cost`` what it costs per year.
PLAN_PARTNERS: dict[str, dict[str, object]] = {
    "Aster": {"approach": "A", "sensitive": False, "capacity": 1, "cost": 1},
    "Brill": {"approach": "A", "sensitive": True, "capacity": 3, "cost": 2},
    "Corvo": {"approach": "B", "sensitive": True, "capacity": 3, "cost": 2},
    "Delma": {"approach": "B", "sensitive": False, "capacity": 2, "cost": 1},
    "Eskar": {"approach": "C", "sensitive": False, "capacity": 2, "cost": 1},
    "Fenn": {"approach": "A", "sensitive": False, "capacity": 1, "cost": 1},
}
#: The fixed budget (illustrative; it stands for the squeeze of Baek's economic downturn).
PLAN_BUDGET = 28
#: Illustrative costs of the safeguards a plan can buy, in budget units (once, not per year).
PLAN_COSTS: dict[str, int] = {"risk_assessment": 5, "ethics_guidelines": 5, "open_platform": 2, "lesson_sharing": 1}
#: Illustrative requirements: partners and capacity that remain, years of joint delivery after set-up.
PLAN_MIN_PARTNERS = 3
PLAN_MIN_CAPACITY = 6
PLAN_DELIVERY_YEARS = 3
PLAN_MAX_YEARS = 10


@dataclass(frozen=True)
class MissionPlan:
    """A mission-oriented project under constraints: named partners, years and paid-for safeguards.

    ``partners`` are names from :data:`PLAN_PARTNERS`; the four safeguards cost :data:`PLAN_COSTS`;
    ``steps`` are the six activities of a mission-oriented project.
    """

    mission: str
    issue: str
    sdgs: tuple[int, ...]
    partners: tuple[str, ...]
    years: int
    risk_assessment: bool = False
    ethics_guidelines: bool = False
    open_platform: bool = False
    lesson_sharing: bool = False
    steps: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        _check_shared_fields(self)
        if isinstance(self.partners, (str, bytes)) or not isinstance(self.partners, Iterable):
            raise ValueError(f"partners must be a list of partner names, got {self.partners!r}.")
        partners = tuple(check_choice("partner", p, tuple(PLAN_PARTNERS)) for p in self.partners)
        if len(set(partners)) != len(partners):
            raise ValueError("Each partner may appear once.")
        object.__setattr__(self, "partners", partners)
        check_positive_int("years", self.years, maximum=PLAN_MAX_YEARS)
        _check_flags(self, tuple(PLAN_COSTS))

    @classmethod
    def from_dict(cls, answer: Mapping[str, object]) -> MissionPlan:
        """Build a plan from a plain dict (as students write it), rejecting unknown or missing keys."""
        if not isinstance(answer, Mapping):
            raise ValueError(f"A plan must be a dict, got {type(answer).__name__}.")
        allowed = set(cls.__dataclass_fields__)
        unknown = sorted(set(map(str, answer)) - allowed)
        if unknown:
            raise ValueError(f"Unknown plan fields {unknown}; allowed: {sorted(allowed)}.")
        missing = sorted({"mission", "issue", "sdgs", "partners", "years"} - set(answer))
        if missing:
            raise ValueError(f"The plan is missing {missing}.")
        return cls(**answer)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PlanResult:
    """What happens to a :class:`MissionPlan`: who stays, set-up years, capacity, cost and ``problems``."""

    kept: tuple[str, ...]
    withdrawn: tuple[str, ...]
    setup_years: int
    capacity: int
    cost: int
    problems: tuple[str, ...]

    @property
    def works(self) -> bool:
        return not self.problems


def evaluate_plan(plan: MissionPlan) -> PlanResult:
    """Play a plan against two of Baek's obstacles and a fixed budget (the rules are illustrative).

    * Research security: a security-sensitive partner withdraws unless the plan pays for a regional
      risk assessment.
    * Divergent approaches: each approach family beyond the first among the partners who stay adds
      2 set-up years of harmonisation, or 1 if the plan pays for regional ethical guidelines.
    * Economic downturn: the budget is fixed at :data:`PLAN_BUDGET`; partners cost per year,
      safeguards once. (The pandemic, Baek's fourth obstacle, is not modelled.)

    The plan works if at least :data:`PLAN_MIN_PARTNERS` partners with :data:`PLAN_MIN_CAPACITY`
    capacity stay, the years cover set-up plus :data:`PLAN_DELIVERY_YEARS` of delivery, the four
    principles are met (security assurance by a risk assessment or shared ethical guidelines, long-term
    cooperation by an open platform for results, experience sharing by lesson sharing, mutual benefit
    by a shared priority issue) and all six mission steps are covered, within budget.
    """
    if not isinstance(plan, MissionPlan):
        raise ValueError(f"evaluate_plan needs a MissionPlan, got {type(plan).__name__}.")
    kept = tuple(p for p in plan.partners if plan.risk_assessment or not PLAN_PARTNERS[p]["sensitive"])
    withdrawn = tuple(p for p in plan.partners if p not in kept)
    families = {PLAN_PARTNERS[p]["approach"] for p in kept}
    setup = max(len(families) - 1, 0) * (1 if plan.ethics_guidelines else 2)
    capacity = int(sum(int(PLAN_PARTNERS[p]["capacity"]) for p in kept))  # type: ignore[call-overload]
    yearly = sum(int(PLAN_PARTNERS[p]["cost"]) for p in kept)  # type: ignore[call-overload]
    cost = plan.years * yearly + sum(c for name, c in PLAN_COSTS.items() if getattr(plan, name))
    problems = []
    if withdrawn:
        problems.append(f"research security: {', '.join(withdrawn)} withdrew because there is no regional risk assessment")
    if len(kept) < PLAN_MIN_PARTNERS:
        problems.append(f"mutual benefit: only {len(kept)} partner(s) stay; a regional mission needs {PLAN_MIN_PARTNERS}")
    if capacity < PLAN_MIN_CAPACITY:
        problems.append(f"capacity {capacity} is below the {PLAN_MIN_CAPACITY} the mission needs")
    if plan.issue not in PRIORITY_ISSUES:
        problems.append("mutual benefit: the issue is not one of the shared regional issues")
    if plan.years < setup + PLAN_DELIVERY_YEARS:
        problems.append(f"divergent approaches: {len(families)} approach families need {setup} set-up year(s), "
                        f"so {plan.years} years leave less than {PLAN_DELIVERY_YEARS} years of delivery")
    if not (plan.risk_assessment or plan.ethics_guidelines):
        problems.append("security assurance: neither a risk assessment nor shared ethical guidelines")
    if not plan.open_platform:
        problems.append("long-term stable cooperation: results are not shared as a public good on an open platform")
    if not plan.lesson_sharing:
        problems.append("experience sharing: no way for partners to share what they learn")
    missing = [s for s in load_table("regional_cooperation_mission_steps").sort_values("order")["step"] if s not in plan.steps]
    if missing:
        problems.append(f"mission steps left out: {', '.join(missing)}")
    if cost > PLAN_BUDGET:
        problems.append(f"budget: the plan costs {cost} units, more than the fixed {PLAN_BUDGET}")
    return PlanResult(kept, withdrawn, setup, capacity, cost, tuple(problems))

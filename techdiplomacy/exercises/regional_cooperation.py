"""Checkers for the regional cooperation exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

from collections.abc import Mapping

from techdiplomacy.data import load_table
from techdiplomacy.exercises.feedback import PLACEHOLDER, Feedback, is_placeholder, never_crash
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.regional_cooperation import (
    NO_NETWORK,
    NO_NETWORK_BELOW,
    PLAN_BUDGET,
    STAGES,
    MissionPlan,
    classify_stage,
    evaluate_plan,
    sdgs_for_application,
    stage_scores,
)

__all__ = ["TASKS", "TASK2_REGIONS", "check_issue_responses", "check_mission_plan", "check_stages"]

#: Task 2's regions (the course's invented examples, not in the essay; levels illustrative).
TASK2_REGIONS: dict[str, dict[str, float]] = {
    # The single strongest driver (raw materials) belongs to trade, but the production pair is stronger.
    "delta": {"raw_materials": 1.0, "demand": 0.2, "labour_costs": 0.7, "regulations": 0.7,
              "human_capital": 0.3, "infrastructure": 0.4},
    # Production and science & innovation tie: the rule sends ties to the later stage.
    "harbour": {"raw_materials": 0.3, "demand": 0.5, "labour_costs": 0.6, "regulations": 0.6,
                "human_capital": 0.8, "infrastructure": 0.4},
    # Every stage stays below the floor: no network is named.
    "upland": {"raw_materials": 0.3, "demand": 0.1, "labour_costs": 0.2, "regulations": 0.1,
               "human_capital": 0.2, "infrastructure": 0.2},
}
_STAGE_WORDS = {
    "trade": "trade",
    "trade network": "trade",
    "production": "production",
    "production network": "production",
    "science_innovation": "science_innovation",
    "science and innovation": "science_innovation",
    "science and innovation network": "science_innovation",
    "science & innovation": "science_innovation",
    "innovation": "science_innovation",
    "none": NO_NETWORK,
    "no network": NO_NETWORK,
}


def _misreading(region: str, given: str) -> str:
    """The likely misconception behind a wrong stage for one of :data:`TASK2_REGIONS`."""
    levels = TASK2_REGIONS[region]
    scores = stage_scores(levels).round(9)
    strongest = max(levels, key=lambda d: levels[d])
    if given == NO_NETWORK:
        return f"its best stage scores {scores.max():.2f}, above the floor of {NO_NETWORK_BELOW}, so a network is named"
    if scores.max() < NO_NETWORK_BELOW:
        return (f"no stage reaches the floor of {NO_NETWORK_BELOW} (best {scores.max():.2f}): a region with weak links "
                "is in no network yet, so answer \"none\"")
    if scores[given] == scores.max():
        return (f"{given} ties with a later stage ({scores[given]:.2f}); the rule sends ties to the later stage, "
                "because the essay's path ends in the science and innovation network")
    if given in _stages_of_driver(strongest):
        return (f"{strongest.replace('_', ' ')} is the single strongest driver, but a stage is scored by the mean of its "
                f"two drivers: {given} {scores[given]:.2f} is below the best {scores.max():.2f}")
    return f"{given} scores {scores[given]:.2f}, less than the best {scores.max():.2f}"


def _stages_of_driver(driver: str) -> tuple[str, ...]:
    table = load_table("regional_cooperation_drivers")
    return tuple(table.loc[table["driver"] == driver, "stage"])


@never_crash
def check_stages(answer: object) -> Feedback:
    """Task 2: the stage of each of the three new regions in :data:`TASK2_REGIONS` (or ``"none"``)."""
    if is_placeholder(answer):
        return PLACEHOLDER
    example = "{\"delta\": \"trade\", \"harbour\": \"production\", \"upland\": \"none\"}"
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary from region to stage.", f"For example {example}.")
    keys = set(map(str, answer))
    if keys != set(TASK2_REGIONS):
        return Feedback(False, f"Use exactly the three regions as keys: {', '.join(TASK2_REGIONS)}.", f"For example {example}.")
    given: dict[str, str] = {}
    for region, value in answer.items():
        stage = _STAGE_WORDS.get(value.strip().lower().rstrip(".")) if isinstance(value, str) else None
        if stage is None:
            return Feedback(False, f"{value!r} (for {region}) is not a stage.",
                            "Choose \"trade\", \"production\", \"science_innovation\" or \"none\".")
        given[str(region)] = stage
    wrong = [r for r in TASK2_REGIONS if given[r] != classify_stage(TASK2_REGIONS[r])]
    if not wrong:
        return Feedback(True, "Delta is a production network although its strongest driver is raw materials; Harbour's tie "
                              "goes to the science and innovation network; Upland's links are too weak for any network. "
                              "The rule (means, ties to the later stage, a floor) is the course's illustrative reading of the essay.")
    first = wrong[0]
    return Feedback(False, f"{len(wrong)} of 3 not yet right. {first.capitalize()}: {_misreading(first, given[first])}.",
                    "For each region, average the two drivers of each stage, then apply the tie rule and the floor.")


@never_crash
def check_issue_responses(answer: object) -> Feedback:
    """Task 2: for each shared issue, the AI application the essay proposes."""
    if is_placeholder(answer):
        return PLACEHOLDER
    issues = load_table("regional_cooperation_issues")
    expected = dict(zip(issues["issue"], issues["application"]))
    applications = set(load_table("regional_cooperation_applications")["application"])
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary from issue to application.",
                        "For example: {\"low_birth_rate\": \"...\", \"ageing\": \"...\", \"carbon_neutrality\": \"...\"}")
    keys = set(map(str, answer))
    if keys != set(expected):
        missing, extra = sorted(set(expected) - keys), sorted(keys - set(expected))
        return Feedback(False, f"Use exactly the three issues as keys (missing {missing}, unexpected {extra}).",
                        "The keys are \"low_birth_rate\", \"ageing\" and \"carbon_neutrality\".")
    unknown = sorted(str(v) for v in answer.values() if v not in applications)
    if unknown:
        return Feedback(False, f"Unknown application(s): {', '.join(unknown)}.",
                        f"Choose from: {', '.join(sorted(applications))}.")
    wrong = [issue for issue, app in expected.items() if answer[issue] != app]
    if not wrong:
        return Feedback(True, "Smart education for falling birth rates, digital health care for ageing and green "
                              "manufacturing for carbon neutrality: the three shared agendas the essay proposes.")
    challenges = dict(zip(issues["issue"], issues["challenge"]))
    first = wrong[0]
    return Feedback(False, f"{len(wrong)} of 3 not yet right, starting with {first}.",
                    f"For {first} the essay starts from this challenge: {challenges[first].lower()}. Which application answers it?")


#: Which obstacle or constraint a plan's problem comes from -> a hint that names the trade-off.
PLAN_HINTS: tuple[tuple[str, str], ...] = (
    ("budget", "Everything at once does not fit the budget: a risk assessment and shared ethical guidelines together "
               "cost 10 units. Decide which obstacle you buy your way around and which you avoid by choosing partners."),
    ("research security", "Security-sensitive partners bring capacity but leave without a regional risk assessment. "
                          "Pay for one, or build the mission without them."),
    ("divergent approaches", "Partners from different approach families need set-up years to harmonise. Add years, "
                             "pay for shared ethical guidelines, or pick partners whose approaches are alike."),
    ("capacity", "The partners who stay do not bring enough capacity: add a capable partner."),
    ("mutual benefit", "A regional mission needs enough partners and a shared priority issue."),
    ("security assurance", "Baek calls security assurance vital: pay for a risk assessment or for shared ethical guidelines."),
    ("long-term", "Baek's long-term cooperation aims at public goods: share results on an open platform."),
    ("experience sharing", "Plan how partners share what they learn."),
    ("mission steps", "A mission-oriented project plans, mobilises resources, tackles R&D, monitors, harmonises policy and collaborates."),
)


@never_crash
def check_mission_plan(answer: object) -> Feedback:
    """Task 3: a mission plan that survives research security, divergent approaches and a fixed budget."""
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Write the plan as a dictionary, like the template in the instructions.",
                        "Start from the template and change its values.")
    try:
        plan = MissionPlan.from_dict(answer)
    except (ValueError, TypeError) as error:
        return Feedback(False, f"The plan is not valid yet: {error}",
                        "Compare every field with the template: texts in quotes, numbers without, True/False for yes-no fields.")
    result = evaluate_plan(plan)
    numbers = (f"{len(result.kept)} partner(s) stay, capacity {result.capacity}, {result.setup_years} set-up year(s), "
               f"cost {result.cost} of {PLAN_BUDGET}.")
    if result.problems:
        first = result.problems[0]
        hint = next((h for key, h in PLAN_HINTS if first.startswith(key) or key in first.split(":")[0]),
                    PLAN_HINTS[-1][1])
        if any(p.startswith("budget") for p in result.problems):
            hint = PLAN_HINTS[0][1]
        return Feedback(False, f"{numbers} {len(result.problems)} problem(s): {'; '.join(result.problems)}.", hint)
    issues = load_table("regional_cooperation_issues").set_index("issue")
    if plan.issue in issues.index:
        serves = sdgs_for_application(str(issues.loc[plan.issue, "application"]))
        primary = set(serves.loc[serves["role"] == "primary", "sdg"])
        if not primary & set(plan.sdgs):
            return Feedback(False, f"{numbers} The SDGs {list(plan.sdgs)} do not include a main goal of the essay's answer to {plan.issue}.",
                            f"Add one of SDG {', '.join(map(str, sorted(primary)))} (the course's illustrative mapping).")
    bought = "a risk assessment" if plan.risk_assessment else "shared ethical guidelines"
    return Feedback(True, f"{numbers} \"{plan.mission}\" survives both obstacles within the budget. You bought {bought} and "
                          "avoided the other obstacle by your choice of partners and years: the trade-off the rules "
                          "(illustrative) force. Be ready to defend it in class.")


#: The tasks of the exercise notebook, in order (see :mod:`techdiplomacy.exercises.tasks`).
TASKS = (
    Task("task1", "Shared issues and AI responses", "responses", check_issue_responses, "recall", points=1),
    Task("task2", "Place three new regions", "stages", check_stages, "apply", points=2),
    Task("task3", "A mission plan under constraints", "plan", check_mission_plan, "create", points=3),
)

format_only_in_assessment(globals())

"""Checkers for the regional cooperation exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

from collections.abc import Mapping

from techdiplomacy.data import load_table
from techdiplomacy.exercises.feedback import PLACEHOLDER, Feedback, is_placeholder, never_crash
from techdiplomacy.models.regional_cooperation import (
    STAGES,
    MissionProposal,
    check_proposal,
    classify_stage,
    missing_mission_steps,
    sdgs_for_application,
    stage_scores,
)

__all__ = ["TASK1_REGION", "check_issue_responses", "check_mission_proposal", "check_stage"]

#: Task 1's region: strong labour-cost and regulatory drivers, middling demand and infrastructure.
TASK1_REGION: dict[str, float] = {
    "raw_materials": 0.2,
    "demand": 0.6,
    "labour_costs": 0.9,
    "regulations": 0.7,
    "human_capital": 0.3,
    "infrastructure": 0.5,
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
}


@never_crash
def check_stage(answer: object) -> Feedback:
    """Task 1: the stage of the region described by :data:`TASK1_REGION`."""
    if is_placeholder(answer):
        return PLACEHOLDER
    expected = classify_stage(TASK1_REGION)
    if not isinstance(answer, str) or not answer.strip():
        return Feedback(False, "Answer with the stage's name in quotes, for example \"trade\".",
                        "The stages are \"trade\", \"production\" and \"science_innovation\".")
    stage = _STAGE_WORDS.get(answer.strip().lower().rstrip("."))
    if stage is None:
        return Feedback(False, f"{answer!r} is not one of the essay's stages.",
                        "Choose \"trade\", \"production\" or \"science_innovation\".")
    scores = stage_scores(TASK1_REGION)
    summary = ", ".join(f"{s} {scores[s]:.2f}" for s in STAGES)
    if stage == expected:
        return Feedback(True, f"Production network: labour costs and regulations average the highest ({summary}).")
    return Feedback(False, f"Not {stage}: average the two drivers of each stage ({summary}).",
                    "Which pair of drivers has the highest mean? Each stage has exactly two drivers.")


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


@never_crash
def check_mission_proposal(answer: object) -> Feedback:
    """Task 3: a mission-oriented project that meets every principle and covers every mission step."""
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Write the proposal as a dictionary, like the example in the instructions.",
                        "Start from the example and change its values.")
    try:
        proposal = MissionProposal.from_dict(answer)
    except (ValueError, TypeError) as error:
        return Feedback(False, f"The proposal is not valid yet: {error}",
                        "Compare every field with the example: texts in quotes, numbers without, True/False for yes-no fields.")
    checks = check_proposal(proposal)
    failed = checks[~checks["met"]]
    if not failed.empty:
        first = failed.iloc[0]
        principles = load_table("regional_cooperation_principles").set_index("principle")["label"]
        names = sorted({str(principles[p]) for p in failed["principle"]})
        return Feedback(False, f"{len(failed)} check(s) fail, under: {', '.join(names)}.",
                        f"Start with: {first['question']}")
    missing = missing_mission_steps(proposal)
    if missing:
        return Feedback(False, f"The principles are met, but the mission leaves out: {', '.join(missing)}.",
                        "A mission-oriented project plans, funds, researches, monitors, harmonises policy and collaborates.")
    issues = load_table("regional_cooperation_issues").set_index("issue")
    if proposal.issue in issues.index:
        serves = sdgs_for_application(str(issues.loc[proposal.issue, "application"]))
        primary = set(serves.loc[serves["role"] == "primary", "sdg"])
        if not primary & set(proposal.sdgs):
            return Feedback(False, f"The SDGs {list(proposal.sdgs)} do not include a main goal of the essay's answer to {proposal.issue}.",
                            f"Add one of SDG {', '.join(map(str, sorted(primary)))} (the course's illustrative mapping).")
    return Feedback(True, f"\"{proposal.mission}\" meets all four principles and covers every mission step. "
                          "Now argue in class which obstacle could still stop it.")

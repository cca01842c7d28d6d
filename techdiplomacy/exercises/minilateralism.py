"""Checkers for the minilateralism exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from techdiplomacy.exercises.feedback import PLACEHOLDER, Feedback, is_placeholder, never_crash, too_few_words
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.minilateralism import (
    CRITERIA,
    DESIGN_CANDIDATES,
    DESIGN_MIN_AGILITY,
    DESIGN_MIN_LEVELS,
    DESIGN_MIN_REACH,
    LEVEL_COSTS,
    MAX_LEVEL,
    evaluate_design,
    maturity,
    shared_members,
)

__all__ = ["QUAD_LEVELS", "TASKS", "check_design", "check_overlap", "check_quad_scorecard"]

ALIASES = {"uae": "United Arab Emirates", "usa": "United States", "us": "United States", "uk": "United Kingdom"}
MIN_JUSTIFICATION_WORDS = 25
SCORES_EXAMPLE = "{\"organisation\": 1, \"governance\": 1, \"accountability\": 1, \"global_positioning\": 1}"

#: Task 2: the levels that the exercise's (simplified) profile of the Quad supports, criterion by criterion.
QUAD_LEVELS: dict[str, int] = {"organisation": 1, "governance": 1, "accountability": 2, "global_positioning": 2}
#: What a wrong level for the Quad most likely means (criterion, level given) -> the misconception.
QUAD_MISREADINGS: dict[tuple[str, int], str] = {
    ("organisation", 0): "the profile names a host that organises each year's summit, so there is more than nothing (level 1)",
    ("organisation", 2): "a rotating host is not shared staff: no one works for the group itself",
    ("organisation", 3): "the profile says there is no secretariat",
    ("governance", 0): "leaders do issue joint statements, which is level 1",
    ("governance", 2): "joint statements are not agreed procedures, and each member pays its own share: there is no collective budget",
    ("governance", 3): "nothing in the profile is binding and there is no regular budget",
    ("accountability", 0): "the group does publish: statements and fact sheets",
    ("accountability", 1): "the fact sheets report on earlier initiatives, which is more than a communiqué",
    ("accountability", 3): "the profile mentions no independent review of results",
    ("global_positioning", 0): "projects with other Indo-Pacific countries face outward",
    ("global_positioning", 1): "it does more than address statements to others: it runs projects with non-members",
    ("global_positioning", 3): "publishing principles is not the same as others adopting them; the profile reports no non-member adopting its rules",
}


def _country(name: str) -> str:
    cleaned = " ".join(name.replace(".", "").split())
    return ALIASES.get(cleaned.lower(), cleaned.title().replace(" Of ", " of "))


@never_crash
def check_overlap(answer: object) -> Feedback:
    """Task 1: the countries that belong to both BRICS and I2U2."""
    if is_placeholder(answer):
        return PLACEHOLDER
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return Feedback(False, "Answer with a list of country names, e.g. [\"France\", \"Italy\"].",
                        "Put each country in quotes, separated by commas, inside square brackets.")
    names = list(answer)
    if any(not isinstance(n, str) or not n.strip() for n in names):
        return Feedback(False, "Every item must be a country name in quotes.", "Remove empty or non-text items.")
    given = {_country(n) for n in names}
    expected = set(shared_members("BRICS", "I2U2"))
    if given == expected:
        return Feedback(True, f"{' and '.join(sorted(expected))} sit in both groups, so I2U2 links BRICS with the United States.")
    extra, lacking = sorted(given - expected), sorted(expected - given)
    parts = []
    if extra:
        parts.append(f"not in both groups: {', '.join(extra)}")
    if lacking:
        parts.append(f"{len(lacking)} shared member(s) missing")
    return Feedback(False, "Not quite: " + "; ".join(parts) + ".",
                    "Pick I2U2 in the overlap chart's dropdown and look at the BRICS column of the membership panel.")


@never_crash
def check_quad_scorecard(scores: object) -> Feedback:
    """Task 2: score the Quad, a group the essay does not discuss, from the exercise's profile."""
    if is_placeholder(scores):
        return PLACEHOLDER
    if not isinstance(scores, Mapping):
        return Feedback(False, "Answer with a dictionary of four scores.", f"For example {SCORES_EXAMPLE}.")
    try:
        result = maturity(scores)
    except ValueError as error:
        return Feedback(False, str(error), f"Give every question ({', '.join(CRITERIA)}) a whole number from 0 to {MAX_LEVEL}.")
    wrong = [c for c in CRITERIA if result.scores[c] != QUAD_LEVELS[c]]
    if not wrong:
        return Feedback(True, f"The Quad scores {result.total} of {MAX_LEVEL * len(CRITERIA)}: stage '{result.stage}' "
                        "(illustrative). It reaches outward without a standing organisation: in the course's reading, "
                        "stronger on global positioning than on organisation and governance.")
    first = wrong[0]
    given = result.scores[first]
    reason = QUAD_MISREADINGS.get((first, given), "compare the profile's sentence with the level descriptions")
    return Feedback(False, f"{len(wrong)} of 4 levels differ from what the profile supports. "
                    f"{first.replace('_', ' ').capitalize()} at level {given}: {reason}.",
                    "Match each sentence of the profile with the wording of the levels in the chapter's table, "
                    "not with what you think the Quad could become.")


DESIGN_KEYS = ("members", "levels", "justification")


@never_crash
def check_design(answer: object) -> Feedback:
    """Task 3: a group for shared AI safety testing, judged against reach, agility and a fixed budget."""
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary like the template.", f"It needs the keys: {', '.join(DESIGN_KEYS)}.")
    missing = [k for k in DESIGN_KEYS if k not in answer]
    unknown = sorted(set(map(str, answer)) - set(DESIGN_KEYS))
    if missing or unknown:
        return Feedback(False, f"Use exactly the keys {', '.join(DESIGN_KEYS)} (missing: {missing or 'none'}, unknown: {unknown or 'none'}).",
                        "Start again from the template.")
    members = answer["members"]
    if isinstance(members, (list, tuple)):
        members = [m.strip().title() if isinstance(m, str) else m for m in members]
    try:
        result = evaluate_design(members, answer["levels"])
    except ValueError as error:
        return Feedback(False, f"The design is not valid yet: {error}",
                        f"Members are names from the candidates table ({', '.join(DESIGN_CANDIDATES)}); levels are whole numbers 0-{MAX_LEVEL}.")
    numbers = (f"{len(result.members)} members: reach {result.reach:.2f} (need {DESIGN_MIN_REACH}), agility {result.agility:.2f} "
               f"(need {DESIGN_MIN_AGILITY}), maturity costs {result.cost} of a budget of {result.budget}.")
    if result.problems:
        problems = list(result.problems)
        if any("agility" in p for p in problems) and len(result.members) > 5:
            hint = ("Inviting many members widens reach but, when everyone must agree, each extra member multiplies "
                    "the chance of a veto. Keep the members who bring the most reach per unit of disagreement.")
        elif any("critical mass" in p for p in problems):
            hint = ("A small, like-minded group agrees easily but covers too little of the problem; this is the critical-mass "
                    "criterion of chapter 9 pulling against agility. Add a member with large reach.")
        elif any(" costs " in p for p in problems):
            hint = ("Top marks everywhere are not affordable: a permanent secretariat and a regular budget cost more than small "
                    "groups contribute. Filer notes that limited bureaucratisation can have advantages: pay only for the "
                    "maturity the task needs.")
        else:
            hint = (f"The task needs at least {', '.join(f'{k.replace(chr(95), chr(32))} {v}' for k, v in DESIGN_MIN_LEVELS.items())}; "
                    f"each level costs {', '.join(f'{k.replace(chr(95), chr(32))} {v}' for k, v in LEVEL_COSTS.items())} units.")
        return Feedback(False, f"{numbers} Problems: {'; '.join(problems)}.", hint)
    problem = too_few_words(answer["justification"], MIN_JUSTIFICATION_WORDS,
                            "Say why these members, which trade-off you accepted, and which maturity you left for later.",
                            noun="justification")
    if problem is not None:
        return Feedback(False, f"{numbers} The design works; now justify it. {problem.message}", problem.hint)
    return Feedback(True, f"{numbers} The design works within the task's illustrative constraints. Your instructor "
                    "will assess the justification with the rubric.")


#: The tasks of the exercise notebook, in order (see :mod:`techdiplomacy.exercises.tasks`).
TASKS = (
    Task("task1", "A shared membership", "brics_and_i2u2", check_overlap, "recall", points=1),
    Task("task2", "Score a group the essay does not discuss", "quad_scores", check_quad_scorecard, "apply", points=2),
    Task("task3", "Design a group under constraints", "design", check_design, "create", points=3,
         text_fields=("justification",)),
)

format_only_in_assessment(globals())

"""Checkers for the technology diplomacy exercise and capstone. Each returns :class:`Feedback`, never raises.

The exercise climbs the ladder: recall the four tasks of technology diplomats (task 1); apply the
essay's avenues to real practices it does not mention (task 2) and the scorecard to a body and a
weighting the chapter does not show (task 3); build an institution from priced building blocks
under a fixed budget and conflicting criteria (task 4, the ratings follow from the blocks, so a
design cannot rate itself top marks); prepare a capstone position (task 5, marked with the rubric).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from techdiplomacy.data import load_table
from techdiplomacy.exercises.feedback import PLACEHOLDER, Feedback, is_placeholder, never_crash, word_count
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.technology_diplomacy import (
    BLOCKS,
    CRITERIA,
    blocks_cost,
    build_design,
    design_ratings,
    score_design,
    worst_case_score,
)

__all__ = [
    "ACTIVITIES",
    "BUDGET",
    "NEW_DESIGN",
    "NEW_WEIGHTS",
    "PRACTICES",
    "PRACTICE_OPTIONS",
    "REQUIREMENTS",
    "TASKS",
    "check_block_design",
    "check_capstone_position",
    "check_new_design_score",
    "check_practices",
    "check_task_matching",
]

# --- Task 1 (recall) ---------------------------------------------------------------------------

#: Activities of a technology diplomat, each matching one of the essay's tasks (i)-(iv).
ACTIVITIES: dict[str, str] = {
    "a": "Draft the ministry's position on AI in border surveillance, within national security and ethics rules",
    "b": "Hold hearings with universities, NGOs and journalists so the public understands and accepts that position",
    "c": "Agree with partner agencies on a review process for AI systems that operate across borders",
    "d": "Fund joint research and set up confidence-building measures to put the agreed norms into practice",
}
_ACTIVITY_KEY = {"a": "i", "b": "ii", "c": "iii", "d": "iv"}
#: Why a student may confuse two tasks: (given, expected) -> the likely misconception.
_TASK_MISCONCEPTIONS: dict[tuple[str, str], str] = {
    ("i", "ii"): "Forming the position (i) comes first; hearings with universities, NGOs and media win acceptance for it at home (ii).",
    ("ii", "i"): "Drafting the position itself is (i); (ii) is about getting a position already drafted accepted.",
    ("iii", "ii"): "Talking to civil society, academia and media at home is (ii); (iii) is work with other states' agencies.",
    ("ii", "iii"): "An agreement with partner agencies abroad is negotiating norms (iii), not building acceptance at home (ii).",
    ("iv", "iii"): "Agreeing a review process is negotiating the norm (iii); (iv) is putting an agreed norm into practice.",
    ("iii", "iv"): "Funding research and confidence-building measures implement norms already agreed (iv); the essay counts "
                   "them among the informal mechanisms of implementation.",
}

# --- Task 2 (apply): real practices the essay does not mention -----------------------------------

#: Practices from outside the essay (general knowledge); classify each as one of the essay's avenues or "none".
PRACTICES: dict[str, str] = {
    "a": "Before releasing a model, a lab pays outside specialists to try to make it help plan a cyberattack",
    "b": "A firm's bug-bounty scheme asks people who find a jailbreak to report it privately and wait for a fix before publishing",
    "c": "A government bans the export of its most advanced AI chips to a rival",
    "d": "An international standards body publishes a management-system standard for AI that firms can be certified against",
    "e": "A journal asks authors of papers on AI for protein design to assess the risks of misuse before the paper appears",
    "f": "A law requires that citizens' data used to train AI stay on servers inside the country",
    "g": "Chip makers build features into accelerators that let an inspector verify where and how they are used",
}
_PRACTICE_KEY: dict[str, str] = {
    "a": "red_teaming",
    "b": "responsible_disclosure",
    "c": "none",
    "d": "best_practice_standards",
    "e": "prepublication_risk_assessment",
    "f": "none",
    "g": "secure_hardware",
}
#: The answers a student may give: the essay's avenues (``data/technology_diplomacy_avenues.csv``) or "none".
PRACTICE_OPTIONS: tuple[str, ...] = (
    "cybersecurity_learning", "best_practice_standards", "red_teaming", "formal_verification", "responsible_disclosure",
    "security_tools", "secure_hardware", "prepublication_risk_assessment", "safety_sharing_regimes",
    "culture_of_responsibility", "none",
)
_PRACTICE_MISCONCEPTIONS: dict[str, dict[str, str]] = {
    "a": {"responsible_disclosure": "Nobody has found and reported a weakness yet: the lab sets a team to attack its own model "
                                    "before release, which is red teaming.",
          "security_tools": "The specialists do not build a tool; they play the attacker to expose weaknesses (red teaming)."},
    "b": {"red_teaming": "The finder is not hired to attack; the scheme governs how a weakness already found is reported "
                         "and published, which is responsible disclosure.",
          "cybersecurity_learning": "Bug bounties do come from cybersecurity, but the specific avenue is responsible disclosure "
                                    "of vulnerabilities."},
    "c": {"secure_hardware": "An export ban protects one country's lead; it divides ecosystems (techno-nationalism and "
                             "protectionism, chapter 2) instead of being shared across jurisdictions.",
          "safety_sharing_regimes": "A ban stops sharing altogether; the essay's sharing regimes decide what is shared, "
                                    "and with whom, so that safety comes first, between jurisdictions.",
          "security_tools": "An export ban is a trade measure of techno-nationalism (chapter 2), not a tool that detects misuse."},
    "d": {"culture_of_responsibility": "Standards are part of a culture of responsibility, but a certifiable standard is first of "
                                       "all the standardisation of best practices."},
    "e": {"responsible_disclosure": "Nothing has been found to disclose: the risks of the research are assessed before "
                                    "publication, in an area of special concern."},
    "f": {"safety_sharing_regimes": "Localisation keeps data inside one border; the essay instead asks how data could be shared "
                                    "across jurisdictions despite localisation rules, so it is not an avenue for cooperation.",
          "secure_hardware": "Keeping data on national servers is a localisation rule, not tamper-resistant hardware; it makes "
                             "cross-border cooperation harder."},
    "g": {"security_tools": "The safeguard is built into the chips themselves: secure hardware.",
          "formal_verification": "Formal verification proves that software meets its specification; features in the chips "
                                 "that let an inspector check their use are secure hardware."},
}

# --- Task 3 (apply): a body and a weighting the chapter does not show ------------------------------

#: A network of national AI safety institutes (general knowledge, not in the essays); ratings illustrative.
NEW_DESIGN: dict[str, int] = {
    "polycentric": 3, "multi_stakeholder": 2, "multi_layer": 2, "critical_mass": 2, "adversary_platform": 1,
    "agility": 3, "openness": 2, "risk_monitoring": 4, "expertise": 4,
}
#: A "legitimacy first" weighting, not one of the chapter's four profiles (illustrative).
NEW_WEIGHTS: dict[str, float] = {c: 1.0 for c in CRITERIA} | {"critical_mass": 3.0, "openness": 3.0, "adversary_platform": 2.0}
SCORE_TOLERANCE = 0.6

# --- Task 4 (create): building blocks under a budget ----------------------------------------------

#: The budget for task 4, in the illustrative cost units of ``data/technology_diplomacy_blocks.csv``.
BUDGET = 10
#: What the design must reach: each line is (criterion, minimum rating, why).
REQUIREMENTS: tuple[tuple[str, int, str], ...] = (
    ("multi_stakeholder", 3, "the essay finds the traditional intergovernmental model too closed and adds corporate and "
                             "citizen diplomats to government diplomats"),
    ("critical_mass", 3, "the essay makes enough countries on board to reach critical mass an essential element"),
    ("agility", 2, "the essay finds conventional ICT governance too slow for AI, and chapter 7 prizes agility"),
)
MIN_WORST_CASE = 60

MIN_POSITION_WORDS = 15


def _labels(criteria: tuple[str, ...]) -> str:
    return ", ".join(c.replace("_", " ") for c in criteria)


def _numeral(value: object, by_id: Mapping[str, str]) -> str:
    text = str(value).strip().lower().strip("()")
    return by_id.get(text, text)


@never_crash
def check_task_matching(answer: object) -> Feedback:
    """Task 1 (recall): match each activity a-d to a diplomat's task numeral i-iv."""
    if is_placeholder(answer):
        return PLACEHOLDER
    tasks = load_table("technology_diplomacy_tasks")
    by_id = dict(zip(tasks["task"], tasks["numeral"]))
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary from activity letter to task numeral.",
                        "For example: {\"a\": \"i\", \"b\": \"ii\", \"c\": \"iii\", \"d\": \"iv\"} (not the right answer).")
    keys = {str(k).lower() for k in answer}
    if keys != set(ACTIVITIES):
        return Feedback(False, f"Use exactly the keys a, b, c and d; you used {sorted(keys)}.", "One entry per activity.")
    given = {}
    for key, value in answer.items():
        numeral = _numeral(value, by_id)
        if numeral not in _ACTIVITY_KEY.values():
            return Feedback(False, f"{value!r} (for {key}) is not a task numeral.", "Use \"i\", \"ii\", \"iii\" or \"iv\".")
        given[str(key).lower()] = numeral
    wrong = [k for k in sorted(ACTIVITIES) if given[k] != _ACTIVITY_KEY[k]]
    if not wrong:
        return Feedback(True, "Formulate (i), build acceptance (ii), negotiate norms (iii), coordinate implementation (iv): "
                              "the four tasks run from home to abroad and back.")
    labels = dict(zip(tasks["numeral"], tasks["label"]))
    first = wrong[0]
    reason = _TASK_MISCONCEPTIONS.get(
        (given[first], _ACTIVITY_KEY[first]),
        "Is the activity about forming a position, winning acceptance at home, agreeing norms abroad, or putting norms into practice?",
    )
    return Feedback(False, f"{len(wrong)} of 4 not yet right, starting with activity {first}, which you matched to "
                           f"'{labels[given[first]]}'.", reason)


@never_crash
def check_practices(answer: object) -> Feedback:
    """Task 2 (apply): classify each practice a-g as one of the essay's avenues, or "none"."""
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary from practice letter to an avenue name (or \"none\").",
                        "For example: {\"a\": \"formal_verification\", ...} (not the right answer).")
    given = {str(k).strip().lower(): str(v).strip().lower() for k, v in answer.items()}
    if set(given) != set(PRACTICES):
        return Feedback(False, f"Use exactly the keys {', '.join(PRACTICES)}; you used {sorted(given)}.", "One entry per practice.")
    unknown = sorted(k for k, v in given.items() if v not in PRACTICE_OPTIONS)
    if unknown:
        return Feedback(False, f"{given[unknown[0]]!r} (for {unknown[0]}) is not an avenue name.",
                        f"Choose from: {', '.join(PRACTICE_OPTIONS)}.")
    wrong = [k for k in sorted(PRACTICES) if given[k] != _PRACTICE_KEY[k]]
    if not wrong:
        return Feedback(True, "Five practices carry the essay's avenues into today's AI; the export ban and the localisation law "
                              "are moves of techno-nationalism and protectionism (chapter 2) that make cooperation harder.")
    first = wrong[0]
    expected = _PRACTICE_KEY[first]
    reason = _PRACTICE_MISCONCEPTIONS.get(first, {}).get(given[first])
    if reason is None and expected == "none":
        reason = ("This practice serves one country against others; the essay's avenues are ways for jurisdictions to "
                  "prevent malicious use together. Think of the fragmentation chapter.")
    if reason is None and given[first] == "none":
        reason = "This practice is shared between jurisdictions and prevents malicious use: which avenue of the table does it match?"
    if reason is None:
        reason = "Read the descriptions in the avenues table again: what exactly does the practice do, and when?"
    return Feedback(False, f"{len(wrong)} of {len(PRACTICES)} not yet right, starting with practice {first}.", reason)


@never_crash
def check_new_design_score(answer: object) -> Feedback:
    """Task 3 (apply): the score (0-100) of :data:`NEW_DESIGN` under :data:`NEW_WEIGHTS`."""
    if answer is None or is_placeholder(answer):
        return PLACEHOLDER
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) or not math.isfinite(answer):
        return Feedback(False, "Answer with one number, the score out of 100 (for example 48.2).",
                        "Use score_design(NEW_DESIGN, NEW_WEIGHTS).total, or compute it by hand.")
    right = score_design(NEW_DESIGN, NEW_WEIGHTS).total
    if abs(answer - right) <= SCORE_TOLERANCE:
        dedicated = score_design(design_ratings("dedicated_organisation"), NEW_WEIGHTS).total
        return Feedback(True, f"{right:.1f} of 100. Its strengths, risk monitoring and expertise, weigh little under this weighting, "
                              f"while its weak spots (critical mass, openness, a platform for adversaries) weigh most: "
                              f"the dedicated organisation would score {dedicated:.1f}.")
    total_weight = sum(NEW_WEIGHTS.values())
    weighted = sum(NEW_WEIGHTS[c] * NEW_DESIGN[c] for c in CRITERIA)
    unweighted = score_design(NEW_DESIGN, "equal").total
    if abs(answer - unweighted) <= SCORE_TOLERANCE:
        return Feedback(False, f"{answer:g} is the score with equal weights: the new weighting is missing.",
                        "Multiply each rating by its weight before adding, then divide by 4 times the total weight.")
    if abs(answer - weighted) <= SCORE_TOLERANCE:
        return Feedback(False, f"{answer:g} is the weighted sum of the ratings, not yet a score out of 100.",
                        f"Divide by the most the design could earn (4 x total weight = {4 * total_weight:g}) and multiply by 100.")
    if abs(answer - weighted / total_weight) <= 0.05 or abs(answer - weighted / (4 * total_weight)) <= 0.01:
        return Feedback(False, f"{answer:g} is on the wrong scale: the score runs from 0 to 100.",
                        "Score = 100 x (sum of weight x rating) / (4 x sum of weights).")
    return Feedback(False, f"{answer:g} is not the score yet.",
                    "Score = 100 x (sum of weight x rating) / (4 x sum of weights); check the three criteria whose weight is not 1.")


@never_crash
def check_block_design(answer: object) -> Feedback:
    """Task 4 (create): a list of building blocks within :data:`BUDGET` that meets :data:`REQUIREMENTS`
    and scores at least :data:`MIN_WORST_CASE` under every weighting profile."""
    if answer is None or is_placeholder(answer):
        return PLACEHOLDER
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (list, tuple, set)):
        return Feedback(False, "Answer with a list of building-block names in quotes.",
                        f"For example: [\"open_publication\", \"secretariat\"]. The blocks: {', '.join(BLOCKS)}.")
    blocks = [str(b).strip() for b in answer]
    unknown = [b for b in blocks if b not in BLOCKS]
    if unknown:
        return Feedback(False, f"{unknown[0]!r} is not a building block.", f"Choose from: {', '.join(BLOCKS)}.")
    if len(set(blocks)) < len(blocks):
        return Feedback(False, "A building block appears twice in your list.", "Each block can be bought once.")
    if not blocks:
        return Feedback(False, "An empty list is a bare annual meeting: every criterion stays at 1.",
                        "Buy building blocks within the budget.")
    try:
        ratings = build_design(blocks)
    except ValueError as error:
        return Feedback(False, f"{error} A body cannot decide both by consensus and by majority, or be open to every state "
                               "and a small core at once.", "Drop one block of the pair.")
    cost = blocks_cost(blocks)
    if cost > BUDGET:
        return Feedback(False, f"Your blocks cost {cost}; the budget is {BUDGET}.",
                        "Every block has a price: decide which criteria matter most and drop the rest. Buying everything is "
                        "not a design.")
    for criterion, minimum, why in REQUIREMENTS:
        if ratings[criterion] < minimum:
            extra = ""
            if criterion == "critical_mass" and "small_core_group" in blocks:
                extra = (" The small core buys agility by leaving countries out: the size-agility trade-off of chapter 7 "
                         "pulls against critical mass.")
            if criterion == "agility":
                extra = " Every block that widens the table (more states, more stakeholders, consensus) slows it down."
            return Feedback(False, f"{criterion.replace('_', ' ').capitalize()} is {ratings[criterion]}, below {minimum}: "
                                   f"{why}.{extra}",
                            "Look at the effects column of the blocks table for what raises it, and at its price elsewhere.")
    zero = [c for c in CRITERIA if ratings[c] == 0]
    if zero:
        return Feedback(False, f"Your design falls to 0 on {', '.join(zero)}: one block's side effect wipes it out.",
                        "Find the block with the negative effect and either drop it or add one that compensates.")
    profile, worst = worst_case_score(ratings)
    if worst < MIN_WORST_CASE:
        return Feedback(False, f"Under the {profile.replace('_', ' ')} weighting your design scores only {worst:.0f} of 100 "
                               f"(aim for {MIN_WORST_CASE} under every weighting).",
                        f"Its weakest criteria there: {_labels(score_design(ratings, profile).weakest)}.")
    treaty = " It needs no treaty, in line with the essay's call to look beyond treaties." if "treaty_basis" not in blocks else ""
    return Feedback(True, f"Cost {cost} of {BUDGET}; at least {worst:.0f} of 100 under every weighting (lowest under "
                          f"{profile.replace('_', ' ')}); weakest: {_labels(score_design(ratings, profile).weakest)}.{treaty} "
                          "Bring it to the capstone and be ready to defend what you did not buy.")


@never_crash
def check_capstone_position(answer: object) -> Feedback:
    """Task 5 (open): a team's role, the chapter its evidence comes from, its ask and its offer."""
    if is_placeholder(answer):
        return PLACEHOLDER
    roles = load_table("technology_diplomacy_capstone_roles").set_index("role")
    chapters = set(roles["chapter"]) | {"technology_diplomacy"}
    if not isinstance(answer, Mapping) or not {"role", "chapter", "ask", "offer"} <= set(answer):
        return Feedback(False, "Answer with a dictionary with the keys \"role\", \"chapter\", \"ask\" and \"offer\".",
                        "Start from the example in the instructions.")
    role = answer["role"]
    if role not in roles.index:
        return Feedback(False, f"Unknown role {role!r}.", f"Choose one of: {', '.join(roles.index)}.")
    chapter = str(answer["chapter"]).removesuffix(".ipynb")
    if chapter not in chapters:
        return Feedback(False, f"{answer['chapter']!r} is not a chapter of the course.", f"Use one of: {', '.join(sorted(chapters))}.")
    for key in ("ask", "offer"):
        text = answer[key]
        if word_count(text) < MIN_POSITION_WORDS:
            return Feedback(False, f"Write your {key} in at least {MIN_POSITION_WORDS} words.",
                            "An ask says what you want from the others; an offer says what you give in return.")
    home = roles.loc[role, "chapter"]
    note = "" if chapter == home else f" Your role's home chapter is {home}; make sure you can also defend its model."
    return Feedback(True, f"Position ready for {roles.loc[role, 'team']}.{note} Your instructor marks it with the capstone rubric.")


#: The tasks of the exercise notebook, in order (see :mod:`techdiplomacy.exercises.tasks`).
TASKS = (
    Task("task1", "What is the diplomat doing?", "matching", check_task_matching, "recall", points=1),
    Task("task2", "Today's practices and the essay's avenues", "practices", check_practices, "apply", points=2),
    Task("task3", "Score a body the chapter did not show", "network_score", check_new_design_score, "apply", points=2),
    Task("task4", "Build an institution on a budget", "my_blocks", check_block_design, "create", points=4),
    Task("task5", "Your capstone position", "position", check_capstone_position, "create", points=0, open_answer=True),
)

format_only_in_assessment(globals())

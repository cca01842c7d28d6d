"""Checkers for the technology diplomacy exercise and capstone. Each returns :class:`Feedback`, never raises."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from techdiplomacy.data import load_table
from techdiplomacy.exercises.feedback import PLACEHOLDER, Feedback, is_placeholder, never_crash, word_count
from techdiplomacy.models.technology_diplomacy import CRITERIA, PROFILES, score_design

__all__ = [
    "ACTIVITIES",
    "AVENUE_OPTIONS",
    "check_avenues",
    "check_capstone_position",
    "check_institution_design",
    "check_task_matching",
]

#: Task 1: activities of a technology diplomat, each matching one of the essay's tasks (i)-(iv).
ACTIVITIES: dict[str, str] = {
    "a": "Draft the ministry's position on AI in border surveillance, within national security and ethics rules",
    "b": "Hold hearings with universities, NGOs and journalists so the public understands and accepts that position",
    "c": "Agree with partner agencies on a review process for AI systems that operate across borders",
    "d": "Fund joint research and set up confidence-building measures to put the agreed norms into practice",
}
_ACTIVITY_KEY = {"a": "i", "b": "ii", "c": "iii", "d": "iv"}
#: Task 2: options, some named by the essay as avenues for cooperation, some not.
AVENUE_OPTIONS: tuple[str, ...] = (
    "red_teaming",
    "export_bans",
    "responsible_disclosure",
    "secure_hardware",
    "tariffs_on_chips",
    "prepublication_risk_assessment",
    "data_localisation",
    "best_practice_standards",
)
MIN_JUSTIFICATION_WORDS = 30
MIN_POSITION_WORDS = 15
PASS_SCORE = 60


@never_crash
def check_task_matching(answer: object) -> Feedback:
    """Task 1: match each activity a-d to a diplomat's task numeral i-iv."""
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
        text = str(value).strip().lower().strip("()")
        numeral = by_id.get(text, text)
        if numeral not in _ACTIVITY_KEY.values():
            return Feedback(False, f"{value!r} (for {key}) is not a task numeral.", "Use \"i\", \"ii\", \"iii\" or \"iv\".")
        given[str(key).lower()] = numeral
    wrong = [k for k in sorted(ACTIVITIES) if given[k] != _ACTIVITY_KEY[k]]
    if not wrong:
        return Feedback(True, "Formulate (i), build acceptance (ii), negotiate norms (iii), coordinate implementation (iv): "
                              "the four tasks run from home to abroad and back.")
    labels = dict(zip(tasks["numeral"], tasks["label"]))
    first = wrong[0]
    return Feedback(False, f"{len(wrong)} of 4 not yet right, starting with activity {first}.",
                    f"You matched {first} to '{labels[given[first]]}'. Is the activity about forming a position, "
                    "winning acceptance at home, agreeing norms abroad, or putting norms into practice?")


@never_crash
def check_avenues(answer: object) -> Feedback:
    """Task 2: which of :data:`AVENUE_OPTIONS` the essay names as avenues for cooperation."""
    if is_placeholder(answer):
        return PLACEHOLDER
    named = set(load_table("technology_diplomacy_avenues")["avenue"])
    expected = {o for o in AVENUE_OPTIONS if o in named}
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        return Feedback(False, "Answer with a list of option names in quotes.", "For example: [\"red_teaming\", ...]")
    chosen = {str(a).strip() for a in answer}
    unknown = sorted(chosen - set(AVENUE_OPTIONS))
    if unknown:
        return Feedback(False, f"Not among the options: {', '.join(unknown)}.", f"Choose from: {', '.join(AVENUE_OPTIONS)}.")
    extra, missing = sorted(chosen - expected), sorted(expected - chosen)
    if not extra and not missing:
        return Feedback(True, "These are all practices the essay borrows from security research to prevent malicious use; "
                              "the others are tools of techno-nationalism and protectionism, not of cooperation.")
    parts = []
    if extra:
        parts.append(f"{len(extra)} option(s) you chose are not avenues for cooperation")
    if missing:
        parts.append(f"{len(missing)} avenue(s) are missing")
    hint = ("Export bans, tariffs and data localisation divide ecosystems (think of the fragmentation chapter)."
            if extra else "Look again at the practices borrowed from the cybersecurity community.")
    return Feedback(False, "; ".join(parts) + ".", hint)


@never_crash
def check_institution_design(answer: object) -> Feedback:
    """Task 3: rate your own institution, pick a weighting and justify it; checked for shape and coherence."""
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping) or not {"ratings", "profile", "justification"} <= set(answer):
        return Feedback(False, "Answer with a dictionary with the keys \"ratings\", \"profile\" and \"justification\".",
                        "Start from the example in the instructions.")
    profile = answer["profile"]
    if profile not in PROFILES:
        return Feedback(False, f"Unknown weighting profile {profile!r}.", f"Choose one of: {', '.join(PROFILES)}.")
    try:
        score = score_design(answer["ratings"], profile)
    except ValueError as error:
        return Feedback(False, str(error), f"Rate each of the nine criteria with a whole number from 0 to 4: {', '.join(CRITERIA)}.")
    justification = answer["justification"]
    count = word_count(justification)
    if count < MIN_JUSTIFICATION_WORDS:
        return Feedback(False, f"The justification has {count} words; write at least {MIN_JUSTIFICATION_WORDS}.",
                        "Say who sits at the table, how decisions are made and why you chose your weighting.")
    ratings = answer["ratings"]
    zero = [c for c in CRITERIA if ratings[c] == 0]
    if zero:
        return Feedback(False, f"Your design scores 0 on {', '.join(zero)}; the essay treats each criterion as part of the design.",
                        "Change the design (not only the number) so that it gives at least something on every criterion.")
    if ratings["multi_stakeholder"] < 3:
        return Feedback(False, "The essay's core claim is that governments alone are not enough; your design rates multi-stakeholder below 3.",
                        "Add corporate and citizen diplomats, or technology experts and human rights organisations.")
    if score.total < PASS_SCORE:
        return Feedback(False, f"Your design scores {score.total:.0f} of 100 under {profile}; aim for at least {PASS_SCORE}.",
                        f"Strengthen the weakest criteria: {', '.join(score.weakest)}.")
    mentioned = [c for c in CRITERIA if c.replace("_", " ") in justification.lower() or c.replace("_", "-") in justification.lower()]
    if not mentioned:
        return Feedback(False, "The justification does not mention any criterion by name.",
                        "Refer to at least one criterion, for example critical mass or openness.")
    return Feedback(True, f"Your design scores {score.total:.0f} of 100 under {profile} (weakest: {', '.join(score.weakest)}). "
                          "Bring it to the capstone: the other teams will test its weakest points.")


@never_crash
def check_capstone_position(answer: object) -> Feedback:
    """Capstone preparation: a team's role, the chapter its evidence comes from, its ask and its offer."""
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
    return Feedback(True, f"Position ready for {roles.loc[role, 'team']}.{note}")

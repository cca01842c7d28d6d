"""Checkers for the regulation exercise. Each returns friendly :class:`Feedback`, never raises.

The ladder: task 1 (recall) matches policy statements to the three approaches; task 2 (apply) codes
a charter the essay does not discuss (a fictional country's, written for the course) with the
chapter's four stances; task 3 (judge) recodes one cell of the course's matrix from the evidence and
states how an overlap changes, which the checker recomputes; task 4 (create) drafts a minimal
US-China code under the matrix, with a budget of reservations that conflicts with a demand for
substance. Task 3's written defence is marked by the instructor with the rubric.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from numbers import Real

from techdiplomacy.exercises.feedback import NOT_ANSWERED, PLACEHOLDER, Feedback, is_placeholder, never_crash, open_answer_problem
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.regulation import (
    LEVEL_LABELS,
    LEVELS,
    PRINCIPLES,
    STANCES,
    approach_of,
    cell,
    matrix,
    overlap,
)

__all__ = [
    "CHARTER",
    "CODE_PAIR",
    "MAX_RESERVATIONS",
    "MIN_PRINCIPLES",
    "RECODING_KEYS",
    "STATEMENTS",
    "TASKS",
    "check_all_matches",
    "check_charter_coding",
    "check_common_code",
    "check_match",
    "check_recoding",
]

#: Task 1: policy statements written for the course (not quotations), each typical of one approach.
STATEMENTS: dict[str, dict[str, str]] = {
    "1": {
        "text": "Before any binding rules, an advisory committee will study AI's effects on jobs and privacy; "
                "meanwhile firms publish voluntary codes of conduct.",
        "jurisdiction": "us",
        "why": "an advisory committee (as in the 2017 FUTURE of AI Act proposal) plus voluntary codes is the US path",
    },
    "2": {
        "text": "Anyone subject to an automated decision keeps binding data-protection rights, and trustworthy AI "
                "needs human oversight, traceability and non-discrimination.",
        "jurisdiction": "eu",
        "why": "binding rights (GDPR) and the expert group's requirements for trustworthy AI are the EU's rights-based path",
    },
    "3": {
        "text": "AI ethics must serve the harmony and welfare of society as a whole; industry, backed by government "
                "bodies, drafts standards for driverless cars and robots.",
        "jurisdiction": "china",
        "why": "putting society before individuals (the Beijing AI principles) and standards drafted by industry with "
               "government support are China's route",
    },
    "4": {
        "text": "Companies may tell consumers when AI makes a sensitive decision, but disclosing their algorithms "
                "would clash with trade secrets, so transparency stays voluntary.",
        "jurisdiction": "us",
        "why": "voluntary disclosure (a mechanism the UK's House of Lords asked industry to set up) and firms invoking "
               "trade secrets against transparency (as Microsoft and Alphabet do in the essay) reflect reliance on "
               "self-regulation, the US route",
    },
}
_NAMES = {
    "us": ("us", "usa", "unitedstates", "america", "unitedstatesofamerica", "selfregulation"),
    "eu": ("eu", "europe", "europeanunion", "rightsbased", "gdpr"),
    "china": ("china", "prc", "cn", "peoplesrepublicofchina", "beijing"),
}
_HINTS = {
    "us": "Which jurisdiction prefers voluntary codes and studying before regulating?",
    "eu": "Which jurisdiction builds on binding rights and requirements for trustworthy AI?",
    "china": "Which jurisdiction's principles put society before the individual?",
}


def _jurisdiction(answer: object) -> str | None:
    if not isinstance(answer, str):
        return None
    key = re.sub(r"[^a-z]", "", answer.lower())
    for code, names in _NAMES.items():
        if key in names:
            return code
    return None


@never_crash
def check_match(statement: object, answer: object) -> Feedback:
    """Task 1: match statement ``"1"``-``"4"`` to ``"US"``, ``"EU"`` or ``"China"``."""
    key = str(statement).strip() if isinstance(statement, (str, int)) and not isinstance(statement, bool) else None
    if key not in STATEMENTS:
        return Feedback(False, f"{statement!r} is not one of the statements.", "Use \"1\", \"2\", \"3\" or \"4\".")
    item = STATEMENTS[key]
    if answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip()):
        return Feedback(False, "You have not answered yet.", "Replace ... with \"US\", \"EU\" or \"China\".")
    code = _jurisdiction(answer)
    if code is None:
        return Feedback(False, f"I do not recognise {answer!r} as a jurisdiction.", "Answer \"US\", \"EU\" or \"China\".")
    if code == item["jurisdiction"]:
        return Feedback(True, f"Well spotted: {item['why']}.")
    return Feedback(False, f"Good try, but statement {key} fits {approach_of(item['jurisdiction'])} better than "
                           f"{approach_of(code)}.", _HINTS[item["jurisdiction"]])


@never_crash
def check_all_matches(answers: object) -> Feedback:
    """Task 1 in one go: a dict from statement number to jurisdiction."""
    if answers is None or answers is Ellipsis:
        return NOT_ANSWERED
    if not isinstance(answers, Mapping):
        return Feedback(False, "Answer with a dictionary such as {\"1\": \"US\", \"2\": \"EU\", ...}.", "One entry per statement.")
    results = {key: check_match(key, answers.get(key, answers.get(int(key)))) for key in STATEMENTS}
    right = [k for k, fb in results.items() if fb.correct]
    if len(right) == len(STATEMENTS):
        return Feedback(True, f"All {len(STATEMENTS)} statements matched.")
    wrong = [k for k in STATEMENTS if k not in right]
    first = results[wrong[0]]
    return Feedback(False, f"{len(right)} of {len(STATEMENTS)} matched; check statement(s) {', '.join(wrong)}.",
                    first.hint or first.message)


# --- Task 2 (apply): code a charter the essay does not discuss ---------------------------------

#: A fictional country's AI charter, written for the course (not a real text). Each clause maps to
#: a principle; the course's coding and its reason follow.
CHARTER: dict[str, str] = {
    "1": "Artificial intelligence shall serve the prosperity and wellbeing of every resident.",
    "2": "Providers shall test high-risk systems for safety before release, except systems used for public security.",
    "3": "Credit-scoring systems shall be retrained every year on data drawn from every region of the country.",
    "4": "Public agencies shall publish, for each algorithm they use, the criteria on which it decides.",
    "5": "Automated systems shall make public services faster and cheaper.",
}
_CHARTER_CODING: dict[str, str] = {
    "beneficence": "explicit",
    "non_maleficence": "qualified",
    "autonomy": "not mentioned",
    "justice": "implied",
    "explicability": "explicit",
}
#: Feedback on each plausible wrong stance: the misconception it suggests.
_CHARTER_WHY: dict[str, dict[str, str]] = {
    "beneficence": {
        "right": "clause 1 names wellbeing as AI's purpose: the principle itself, so explicit",
        "implied": "clause 1 does not merely serve wellbeing, it names it as the goal: that is explicit",
        "qualified": "nothing in the charter limits clause 1; 'qualified' needs an exception or a contradiction",
        "not mentioned": "reread clause 1: prosperity and wellbeing are what beneficence asks for",
    },
    "non_maleficence": {
        "right": "clause 2 requires safety tests but exempts public-security systems: present, then limited, so qualified",
        "explicit": "safety testing is named, but the exception for public security limits it; that limit is what 'qualified' records",
        "implied": "safety testing is a named rule, not something you infer; what weakens it is the exception, so qualified",
        "not mentioned": "clause 2 is about preventing harm (safety tests)",
    },
    "autonomy": {
        "right": "no clause keeps a person deciding or lets people contest a decision, so not mentioned",
        "explicit": "faster and cheaper services say nothing about who decides; do not code a principle from a clause about efficiency",
        "implied": "clause 5 is about speed and cost, not about people keeping the power to decide; nothing implies it",
        "qualified": "'qualified' needs the principle to be present and then limited; here it is absent altogether",
    },
    "justice": {
        "right": "retraining on data from every region serves fair treatment of all applicants without naming fairness, so implied",
        "explicit": "the charter never names fairness, bias or discrimination; representative data serves fairness without naming it",
        "qualified": "nothing limits clause 3; the question is only whether it names or merely serves fairness",
        "not mentioned": "why would a lender retrain on data from every region? Think of what unrepresentative data does to some applicants",
    },
    "explicability": {
        "right": "publishing each algorithm's decision criteria is transparency required in so many words, so explicit",
        "implied": "clause 4 does not just help transparency, it requires it directly: explicit",
        "qualified": "clause 4 has no exception; nothing limits it",
        "not mentioned": "clause 4 makes agencies publish how their algorithms decide",
    },
}
_PRINCIPLE_NAMES = {
    "beneficence": "beneficence",
    "nonmaleficence": "non_maleficence",
    "autonomy": "autonomy",
    "powertodecide": "autonomy",
    "thepowertodecide": "autonomy",
    "justice": "justice",
    "explicability": "explicability",
}


def _principle(answer: object) -> str | None:
    if not isinstance(answer, str):
        return None
    return _PRINCIPLE_NAMES.get(re.sub(r"[^a-z]", "", answer.lower()))


def _stance(answer: object) -> str | None:
    if not isinstance(answer, str):
        return None
    key = re.sub(r"[^a-z ]", " ", answer.lower())
    key = " ".join(key.split())
    return {"notmentioned": "not mentioned", "none": "not mentioned", "absent": "not mentioned"}.get(
        key.replace(" ", ""), key if key in STANCES else None
    )


def _label(principle: str) -> str:
    return principle.replace("_", "-")


_SHORT = {"us": "US", "eu": "EU", "china": "China"}


def _side(jurisdiction: str) -> str:
    return _SHORT[jurisdiction]


@never_crash
def check_charter_coding(answer: object) -> Feedback:
    """Task 2: a dict from each of the five principles to the stance the charter takes on it."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, 'Answer with a dictionary such as {"beneficence": "explicit", ...}.',
                        f"One entry per principle; stances: {', '.join(STANCES)}.")
    coded: dict[str, str] = {}
    for key, value in answer.items():
        principle = _principle(key)
        if principle is None:
            return Feedback(False, f"I do not recognise {key!r} as one of the five principles.",
                            f"Use: {', '.join(PRINCIPLES)}.")
        stance = _stance(value)
        if stance is None:
            return Feedback(False, f"{value!r} (for {_label(principle)}) is not a stance.", f"Use one of: {', '.join(STANCES)}.")
        coded[principle] = stance
    missing = [p for p in PRINCIPLES if p not in coded]
    if missing:
        return Feedback(False, f"Code every principle; missing: {', '.join(map(_label, missing))}.",
                        "A principle no clause speaks to is coded 'not mentioned'.")
    wrong = [p for p in PRINCIPLES if coded[p] != _CHARTER_CODING[p]]
    if not wrong:
        reasons = "; ".join(f"{_label(p)}: {_CHARTER_WHY[p]['right']}" for p in PRINCIPLES)
        return Feedback(True, f"All five cells coded as the course does. {reasons}.")
    if len(set(coded.values())) == 1:
        return Feedback(False, f"You gave every principle the same stance ({coded[PRINCIPLES[0]]}); the five clauses "
                               "do not speak to the principles equally.",
                        "Take one principle at a time: which clause speaks to it, does it name it, and does anything limit it?")
    first = wrong[0]
    return Feedback(False, f"{len(PRINCIPLES) - len(wrong)} of 5 right. {_label(first).capitalize()}: "
                           f"{_CHARTER_WHY[first][coded[first]]}.",
                    f"Also check: {', '.join(map(_label, wrong[1:]))}." if wrong[1:] else
                    "Use the chapter's definitions: explicit = named; implied = served but not named; qualified = present but limited.")


# --- Task 3 (judge): recode one cell and state how an overlap changes -------------------------

RECODING_KEYS: tuple[str, ...] = ("principle", "jurisdiction", "stance", "evidence", "pair", "level",
                                   "overlap_before", "overlap_after", "defence")
MIN_DEFENCE_WORDS = 40
MIN_EVIDENCE_WORDS = 4


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _contains(haystack: str, needle: str) -> bool:
    return f" {' '.join(_words(needle))} " in f" {' '.join(_words(haystack))} "


def _share(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            number = float(text.rstrip("%").strip())
        except ValueError:
            return None
        return number / 100 if text.endswith("%") or number > 1 else number
    if isinstance(value, Real):
        number = float(value)
        return number / 100 if number > 1 else number
    return None


@never_crash
def check_recoding(answer: object) -> Feedback:
    """Task 3: recode one cell, cite the evidence for the new stance and state the overlap before and after.

    The checker recomputes the overlap of ``pair`` at ``level`` with and without the recoding, checks
    the stated values, checks that the cited words come from the cell's ``evidence`` (when the stance
    is raised) or ``limits`` (when it is lowered), and that the defence is a real paragraph; the
    instructor marks the defence itself.
    """
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with the dictionary of the template (principle, jurisdiction, stance, ...).",
                        "Copy the template cell and fill in every value.")
    if is_placeholder(answer):
        return PLACEHOLDER
    missing = [k for k in RECODING_KEYS if k not in answer]
    if missing:
        return Feedback(False, f"The dictionary lacks {', '.join(missing)}.", "Keep every key of the template.")
    principle, jurisdiction = _principle(answer["principle"]), _jurisdiction(answer["jurisdiction"])
    if principle is None:
        return Feedback(False, f"{answer['principle']!r} is not one of the five principles.", f"Use: {', '.join(PRINCIPLES)}.")
    if jurisdiction is None:
        return Feedback(False, f"{answer['jurisdiction']!r} is not a jurisdiction of the matrix.", "Use \"US\", \"EU\" or \"China\".")
    stance = _stance(answer["stance"])
    if stance is None:
        return Feedback(False, f"{answer['stance']!r} is not a stance.", f"Use one of: {', '.join(STANCES)}.")
    current = cell(principle, jurisdiction)
    if stance == current["stance"]:
        return Feedback(False, f"{stance!r} is already the course's coding of {_label(principle)} for {_side(jurisdiction)}; "
                               "recoding means choosing a different stance.",
                        "Read the cell's evidence and limits: which way could a careful reader push it?")
    pair = answer["pair"]
    if isinstance(pair, str) or not isinstance(pair, (list, tuple)) or len(pair) != 2:
        return Feedback(False, "Give the pair as two jurisdictions, for example (\"EU\", \"China\").", "Two names in brackets.")
    a, b = (_jurisdiction(x) for x in pair)
    if a is None or b is None or a == b:
        return Feedback(False, f"{pair!r} is not a pair of two different jurisdictions.", "For example (\"EU\", \"China\").")
    if jurisdiction not in (a, b):
        return Feedback(False, f"Your recoded cell belongs to {_side(jurisdiction)}, which is not in the pair {pair!r}, "
                               "so the recoding cannot change that pair's overlap.",
                        f"Choose a pair that includes {_side(jurisdiction)}.")
    level = answer["level"]
    if isinstance(level, str):
        labels = {label.lower(): key for key, label in LEVEL_LABELS.items()}
        level = labels.get(level.strip().lower(), level.strip().lower())
    if level not in LEVELS:
        return Feedback(False, f"{level!r} is not a level.", f"Use one of: {', '.join(LEVELS)}.")
    recode = {(principle, jurisdiction): stance}
    before, after = overlap(a, b, level)["jaccard"], overlap(a, b, level, recode)["jaccard"]
    if abs(before - after) < 1e-9:
        counted = [s for s in LEVELS[level]]
        return Feedback(False, f"At the level '{level}' this recoding does not change the overlap of the pair "
                               f"(it stays {before:.0%}): the cell counts, or does not count, either way.",
                        f"At this level only {', '.join(counted)} count. Pick a level at which your change moves the cell "
                        "across that line, or a different pair.")
    said_before, said_after = _share(answer["overlap_before"]), _share(answer["overlap_after"])
    if said_before is None or said_after is None:
        return Feedback(False, "Give overlap_before and overlap_after as shares (0.4) or percentages (\"40%\").",
                        "Use overlap(a, b, level) and overlap(a, b, level, recode) to compute them.")
    if abs(said_before - before) > 0.011:
        return Feedback(False, f"overlap_before is {said_before:.0%}, but with the course's matrix the pair overlaps "
                               f"differently at the level '{level}'.",
                        "Compute it with overlap(a, b, level) before you change anything.")
    if abs(said_after - after) > 0.011:
        hint = ("You stated no change, but the cell crosses the level's line." if abs(said_after - before) < 0.011 else
                "Count again: after the recoding, which principles do both address, and which does either address?")
        return Feedback(False, f"overlap_after is {said_after:.0%}, which is not what your recoding gives.", hint)
    evidence = answer["evidence"]
    raised = STANCES.index(stance) < STANCES.index(current["stance"])
    column, other = ("evidence", "limits") if raised else ("limits", "evidence")
    if not isinstance(evidence, str) or len(_words(evidence)) < MIN_EVIDENCE_WORDS:
        return Feedback(False, f"Cite at least {MIN_EVIDENCE_WORDS} consecutive words from the cell's {column}.",
                        f"Read cell({_label(principle)!r}, {jurisdiction!r}) and copy the words your stance rests on.")
    if not _contains(current[column], evidence):
        if _contains(current[other], evidence):
            direction = "raise" if raised else "lower"
            return Feedback(False, f"Those words come from the cell's {other}, which argues the other way: you {direction} "
                                   f"the stance from {current['stance']} to {stance}, so cite what supports that move.",
                            f"Cite words from the cell's {column}.")
        return Feedback(False, f"I cannot find those words in the cell's {column}.",
                        f"Copy at least {MIN_EVIDENCE_WORDS} consecutive words from cell({principle!r}, {jurisdiction!r})[{column!r}].")
    problem = open_answer_problem(answer["defence"], MIN_DEFENCE_WORDS,
                                  "Defend your reading from the essay's words and say what the overlap change means for a common code.",
                                  noun="defence")
    if problem is not None:
        return problem
    names = {principle, _label(principle), principle.replace("_", " "), *(["power to decide"] if principle == "autonomy" else [])}
    if not any(name in answer["defence"].lower() for name in names):
        return Feedback(False, f"Your defence never names the principle you recode ({_label(principle)}).",
                        "Say which words of the essay make you read this cell differently, and what that means for the pair.")
    change = "rises" if after > before else "falls"
    return Feedback(True, f"Consistent: recoding {_label(principle)} for {_side(jurisdiction)} from {current['stance']} to "
                          f"{stance} moves the overlap of {_side(a)} and {_side(b)} at the level '{LEVEL_LABELS[level]}' "
                          f"from {before:.0%} to {after:.0%} (it {change}), and your evidence comes from the cell's {column}. "
                          "Your instructor marks the defence with the rubric.")


# --- Task 4 (create): a minimal US-China code under the matrix --------------------------------

#: Task 4's rules, the course's illustrative negotiation assumptions.
CODE_PAIR: tuple[str, str] = ("us", "china")
MIN_PRINCIPLES = 2
MAX_RESERVATIONS = 3


def _needs_reservation(principle: str, jurisdiction: str) -> bool | None:
    """False if the side signs freely, True if only with a reservation, None if it cannot sign."""
    stance = matrix().loc[principle, jurisdiction]
    if stance == "not mentioned":
        return None
    return stance == "qualified"


@never_crash
def check_common_code(answer: object) -> Feedback:
    """Task 4: a dict from each principle in the US-China code to the sides that sign it with a reservation.

    Rules (illustrative): a side cannot sign a principle it is 'not mentioned' on; it signs an explicit
    or implied principle freely and a qualified one only with a written reservation; the code holds at
    least ``MIN_PRINCIPLES`` principles and at most ``MAX_RESERVATIONS`` reservations in all, and is
    minimal (no principle could be dropped without falling short).
    """
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, 'Answer with a dictionary such as {"justice": ["us"], ...}.',
                        "Keys: the principles in the code; values: the list of sides that need a reservation ([] if none).")
    code: dict[str, set[str]] = {}
    for key, sides in answer.items():
        principle = _principle(key)
        if principle is None:
            return Feedback(False, f"I do not recognise {key!r} as one of the five principles.", f"Use: {', '.join(PRINCIPLES)}.")
        if isinstance(sides, str) or not isinstance(sides, (list, tuple, set)):
            return Feedback(False, f"The value for {_label(principle)} should be a list of sides, e.g. [\"China\"] or [].",
                            "List the sides that can sign this principle only with a reservation.")
        names = {_jurisdiction(side) for side in sides}
        if None in names or not names <= set(CODE_PAIR):
            return Feedback(False, f"The sides for {_label(principle)} must be \"US\" and/or \"China\".",
                            "Only the two negotiating sides can enter reservations.")
        code[principle] = names
    unsignable = [p for p in code if any(_needs_reservation(p, side) is None for side in CODE_PAIR)]
    if unsignable:
        p = unsignable[0]
        side = next(s for s in CODE_PAIR if _needs_reservation(p, s) is None)
        return Feedback(False, f"{_label(p).capitalize()} cannot be in the code: the matrix codes it 'not mentioned' for "
                               f"{_side(side)}, so that side has no basis at home to sign it.",
                        "Drop every principle on which either side is 'not mentioned'.")
    for p, sides in code.items():
        needed = {s for s in CODE_PAIR if _needs_reservation(p, s)}
        if sides != needed:
            extra, lacking = sides - needed, needed - sides
            if lacking:
                s = sorted(lacking)[0]
                return Feedback(False, f"{_side(s)} is 'qualified' on {_label(p)}: it can sign only with a reservation.",
                                "A qualified stance (present but limited) needs a reservation; explicit or implied does not.")
            s = sorted(extra)[0]
            return Feedback(False, f"{_side(s)} is '{matrix().loc[p, s]}' on {_label(p)}: it signs without a reservation.",
                            "Only qualified stances need a reservation.")
    reservations = sum(len(sides) for sides in code.values())
    if len(code) < MIN_PRINCIPLES:
        return Feedback(False, f"A code of {len(code)} principle(s) is a photo opportunity, not a code: it needs at least "
                               f"{MIN_PRINCIPLES}.", "Add the principles that cost the fewest reservations.")
    if reservations > MAX_RESERVATIONS:
        return Feedback(False, f"Your code carries {reservations} reservations; the budget is {MAX_RESERVATIONS}. "
                               "Each reservation weakens what the code commits either side to.",
                        "Which signable principle needs the fewest reservations? Build around it.")
    if len(code) > MIN_PRINCIPLES:
        return Feedback(False, "Within the rules, but not minimal: a smaller code would also meet them.",
                        f"Keep exactly {MIN_PRINCIPLES} principles.")
    listed = ", ".join(f"{_label(p)} ({' and '.join(sorted(_side(s) for s in sides)) + ' with reservation' if sides else 'no reservation'})"
                       for p, sides in code.items())
    return Feedback(True, f"A minimal code both can sign: {listed}; {reservations} reservations in all. Justice and "
                          "beneficence are out because one side is silent on each; no third principle fits the budget. "
                          "Notice how thin agreement is once the matrix records the essay's doubts about China.")


TASKS = (
    Task("task1", "Match each statement to a jurisdiction", "matches", check_all_matches, "recall", points=1),
    Task("task2", "Code a charter the essay does not discuss", "charter_coding", check_charter_coding, "apply", points=2),
    Task("task3", "Recode one cell and defend the new overlap", "recoding", check_recoding, "create", points=3,
         text_fields=("defence",)),
    Task("task4", "Draft a minimal US-China code", "common_code", check_common_code, "create", points=3),
)

format_only_in_assessment(globals(), also=("check_match",))

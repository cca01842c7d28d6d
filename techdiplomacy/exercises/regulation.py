"""Checkers for the regulation exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

import re
from collections.abc import Mapping
from numbers import Real

from techdiplomacy.exercises.feedback import NOT_ANSWERED, Feedback, never_crash
from techdiplomacy.models.regulation import approach_of, overlap

__all__ = ["STATEMENTS", "check_all_matches", "check_match", "check_overlap"]

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
        "why": "putting society before individuals and industry-led standards with state support match the Beijing principles",
    },
    "4": {
        "text": "Companies may tell consumers when AI makes a sensitive decision, but disclosing their algorithms "
                "would clash with trade secrets, so transparency stays voluntary.",
        "jurisdiction": "us",
        "why": "voluntary disclosure and firms invoking IP against transparency reflect the US reliance on self-regulation",
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


@never_crash
def check_overlap(answer: object) -> Feedback:
    """Task 2: the overlap (Jaccard) of the US and the EU when only explicit statements count."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    expected = float(overlap("us", "eu", "explicit")["jaccard"])
    if isinstance(answer, str):
        text = answer.strip().rstrip("%").strip()
        try:
            value = float(text) / (100 if answer.strip().endswith("%") else 1)
        except ValueError:
            return Feedback(False, f"{answer!r} is not a number.", "Answer with a share such as 0.5 or a percentage such as \"50%\".")
    elif isinstance(answer, bool) or not isinstance(answer, Real):
        return Feedback(False, "Answer with a number such as 0.5.", "Count shared principles and divide by those addressed by either.")
    else:
        value = float(answer)
    if value > 1:
        value /= 100  # the student gave a percentage
    if abs(value - expected) < 0.011:
        return Feedback(True, f"{expected:.0%}: only justice is named explicitly on both sides; the EU names all five.")
    return Feedback(False, f"{value:.0%} is not the overlap at the strictest level.",
                    "Set the menu to 'Only principles named explicitly' and read the United States & European Union bar.")

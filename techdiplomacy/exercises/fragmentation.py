"""Checkers for the fragmentation exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

import re
from numbers import Real

from techdiplomacy.exercises.feedback import NOT_ANSWERED, Feedback, never_crash, open_answer_problem
from techdiplomacy.models.fragmentation import STAGE_LABELS, STAGES, functional_diversity

__all__ = ["EVENTS", "check_functional_level", "check_justification", "check_stage"]

#: The new events of task 1 (not in the essay), the stage each belongs to and why.
EVENTS: dict[str, dict[str, str]] = {
    "A": {
        "text": "A government lets foreign AI cloud services operate only if they keep citizens' data on local "
                "servers and work through a domestic partner company.",
        "stage": "techno_nationalism",
        "why": "conditions on market access such as server location, local partners and access to data are what "
               "the essay lists under techno-nationalism",
    },
    "B": {
        "text": "After a rival's market stays closed, a country bars that rival's telecom vendor from its networks "
                "and adds a tax on the rival's online platforms.",
        "stage": "protectionism",
        "why": "vendor bans and new taxes in retaliation for a closed market are the essay's marks of protectionism",
    },
    "C": {
        "text": "Two blocs adopt incompatible AI safety standards, so a model certified in one cannot be sold or "
                "connected in the other, and users in each see different AI services.",
        "stage": "fragmentation",
        "why": "non-interoperable technology spheres and different services in different territories mark fragmentation",
    },
}
_ALIASES = {
    "techno_nationalism": ("technonationalism", "technologicalnationalism", "nationalism", "1", "stage1", "first", "i"),
    "protectionism": ("protectionism", "protection", "2", "stage2", "second", "ii"),
    "fragmentation": ("fragmentation", "fragmented", "3", "stage3", "third", "iii"),
}
_CLUES = {
    "techno_nationalism": "Look for conditions a state sets on who may take part in its own market.",
    "protectionism": "Look for measures that shut out or penalise foreign firms after the fact (bans, tariffs, taxes).",
    "fragmentation": "Look for systems that no longer work together across borders.",
}
MIN_WORDS = 20
_KEYWORDS = ("server", "local", "data", "partner", "condition", "independ", "ban", "veto", "tariff", "tax", "retali",
             "subsid", "interoper", "standard", "incompatib", "sphere", "separate", "different services", "closed")


def _stage_of(answer: object) -> str | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int):
        answer = str(answer)
    if not isinstance(answer, str):
        return None
    key = re.sub(r"[^a-z0-9]", "", answer.lower())
    if key == "technonationalism" or key.startswith("techno"):
        return "techno_nationalism"
    for stage, aliases in _ALIASES.items():
        if key in aliases:
            return stage
    return None


@never_crash
def check_stage(event: object, answer: object) -> Feedback:
    """Task 1: place event ``"A"``, ``"B"`` or ``"C"`` on one of the three stages."""
    if not isinstance(event, str) or event.strip().upper() not in EVENTS:
        return Feedback(False, f"{event!r} is not one of the events.", "Use \"A\", \"B\" or \"C\" as the first argument.")
    item = EVENTS[event.strip().upper()]
    if answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip()):
        return Feedback(False, "You have not answered yet.", "Replace ... with a stage name in quotes, e.g. \"protectionism\".")
    stage = _stage_of(answer)
    if stage is None:
        options = ", ".join(f'"{STAGE_LABELS[s].lower()}"' for s in STAGES)
        return Feedback(False, f"I do not recognise {answer!r} as a stage.", f"Answer with one of {options}.")
    if stage == item["stage"]:
        return Feedback(True, f"{STAGE_LABELS[stage]}: {item['why']}.")
    return Feedback(False, f"{STAGE_LABELS[stage]} is not the best fit for event {event.strip().upper()}.", _CLUES[item["stage"]])


@never_crash
def check_justification(answer: object) -> Feedback:
    """Task 1 (open): a justification of one placement; checked for substance, graded with the rubric."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    problem = open_answer_problem(answer, MIN_WORDS, "Name the stage, the feature of the event that marks it, and the essay's "
                                  "description of that stage.", noun="justification")
    if problem is not None:
        return problem
    if not any(k in answer.lower() for k in _KEYWORDS):
        return Feedback(False, "Your justification does not yet point to a feature of the event.",
                        "Quote the detail that decides it: a market-access condition, a ban or tax, or a loss of interoperability.")
    return Feedback(True, "Your justification names a concrete feature; your instructor will assess it with the rubric.")


@never_crash
def check_functional_level(answer: object) -> Feedback:
    """Task 2: the functional level of diversity in the illustrative model at interoperability 0.5."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    expected = functional_diversity(0.5)
    if isinstance(answer, bool) or not isinstance(answer, Real):
        return Feedback(False, "Answer with a number between 0 and 1, for example 0.3.",
                        "Call functional_diversity(0.5) or read the peak of the curve with the slider at 0.5.")
    value = float(answer)
    if not 0 <= value <= 1:
        return Feedback(False, f"{value:g} is outside the diversity scale, which runs from 0 to 1.",
                        "Diversity is a share: 0 is one uniform approach, 1 fully separate ones.")
    if abs(value - expected) <= 0.03:
        baseline = functional_diversity(0.0)
        return Feedback(True, f"About {expected:.2f}: higher than the {baseline:.2f} without interoperability, so better "
                              "interoperability lets an ecosystem sustain more diversity before it pays a price.")
    direction = "higher" if value < expected else "lower"
    return Feedback(False, f"{value:g} is not the peak of the curve at interoperability 0.5.",
                    f"The peak is a little {direction}; move the interoperability slider to 0.5 and find the top of the curve.")

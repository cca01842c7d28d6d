"""Checkers for the fragmentation exercise. Each returns friendly :class:`Feedback`, never raises.

The exercise climbs the ladder: classify events from after the essay by stage (task 1, apply),
justify one placement (task 2, open), design an interoperability policy that keeps innovation in
the functional band under a security demand and a budget (task 3, create), and judge what the
other essays' co-authorship evidence shows about the essay's warning (task 4, open).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from numbers import Real

from techdiplomacy.exercises.feedback import (
    PLACEHOLDER,
    Feedback,
    is_placeholder,
    judge_open_answer,
    never_crash,
)
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.fragmentation import STAGE_LABELS, STAGES, functional_diversity, functional_range, innovation

__all__ = [
    "EVENTS",
    "INTEROPERABILITY_CAP",
    "MIN_DIVERSITY",
    "TASKS",
    "check_evidence_verdict",
    "check_justification",
    "check_policy",
    "check_stages",
    "policy_report",
]

#: The events of task 1. None is in the essay: all happened after it or outside its examples. The
#: stage is the course's classification with the markers of the chapter; ``wrong`` explains the
#: likely misconception behind each other stage.
EVENTS: dict[str, dict[str, object]] = {
    "A": {
        "text": "2019: China's state-backed National Integrated Circuit Industry Investment Fund raises a second round of "
                "about 200 billion yuan to build domestic chip firms and reduce reliance on foreign suppliers.",
        "stage": "techno_nationalism",
        "why": "state-led investment aimed at technological independence is what marks techno-nationalism; the event "
               "shuts no one out and splits no systems",
        "wrong": {
            "protectionism": "Nothing here bars, taxes or penalises a foreign firm: the state invests in its own. Protectionism "
                             "is the retaliation and defence that follows.",
            "fragmentation": "Home-grown chips may one day feed separate ecosystems, but the event itself is an investment "
                             "plan, not systems that no longer work together.",
        },
    },
    "B": {
        "text": "October 2022: the United States restricts exports of advanced AI chips and chip-making equipment to China.",
        "stage": "protectionism",
        "why": "a state restricts trade with a rival on economic and security grounds, like the essay's US ban on certain "
               "high-tech exports, which the course places under protectionism",
        "wrong": {
            "techno_nationalism": "Techno-nationalism is a state building up and closing its own market; here a state shuts a "
                                  "rival out of what it sells. That is the defensive, retaliatory second stage.",
            "fragmentation": "The restriction may push China toward its own chips and software, but the event is the barrier, "
                             "not yet separate systems that cannot work together: that would be the next stage.",
        },
    },
    "C": {
        "text": "August 2022: the US CHIPS and Science Act offers about 39 billion dollars in subsidies for chip factories "
                "built in the United States.",
        "stage": "protectionism",
        "why": "subsidies and buy-local support for domestic industry are forms the new protectionism may take, as the essay reports, "
               "and the course places an event at the furthest stage its markers reach",
        "wrong": {
            "techno_nationalism": "State money for domestic industry looks like the state leading investment, the first stage. "
                                  "But the essay reports that the new protectionism may take the form of bailouts, subsidies and buy-local rules, "
                                  "and the course's rule takes the furthest stage any marker reaches.",
            "fragmentation": "Factories at home do not by themselves make systems incompatible across borders.",
        },
    },
    "D": {
        "text": "2023: ChatGPT is not offered in China, Chinese firms launch their own chatbots after government approval, "
                "and users in China and in Europe see different AI assistants.",
        "stage": "fragmentation",
        "why": "users in different territories see different applications and services, the essay's own sign of "
               "fragmentation (as with Chinese apps behind the Great Firewall)",
        "wrong": {
            "protectionism": "The split may have begun with barriers, but what the event describes is its result: separate "
                             "ecosystems of services, and the course's rule takes the furthest stage.",
            "techno_nationalism": "Approval rules for domestic chatbots are a market condition, but the event's decisive "
                                  "feature is that the two publics use different services: the furthest stage wins.",
        },
    },
}
_ALIASES = {
    "techno_nationalism": ("technonationalism", "technologicalnationalism", "nationalism", "1", "stage1", "first", "i"),
    "protectionism": ("protectionism", "protection", "2", "stage2", "second", "ii"),
    "fragmentation": ("fragmentation", "fragmented", "3", "stage3", "third", "iii"),
}
MIN_WORDS = 20
MIN_VERDICT_WORDS = 40
_KEYWORDS = ("server", "local", "data", "partner", "condition", "independ", "ban", "veto", "tariff", "tax", "retali",
             "subsid", "interoper", "standard", "incompatib", "sphere", "separate", "different services", "closed",
             "export", "invest", "chip", "chatbot", "assistant")

#: Task 3: the security agency's minimum diversity and the treasury's cap on interoperability.
MIN_DIVERSITY = 0.7
INTEROPERABILITY_CAP = 0.7


def _stage_of(answer: object) -> str | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int):
        answer = str(answer)
    if not isinstance(answer, str):
        return None
    key = re.sub(r"[^a-z0-9]", "", answer.lower())
    if key.startswith("techno"):
        return "techno_nationalism"
    for stage, aliases in _ALIASES.items():
        if key in aliases:
            return stage
    return None


@never_crash
def check_stages(answer: object) -> Feedback:
    """Task 1 (apply): a dictionary placing events ``"A"`` to ``"D"`` on a stage each."""
    if answer is None or is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary from event letter to stage.",
                        'For example: {"A": "protectionism", "B": "protectionism", "C": "protectionism", "D": "protectionism"}')
    given = {str(k).strip().upper(): v for k, v in answer.items()}
    missing = [e for e in EVENTS if e not in given]
    if missing:
        return Feedback(False, f"Your dictionary has no stage for event(s) {', '.join(missing)}.", "Place all four events.")
    stages = {e: _stage_of(given[e]) for e in EVENTS}
    unknown = [e for e, s in stages.items() if s is None]
    if unknown:
        options = ", ".join(f'"{STAGE_LABELS[s].lower()}"' for s in STAGES)
        return Feedback(False, f"I do not recognise the stage given for event(s) {', '.join(unknown)}.", f"Answer with one of {options}.")
    wrong = [e for e in EVENTS if stages[e] != EVENTS[e]["stage"]]
    if not wrong:
        return Feedback(True, "All four placed as the course does. " + " ".join(
            f"{e}: {STAGE_LABELS[str(EVENTS[e]['stage'])]}, because {EVENTS[e]['why']}." for e in EVENTS))
    first = wrong[0]
    explanation = EVENTS[first]["wrong"][stages[first]]  # type: ignore[index]
    more = f" Event(s) {', '.join(wrong[1:])} also not yet placed as the course does." if len(wrong) > 1 else ""
    right = len(EVENTS) - len(wrong)
    return Feedback(False, f"{right} of {len(EVENTS)} placed as the course does. Event {first} is not "
                           f"{STAGE_LABELS[str(stages[first])].lower()}: {explanation}{more}",
                    "Compare each event with the markers table of the chapter and take the furthest stage any marker reaches.")


@never_crash
def check_justification(answer: object) -> Feedback:
    """Task 2 (open): a justification of one placement; checked for substance, graded with the rubric."""
    return judge_open_answer(
        answer, MIN_WORDS, "Name the stage, the feature of the event that marks it, and the essay's description of that stage.",
        [(_KEYWORDS, "Your justification does not yet point to a feature of the event.",
          "Quote the detail that decides it: an investment plan, a ban or subsidy, or a loss of interoperability.")],
        "Your justification names a concrete feature; your instructor will assess it with the rubric.",
        noun="justification",
    )


def policy_report(diversity: float, interoperability: float) -> dict[str, float]:
    """Innovation, peak and functional band of a policy in the illustrative model (raises on bad input)."""
    low, high = functional_range(interoperability)
    return {
        "innovation": round(innovation(diversity, interoperability), 3),
        "peak_diversity": functional_diversity(interoperability),
        "band_low": low,
        "band_high": high,
    }


@never_crash
def check_policy(answer: object) -> Feedback:
    """Task 3 (create): diversity and interoperability that satisfy the security agency, the treasury
    and the functional band of the illustrative model at once."""
    if answer is None or is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary with the keys diversity and interoperability.",
                        'For example: {"diversity": 0.5, "interoperability": 0.5}')
    names = {str(k) for k in answer}
    extra = sorted(names - {"diversity", "interoperability"})
    if extra:
        return Feedback(False, f"Only diversity and interoperability count; remove {', '.join(extra)}.",
                        "The checker computes innovation and the band itself, so a self-assessment earns nothing.")
    missing = [n for n in ("diversity", "interoperability") if n not in names]
    if missing:
        return Feedback(False, f"Your policy does not set {', '.join(missing)}.", "Give both levels.")
    values = {str(k): v for k, v in answer.items()}
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(float(value)):
            return Feedback(False, f"{name} is {value!r}; a level is a number between 0 and 1, not True/False or text.",
                            "0 is none, 1 is full.")
        if not 0 <= float(value) <= 1:
            return Feedback(False, f"{name} = {value:g} is outside the scale from 0 to 1.", "Both levels are shares between 0 and 1.")
    d, i = float(values["diversity"]), float(values["interoperability"])
    report = policy_report(d, i)
    summary = (f"Diversity {d:.2f}, interoperability {i:.2f}: innovation {report['innovation']:+.2f}; at this "
               f"interoperability the functional band runs from {report['band_low']:.2f} to {report['band_high']:.2f}.")
    if i > INTEROPERABILITY_CAP + 1e-9:
        return Feedback(False, f"{summary} The treasury caps interoperability at {INTEROPERABILITY_CAP}.",
                        "Full interoperability would make everything easy, but it is not affordable: find the least you need.")
    if d < MIN_DIVERSITY - 1e-9:
        hint = ("The peak of the curve is not the only functional point: the band reaches above it. Raise interoperability "
                "so that the band's upper edge passes the security agency's minimum."
                if abs(d - report["peak_diversity"]) < 0.05 else
                f"The security agency wants separate, trusted supply chains: diversity at least {MIN_DIVERSITY}.")
        return Feedback(False, f"{summary} Diversity is below the security agency's minimum of {MIN_DIVERSITY}.", hint)
    if not report["band_low"] <= d <= report["band_high"]:
        return Feedback(False, f"{summary} Your diversity lies outside the functional band: the ecosystem fragments past "
                               "the point where diversity pays.",
                        "More interoperability (within the cap) moves the band's upper edge to the right.")
    return Feedback(True, f"{summary} Secure enough, affordable and inside the functional band: interoperability is what "
                          "lets the bloc keep separate supply chains without losing the innovation of a functional level "
                          "of diversity (in the course's illustrative model).")


@never_crash
def check_evidence_verdict(answer: object) -> Feedback:
    """Task 4 (open): was Feijóo's warning wrong? Checked for substance, graded with the rubric."""
    return judge_open_answer(
        answer, MIN_VERDICT_WORDS,
        "Say what the co-authorship evidence measures, what it shows about the warning, and what it cannot show.",
        [(("research", "co-author", "coauthor", "publication", "paper"), "Your verdict does not yet say what the evidence measures.",
          "Han's and Baek's figures are about research co-authorship; say so."),
         (("market", "standard", "data", "trend", "snapshot", "channel", "service"), "Your verdict does not yet say what the evidence cannot show.",
          "Where does the essay see the signs of fragmentation, did it say the players were already there, "
          "and do one-off shares show a trend?")],
        "Your verdict is ready to discuss; your instructor will assess it with the rubric.",
        noun="verdict",
    )


#: The tasks of the exercise notebook, in order (see :mod:`techdiplomacy.exercises.tasks`).
TASKS = (
    Task("task1", "Which stage? Events after the essay", "stages_after_2020", check_stages, "apply", points=4),
    Task("task2", "Justify one placement", "justification", check_justification, "apply", points=0, open_answer=True),
    Task("task3", "An interoperability policy under pressure", "bloc_policy", check_policy, "create", points=3),
    Task("task4", "Was the warning wrong?", "verdict", check_evidence_verdict, "create", points=0, open_answer=True),
)

format_only_in_assessment(globals())

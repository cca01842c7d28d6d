"""Checkers for the minilateralism exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from techdiplomacy.exercises.feedback import Feedback, never_crash, too_few_words
from techdiplomacy.models.minilateralism import (
    CRITERIA,
    DECISION_RULES,
    MAX_LEVEL,
    MAX_PROPOSAL_SIZE,
    MIN_PROPOSAL_SIZE,
    Proposal,
    evaluate_proposal,
    maturity,
    shared_members,
)

__all__ = ["check_g7_scorecard", "check_overlap", "check_proposal"]

ALIASES = {"uae": "United Arab Emirates", "usa": "United States", "us": "United States", "uk": "United Kingdom"}
MIN_JUSTIFICATION_WORDS = 25
SCORES_EXAMPLE = "{\"secretariat\": 1, \"budget\": 0, \"decision_making\": 1, \"institutional_memory\": 1}"


def _country(name: str) -> str:
    cleaned = " ".join(name.replace(".", "").split())
    return ALIASES.get(cleaned.lower(), cleaned.title().replace(" Of ", " of "))


@never_crash
def check_overlap(answer: object) -> Feedback:
    """Task 1: the countries that belong to both BRICS and I2U2."""
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
def check_g7_scorecard(scores: object) -> Feedback:
    """Task 2: score the G7; the scores must be valid and agree with what the essay reports."""
    if not isinstance(scores, Mapping):
        return Feedback(False, "Answer with a dictionary of four scores.", f"For example {SCORES_EXAMPLE}.")
    try:
        result = maturity(scores)
    except ValueError as error:
        return Feedback(False, str(error), f"Give every criterion ({', '.join(CRITERIA)}) a whole number from 0 to {MAX_LEVEL}.")
    if result.scores["secretariat"] > 1:
        return Feedback(False, f"You gave the G7 secretariat level {result.scores['secretariat']}, but the essay reports "
                        "that the G7 has no permanent secretariat.",
                        "Level 1 (rotating host) fits a group whose presidency rotates; level 0 if you count nothing at all.")
    gaps = ", ".join(g.replace("_", " ") for g in result.gaps) or "none"
    return Feedback(True, f"G7: {result.total} of {MAX_LEVEL * len(CRITERIA)}, stage '{result.stage}' (illustrative). "
                    f"Gaps: {gaps}. Your secretariat score matches the essay; the other levels are your judgement.")


@never_crash
def check_proposal(answer: object) -> Feedback:
    """Task 3: a proposed minilateral for an AI problem, validated and scored."""
    keys = ("name", "problem", "members", "decision_rule", "scores", "justification")
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary like the template.", f"It needs the keys: {', '.join(keys)}.")
    missing = [k for k in keys if k not in answer]
    if missing:
        return Feedback(False, f"Your proposal lacks: {', '.join(missing)}.", f"Use exactly the keys: {', '.join(keys)}.")
    unknown = sorted(set(map(str, answer)) - set(keys))
    if unknown:
        return Feedback(False, f"Unknown key(s): {', '.join(unknown)}.", f"Use exactly the keys: {', '.join(keys)}.")
    if answer["decision_rule"] not in DECISION_RULES:
        return Feedback(False, f"decision_rule must be one of {', '.join(DECISION_RULES)}; got {answer['decision_rule']!r}.",
                        "Most minilaterals decide by consensus, i.e. unanimity.")
    members = answer["members"]
    if isinstance(members, (list, tuple)):
        members = tuple(_country(m) if isinstance(m, str) else m for m in members)
    try:
        proposal = Proposal(str(answer["name"]) if isinstance(answer["name"], str) else answer["name"],
                            answer["problem"], members, answer["decision_rule"], answer["scores"])
    except ValueError as error:
        return Feedback(False, str(error),
                        f"A proposal names {MIN_PROPOSAL_SIZE} to {MAX_PROPOSAL_SIZE} distinct countries and scores all four criteria 0-{MAX_LEVEL}.")
    problem = too_few_words(answer["justification"], MIN_JUSTIFICATION_WORDS,
                            "Say why these members, why this size and decision rule, and how you would close the maturity gaps.",
                            noun="justification")
    if problem is not None:
        return problem
    summary = evaluate_proposal(proposal)
    result = summary["maturity"]
    overlaps = "; ".join(f"{g}: {', '.join(m)}" for g, m in summary["overlaps"].items()) or "no existing group in the course's table"
    size_note = (
        f"With p = 0.9 the illustrative best size under {proposal.decision_rule} is {summary['best_size']}; "
        f"yours has {summary['size']} members."
    )
    gaps = ", ".join(g.replace("_", " ") for g in result.gaps) or "none"
    return Feedback(
        True,
        f"{proposal.name}: {summary['size']} members, {summary['links']} bilateral links, illustrative agility "
        f"{summary['agility']:.2f} and reach {summary['reach']:.2f}. {size_note} Maturity {result.total} of "
        f"{MAX_LEVEL * len(CRITERIA)} ({result.stage}); gaps: {gaps}. Overlaps with existing groups: {overlaps}. "
        "Your instructor will assess the justification with the rubric.",
    )

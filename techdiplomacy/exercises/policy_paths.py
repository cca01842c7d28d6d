"""Checkers for the policy-paths exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

from collections.abc import Mapping

from techdiplomacy.exercises.feedback import Feedback, never_crash, open_answer_problem
from techdiplomacy.models.policy_paths import DRIVER_LABELS, END_STATES, Drivers, end_state_probabilities, end_state_table

__all__ = ["check_most_likely_end", "check_rights_scenario", "check_reflection"]

MIN_REFLECTION_WORDS = 25


@never_crash
def check_most_likely_end(answer: object) -> Feedback:
    """Task 1: the most likely end state for the EU's path (A2) at the status quo."""
    expected = end_state_table(Drivers()).loc["A2"].idxmax()
    if not isinstance(answer, str) or not answer.strip():
        return Feedback(False, "Answer with one letter in quotes, for example \"B\".", "The end states are B, C and D.")
    letter = answer.strip().upper().rstrip(".")
    if letter not in END_STATES:
        return Feedback(False, f"{answer!r} is not an end state.", "Choose one of \"B\", \"C\" or \"D\".")
    if letter == expected:
        return Feedback(True, f"{expected}: regulation is the main driver of the EU's path, so strong regulation is its most likely end.")
    return Feedback(False, f"{letter} is possible for A2, but not the most likely end.",
                    "Look at the A2 bar in the chart at the status quo (all sliders at 0.5).")


@never_crash
def check_rights_scenario(answer: object) -> Feedback:
    """Task 2: driver levels under which a path from A3 more likely ends in C than in D."""
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary of driver levels.",
                        "For example: {\"regulatory_pressure\": 0.5, \"rights_demand\": 0.5, \"state_mobilisation\": 0.5}")
    unknown = sorted(set(map(str, answer)) - set(DRIVER_LABELS))
    if unknown:
        return Feedback(False, f"Unknown driver name(s): {', '.join(unknown)}.", f"Use only: {', '.join(DRIVER_LABELS)}.")
    try:
        drivers = Drivers(**{str(k): v for k, v in answer.items()})
    except ValueError as error:
        return Feedback(False, str(error), "Each driver level is a number between 0 and 1.")
    ends = end_state_probabilities("A3", drivers)
    summary = f"From A3: C {ends['C']:.0%}, D {ends['D']:.0%}."
    if ends["C"] > ends["D"]:
        return Feedback(True, f"{summary} Strong demand for rights (and less state mobilisation) pulls China's path back toward C, as the essay suggests.")
    return Feedback(False, f"{summary} D is still at least as likely as C.",
                    "Which driver does the essay say could pull A3 back toward C? Try raising it and lowering state mobilisation.")


@never_crash
def check_reflection(answer: object) -> Feedback:
    """Task 3 (open): a short reflection on the illustrative weights; checked for substance only."""
    problem = open_answer_problem(answer, MIN_REFLECTION_WORDS,
                                  "Name one weight, say what in the essay it is based on, and why another reader might choose differently.")
    if problem is not None:
        return problem
    mentions = [w for w in ("weight", "thick", "illustrative", "likel") if w in answer.lower()]
    if not mentions:
        return Feedback(False, "Your answer does not yet discuss the weights or how likely a path is.",
                        "Refer to a specific path (for example A2 → C) and its weight.")
    return Feedback(True, "Thank you: your reflection is ready to discuss. Your instructor will assess it with the rubric.")

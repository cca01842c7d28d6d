"""Checkers for the disruptions exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

import re
from collections.abc import Iterable
from numbers import Real

from techdiplomacy.exercises.feedback import NOT_ANSWERED, Feedback, never_crash, open_answer_problem
from techdiplomacy.models.disruptions import DIMENSIONS, basis_differences, figures, implied_total

__all__ = ["STATEMENTS", "check_differences", "check_explanation", "check_honest_statement", "check_implied_workforce"]

_SYNONYMS = {
    "measure": ("measure", "what", "counted", "metric", "unit", "quantity", "indicator"),
    "scope": ("scope", "where", "geography", "country", "countries", "coverage", "population", "place"),
    "horizon": ("horizon", "when", "date", "year", "time", "period", "timeframe"),
    "condition": ("condition", "assumption", "scenario", "if"),
}
#: Task 3: statements about the Bain and PwC figures; only one is honest.
STATEMENTS: dict[str, str] = {
    "A": "Bain is 20 to 25 times more pessimistic than PwC.",
    "B": "PwC shows that AI will destroy almost no jobs anywhere.",
    "C": "The two figures measure different things (jobs eliminated vs. jobs at risk) in different places by "
         "different dates, so their ratio says nothing about who is more pessimistic.",
    "D": "The average of the two, about 12%, is the best estimate of jobs lost to AI.",
}
HONEST = "C"
MIN_WORDS = 25


def _dimension(word: str) -> str | None:
    key = re.sub(r"[^a-z ]", "", word.lower()).strip()
    for dim, words in _SYNONYMS.items():
        if key == dim or key in words or any(w in key.split() for w in words if len(w) > 2):
            return dim
    return None


@never_crash
def check_differences(answer: object) -> Feedback:
    """Task 1: the dimensions on which the Bain and PwC forecasts differ."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    expected = set(basis_differences("bain", "pwc"))
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return Feedback(False, "Answer with a list of dimension names, for example [\"measure\"].",
                        f"The dimensions are: {', '.join(DIMENSIONS)}.")
    given = list(answer)
    if any(item is Ellipsis for item in given):
        return Feedback(False, "You have not answered yet.", "Replace ... with dimension names in quotes.")
    if not all(isinstance(item, str) for item in given):
        return Feedback(False, "Every item of the list should be a dimension name in quotes.", f"Choose from: {', '.join(DIMENSIONS)}.")
    mapped = {item: _dimension(item) for item in given}
    unknown = [item for item, dim in mapped.items() if dim is None]
    if unknown:
        return Feedback(False, f"I do not recognise {', '.join(map(repr, unknown))} as a dimension.", f"Choose from: {', '.join(DIMENSIONS)}.")
    chosen = set(mapped.values())
    if chosen == expected:
        return Feedback(True, "Measure, scope and horizon all differ; both studies state no condition.")
    missing, extra = sorted(expected - chosen), sorted(chosen - expected)
    parts = []
    if missing:
        parts.append(f"Also different: {', '.join(missing)}.")
    if extra:
        parts.append(f"The same for both studies: {', '.join(extra)}.")
    return Feedback(False, "Not quite. " + " ".join(parts),
                    "Compare the two rows of the table column by column: what, where, by when, under which condition.")


@never_crash
def check_implied_workforce(answer: object) -> Feedback:
    """Task 2: China's 2030 workforce (million) implied by McKinsey's 100 million = 12%."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    table = figures("mckinsey").set_index("figure")["value"]
    expected = implied_total(float(table["workers_switching"]), float(table["workforce_share_switching"]))
    if isinstance(answer, bool) or not isinstance(answer, Real):
        return Feedback(False, "Answer with a number of millions, for example 500.", "If 100 million is 12%, what is 100%?")
    value = float(answer)
    if abs(value - expected) <= 5:
        return Feedback(True, f"About {expected:.0f} million. Giving both a count and a share lets readers check the basis.")
    if abs(value - 12) < 1e-9 or abs(value - 100) < 1e-9:
        return Feedback(False, f"{value:g} is one of the inputs, not the implied workforce.", "Divide the count by the share (12% = 0.12).")
    if abs(value - expected * 1e6) <= 5e6:
        return Feedback(False, "Right number, wrong unit: give the answer in millions.", f"Write {expected:.0f}, not {value:g}.")
    return Feedback(False, f"{value:g} million does not match 100 million being 12% of the workforce.", "Divide 100 by 0.12.")


@never_crash
def check_honest_statement(answer: object) -> Feedback:
    """Task 3: which statement about the Bain and PwC figures is honest (a letter)."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    if not isinstance(answer, str) or answer.strip().upper().rstrip(".") not in STATEMENTS:
        return Feedback(False, "Answer with one letter in quotes: \"A\", \"B\", \"C\" or \"D\".", "Read the four statements again.")
    letter = answer.strip().upper().rstrip(".")
    if letter == HONEST:
        return Feedback(True, "Yes: the figures rest on different bases, so dividing or averaging them is meaningless.")
    hints = {
        "A": "A ratio needs the same measure, place and date on both sides. Is that the case?",
        "B": "PwC covers 29 countries until 2020 and counts jobs at risk, not jobs destroyed later.",
        "D": "Averaging numbers with different bases mixes apples and oranges.",
    }
    return Feedback(False, f"Statement {letter} treats the figures as comparable.", hints[letter])


@never_crash
def check_explanation(answer: object) -> Feedback:
    """Task 4 (open): why forecasts differ; checked for substance, graded with the rubric."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    problem = open_answer_problem(answer, MIN_WORDS, "Explain at least two reasons why forecasts differ, each with an example from the table.",
                                  noun="explanation")
    if problem is not None:
        return problem
    text = answer.lower()
    named = [dim for dim, syn in _SYNONYMS.items() if any(w in text for w in (dim, *[s for s in syn if len(s) > 3]))]
    if len(named) < 2:
        return Feedback(False, "Your explanation names fewer than two reasons.",
                        "Use the four dimensions: what is counted, where, by when, and under which condition.")
    return Feedback(True, f"You discuss {', '.join(named)}; your instructor will assess the explanation with the rubric.")

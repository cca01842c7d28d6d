"""Checkers for the power-relations exercise. Each returns friendly :class:`Feedback`, never raises."""

from __future__ import annotations

from collections.abc import Mapping

from techdiplomacy.data import load_table
from techdiplomacy.exercises.feedback import Feedback, never_crash, too_few_words
from techdiplomacy.models.power_relations import DIMENSION_LABELS, Cell, case, case_ids, parse_cell

__all__ = ["ANSWER_FORMS", "check_classification", "check_own_case"]

ANSWER_FORMS = (
    "Answer with a mechanism name in quotes, e.g. \"Complementarity\", or a pair such as "
    "(\"holding\", \"cooperation\")."
)
DIMENSION_HINT = (
    "Ask which aspect of power is at stake: gaining and using power (acquisition), the resources a "
    "country holds and can turn into power (holding), or hopes and fears about future power (expectation)."
)
MIN_REASON_WORDS = 20


def _explain(cell: Cell) -> str:
    row = load_table("power_relations_mechanisms").set_index("mechanism").loc[cell.mechanism]
    return f"{cell}. {row['definition']}."


@never_crash
def check_classification(case_id: str, answer: object) -> Feedback:
    """Is ``answer`` the cell of the essay's case ``case_id``? Explains the right cell either way.

    ``answer`` is a mechanism name, a ``(dimension, stance)`` pair or text naming both (see
    :func:`techdiplomacy.models.power_relations.parse_cell`).
    """
    if case_id not in case_ids():
        return Feedback(False, f"There is no case called {case_id!r} in this exercise.", f"Use one of: {', '.join(case_ids())}.")
    if answer is ... or answer is None:
        return Feedback(False, "Replace the ... with your answer.", ANSWER_FORMS)
    try:
        given = parse_cell(answer)
    except ValueError as error:
        return Feedback(False, str(error), ANSWER_FORMS)
    row = case(case_id)
    right = Cell(row["dimension"], row["stance"])
    reading = (
        " The essay shows this case without classifying it; this is the course's reading, so argue for "
        "another cell in class if you disagree."
        if row["placement"] == "course reading"
        else ""
    )
    if given == right:
        return Feedback(True, f"{row['case']}: {_explain(right)}{reading}")
    placed = "The course places" if row["placement"] == "course reading" else "The essay places"
    explanation = f" {placed} it in {_explain(right)}"
    question = load_table("power_relations_mechanisms").set_index("mechanism").loc[right.mechanism, "question_to_ask"]
    if given.dimension == right.dimension:
        return Feedback(
            False,
            f"Right dimension ({DIMENSION_LABELS[right.dimension].lower()}), but not {given.stance}.{explanation}",
            "Are the parties working against each other, or pooling, exchanging or agreeing on something? " + question,
        )
    if given.stance == right.stance:
        return Feedback(
            False,
            f"Right stance ({right.stance}), but {given.mechanism.lower()} is about "
            f"{DIMENSION_LABELS[given.dimension].lower()}, which is not the main point of this case.{explanation}",
            DIMENSION_HINT,
        )
    return Feedback(
        False,
        f"{given.mechanism} is neither the right dimension nor the right stance for this case.{explanation}",
        "First decide competition or cooperation, then the dimension. " + DIMENSION_HINT,
    )


@never_crash
def check_own_case(answer: object) -> Feedback:
    """Open task: a case of the learner's own, given as ``{"case": ..., "cell": ..., "reason": ...}``."""
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary with the keys \"case\", \"cell\" and \"reason\".",
                        "Copy the template in the exercise and fill in the three values.")
    missing = [k for k in ("case", "cell", "reason") if k not in answer]
    if missing:
        return Feedback(False, f"Your dictionary lacks the key(s): {', '.join(missing)}.", "Use exactly the keys case, cell and reason.")
    name, reason = answer["case"], answer["reason"]
    if not isinstance(name, str) or len(name.strip()) < 5 or name.strip() == "...":
        return Feedback(False, "Name your case in a few words (at least 5 characters).", "For example \"G7 Hiroshima AI Process\".")
    try:
        cell = parse_cell(answer["cell"])
    except ValueError as error:
        return Feedback(False, str(error), ANSWER_FORMS)
    problem = too_few_words(reason, MIN_REASON_WORDS,
                            "Say which aspect of power is at stake and why the relation is competitive or cooperative.", noun="reason")
    if problem is not None:
        return problem
    question = load_table("power_relations_mechanisms").set_index("mechanism").loc[cell.mechanism, "question_to_ask"]
    return Feedback(
        True,
        f"You placed {name.strip()!r} in {cell}. Check your reason against the cell's question: {question} "
        "Your instructor will discuss open answers with the rubric.",
    )

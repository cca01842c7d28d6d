"""Checkers for the power-relations exercise. Each returns friendly :class:`Feedback`, never raises.

The exercise climbs the ladder: task 1 recalls one cell of the essay's matrix; task 2 applies the
matrix to five episodes the essay does not discuss (the course's examples, with the course's
reasons); task 3 designs a cooperation package for two unequal countries under constraints that
pull against each other, and asks the learner to judge which goal the design gives up; task 4 is an
open case of the learner's own. :func:`check_classification` (one of the essay's own cases) is kept
for the chapter and for practice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.exercises.feedback import Feedback, is_placeholder, never_crash, too_few_words
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.power_relations import DIMENSION_LABELS, Cell, case, case_ids, cell_of, parse_cell

__all__ = [
    "ANSWER_FORMS",
    "BUDGET",
    "GOALS",
    "INSTRUMENTS",
    "OUTSIDE_CASES",
    "TASKS",
    "best_packages",
    "check_classification",
    "check_outside_cases",
    "check_own_case",
    "check_package",
    "check_recall",
    "menu",
    "package_report",
]

ANSWER_FORMS = (
    "Answer with a mechanism name in quotes, e.g. \"Complementarity\", or a pair such as "
    "(\"holding\", \"cooperation\")."
)
DIMENSION_HINT = (
    "Ask which aspect of power is at stake: gaining and using power (acquisition), the resources a "
    "country holds and can turn into power (holding), or hopes and fears about future power (expectation)."
)
MIN_REASON_WORDS = 20
MIN_JUDGEMENT_WORDS = 15


def _definition(cell: Cell) -> str:
    return str(load_table("power_relations_mechanisms").set_index("mechanism").loc[cell.mechanism, "definition"])


def _question(cell: Cell) -> str:
    return str(load_table("power_relations_mechanisms").set_index("mechanism").loc[cell.mechanism, "question_to_ask"])


def _explain(cell: Cell) -> str:
    return f"{cell}. {_definition(cell)}."


def _mismatch(given: Cell, right: Cell) -> str:
    """What kind of mistake ``given`` is, next to ``right``."""
    if given.dimension == right.dimension:
        return f"Right dimension ({DIMENSION_LABELS[right.dimension].lower()}), but not {given.stance}."
    if given.stance == right.stance:
        return (f"Right stance ({right.stance}), but {given.mechanism.lower()} is about "
                f"{DIMENSION_LABELS[given.dimension].lower()}, which is not the main point here.")
    return f"{given.mechanism} is neither the right dimension nor the right stance."


# --- task 1: recall ----------------------------------------------------------------------------------

#: Why each wrong answer to task 1 is tempting, and what it misses.
RECALL_MISCONCEPTIONS: dict[str, str] = {
    "Heterogeneous resources": (
        "Heterogeneous resources is the *competition* mechanism of the same row: the essay's point is that "
        "different endowments can make parties at a *similar* stage clash, while a *gap* in capability opens "
        "room for cooperation."
    ),
    "Joint capacity building": (
        "Joint capacity building is cooperation, but in the power acquisition row: partners pool capability "
        "to use power together (AUKUS), rather than exchange what each lacks."
    ),
    "Abstract vision": (
        "Abstract vision is cooperation, but on power expectation: agreement on a broad goal for AI, not an "
        "exchange of resources across a capability gap."
    ),
}


@never_crash
def check_recall(answer: object) -> Feedback:
    """Task 1: which mechanism does the essay place at power holding × cooperation?"""
    if answer is None or is_placeholder(answer):
        return Feedback(False, "Replace the ... with your answer.", ANSWER_FORMS)
    try:
        given = parse_cell(answer)
    except ValueError as error:
        return Feedback(False, str(error), ANSWER_FORMS)
    right = Cell("holding", "cooperation")
    if given == right:
        return Feedback(True, f"{_explain(right)} The essay adds that countries at similar stages tend to clash, "
                              "while a gap in capabilities opens room for cooperation.")
    reason = RECALL_MISCONCEPTIONS.get(given.mechanism, f"{_mismatch(given, right)}")
    return Feedback(False, reason, "Look at the row of power holding (the resources a country has) and the column of cooperation.")


# --- task 2: apply to episodes the essay does not discuss ---------------------------------------------


@dataclass(frozen=True)
class OutsideCase:
    """An episode from outside the essay, described in the notebook, with the course's classification."""

    key: str
    title: str
    cell: Cell
    reason: str
    misconceptions: Mapping[str, str]


OUTSIDE_CASES: tuple[OutsideCase, ...] = (
    OutsideCase(
        "ukraine_war", "AI in the war between Russia and Ukraine", Cell("acquisition", "competition"),
        "An open, existing conflict is carried into AI, which becomes one more instrument against the same "
        "opponent: that is relationship linkage.",
        {
            "Strategic vigilance": "Vigilance is rivalry born of fear about what the other side's strategy may "
                                   "achieve, even without a present conflict; here the conflict is present and open.",
            "Joint capacity building": "Each side does build capacity with its backers, but the relation this case "
                                       "describes is the one between the two belligerents, and it is competitive.",
            "Heterogeneous resources": "The two sides do not clash over whose resources or rules should count; "
                                       "an existing rivalry spills into AI.",
        },
    ),
    OutsideCase(
        "gpai", "The Global Partnership on AI", Cell("expectation", "cooperation"),
        "What holds the partnership together is a broad, shared picture of responsible AI, above the members' "
        "specific interests: that is abstract vision.",
        {
            "Joint capacity building": "The partnership runs joint projects, but no member pools capability to gain "
                                       "power over others; the glue is a shared goal for AI.",
            "Complementarity": "Its members differ in capability, but the partnership is not built on each "
                               "supplying what the other lacks.",
        },
    ),
    OutsideCase(
        "india_japan", "The India–Japan digital partnership", Cell("holding", "cooperation"),
        "Each side brings what the other lacks (Japan capital and an advanced market, India software talent and "
        "fast-growing start-ups): a difference in resources becomes a reason to cooperate, which is complementarity.",
        {
            "Heterogeneous resources": "Different resources lead to competition when parties at a similar stage "
                                       "clash over whose resources should count; here each side fills a gap of the "
                                       "other, so the difference drives cooperation.",
            "Joint capacity building": "Nothing is pooled to gain power together against others; the two sides "
                                       "exchange different resources.",
        },
    ),
    OutsideCase(
        "eurohpc", "EuroHPC: shared supercomputers and AI factories", Cell("acquisition", "cooperation"),
        "Members pool the same kind of resource (money) to build a capability none has alone and that all then "
        "use: joint capacity building. It shows that capacity building is not only military.",
        {
            "Complementarity": "The members do not trade what each lacks across a capability gap; they pool similar "
                               "contributions to build one shared capability.",
            "Abstract vision": "There is a shared vision behind it, but the core of the case is concrete, pooled "
                               "capacity: machines that the members build and use together.",
        },
    ),
    OutsideCase(
        "chips_act", "A chips law against a rival's industrial plan", Cell("expectation", "competition"),
        "As described, the driver is fear of what a rival's long-term plan will achieve, a concern for future "
        "position: strategic vigilance.",
        {
            "Relationship linkage": "Linkage carries an existing rivalry from another field into AI; the reasons "
                                    "given here are about the future, what the rival's plan may achieve, which is "
                                    "the expectation row.",
            "Heterogeneous resources": "This is not a clash between parties at a similar stage over whose resources "
                                       "should count; it is a response to a feared future.",
        },
    ),
)
OUTSIDE_KEYS = tuple(c.key for c in OUTSIDE_CASES)


@never_crash
def check_outside_cases(answer: object) -> Feedback:
    """Task 2: a dictionary mapping each of the five outside episodes to a cell of the matrix."""
    if answer is None or answer is ...:
        return Feedback(False, "Replace the ... with the dictionary of your answers.", "Copy the template in the task.")
    if not isinstance(answer, Mapping):
        return Feedback(False, f"Answer with a dictionary, one key per episode: {', '.join(OUTSIDE_KEYS)}.",
                        "Copy the template in the task and replace each ... with a mechanism.")
    missing = [key for key in OUTSIDE_KEYS if key not in answer]
    if missing:
        return Feedback(False, f"Your dictionary lacks the key(s): {', '.join(missing)}.", "Keep the five keys of the template.")
    blank = [item.key for item in OUTSIDE_CASES if answer[item.key] is None or is_placeholder(answer[item.key])]
    if blank:
        return Feedback(False, f"Replace the ... for: {', '.join(blank)}.", ANSWER_FORMS)
    lines, right_count, unread = [], 0, []
    for item in OUTSIDE_CASES:
        given_raw = answer[item.key]
        try:
            given = parse_cell(given_raw)
        except ValueError:
            unread.append(item.key)
            continue
        if given == item.cell:
            right_count += 1
            lines.append(f"{item.title}: right, {item.cell.mechanism}. {item.reason}")
        else:
            why = item.misconceptions.get(given.mechanism, _mismatch(given, item.cell))
            lines.append(f"{item.title}: not {given.mechanism}. {why}")
    if unread:
        return Feedback(False, f"I cannot read your answer for: {', '.join(unread)}.", ANSWER_FORMS)
    if right_count == len(OUTSIDE_CASES):
        return Feedback(True, "All five placed as the course reads them. " + " ".join(lines))
    return Feedback(False, f"{right_count} of {len(OUTSIDE_CASES)} placed as the course reads them. " + " ".join(lines),
                    "For each wrong one, ask the cell's question: " + DIMENSION_HINT)


# --- task 3: design a cooperation package --------------------------------------------------------------

#: Arden's budget for the package, in units (an illustrative assumption of the course).
BUDGET = 10


@dataclass(frozen=True)
class Instrument:
    """One element of a cooperation package between Arden (advanced) and Belmar (developing)."""

    key: str
    label: str
    mechanism: str
    cost: int
    belmar_gain: int
    arden_return: int
    needs: str = ""
    barred_by: str = ""


#: The menu of task 3; costs and gains are illustrative units of the course, not data.
INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("compute_credits", "Cloud compute and model access for Belmar's universities", "Complementarity",
               3, 3, 0, needs="vetting"),
    Instrument("fellowships", "Fellowships for Belmar's engineers in Arden's labs", "Complementarity", 1, 2, 1,
               needs="vetting"),
    Instrument("vetting", "A research-security vetting office (Arden's rule for access to its labs and compute)",
               "safeguard", 1, 0, 0),
    Instrument("language_data", "Joint curation of Belmar's language data for jointly trained models",
               "Complementarity", 2, 1, 3, needs="local_hosting"),
    Instrument("local_hosting", "A data centre in Belmar that keeps the data in the country (Belmar's data law)",
               "safeguard", 3, 1, 0),
    Instrument("startup_fund", "A co-investment fund for Belmar's AI start-ups", "Complementarity", 3, 2, 2),
    Instrument("open_charter", "A charter on AI for the SDGs open to every country, Corvia included",
               "Abstract vision", 2, 0, 0),
    Instrument("defence_trial", "A joint trial of AI for border surveillance with Arden's armed forces",
               "Joint capacity building", 2, 2, 2,
               barred_by="Belmar's non-alignment: it joins nothing military or aimed at a third country"),
    Instrument("chip_transfer", "Export of advanced AI chips to Belmar's start-ups", "Complementarity", 3, 4, 1,
               barred_by="Arden's export-control law, written against its rival Corvia"),
)
_BY_KEY = {item.key: item for item in INSTRUMENTS}

#: The three goals of task 3 and their thresholds (illustrative).
GOALS: dict[str, str] = {
    "belmar_capability": "Belmar's capability gain of at least 5",
    "arden_return": "a return to Arden of at least 4 (its parliament must see something back)",
    "openness": "a package open to every country, Corvia included (the open charter)",
}
BELMAR_TARGET = 5
ARDEN_TARGET = 4


def _as_keys(instruments: object) -> tuple[list[str], list[str]]:
    if isinstance(instruments, str) or not isinstance(instruments, (Sequence, set, frozenset)):
        raise TypeError("instruments must be a list of instrument names")
    keys = [str(k).strip() for k in instruments]
    return [k for k in keys if k in _BY_KEY], [k for k in keys if k not in _BY_KEY]


def menu() -> pd.DataFrame:
    """The menu of task 3: one row per instrument, with what it needs and which rule bars it."""
    return pd.DataFrame(
        [{"instrument": i.key, "what it is": i.label, "mechanism": i.mechanism, "cost": i.cost,
          "belmar_gain": i.belmar_gain, "arden_return": i.arden_return, "needs": i.needs or "",
          "barred by": i.barred_by or ""} for i in INSTRUMENTS]
    )


def package_report(instruments: Sequence[str]) -> pd.DataFrame:
    """The cost and gains of a package, instrument by instrument, with a total row.

    Raises ``ValueError`` for an instrument that is not on the menu.
    """
    known, unknown = _as_keys(instruments)
    if unknown:
        raise ValueError(f"Unknown instrument(s) {unknown}; choose from: {', '.join(_BY_KEY)}.")
    rows = [{"instrument": k, "mechanism": _BY_KEY[k].mechanism, "cost": _BY_KEY[k].cost,
             "belmar_gain": _BY_KEY[k].belmar_gain, "arden_return": _BY_KEY[k].arden_return} for k in dict.fromkeys(known)]
    table = pd.DataFrame(rows, columns=["instrument", "mechanism", "cost", "belmar_gain", "arden_return"])
    total = {"instrument": "total", "mechanism": "", "cost": table["cost"].sum(),
             "belmar_gain": table["belmar_gain"].sum(), "arden_return": table["arden_return"].sum()}
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def _evaluate(keys: Sequence[str]) -> tuple[list[str], dict[str, bool], int]:
    """Broken hard constraints, goals met and cost of a package of known instruments."""
    chosen = list(dict.fromkeys(keys))
    items = [_BY_KEY[k] for k in chosen]
    problems = [f"{item.label} is barred by {item.barred_by}." for item in items if item.barred_by]
    problems += [f"{item.label} needs {_BY_KEY[item.needs].label.split(' (')[0].lower()} ({item.needs}) in the package."
                 for item in items if item.needs and item.needs not in chosen]
    cost = sum(item.cost for item in items)
    if cost > BUDGET:
        problems.append(f"The package costs {cost} units; the budget is {BUDGET}.")
    goals = {
        "belmar_capability": sum(item.belmar_gain for item in items) >= BELMAR_TARGET,
        "arden_return": sum(item.arden_return for item in items) >= ARDEN_TARGET,
        "openness": "open_charter" in chosen,
    }
    return problems, goals, cost


def best_packages() -> dict[frozenset[str], frozenset[str]]:
    """Every feasible package that meets two goals, with the goals it meets (used by the tests and the solution)."""
    found = {}
    for size in range(1, len(INSTRUMENTS) + 1):
        for combo in combinations(_BY_KEY, size):
            problems, goals, _ = _evaluate(combo)
            if not problems and sum(goals.values()) >= 2:
                found[frozenset(combo)] = frozenset(g for g, met in goals.items() if met)
    return found


@never_crash
def check_package(answer: object) -> Feedback:
    """Task 3: ``{"instruments": [...], "sacrifice": goal, "reason": text}``; see :data:`GOALS`.

    The package must respect the budget and both countries' hard constraints, meet two of the three
    goals, and name the goal it gives up; no package meets all three, so claiming none is rejected.
    """
    template = "Copy the template: a dictionary with the keys \"instruments\", \"sacrifice\" and \"reason\"."
    if answer is None or answer is ...:
        return Feedback(False, "Replace the ... with your package.", template)
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary with the keys \"instruments\", \"sacrifice\" and \"reason\".", template)
    missing = [k for k in ("instruments", "sacrifice", "reason") if k not in answer]
    if missing:
        return Feedback(False, f"Your dictionary lacks the key(s): {', '.join(missing)}.", template)
    if is_placeholder(answer):
        return Feedback(False, "Replace every ... in the template with your choices.", template)
    try:
        known, unknown = _as_keys(answer["instruments"])
    except TypeError:
        return Feedback(False, "\"instruments\" must be a list of instrument names, e.g. [\"fellowships\", \"vetting\"].",
                        f"The names are: {', '.join(_BY_KEY)}.")
    if unknown:
        return Feedback(False, f"Not on the menu: {', '.join(map(repr, unknown))}.", f"The names are: {', '.join(_BY_KEY)}.")
    if not known:
        return Feedback(False, "Your package is empty.", "Choose instruments from the menu within the budget.")
    problems, goals, cost = _evaluate(known)
    if problems:
        hint = ("Ticking everything cannot work: some instruments are barred and the budget is fixed."
                if len(set(known)) >= len(INSTRUMENTS) - 1 else
                "Drop what a country's rule bars, add the safeguard an instrument needs, and stay within the budget.")
        return Feedback(False, "Your package breaks a hard constraint. " + " ".join(problems), hint)
    met = [g for g, ok in goals.items() if ok]
    unmet = [g for g, ok in goals.items() if not ok]
    status = (f"Cost {cost} of {BUDGET}. Goals met: {', '.join(met) or 'none'}; "
              f"not met: {', '.join(unmet) or 'none'}.")
    if len(met) < 2:
        return Feedback(False, f"{status} A good design gives up only one goal; yours gives up {len(unmet)}.",
                        "Use package_report(...) to see where the units go; cheap, high-return instruments come first.")
    sacrifice = str(answer["sacrifice"]).strip().lower()
    if sacrifice in ("", "none", "nothing", "no"):
        return Feedback(False, f"{status} You rate your design as meeting every goal, but it does not, and no package "
                               f"can: within {BUDGET} units, the safeguards that each country's rules require leave too "
                               "little for Belmar's gain, Arden's return and an open charter together.",
                        "Name the goal your package gives up, and argue why that is the one to give up.")
    if sacrifice not in GOALS:
        return Feedback(False, f"{status} {answer['sacrifice']!r} is not one of the goals.",
                        f"Name one of: {', '.join(GOALS)}.")
    if sacrifice != unmet[0]:
        return Feedback(False, f"{status} You say your package gives up {sacrifice}, but it meets that goal; the one it "
                               f"gives up is {unmet[0]}. Judging your own design is part of the task.",
                        "Check the totals with package_report(...) before you argue for the trade-off.")
    problem = too_few_words(answer["reason"], MIN_JUDGEMENT_WORDS,
                            "Say why this goal is the one to give up, with a mechanism of the chapter.", noun="reason")
    if problem is not None:
        return problem
    mechanisms = sorted({_BY_KEY[k].mechanism for k in known} - {"safeguard"})
    return Feedback(True, f"{status} A feasible design that gives up {unmet[0]}, as you say. It works through "
                          f"{', '.join(mechanisms)}. Your instructor will mark the argument for the trade-off with the rubric.")


# --- task 4 (open) and the essay's own cases ----------------------------------------------------------


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
    question = _question(right)
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
    taken = {c.title.lower() for c in OUTSIDE_CASES}
    if name.strip().lower() in taken:
        return Feedback(False, "That episode is one of task 2's; choose a case of your own.", "A case from the news or another chapter.")
    return Feedback(
        True,
        f"You placed {name.strip()!r} in {cell}. Check your reason against the cell's question: {_question(cell)} "
        "Your instructor will discuss open answers with the rubric.",
    )


# ``cell_of`` is re-exported for notebooks that want to look up a mechanism's cell.
cell_of = cell_of

#: The tasks of the exercise notebook, in order (see :mod:`techdiplomacy.exercises.tasks`).
TASKS = (
    Task("task1", "Recall: the cooperation mechanism of power holding", "holding_cooperation", check_recall, "recall", points=1),
    Task("task2", "Apply: five episodes the essay does not discuss", "outside_cases", check_outside_cases, "apply", points=5),
    Task("task3", "Create and judge: a cooperation package for unequal partners", "package", check_package, "create", points=4,
         text_fields=("reason",)),
    Task("task4", "A case of your own", "my_case", check_own_case, "create", points=0, open_answer=True),
)

format_only_in_assessment(globals())

"""Checkers for the policy-paths exercise. Each returns friendly :class:`Feedback`, never raises.

The exercise climbs the ladder: recall what the essay says about the EU's path (task 1), apply the
model to a scenario the chapter does not show (task 2), design driver levels that meet conflicting
goals on a budget (task 3), and judge one of the model's inferred directions (task 4, open).
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real

from techdiplomacy.exercises.feedback import PLACEHOLDER, Feedback, is_placeholder, judge_open_answer, never_crash
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.policy_paths import DRIVER_LABELS, END_STATES, START_STATES, Drivers, end_state_table

__all__ = [
    "BUDGET",
    "GOALS",
    "SHOCK",
    "TASKS",
    "check_coalition_design",
    "check_eu_end_state",
    "check_reflection",
    "check_shock_ends",
    "design_report",
]

MIN_REFLECTION_WORDS = 30

# --- task 1 (recall): what the essay says about the EU's path ------------------------------------

_EU_MISREADINGS = {
    "B": "B is the free-market state. The essay gives the EU only a slim chance of migrating there; you may be "
         "thinking of the US path (A1), which could stay market-based.",
    "D": "D is the advanced-technology state that the essay sees as probably the track most aligned with China's vision. For the EU it "
         "sees only a slim chance of D.",
    "D'": "D' is the intermediate, probably unstable state on one of China's tracks; the essay draws no EU path to it.",
}


def _letter(answer: object) -> str | None:
    if not isinstance(answer, str):
        return None
    return answer.strip().upper().rstrip(".").replace("’", "'")


@never_crash
def check_eu_end_state(answer: object) -> Feedback:
    """Task 1 (recall): the state toward which, in the essay's words, the EU's path most likely evolves."""
    if answer is None or is_placeholder(answer):
        return Feedback(False, "You have not answered yet.", 'Answer with one letter in quotes, for example "B".')
    letter = _letter(answer)
    if not letter:
        return Feedback(False, 'Answer with one letter in quotes, for example "B".', "The steadier states are B, C and D.")
    if letter == "C":
        return Feedback(True, "C: the essay says the regulation-driven EU path will most likely evolve toward strong "
                              "regulation (C), with a slim chance of B or D.")
    if letter in _EU_MISREADINGS:
        return Feedback(False, _EU_MISREADINGS[letter], "Reread the essay's sentence on A2 in the chapter's section 'Where the paths lead'.")
    if letter in START_STATES:
        return Feedback(False, f"{letter} is a starting point (the present position of a region), not where a path leads.",
                        "Choose one of the steadier states B, C or D.")
    return Feedback(False, f"{answer!r} is not a state of Fig. 1.", 'Choose one of "B", "C" or "D".')


# --- task 2 (apply): a scenario the chapter does not show ----------------------------------------

#: The "security shock" of task 2: governments tighten oversight, the public trades rights for
#: security, and states mobilise resources for AI everywhere.
SHOCK = Drivers(regulatory_pressure=0.75, rights_demand=0.25, state_mobilisation=1.0)

_SHOCK_MISREADINGS = {
    ("A1", "B"): "State mobilisation is not only China's driver in the model: the course assumed that a mobilised state "
                 "leaves less room for market solutions, so it lowers every path into B, and regulatory pressure lowers B "
                 "further. Weaker rights demand does not help B.",
    ("A1", "D"): "The model draws no path from A1 to D (the essay does not), so the US path cannot end there.",
    ("A2", "C"): "C is the EU's most likely end at the status quo, but not here: mobilisation multiplies the weight of the "
                 "EU's thin path to D, and weak rights demand removes the brake on it, while only regulatory pressure "
                 "helps C. The 'slim chance' becomes the most likely end.",
    ("A2", "B"): "Both regulatory pressure and mobilisation lower the weight of paths into B in the model.",
    ("A3", "C"): "Rights demand is low in this scenario, so nothing pulls China's path back toward C.",
    ("A3", "B"): "The model draws no path from A3 to B (the essay does not).",
}


def _expected_shock() -> dict[str, str]:
    table = end_state_table(SHOCK)
    return {start: str(table.loc[start].idxmax()) for start in START_STATES}


@never_crash
def check_shock_ends(answer: object) -> Feedback:
    """Task 2 (apply): the most likely end state of each start under :data:`SHOCK`."""
    if answer is None or is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary that maps each start to an end state.",
                        'For example: {"A1": "B", "A2": "B", "A3": "B"}')
    keys = {str(k).strip().upper(): v for k, v in answer.items()}
    missing = [s for s in START_STATES if s not in keys]
    if missing:
        return Feedback(False, f"Your dictionary has no answer for {', '.join(missing)}.", "Give an end state for A1, A2 and A3.")
    letters = {s: _letter(keys[s]) for s in START_STATES}
    bad = [s for s, v in letters.items() if v == "D'" or v not in END_STATES]
    if bad:
        hint = ("D' is not an end state: in the model every path through D' moves on to D or C."
                if any(letters[s] == "D'" for s in bad) else 'Use "B", "C" or "D".')
        return Feedback(False, f"The answer for {', '.join(bad)} is not one of the end states B, C or D.", hint)
    expected = _expected_shock()
    table = end_state_table(SHOCK)
    wrong = [s for s in START_STATES if letters[s] != expected[s]]
    if not wrong:
        return Feedback(True, "Right: "
                        + "; ".join(f"{s} ends most likely in {expected[s]} ({table.loc[s, expected[s]]:.0%})" for s in START_STATES)
                        + ". Two surprises: the US path leans to C because of China-style mobilisation (an inferred direction), "
                          "and the EU's 'slim chance' of D becomes its most likely end.")
    start = wrong[0]
    reason = _SHOCK_MISREADINGS.get((start, letters[start]), f"{letters[start]} is not the most likely end for {start} here.")
    more = f" ({len(wrong) - 1} other start(s) also not yet right.)" if len(wrong) > 1 else ""
    return Feedback(False, f"{start}: {reason}{more}",
                    "Run end_state_table(SHOCK) or set the chapter's sliders to 0.75, 0.25 and 1.0, then read each row.")


# --- task 3 (create): driver levels under conflicting goals and a budget -------------------------

#: Total movement away from the status quo the coalition can afford: the sum of |level - 0.5|.
BUDGET = 0.6
#: The coalition's goals: (start, end state, minimum probability).
GOALS = (("A3", "C", 0.5), ("A1", "B", 0.5), ("A2", "C", 0.6))
_GOAL_TEXT = {
    ("A3", "C"): "China's path ends in C",
    ("A1", "B"): "the US path stays in B",
    ("A2", "C"): "the EU's path ends in C",
}
_GOAL_HINT = {
    ("A3", "C"): "Raise public demand for individual rights, or lower state mobilisation, to pull China's path toward C.",
    ("A1", "B"): "Rights demand and regulatory pressure also pull the US path toward C. In the model, lowering state "
                 "mobilisation helps B (an inferred direction) while it also weakens China's path to D.",
    ("A2", "C"): "Lowering regulatory pressure helps the US stay in B but weakens the EU's path to C; keep it near 0.5.",
}


def design_report(levels: Mapping[str, float]) -> dict[str, float]:
    """Cost and goal probabilities of a design (driver name -> level); raises on bad levels."""
    drivers = Drivers(**{name: float(levels[name]) for name in DRIVER_LABELS})
    table = end_state_table(drivers)
    report = {"cost": round(sum(abs(v - 0.5) for v in drivers.as_dict().values()), 6)}
    for start, end, _ in GOALS:
        report[f"{start}->{end}"] = round(float(table.loc[start, end]), 3)
    return report


@never_crash
def check_coalition_design(answer: object) -> Feedback:
    """Task 3 (create): three driver levels that meet every goal in :data:`GOALS` within :data:`BUDGET`."""
    if answer is None or is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with a dictionary of the three driver levels.",
                        'For example: {"regulatory_pressure": 0.5, "rights_demand": 0.5, "state_mobilisation": 0.5}')
    names = {str(k) for k in answer}
    extra = sorted(names - set(DRIVER_LABELS))
    if extra:
        return Feedback(False, f"Only the three driver levels count; remove {', '.join(extra)}.",
                        "The checker computes what your design achieves itself, so a self-assessment earns nothing.")
    missing = [n for n in DRIVER_LABELS if n not in names]
    if missing:
        return Feedback(False, f"Your design does not set {', '.join(missing)}.", "Give all three levels, even those you keep at 0.5.")
    values = {str(k): v for k, v in answer.items()}
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            return Feedback(False, f"{name} is {value!r}; a level is a number between 0 and 1, not True/False or text.",
                            "0.5 is the status quo; 0 and 1 are the ends of each slider.")
        if not 0 <= float(value) <= 1:
            return Feedback(False, f"{name} = {value:g} is outside the slider's range.", "Each level is between 0 and 1.")
    report = design_report(values)
    summary = (f"Cost {report['cost']:.2f} of {BUDGET}; "
               + ", ".join(f"{_GOAL_TEXT[(s, e)]} {report[f'{s}->{e}']:.0%} (goal {m:.0%})" for s, e, m in GOALS) + ".")
    if report["cost"] > BUDGET + 1e-9:
        return Feedback(False, f"{summary} The design moves the drivers too far from the status quo.",
                        "Moving one driver all the way (0.5 to 1.0) already costs 0.5; find smaller moves that work together.")
    for start, end, minimum in GOALS:
        if report[f"{start}->{end}"] < minimum - 1e-9:
            return Feedback(False, f"{summary} Not yet: {_GOAL_TEXT[(start, end)]} too rarely.", _GOAL_HINT[(start, end)])
    return Feedback(True, f"{summary} Every goal is met within the budget. Note which of your levers work through a "
                          "direction the essay states (rights demand) and which through one the course inferred.")


# --- task 4 (create, open): judge an inferred direction ------------------------------------------


@never_crash
def check_reflection(answer: object) -> Feedback:
    """Task 4 (open): judge one of the model's inferred directions; checked for substance only."""
    return judge_open_answer(
        answer, MIN_REFLECTION_WORDS,
        "Name one driver and the state it acts on, say what the essay does and does not say, and whether you would "
        "keep that direction.",
        [(("regulat", "rights", "mobilis", "mobiliz"), "Your answer does not yet name one of the three drivers.",
          "Start from one row of the drivers table, for example state mobilisation and B."),
         (("essay", "feij", "text", "infer", "assum"), "Your answer does not yet say what the essay itself says about that direction.",
          "Contrast the essay's words with the course's inference.")],
        "Thank you: your judgement is ready to discuss. Your instructor will assess it with the rubric.",
    )


#: The tasks of the exercise notebook, in order (see :mod:`techdiplomacy.exercises.tasks`).
TASKS = (
    Task("task1", "What the essay says about the EU's path", "eu_end_state", check_eu_end_state, "recall", points=1),
    Task("task2", "A security shock", "shock_ends", check_shock_ends, "apply", points=2),
    Task("task3", "A coalition's driver design on a budget", "coalition_design", check_coalition_design, "create", points=3),
    Task("task4", "Judge an inferred direction", "reflection", check_reflection, "create", points=0, open_answer=True),
)

format_only_in_assessment(globals())

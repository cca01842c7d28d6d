"""Checkers for the disruptions exercise. Each returns friendly :class:`Feedback`, never raises.

The ladder: task 1 (recall) names where Bain and PwC differ; task 2 (apply) makes a new, invented
forecast comparable with Bain's (share, pace per year) and finds that a bigger headline can mean a
slower change; task 3 (judge) marks each sentence of a draft briefing as sound or names the one
dimension it gets wrong; task 4 (open) explains divergence in the student's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from numbers import Real

from techdiplomacy.exercises.feedback import NOT_ANSWERED, PLACEHOLDER, Feedback, is_placeholder, never_crash, open_answer_problem
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.disruptions import DIMENSIONS, annual_change, basis_differences, figures, share_of

__all__ = ["BRIEFING", "NEW_FORECAST", "TASKS", "check_briefing", "check_differences", "check_explanation", "check_new_forecast"]

_SYNONYMS = {
    "measure": ("measure", "what", "counted", "metric", "unit", "quantity", "indicator"),
    "scope": ("scope", "where", "geography", "country", "countries", "coverage", "population", "place"),
    "horizon": ("horizon", "when", "date", "year", "time", "period", "timeframe"),
    "condition": ("condition", "assumption", "scenario", "if"),
}
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


# --- Task 2 (apply): a forecast the chapter did not show ----------------------------------------

#: Task 2: a forecast invented for the exercise (an illustrative assumption, not a real study).
NEW_FORECAST: dict[str, object] = {
    "text": "Study Z, published in 2024, expects automation to eliminate 36 million of the 120 million jobs "
            "that exist today in Eastland (a fictional country) by 2044. It states no condition.",
    "count": 36.0,
    "total": 120.0,
    "start": 2024,
    "end": 2044,
    "scope": "Eastland",
}
#: Bain's pace is counted from its publication (2018) to the close of the 2020s (drawn at 2030).
BAIN_START = 2018
_FORECAST_KEYS = ("share_percent", "points_per_year", "faster", "still_differs")


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    return float(value)


def _study(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    key = re.sub(r"[^a-z]", "", value.lower())
    if key == "bain":
        return "bain"
    if key in ("studyz", "z", "eastland", "new", "newforecast"):
        return "z"
    return None


def _forecast_expected() -> dict[str, float]:
    bain = figures("bain").iloc[0]
    share = share_of(float(NEW_FORECAST["count"]), float(NEW_FORECAST["total"]))
    return {
        "share": share,
        "pace": annual_change(0, share, int(NEW_FORECAST["start"]), int(NEW_FORECAST["end"])),
        "bain_low": annual_change(0, float(bain["value"]), BAIN_START, int(bain["year"])),
        "bain_high": annual_change(0, float(bain["value_high"]), BAIN_START, int(bain["year"])),
    }


@never_crash
def check_new_forecast(answer: object) -> Feedback:
    """Task 2: make Study Z comparable with Bain (share, pace per year), say which is faster and what still differs."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, "Answer with the dictionary of the template (share_percent, points_per_year, faster, still_differs).",
                        "Copy the template cell and fill in every value.")
    missing = [k for k in _FORECAST_KEYS if k not in answer]
    if missing:
        return Feedback(False, f"The dictionary lacks {', '.join(missing)}.", "Keep every key of the template.")
    expected = _forecast_expected()
    share, pace = _number(answer["share_percent"]), _number(answer["points_per_year"])
    if share is None or pace is None:
        return Feedback(False, "share_percent and points_per_year should be numbers.", "For example 12.5 and 0.8.")
    if 0 < share <= 1 and abs(share * 100 - expected["share"]) < 0.5:
        share *= 100  # a fraction instead of a percentage
    if abs(share - expected["share"]) >= 0.5:
        if abs(share - float(NEW_FORECAST["count"])) < 1e-9:
            return Feedback(False, f"{share:g} is the count of jobs (millions), not a share.",
                            "Bain counts a share of current jobs: divide 36 million by the 120 million jobs that exist today.")
        return Feedback(False, f"{share:g}% is not the share of today's jobs that Study Z expects to go.",
                        "Share = jobs eliminated / jobs that exist today x 100.")
    if abs(pace - expected["pace"]) >= 0.05:
        years_from_bain = int(NEW_FORECAST["end"]) - BAIN_START
        if abs(pace - expected["share"] / years_from_bain) < 0.05:
            return Feedback(False, f"You spread the change from {BAIN_START}, Bain's start; Study Z starts in {NEW_FORECAST['start']}.",
                            "Each forecast's pace runs from its own publication to its own horizon.")
        if abs(pace - float(NEW_FORECAST["count"]) / (int(NEW_FORECAST["end"]) - int(NEW_FORECAST["start"]))) < 0.05:
            return Feedback(False, "You divided the count (millions of jobs), not the share, by the years.",
                            "Divide the share in percent by the number of years.")
        return Feedback(False, f"{pace:g} points a year is not Study Z's pace.",
                        "Points per year = share / (horizon - publication year).")
    faster = _study(answer["faster"])
    if faster is None:
        return Feedback(False, f"I do not recognise {answer['faster']!r}.", 'Answer "Bain" or "Study Z".')
    if faster != "bain":
        return Feedback(False, f"Study Z's headline ({expected['share']:.0f}%) is larger than Bain's 20-25%, but it is spread over "
                               f"{int(NEW_FORECAST['end']) - int(NEW_FORECAST['start'])} years instead of about 12: "
                               f"{expected['pace']:.2f} points a year against Bain's {expected['bain_low']:.2f}-{expected['bain_high']:.2f}.",
                        "Compare paces, not headlines: a bigger number over a longer horizon can mean a slower change.")
    if isinstance(answer["still_differs"], str) or not isinstance(answer["still_differs"], Iterable):
        return Feedback(False, "still_differs should be a list of dimension names.", f"Choose from: {', '.join(DIMENSIONS)}.")
    given = list(answer["still_differs"])
    mapped = {_dimension(item) if isinstance(item, str) else None for item in given}
    if None in mapped:
        return Feedback(False, "Every item of still_differs should be a dimension name in quotes.", f"Choose from: {', '.join(DIMENSIONS)}.")
    right = {"scope", "horizon"}
    if mapped == right:
        return Feedback(True, f"Study Z's {expected['share']:.0f}% of today's jobs by 2044 is {expected['pace']:.2f} points a year, "
                              f"slower than Bain's {expected['bain_low']:.2f}-{expected['bain_high']:.2f}, although its headline is "
                              "bigger. Once both are shares of current jobs eliminated, the measure matches and neither states "
                              "a condition; the place (Eastland, not the United States) and the horizon still differ, and a pace "
                              "per year assumes the change is spread evenly.")
    if "measure" in mapped:
        return Feedback(False, "After your conversion both forecasts count a share of current jobs eliminated: the measure now matches.",
                        "Which differences did the conversion not remove?")
    if "condition" in mapped:
        return Feedback(False, "Neither Bain nor Study Z states a condition (compare McKinsey's 'if adoption is rapid').",
                        "Which differences did the conversion not remove?")
    lacking = sorted(right - mapped)
    return Feedback(False, f"Still different, and missing from your list: {', '.join(lacking)}.",
                    "Where does each forecast apply, and by when?")


# --- Task 3 (judge): a minister's briefing ---------------------------------------------------------

#: Task 3: sentences of a draft briefing, written for the course. Each is sound ("ok") or breaks one dimension.
BRIEFING: dict[str, str] = {
    "1": "PwC found that only 1% of jobs in the 29 countries it studied were at potential risk of automation by 2020.",
    "2": "Bain expects 20-25% of current US jobs to be eliminated by about 2030, so we should expect a similar share "
         "of jobs to go in Europe by 2030.",
    "3": "By 2025 machines will do 52% of the task hours in large companies, so about half of those companies' "
         "workers will lose their jobs by 2025.",
    "4": "McKinsey shows that 100 million Chinese workers will have to switch occupations.",
    "5": "In PwC's 29 countries, 1% of jobs were at potential risk by 2020, so 1% is also a fair figure for the "
         "jobs at risk there by 2030.",
    "6": "Bain and the World Economic Forum count different things, so their figures should not be drawn as bars "
         "on one axis.",
}
_BRIEFING_KEY: dict[str, str] = {"1": "ok", "2": "scope", "3": "measure", "4": "condition", "5": "horizon", "6": "ok"}
_BRIEFING_WHY: dict[str, str] = {
    "1": "it reports PwC's figure on PwC's own basis (measure, scope and horizon all stated)",
    "2": "Bain's study covers the United States only; carrying its share to Europe changes the scope",
    "3": "task hours done by machines are not jobs lost; the WEF even expects firms could create more jobs than vanish "
         "if workers are reskilled, so the sentence changes the measure",
    "4": "McKinsey's figure holds only if automation is adopted rapidly; dropping that drops the condition",
    "5": "PwC's horizon is 2020; stretching its 1% to 2030 changes the horizon",
    "6": "it refuses an invalid comparison; that is sound advice, not a flaw",
}
_VERDICTS = {"ok": "ok", "sound": "ok", "fine": "ok", "honest": "ok", "valid": "ok", "true": "ok", "correct": "ok"}


def _verdict(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    key = re.sub(r"[^a-z ]", "", value.lower()).strip()
    if key in _VERDICTS:
        return "ok"
    return _dimension(key) if key else None


@never_crash
def check_briefing(answer: object) -> Feedback:
    """Task 3: for each briefing sentence, ``"ok"`` or the one dimension it gets wrong."""
    if answer is None or answer is Ellipsis:
        return NOT_ANSWERED
    if is_placeholder(answer):
        return PLACEHOLDER
    if not isinstance(answer, Mapping):
        return Feedback(False, 'Answer with a dictionary such as {"1": "ok", "2": "scope", ...}.', "One entry per sentence.")
    verdicts: dict[str, str] = {}
    for key in BRIEFING:
        value = answer.get(key, answer.get(int(key)))
        if value is None:
            return Feedback(False, f"Sentence {key} has no verdict.", 'Give every sentence "ok" or a dimension.')
        verdict = _verdict(value)
        if verdict is None:
            return Feedback(False, f"I do not recognise {value!r} (sentence {key}).", f'Use "ok" or one of: {", ".join(DIMENSIONS)}.')
        verdicts[key] = verdict
    if len(set(verdicts.values())) == 1:
        return Feedback(False, f"You gave every sentence the same verdict ({next(iter(verdicts.values()))}); a briefing is "
                               "rarely all sound or all flawed in one way.", "Judge each sentence on its own.")
    wrong = [k for k in BRIEFING if verdicts[k] != _BRIEFING_KEY[k]]
    if not wrong:
        return Feedback(True, "All six judged as the course does: " + "; ".join(f"{k}: {_BRIEFING_WHY[k]}" for k in BRIEFING) + ".")
    first = wrong[0]
    said, right = verdicts[first], _BRIEFING_KEY[first]
    if right == "ok":
        message = f"Sentence {first} is sound: {_BRIEFING_WHY[first]}."
    elif said == "ok":
        message = f"Sentence {first} has a flaw: look at what it adds to the study's own basis."
    else:
        message = f"Sentence {first} keeps the study's {said}; the flaw is elsewhere."
    return Feedback(False, f"{len(BRIEFING) - len(wrong)} of {len(BRIEFING)} right. {message}",
                    "For each sentence compare what it claims with the study's row: what, where, by when, under which condition."
                    + (f" Also check: {', '.join(wrong[1:])}." if wrong[1:] else ""))


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


TASKS = (
    Task("task1", "Where do Bain and PwC differ?", "bain_vs_pwc", check_differences, "recall", points=1),
    Task("task2", "Make a new forecast comparable", "study_z", check_new_forecast, "apply", points=3),
    Task("task3", "Judge a minister's briefing", "briefing", check_briefing, "create", points=3),
    Task("task4", "Why do forecasts differ?", "explanation", check_explanation, "create", points=0, open_answer=True),
)

format_only_in_assessment(globals())

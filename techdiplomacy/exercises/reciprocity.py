"""Checkers for the reciprocity exercise. Each returns friendly :class:`Feedback`, never raises.

Task 1 (recall) asks for the classic scores of tit for tat against always defect; task 2 (apply)
asks for the scores of a match the chapter does not show, a breach in Han's direction (the large
partner defects once, the small partner forgives, with unequal stakes); task 3 (create) asks the
learner to write a strategy ``f(my_moves, their_moves) -> "C" | "D"`` and runs it against the
built-in ones; task 4 is a short reflection.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence

from techdiplomacy.exercises.feedback import Feedback, judge_open_answer, never_crash
from techdiplomacy.exercises.tasks import Task, format_only_in_assessment
from techdiplomacy.models.reciprocity import (
    STRATEGIES,
    InvalidMoveError,
    noisy_summary,
    play_match,
    strategy_from_function,
)

__all__ = [
    "CRITERIA",
    "TASKS",
    "check_breach",
    "check_reflection",
    "check_strategy",
    "check_tft_scores",
    "strategy_report",
]

TASK1_ROUNDS = 20
MIN_REFLECTION_WORDS = 25
#: What task 3 asks of a strategy (standard payoffs, 50 rounds).
CRITERIA = {
    "self_cooperation": 0.7,  # mean share of mutual cooperation with a copy of itself at noise 0.05
    "against_defector": 45.0,  # cumulative payoff against always defect without noise (always defect itself gets 50)
    "nice": 1.0,  # mutual cooperation with tit for tat without noise
}
ROUNDS = 50
NOISE = 0.05
RUNS = 30
#: Task 2: the large partner breaches once, in this round, and the small partner forgives (illustrative).
BREACH_ROUND = 3
BREACH_ROUNDS = 6
BREACH_ASYMMETRY = 0.5
SIGNATURE_HINT = 'Write it as: def my_strategy(my_moves, their_moves): ... return "C"  (or "D")'


@never_crash
def check_tft_scores(answer: object) -> Feedback:
    """Task 1: the scores of tit for tat and always defect in a 20-round match (R=3, S=0, T=5, P=1)."""
    expected = (TASK1_ROUNDS - 1, TASK1_ROUNDS + 4)
    if answer is Ellipsis:
        return Feedback(False, "Replace the placeholder ... with your two scores.", "For example (10, 12).")
    if not isinstance(answer, Sequence) or isinstance(answer, str) or len(answer) != 2:
        return Feedback(False, "Answer with two numbers in brackets: (tit for tat's score, always defect's score).",
                        "For example (10, 12).")
    try:
        tft, alld = (float(x) for x in answer)
    except (TypeError, ValueError):
        return Feedback(False, f"{answer!r} does not contain two numbers.", "Write the scores as numbers, for example (10, 12).")
    if (tft, alld) == expected:
        return Feedback(True, f"{expected[0]} against {expected[1]}: tit for tat is exploited once (0 against 5), then both "
                              f"defect for {TASK1_ROUNDS - 1} rounds (1 each). It loses this match, by 5 points, as it always will.")
    if (alld, tft) == expected:
        return Feedback(False, "You have the two numbers the wrong way round.", "Tit for tat's score comes first.")
    n = TASK1_ROUNDS
    misconceptions = {
        (float(n), float(n)): ("That is mutual defection in every round: tit for tat does not defect first.",
                               "What does tit for tat play in round 1?"),
        (0.0, 5.0 * n): ("That is what always cooperate would get: tit for tat retaliates after the first defection.",
                         "From round 2 on, tit for tat copies the partner's last move."),
        (3.0 * n, 3.0 * n): ("That is mutual cooperation: always defect never cooperates.",
                             "Look at the payoffs when one defects and the other cooperates, then when both defect."),
        (float(n - 1), float(n - 1)): ("You counted the mutual defections but not round 1, when always defect exploits tit for tat.",
                                       "Round 1: tit for tat gets S=0 and always defect gets T=5."),
    }
    if (tft, alld) in misconceptions:
        message, hint = misconceptions[(tft, alld)]
        return Feedback(False, f"({tft:g}, {alld:g}): {message}", hint)
    return Feedback(False, f"({tft:g}, {alld:g}) is not what the two strategies score.",
                    "Round 1: tit for tat cooperates and always defect defects. What does each get? From round 2 on, what does tit for tat do?")


def _breach_large(my_moves: tuple[str, ...], their_moves: tuple[str, ...]) -> str:
    return "D" if len(my_moves) == BREACH_ROUND - 1 else "C"


def breach_scores(small: str = "tit_for_two_tats") -> tuple[float, float]:
    """The totals (large, small) of task 2's match, computed by the course's model."""
    large = strategy_from_function(_breach_large, name="one breach")
    result = play_match(large, small, BREACH_ROUNDS, asymmetry=BREACH_ASYMMETRY)
    return result.total_large, result.total_small


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 1e-6 and abs(a[1] - b[1]) < 1e-6


@never_crash
def check_breach(answer: object) -> Feedback:
    """Task 2: the totals (large, small) when the large partner breaches once and the small one forgives."""
    example = "For example (12, 20.5): the large partner's total first."
    if answer is Ellipsis or answer is None:
        return Feedback(False, "Replace the placeholder ... with the two totals.", example)
    if not isinstance(answer, Sequence) or isinstance(answer, str) or len(answer) != 2:
        return Feedback(False, "Answer with two numbers in brackets: (large partner's total, small partner's total).", example)
    try:
        given = tuple(float(x) for x in answer)
    except (TypeError, ValueError):
        return Feedback(False, f"{answer!r} does not contain two numbers.", example)
    a = BREACH_ASYMMETRY
    right = breach_scores()
    mutual = (BREACH_ROUNDS * 3 * (1 - a), BREACH_ROUNDS * 3 * (1 + a))
    if _close(given, right):
        return Feedback(True, f"{right[0]:g} for the large partner and {right[1]:g} for the small one. The breach earns the "
                              f"large partner {right[0] - mutual[0]:g} more than steady cooperation ({mutual[0]:g}) and costs "
                              f"the small partner {mutual[1] - right[1]:g} ({mutual[1]:g} without it): because the small "
                              "partner needs the relationship more, the same breach costs it far more than it earns the "
                              "other. That is the direction of Han's example, the electric-vehicle credits.")
    unscaled = (3 * (BREACH_ROUNDS - 1) + 5, 3 * (BREACH_ROUNDS - 1))
    misconceptions = [
        ((right[1], right[0]), "You have the two totals the wrong way round.", "The large partner's total comes first."),
        (unscaled, "These are the totals with the standard payoffs, before the asymmetry scales them.",
         f"Multiply every payoff of the large partner by 1 - {a:g} and every payoff of the small partner by 1 + {a:g}."),
        ((unscaled[0] * (1 + a), unscaled[1] * (1 - a)), "You scaled the payoffs the wrong way round: the relationship is "
         "worth *more* to the small partner.", f"The small partner's payoffs are multiplied by 1 + {a:g}."),
        (breach_scores("tit_for_tat"), "That is the match in which the small partner answers the breach in kind (tit for "
         "tat). In this task it forgives, as tit for two tats does.", "In round 4 the small partner cooperates again."),
        (mutual, "That is six rounds of mutual cooperation: you left out the breach.",
         f"In round {BREACH_ROUND} the large partner defects while the small one cooperates: what does each get?"),
    ]
    for values, message, hint in misconceptions:
        if _close(given, values):
            return Feedback(False, message, hint)
    return Feedback(False, f"({given[0]:g}, {given[1]:g}) is not what the two partners score.",
                    f"Write the six rounds out: which round differs from mutual cooperation, and what does each partner "
                    f"get in it before and after the scaling by 1 - {a:g} and 1 + {a:g}?")


def _signature_problem(function: Callable[..., object]) -> str | None:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    try:
        signature.bind(("C",), ("C",))
    except TypeError:
        return f"Your function's signature is {getattr(function, '__name__', 'strategy')}{signature}, but a strategy must take two arguments."
    return None


class _Tracked:
    """Calls the learner's function and remembers the round, so errors can say where they happened."""

    def __init__(self, function: Callable[..., object]) -> None:
        self.function = function
        self.round = 0
        self.opponent = ""
        self.last: object = None

    def __call__(self, my_moves: tuple[str, ...], their_moves: tuple[str, ...]) -> object:
        self.round = len(my_moves) + 1
        self.last = self.function(my_moves, their_moves)
        return self.last


def _invalid_move_hint(value: object) -> str:
    if isinstance(value, str) and value.strip().upper() in ("C", "D"):
        return f'Return exactly "{value.strip().upper()}": one capital letter, no spaces.'
    if isinstance(value, str) and value.strip().lower() in ("cooperate", "defect"):
        return 'Return the letter only: "C" for cooperate, "D" for defect.'
    if isinstance(value, bool):
        return 'Return the letter, not True or False: for example  return "C" if ... else "D".'
    if value is Ellipsis:
        return "Replace the ... after return with your rule, for example  return \"C\"."
    if value is None:
        return "Every path through your function needs a return statement; check the first round, when both tuples are empty."
    return 'A move is exactly the string "C" or "D".'


def strategy_report(function: Callable[..., object]) -> dict[str, float]:
    """The three measures task 3 uses (see :data:`CRITERIA`); raises if the strategy misbehaves."""
    mine = strategy_from_function(function, name="your strategy")
    return {
        "self_cooperation": float(noisy_summary(mine, mine, ROUNDS, noise=NOISE, runs=RUNS, seed=0)["mutual_cooperation"]),
        "against_defector": play_match(mine, "always_defect", ROUNDS).total_large,
        "nice": play_match(mine, "tit_for_tat", ROUNDS).mutual_cooperation,
    }


@never_crash
def check_strategy(function: object) -> Feedback:
    """Task 3: a strategy that cooperates with itself under noise, is nice, and is not exploited."""
    if function is None or function is Ellipsis:
        return Feedback(False, "Replace the placeholder with your strategy function.", SIGNATURE_HINT)
    if not callable(function):
        return Feedback(False, f"Your answer is a {type(function).__name__}, not a function.",
                        "Pass the function itself, without calling it: check_strategy(my_strategy), not check_strategy(my_strategy()).")
    problem = _signature_problem(function)
    if problem:
        return Feedback(False, problem, SIGNATURE_HINT)
    tracked = _Tracked(function)
    learner = strategy_from_function(tracked, name="your strategy")
    for opponent in STRATEGIES:
        tracked.opponent = STRATEGIES[opponent].label
        try:
            play_match(learner, opponent, ROUNDS, noise=NOISE, seed=1)
        except InvalidMoveError:
            if tracked.last is Ellipsis:
                return Feedback(False, "Your function still returns the placeholder ... .", _invalid_move_hint(Ellipsis))
            return Feedback(False, f"In round {tracked.round} against {tracked.opponent}, your strategy returned {tracked.last!r}, "
                                   'but a move must be the string "C" (cooperate) or "D" (defect).', _invalid_move_hint(tracked.last))
        except Exception as error:  # noqa: BLE001 - the learner's code may raise anything
            hint = ("In round 1 both tuples are empty, so their_moves[-1] fails; check len(their_moves) first."
                    if isinstance(error, IndexError) and tracked.round == 1 else
                    "Run your function by hand, e.g. my_strategy((\"C\",), (\"D\",)), to see where it fails.")
            return Feedback(False, f"Your function raised {type(error).__name__}: {error} in round {tracked.round} against {tracked.opponent}.",
                            hint)
    report = strategy_report(function)
    summary = (f"With a copy of itself at noise {NOISE}: {report['self_cooperation']:.0%} mutual cooperation; "
               f"against always defect: {report['against_defector']:g} points in {ROUNDS} rounds; "
               f"with tit for tat: {report['nice']:.0%} mutual cooperation.")
    if report["nice"] < CRITERIA["nice"]:
        return Feedback(False, f"{summary} Your strategy does not cooperate fully with tit for tat, so it starts or feeds quarrels.",
                        "Cooperate in the first round and whenever the partner has cooperated.")
    if report["against_defector"] < CRITERIA["against_defector"]:
        return Feedback(False, f"{summary} Always defect exploits your strategy too long (aim for at least {CRITERIA['against_defector']:g}).",
                        "Generosity needs a limit: stop cooperating when the partner keeps defecting.")
    if report["self_cooperation"] < CRITERIA["self_cooperation"]:
        return Feedback(False, f"{summary} Misread moves still break cooperation between two copies of your strategy "
                               f"(aim for at least {CRITERIA['self_cooperation']:.0%}).",
                        "Forgive a single defection: retaliate only after two in a row, or look at more than the last move.")
    return Feedback(True, f"{summary} Your strategy is nice, hard to exploit and forgiving enough to survive misread moves.")


@never_crash
def check_reflection(answer: object) -> Feedback:
    """Task 4 (open): why the essay prefers diffuse reciprocity; checked for substance only."""
    return judge_open_answer(
        answer, MIN_REFLECTION_WORDS, "Link one result of the game to one piece of the essay's evidence.",
        [(("asymmetr", "imbalance", "equival", "unequal", "depend"),
          "Your answer does not yet mention the asymmetry between the partners or equivalence.",
          "What happened to the equal-value strategy when the stakes were unequal?")],
        "Thank you: your reflection is ready to discuss. Your instructor will assess it with the rubric.",
    )


#: The tasks of the exercise notebook, in order (see :mod:`techdiplomacy.exercises.tasks`).
TASKS = (
    Task("task1", "Tit for tat against always defect", "scores", check_tft_scores, "recall", points=1),
    Task("task2", "A breach in Han's direction", "breach", check_breach, "apply", points=2),
    Task("task3", "Design a strategy", "my_strategy", check_strategy, "create", points=4, searchable=False),
    Task("task4", "Why diffuse reciprocity?", "reflection", check_reflection, "create", points=0, open_answer=True),
)

format_only_in_assessment(globals())

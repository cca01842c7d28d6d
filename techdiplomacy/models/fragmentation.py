"""Section 4 of Feijóo et al. (2020): from compartmented ecosystems to fragmentation.

The essay describes three stages of international competition in AI -- techno-nationalism,
protectionism and fragmentation -- and judges that in 2020 the main players had moved into the
second stage and were approaching the third. This module holds

* the stages, the markers that identify each one, and a dated event timeline built from the
  essay's facts (``data/fragmentation_*.csv``);
* a rule that places an event on a stage from its markers: the stages are cumulative, so an
  event is classified by the furthest stage any of its markers belongs to;
* the evidence of the other essays on research collaboration between the main players, set
  beside Feijóo's warning that they approach fragmentation (:func:`collaboration_evidence`);
* an *illustrative* model of the essay's claim that diversity and innovation are related
  non-linearly: diversity multiplies experiments (a concave benefit), but beyond some point the
  loss of coordination between approaches (a convex cost) outweighs it. Interoperability
  provisions and converter technology shrink that cost, so the "functional level of diversity"
  moves up as interoperability improves. The functional form and its parameters are course
  assumptions; the essay gives only the shape of the argument.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from techdiplomacy.data import load_table
from techdiplomacy.validation import check_choice, check_positive_int, check_unit_interval

__all__ = [
    "CurveParameters",
    "STAGES",
    "STAGE_LABELS",
    "ZONES",
    "actors",
    "classify_markers",
    "collaboration_evidence",
    "diversity_zone",
    "events",
    "functional_range",
    "functional_diversity",
    "innovation",
    "innovation_curve",
    "markers",
    "scenario_grid",
    "stage_counts",
    "stage_years",
    "stages",
]

STAGES: tuple[str, ...] = ("techno_nationalism", "protectionism", "fragmentation")
STAGE_LABELS: dict[str, str] = {
    "techno_nationalism": "Techno-nationalism",
    "protectionism": "Protectionism",
    "fragmentation": "Fragmentation",
    "cooperation": "Compensation or collaboration (not a stage)",
}
EVENT_STAGES: tuple[str, ...] = (*STAGES, "cooperation")
ZONES: tuple[str, ...] = ("too little diversity", "functional diversity", "excessive fragmentation")


# --- stages, markers and events ----------------------------------------------------------------


def stages() -> pd.DataFrame:
    """The three stages in order, with what marks each and the essay's 2020 judgement."""
    return load_table("fragmentation_stages").sort_values("order").reset_index(drop=True)


def markers(stage: str | None = None) -> pd.DataFrame:
    """Markers that identify the stages (optionally only those of ``stage``)."""
    table = load_table("fragmentation_markers")
    if stage is not None:
        check_choice("stage", stage, STAGES)
        table = table[table["stage"] == stage]
    return table.reset_index(drop=True)


def actors() -> list[str]:
    """Every actor named in the event timeline, sorted."""
    names = {name.strip() for cell in load_table("fragmentation_events")["actors"] for name in cell.split(";")}
    return sorted(names)


def events(actor: str | None = None, stage: str | None = None) -> pd.DataFrame:
    """The event timeline, sorted by year, optionally filtered by one ``actor`` and/or ``stage``.

    Events the essay does not date are shown at 2020, the essay's vantage point
    (``dated_in_essay`` is False and ``year_basis`` says so).
    """
    table = load_table("fragmentation_events")
    if actor is not None:
        check_choice("actor", actor, actors())
        table = table[[actor in [n.strip() for n in cell.split(";")] for cell in table["actors"]]]
    if stage is not None:
        check_choice("stage", stage, EVENT_STAGES)
        table = table[table["stage"] == stage]
    table = table.assign(stage_label=[STAGE_LABELS[s] for s in table["stage"]])
    return table.sort_values(["year_end", "year_start", "event"]).reset_index(drop=True)


def stage_counts() -> pd.Series:
    """How many timeline events illustrate each stage (and the one move to compensate or collaborate, which is not a stage)."""
    counts = load_table("fragmentation_events")["stage"].value_counts()
    return counts.reindex(list(EVENT_STAGES), fill_value=0).rename("events")


def stage_years(dated_only: bool = True) -> pd.DataFrame:
    """First and last year of the events of each stage (by default only the events the essay dates).

    The essay presents the stages as an escalation; this table shows whether its dated facts also
    follow one another in time (they do not: the stages overlap).
    """
    table = load_table("fragmentation_events")
    if dated_only:
        table = table[table["dated_in_essay"]]
    grouped = table.groupby("stage").agg(first_year=("year_start", "min"), last_year=("year_end", "max"), events=("event", "count"))
    order = [s for s in EVENT_STAGES if s in grouped.index]
    return grouped.loc[order].rename(index=STAGE_LABELS).rename_axis("stage").reset_index()


#: What each essay says about links between the main players, and what that bears on.
_EVIDENCE = (
    {
        "essay": "feijoo2020",
        "claim": "The main players were in the protectionist stage in 2020 and approaching fragmentation: separate "
                 "services, possibly non-interoperable standards, restricted data flows and supply chains.",
        "channel": "markets, standards, data",
        "period": "essay of 2020",
    },
    {
        "essay": "feijoo2020",
        "claim": "The same essay notes that some links between researchers in different countries exist and calls "
                 "research already global, but warns that fragmentation could remove the incentives for cooperative "
                 "research (its example: cybersecurity).",
        "channel": "research",
        "period": "essay of 2020",
    },
    {
        "essay": "baek2023",
        "claim": "Citing a publication in Nature, Baek says US-China collaboration remains a core feature; he adds, without "
                 "tying it to that source, that most AI publications still involve it, while security and technological "
                 "sovereignty gain weight.",
        "channel": "research",
        "period": "essay of 2023; no figures given",
    },
)


def collaboration_evidence() -> pd.DataFrame:
    """Feijóo's warning beside the other essays' evidence on US-China links (one row per piece).

    Han's co-authorship shares come from ``data/reciprocity_coauthorship.csv``; the wording of the
    other rows is the course's paraphrase. ``channel`` says what each piece measures: research
    links, or the markets, standards and data flows in which the essay sees fragmentation.
    """
    rows = list(_EVIDENCE)
    shares = load_table("reciprocity_coauthorship")
    us = shares[shares["country"] == "United States"].set_index("partner")["share_percent"]
    rows.insert(2, {
        "essay": "han2023",
        "claim": f"Of the AI articles US researchers co-author internationally, {us['China']:g} % are with Chinese "
                 f"researchers and {us['South Korea']:g} % with South Korean ones (ETO data).",
        "channel": "research",
        "period": "essay of 2023; one snapshot, data year not given",
    })
    return pd.DataFrame(rows, columns=["essay", "claim", "channel", "period"])


def classify_markers(observed: Iterable[str]) -> str:
    """The stage an event belongs to, given the markers observed in it.

    The stages build on one another (fragmentation is the ultimate effect of the other two), so the
    furthest stage any marker belongs to wins. Raises ``ValueError`` for unknown markers or none.
    """
    if isinstance(observed, str):
        observed = [observed]
    table = markers()
    known = list(table["marker"])
    chosen = [check_choice("marker", m, known) for m in observed]
    if not chosen:
        raise ValueError("Give at least one marker; see markers() for the list.")
    stage_of = dict(zip(table["marker"], table["stage"]))
    return max((stage_of[m] for m in chosen), key=STAGES.index)


# --- the illustrative diversity-innovation model -----------------------------------------------


@dataclass(frozen=True)
class CurveParameters:
    """Illustrative parameters of the diversity-innovation curve (course assumptions).

    ``learning_rate``: how fast extra diversity adds useful experiments (concave benefit);
    ``coordination_cost``: the loss of complementarity at full diversity with no interoperability;
    ``interoperability_relief``: the share of that loss that perfect interoperability removes.
    """

    learning_rate: float = 3.0
    coordination_cost: float = 1.2
    interoperability_relief: float = 0.8

    def __post_init__(self) -> None:
        if not (isinstance(self.learning_rate, (int, float)) and self.learning_rate > 0):
            raise ValueError(f"learning_rate must be a positive number, got {self.learning_rate!r}.")
        if not (isinstance(self.coordination_cost, (int, float)) and self.coordination_cost > 0):
            raise ValueError(f"coordination_cost must be a positive number, got {self.coordination_cost!r}.")
        check_unit_interval("interoperability_relief", self.interoperability_relief)


DEFAULT = CurveParameters()


def innovation(diversity: float, interoperability: float, parameters: CurveParameters = DEFAULT) -> float:
    """Illustrative innovation index relative to a single, uniform approach (diversity 0).

    ``diversity`` and ``interoperability`` are in [0, 1]. The index is
    ``1 - exp(-learning_rate * d) - coordination_cost * (1 - relief * i) * d**2``: positive means
    diversity helps, negative means the ecosystem has fragmented past the point where it pays.
    """
    d = check_unit_interval("diversity", diversity)
    i = check_unit_interval("interoperability", interoperability)
    benefit = 1.0 - math.exp(-parameters.learning_rate * d)
    cost = parameters.coordination_cost * (1.0 - parameters.interoperability_relief * i) * d**2
    return benefit - cost


def _fine_grid() -> np.ndarray:
    return np.linspace(0.0, 1.0, 1001)


def _curve_values(interoperability: float, parameters: CurveParameters) -> tuple[np.ndarray, np.ndarray]:
    d = _fine_grid()
    i = check_unit_interval("interoperability", interoperability)
    values = 1.0 - np.exp(-parameters.learning_rate * d)
    values -= parameters.coordination_cost * (1.0 - parameters.interoperability_relief * i) * d**2
    return d, values


def functional_diversity(interoperability: float, parameters: CurveParameters = DEFAULT) -> float:
    """The diversity level that maximises the illustrative innovation index (to 0.001)."""
    d, values = _curve_values(interoperability, parameters)
    return float(round(d[int(np.argmax(values))], 3))


def functional_range(
    interoperability: float, tolerance: float = 0.9, parameters: CurveParameters = DEFAULT
) -> tuple[float, float]:
    """The band of diversity whose innovation index is at least ``tolerance`` times the peak.

    The essay advises keeping diversity within functional bounds; this band is the course's
    illustrative reading of those bounds, and the 90 % cut-off is an illustrative assumption.
    """
    tolerance = check_unit_interval("tolerance", tolerance)
    d, values = _curve_values(interoperability, parameters)
    inside = d[values >= tolerance * values.max()]
    return float(round(inside.min(), 3)), float(round(inside.max(), 3))


def diversity_zone(
    diversity: float, interoperability: float, tolerance: float = 0.9, parameters: CurveParameters = DEFAULT
) -> str:
    """Whether ``diversity`` is below, inside or above the functional band (one of ``ZONES``)."""
    d = check_unit_interval("diversity", diversity)
    low, high = functional_range(interoperability, tolerance, parameters)
    if d < low:
        return ZONES[0]
    if d > high:
        return ZONES[2]
    return ZONES[1]


def innovation_curve(interoperability: float, points: int = 51, parameters: CurveParameters = DEFAULT) -> pd.DataFrame:
    """The curve at one interoperability level: ``points`` evenly spaced diversity levels."""
    check_positive_int("points", points, maximum=1001)
    if points < 2:
        raise ValueError("points must be at least 2 to draw a curve.")
    i = check_unit_interval("interoperability", interoperability)
    grid = np.linspace(0.0, 1.0, points)
    return pd.DataFrame(
        {
            "diversity": np.round(grid, 4),
            "interoperability": i,
            "innovation": [innovation(float(d), i, parameters) for d in grid],
        }
    )


def scenario_grid(
    interoperability_levels: Iterable[float] = tuple(round(0.1 * k, 1) for k in range(11)),
    points: int = 51,
    tolerance: float = 0.9,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Precompute curves and functional bands for the static book's interoperability slider.

    Returns ``(curves, bands)``: one curve row per (interoperability, diversity) and one band row per
    interoperability level, with the functional diversity and the band's edges.
    """
    levels = [check_unit_interval("interoperability", level) for level in interoperability_levels]
    if not levels:
        raise ValueError("Give at least one interoperability level.")
    curves = pd.concat([innovation_curve(level, points) for level in levels], ignore_index=True)
    bands = []
    for level in levels:
        low, high = functional_range(level, tolerance)
        peak = functional_diversity(level)
        bands.append(
            {"interoperability": level, "functional_diversity": peak, "low": low, "high": high,
             "peak_innovation": innovation(peak, level)}
        )
    return curves, pd.DataFrame(bands)

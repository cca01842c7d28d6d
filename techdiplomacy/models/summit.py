"""The summit: the delegations of chapter 9's capstone play, and every chapter's model answers.

Each delegation of :func:`techdiplomacy.models.technology_diplomacy.capstone_roles` controls two or
three inputs of one chapter's model. :func:`summit_cards` turns a set of choices
(:class:`SummitChoices`) into one :class:`Card` per chapter model, each computed by *calling that
chapter's model* (nothing is re-implemented here), and reported as a band or direction in words:
the models are illustrative, so the cards give directions and bands, not forecasts.

:func:`tensions` lists pairs of choices that pull against each other; each says whether an essay
points to it (with the essay's key) or whether it is the course's own reasoning.
:func:`save_round` and :func:`load_round` keep a round's choices in a small JSON file for the debrief.
"""

from __future__ import annotations

import json
import textwrap

import pandas as pd
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from techdiplomacy.models import disruptions, fragmentation, minilateralism, policy_paths, power_relations
from techdiplomacy.models import regional_cooperation, regulation, technology_diplomacy
from techdiplomacy.models.reciprocity import MAX_ASYMMETRY, asymmetric_payoffs, noisy_summary
from techdiplomacy.validation import check_choice, check_unit_interval

__all__ = [
    "CARD_INPUTS",
    "DELEGATIONS",
    "INPUTS",
    "Card",
    "SummitChoices",
    "Tension",
    "card",
    "cards_table",
    "delegation_briefs",
    "load_round",
    "save_round",
    "summit_cards",
    "tensions",
    "TENSION_INPUTS",
]

#: The illustrative-models statement every view of the summit shows where the eye lands.
STATEMENT = "Illustrative models: the cards show directions and bands, not forecasts."

#: Fixed settings of the models that no delegation controls (illustrative assumptions).
RECIPROCITY_ROUNDS = 50
RECIPROCITY_NOISE = 0.05
RECIPROCITY_GENEROSITY = 0.3
RECIPROCITY_RUNS = 20
RECIPROCITY_SEED = 0
POSTURES: dict[str, str] = {"specific": "equal_value", "diffuse": "generous_tit_for_tat"}
AGREEMENT_P = 0.9
LEVELS5: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)
LEVELS11: tuple[float, ...] = tuple(round(0.1 * k, 1) for k in range(11))
LEVELS3: tuple[float, ...] = (0.0, 0.5, 1.0)
ASYMMETRIES: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75)
GROUP_SIZES: tuple[int, ...] = tuple(range(2, 21))
COALITION_DRIVERS: dict[str, tuple[str, ...]] = {
    "coalition_trade": ("raw_materials", "demand"),
    "coalition_production": ("labour_costs", "regulations"),
    "coalition_science": ("human_capital", "infrastructure"),
}

#: The delegations (chapter 9's capstone roles) and the summit's plenary vote.
DELEGATIONS: dict[str, str] = {
    "us_delegation": "United States delegation",
    "eu_delegation": "European Union delegation",
    "china_delegation": "China delegation",
    "corporate_diplomats": "Corporate diplomats",
    "citizen_diplomats": "Citizen diplomats",
    "korea_delegation": "Republic of Korea delegation",
    "power_analysts": "Power-relations advisers",
    "minilateral_chair": "Chair of a minilateral group",
    "regional_coalition": "Regional coalition for AI for the SDGs",
    "summit_vote": "The summit's vote (all delegations)",
}


@dataclass(frozen=True)
class Input:
    """One choice a delegation controls: its field name, owner, label and the options the page offers."""

    name: str
    delegation: str
    label: str
    options: tuple


INPUTS: tuple[Input, ...] = (
    Input("us_regulatory_pressure", "us_delegation", "Regulatory pressure", LEVELS5),
    Input("eu_rights_demand", "eu_delegation", "Demand for rights", LEVELS5),
    Input("eu_principle_coding", "eu_delegation", "Principles count as shared when", tuple(regulation.LEVELS)),
    Input("china_state_mobilisation", "china_delegation", "State mobilisation", LEVELS5),
    Input("corporate_interoperability", "corporate_diplomats", "Interoperability agreed", LEVELS11),
    Input("corporate_diversity", "corporate_diplomats", "Diversity of approaches", LEVELS11),
    Input("citizen_forecast_a", "citizen_diplomats", "First labour forecast", tuple(disruptions.study_ids())),
    Input("citizen_forecast_b", "citizen_diplomats", "Second labour forecast", tuple(disruptions.study_ids())),
    Input("korea_posture", "korea_delegation", "ROK-US posture", tuple(POSTURES)),
    Input("korea_asymmetry", "korea_delegation", "Asymmetry", ASYMMETRIES),
    Input("power_dimension", "power_analysts", "Power dimension", power_relations.DIMENSIONS),
    Input("power_stance", "power_analysts", "Stance", power_relations.STANCES),
    Input("chair_group_size", "minilateral_chair", "Group size", GROUP_SIZES),
    Input("chair_rule", "minilateral_chair", "Decision rule", minilateralism.DECISION_RULES),
    Input("coalition_trade", "regional_coalition", "Trade drivers", LEVELS3),
    Input("coalition_production", "regional_coalition", "Production drivers", LEVELS3),
    Input("coalition_science", "regional_coalition", "Science drivers", LEVELS3),
    Input("vote_design", "summit_vote", "Institution voted", technology_diplomacy.DESIGNS),
    Input("vote_weighting", "summit_vote", "Weighting", technology_diplomacy.PROFILES),
)

#: Which inputs each card depends on (and no others).
CARD_INPUTS: dict[str, tuple[str, ...]] = {
    "policy_paths": ("us_regulatory_pressure", "eu_rights_demand", "china_state_mobilisation"),
    "fragmentation": ("corporate_interoperability", "corporate_diversity"),
    "disruptions": ("citizen_forecast_a", "citizen_forecast_b"),
    "regulation": ("eu_principle_coding",),
    "reciprocity": ("korea_posture", "korea_asymmetry"),
    "power_relations": ("power_dimension", "power_stance"),
    "minilateralism": ("chair_group_size", "chair_rule"),
    "regional_cooperation": ("coalition_trade", "coalition_production", "coalition_science"),
    "technology_diplomacy": ("vote_design", "vote_weighting"),
}


@dataclass(frozen=True)
class SummitChoices:
    """The delegations' choices for one round (defaults: the status quo of each chapter)."""

    us_regulatory_pressure: float = 0.5
    eu_rights_demand: float = 0.5
    eu_principle_coding: str = "explicit_or_implied"
    china_state_mobilisation: float = 0.5
    corporate_interoperability: float = 0.5
    corporate_diversity: float = 0.5
    citizen_forecast_a: str = "bain"
    citizen_forecast_b: str = "wef"
    korea_posture: str = "diffuse"
    korea_asymmetry: float = 0.5
    power_dimension: str = "acquisition"
    power_stance: str = "competition"
    chair_group_size: int = 5
    chair_rule: str = "unanimity"
    coalition_trade: float = 0.5
    coalition_production: float = 0.5
    coalition_science: float = 0.5
    vote_design: str = "dedicated_organisation"
    vote_weighting: str = "equal"

    def __post_init__(self) -> None:
        for name in ("us_regulatory_pressure", "eu_rights_demand", "china_state_mobilisation",
                     "corporate_interoperability", "corporate_diversity", *COALITION_DRIVERS):
            check_unit_interval(name, getattr(self, name))
        check_choice("eu_principle_coding", self.eu_principle_coding, tuple(regulation.LEVELS))
        for name in ("citizen_forecast_a", "citizen_forecast_b"):
            check_choice(name, getattr(self, name), disruptions.study_ids())
        check_choice("korea_posture", self.korea_posture, tuple(POSTURES))
        asym = self.korea_asymmetry
        if isinstance(asym, bool) or not isinstance(asym, (int, float)) or not 0 <= asym <= MAX_ASYMMETRY:
            raise ValueError(f"korea_asymmetry must be a number from 0 to {MAX_ASYMMETRY}, got {asym!r}.")
        check_choice("power_dimension", self.power_dimension, power_relations.DIMENSIONS)
        check_choice("power_stance", self.power_stance, power_relations.STANCES)
        size = self.chair_group_size
        if isinstance(size, bool) or not isinstance(size, int) or not 2 <= size <= minilateralism.MAX_SIZE:
            raise ValueError(f"chair_group_size must be a whole number from 2 to {minilateralism.MAX_SIZE}, got {size!r}.")
        check_choice("chair_rule", self.chair_rule, minilateralism.DECISION_RULES)
        check_choice("vote_design", self.vote_design, technology_diplomacy.DESIGNS)
        check_choice("vote_weighting", self.vote_weighting, technology_diplomacy.PROFILES)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Card:
    """One consequence of the round, computed by one chapter's model."""

    key: str
    chapter: str
    title: str
    values: dict[str, object]
    band: str
    meaning: str
    inputs: tuple[str, ...] = field(default=())

    def lines(self, width: int = 86) -> list[str]:
        """The card as short lines of text (band first, then its meaning), for the static chart."""
        return [*textwrap.wrap(self.band, width), *textwrap.wrap(self.meaning, width)]


def _share_words(p: float) -> str:
    """A probability as words and a rounded band (no false precision)."""
    tenths = int(round(10 * p))
    if p >= 0.7:
        word = "likely"
    elif p >= 0.4:
        word = "open"
    else:
        word = "unlikely"
    return f"{word} (about {tenths} in 10)"


def _policy_paths(c: SummitChoices) -> Card:
    drivers = policy_paths.Drivers(c.us_regulatory_pressure, c.eu_rights_demand, c.china_state_mobilisation)
    table = policy_paths.end_state_table(drivers)
    values: dict[str, object] = {}
    parts = []
    for start in policy_paths.START_STATES:
        row = table.loc[start]
        end = str(row.idxmax())
        values[f"{start}_most_likely"] = end
        values[f"{start}_probability"] = float(row.max())
        parts.append(f"{start}->{end} {_share_words(float(row.max()))}")
    return Card(
        "policy_paths", "policy_paths.ipynb", "Policy paths: where each start is likely to end",
        values, "; ".join(parts),
        "The course's Markov model of Fig. 1: the most likely end state (B free market, C strong regulation, "
        "D collective goals) from the US (A1), EU (A2) and Chinese (A3) starts under the three drivers.",
        CARD_INPUTS["policy_paths"],
    )


def _fragmentation(c: SummitChoices) -> Card:
    i, d = c.corporate_interoperability, c.corporate_diversity
    low, high = fragmentation.functional_range(i)
    zone = fragmentation.diversity_zone(d, i)
    meanings = {
        fragmentation.ZONES[0]: "Too uniform: more diversity of approaches would still add useful experiments.",
        fragmentation.ZONES[1]: "Diversity sits inside the functional band the agreed interoperability allows.",
        fragmentation.ZONES[2]: "Past the functional band: the ecosystems fragment; more interoperability widens the band.",
    }
    return Card(
        "fragmentation", "fragmentation.ipynb", "Fragmentation: is diversity still functional?",
        {"zone": zone, "band_low": low, "band_high": high, "innovation": fragmentation.innovation(d, i)},
        f"{zone} (functional band about {low:.2f} to {high:.2f})",
        meanings[zone] + " (The course's illustrative diversity-innovation curve.)",
        CARD_INPUTS["fragmentation"],
    )


def _disruptions(c: SummitChoices) -> Card:
    a, b = c.citizen_forecast_a, c.citizen_forecast_b
    if a == b:
        diffs: list[str] = []
        band = "the same forecast twice: nothing to compare"
    else:
        diffs = disruptions.basis_differences(a, b)
        band = (f"{a} vs {b}: comparable bases" if not diffs
                else f"{a} vs {b}: bases differ in {', '.join(diffs)}")
    meaning = ("Before quoting numbers side by side, check what each forecast measures, over what scope "
               "and horizon, and under what condition; differing bases mean the numbers do not compare.")
    return Card("disruptions", "disruptions.ipynb", "Disruptions: can the two labour forecasts be compared?",
                {"comparable": a != b and not diffs, "differences": tuple(diffs)}, band, meaning,
                CARD_INPUTS["disruptions"])


def _regulation(c: SummitChoices) -> Card:
    level = c.eu_principle_coding
    us = regulation.overlap("eu", "us", level)
    china = regulation.overlap("eu", "china", level)
    return Card(
        "regulation", "regulation.ipynb", "Regulation: how far the EU's principles are shared",
        {"eu_us_jaccard": us["jaccard"], "eu_china_jaccard": china["jaccard"]},
        f"EU-US shared: {len(us['shared'])} of 5 principles; EU-China shared: {len(china['shared'])} of 5",
        f"Counting a principle as addressed when it is {regulation.LEVEL_LABELS[level].lower()}; "
        "a stricter coding shrinks the common ground the summit can build on.",
        CARD_INPUTS["regulation"],
    )


def _reciprocity(c: SummitChoices) -> Card:
    strategy = POSTURES[c.korea_posture]
    summary = noisy_summary(strategy, strategy, RECIPROCITY_ROUNDS, noise=RECIPROCITY_NOISE,
                            asymmetry=c.korea_asymmetry, generosity=RECIPROCITY_GENEROSITY,
                            runs=RECIPROCITY_RUNS, seed=RECIPROCITY_SEED)
    coop = float(summary["mutual_cooperation"])
    if coop >= 0.8:
        word = "mostly mutual cooperation"
    elif coop >= 0.4:
        word = "cooperation comes and goes"
    else:
        word = "cooperation mostly breaks down"
    large, small = asymmetric_payoffs(c.korea_asymmetry)
    weight = small.R / large.R
    matters = "equally to both" if weight < 1.05 else f"about {weight:.0f} times as much to the ROK"
    return Card(
        "reciprocity", "reciprocity.ipynb", "Reciprocity: does ROK-US cooperation hold?",
        {"mutual_cooperation": coop, "collapse_rate": float(summary["collapse_rate"]),
         "payoff_small": float(summary["payoff_small"]), "payoff_large": float(summary["payoff_large"]),
         "weight_small": weight},
        f"{c.korea_posture} posture: {word} (about {int(round(10 * coop))} in 10 rounds); "
        f"each exchange matters {matters}",
        "The course's noisy asymmetric game, both sides playing the same norm "
        f"({strategy.replace('_', ' ')}); illustrative payoffs, not a forecast of the relation.",
        CARD_INPUTS["reciprocity"],
    )


def _power(c: SummitChoices) -> Card:
    name = power_relations.mechanism(c.power_dimension, c.power_stance)
    return Card(
        "power_relations", "power_relations.ipynb", "Power relations: how the advisers read the move",
        {"mechanism": name},
        f"power {c.power_dimension} by {c.power_stance}: {name}",
        "The matrix names the mechanism; the advisers say which other team's move it describes "
        "and whether it could turn from competition to cooperation.",
        CARD_INPUTS["power_relations"],
    )


def _minilateralism(c: SummitChoices) -> Card:
    n, rule = c.chair_group_size, c.chair_rule
    best = minilateralism.best_size(AGREEMENT_P, rule, GROUP_SIZES)
    agility = minilateralism.agreement_probability(n, AGREEMENT_P, rule)
    if n < best - 1:
        where = "smaller than"
    elif n > best + 1:
        where = "larger than"
    else:
        where = "close to"
    return Card(
        "minilateralism", "minilateralism.ipynb", "Minilateralism: size against agility",
        {"agility": agility, "reach": minilateralism.reach(n),
         "impact": minilateralism.expected_impact(n, AGREEMENT_P, rule), "best_size": best},
        f"{n} members by {rule}: {where} the model's best size ({best}); agrees {_share_words(agility)}",
        "The course's illustrative size-agility model (each member agrees 9 times in 10): a bigger group "
        "reaches more stakeholders but agrees less often.",
        CARD_INPUTS["minilateralism"],
    )


def _regional(c: SummitChoices) -> Card:
    levels = {d: getattr(c, name) for name, drivers in COALITION_DRIVERS.items() for d in drivers}
    stage = regional_cooperation.classify_stage(levels)
    scores = regional_cooperation.stage_scores(levels)
    label = "no network yet" if stage == regional_cooperation.NO_NETWORK else f"{stage.replace('_', ' and ')} network"
    return Card(
        "regional_cooperation", "regional_cooperation.ipynb", "Regional cooperation: which network the drivers build",
        {"stage": stage, **{f"score_{s}": float(v) for s, v in scores.items()}},
        f"the coalition's drivers point to a {label}" if stage != regional_cooperation.NO_NETWORK else label,
        "The course's stage explorer: the stage whose drivers are strongest; an AI-for-the-SDGs mission "
        "needs the science and innovation network at the end of the path.",
        CARD_INPUTS["regional_cooperation"],
    )


def _scorecard(c: SummitChoices) -> Card:
    score = technology_diplomacy.score_design(technology_diplomacy.design_ratings(c.vote_design), c.vote_weighting)
    total = score.total
    word = "weak" if total < 40 else "middling" if total < 60 else "strong" if total < 80 else "very strong"
    rounded = int(5 * round(total / 5))
    return Card(
        "technology_diplomacy", "technology_diplomacy.ipynb", "New technology diplomacy: the institution voted",
        {"total": total, "weakest": score.weakest},
        f"{c.vote_design.replace('_', ' ')}, {c.vote_weighting.replace('_', ' ')} weights: {word} (about {rounded}/100)",
        f"The course's illustrative scorecard; weakest on {', '.join(w.replace('_', ' ') for w in score.weakest)}.",
        CARD_INPUTS["technology_diplomacy"],
    )


_BUILDERS = {
    "policy_paths": _policy_paths,
    "fragmentation": _fragmentation,
    "disruptions": _disruptions,
    "regulation": _regulation,
    "reciprocity": _reciprocity,
    "power_relations": _power,
    "minilateralism": _minilateralism,
    "regional_cooperation": _regional,
    "technology_diplomacy": _scorecard,
}
CARD_KEYS: tuple[str, ...] = tuple(_BUILDERS)


def _check_choices(choices: object) -> SummitChoices:
    if not isinstance(choices, SummitChoices):
        raise ValueError(f"choices must be a SummitChoices, got {type(choices).__name__}.")
    return choices


def card(key: str, choices: SummitChoices) -> Card:
    """The one card ``key`` (see :data:`CARD_KEYS`) for ``choices``."""
    check_choice("card", key, CARD_KEYS)
    return _BUILDERS[key](_check_choices(choices))


def summit_cards(choices: SummitChoices) -> list[Card]:
    """One card per chapter model for the delegations' ``choices``, in the book's chapter order."""
    choices = _check_choices(choices)
    return [build(choices) for build in _BUILDERS.values()]


def cards_table(choices: SummitChoices) -> pd.DataFrame:
    """The cards for ``choices`` as a table: chapter, card title, band and what it means."""
    return pd.DataFrame(
        [{"chapter": c.chapter.removesuffix(".ipynb").replace("_", " "), "card": c.title, "band": c.band,
          "what it means": c.meaning} for c in summit_cards(choices)]
    )


def delegation_briefs() -> pd.DataFrame:
    """One row per delegation: its perspective (chapter 9's capstone roles), its controls and the cards they move."""
    roles = technology_diplomacy.capstone_roles(9).set_index("role")
    rows = []
    for delegation, label in DELEGATIONS.items():
        owned = [spec for spec in INPUTS if spec.delegation == delegation]
        cards = [key for key, names in CARD_INPUTS.items() if any(spec.name in names for spec in owned)]
        perspective = (roles.loc[delegation, "perspective"] if delegation in roles.index
                       else "Every delegation votes: which institution, and with which weighting of the criteria")
        rows.append({
            "delegation": label,
            "perspective": perspective,
            "you control": "; ".join(spec.label for spec in owned),
            "cards you move": ", ".join(k.replace("_", " ") for k in cards),
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Tension:
    """Two or more choices that pull against each other, and who says so."""

    key: str
    inputs: tuple[str, ...]
    text: str
    source: str  # an essay key, or "course reasoning"

    @property
    def label(self) -> str:
        """One short line for the static chart: the tension and who points to it."""
        return f"{TENSION_LABELS[self.key]} ({self.source})"


#: Which choices each tension depends on, and its short label.
TENSION_INPUTS: dict[str, tuple[str, ...]] = {
    "low_interoperability_diffuse_trust": ("corporate_interoperability", "korea_posture"),
    "specific_under_asymmetry": ("korea_posture", "korea_asymmetry"),
    "large_group_unanimity": ("chair_group_size", "chair_rule"),
    "minilateral_vs_inclusion": ("vote_design", "vote_weighting"),
    "low_pressure_strict_coding": ("us_regulatory_pressure", "eu_principle_coding"),
}
TENSION_LABELS: dict[str, str] = {
    "low_interoperability_diffuse_trust": "Low interoperability, diffuse ROK-US posture",
    "specific_under_asymmetry": "A specific posture under strong asymmetry",
    "large_group_unanimity": "A large minilateral group deciding by unanimity",
    "minilateral_vs_inclusion": "A minilateral body voted with inclusion-first weights",
    "low_pressure_strict_coding": "Low regulatory pressure with a strict coding of shared principles",
}


def tensions(choices: SummitChoices) -> list[Tension]:
    """The tensions between ``choices`` (each names an essay that points to it, or says it is ours)."""
    c = _check_choices(choices)
    found = []
    if c.corporate_interoperability <= 0.3 and c.korea_posture == "diffuse":
        found.append(Tension(
            "low_interoperability_diffuse_trust", ("corporate_interoperability", "korea_posture"),
            "Korea banks on trust and good faith, yet the summit agrees little interoperability: Feijóo et al. "
            "see interoperability as what mitigates fragmentation, and our reading is that diffuse "
            "reciprocity is harder to sustain across fragmented ecosystems.",
            "feijoo2020 + han2023, linked by our reading"))
    if c.korea_posture == "specific" and c.korea_asymmetry >= 0.5:
        found.append(Tension(
            "specific_under_asymmetry", ("korea_posture", "korea_asymmetry"),
            "A strict equal-value posture in a strongly unequal relation: Han finds genuinely reciprocal "
            "(equivalent) cooperation impractical given the gaps between the two countries, and proposes "
            "diffuse reciprocity instead.",
            "han2023"))
    best = minilateralism.best_size(AGREEMENT_P, c.chair_rule, GROUP_SIZES)
    if c.chair_rule == "unanimity" and c.chair_group_size > best + 1:
        found.append(Tension(
            "large_group_unanimity", ("chair_group_size", "chair_rule"),
            "A large group deciding by unanimity gives up the agility the minilateralism essay credits "
            "small, trust-based groups with.",
            "minilateralism2024"))
    if c.vote_design == "minilateral_group" and c.vote_weighting == "inclusion_first":
        found.append(Tension(
            "minilateral_vs_inclusion", ("vote_design", "vote_weighting"),
            "The summit votes for a small minilateral body while weighting inclusion first: Feijóo et al. "
            "ask for enough countries on board to reach a critical mass.",
            "feijoo2020"))
    if c.us_regulatory_pressure <= 0.25 and c.eu_principle_coding == "explicit":
        found.append(Tension(
            "low_pressure_strict_coding", ("us_regulatory_pressure", "eu_principle_coding"),
            "Little regulatory pressure while the EU counts only explicit principles as shared: the common "
            "ground is thin on both counts (the course's reasoning).",
            "course reasoning"))
    return found


# --- saved rounds -------------------------------------------------------------------------------

ROUND_FORMAT = "techdiplomacy-summit-round/1"


def save_round(choices: SummitChoices, path: str | Path) -> Path:
    """Write ``choices`` to ``path`` as JSON (for the facilitator's debrief); returns the path."""
    choices = _check_choices(choices)
    target = Path(path)
    if target.suffix != ".json":
        raise ValueError(f"A saved round is a .json file; got {str(path)!r}.")
    target.write_text(json.dumps({"format": ROUND_FORMAT, "choices": choices.as_dict()}, indent=2), encoding="utf-8")
    return target


def load_round(path: str | Path) -> SummitChoices:
    """Read a round saved by :func:`save_round`; raises a clear ``ValueError`` if the file is not one."""
    source = Path(path)
    if not source.exists():
        raise ValueError(f"No saved round at {str(path)!r}.")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{str(path)!r} is not a saved round (not valid JSON: {error}).") from None
    if not isinstance(data, dict) or data.get("format") != ROUND_FORMAT or not isinstance(data.get("choices"), dict):
        raise ValueError(f"{str(path)!r} is not a saved summit round (expected format {ROUND_FORMAT!r}).")
    known = {f.name for f in fields(SummitChoices)}
    unknown = sorted(set(data["choices"]) - known)
    if unknown:
        raise ValueError(f"{str(path)!r} has unknown choices {unknown}; expected only {sorted(known)}.")
    try:
        return SummitChoices(**data["choices"])
    except ValueError as error:
        raise ValueError(f"{str(path)!r} holds an invalid round: {error}") from None

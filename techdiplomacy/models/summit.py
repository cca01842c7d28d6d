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
    "choices_from_document",
    "input_label",
    "load_round",
    "option_labels",
    "round_document",
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
    Input("korea_posture", "korea_delegation", "Posture towards the US", tuple(POSTURES)),
    Input("korea_asymmetry", "korea_delegation", "How unequal the relation is", ASYMMETRIES),
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
_BY_NAME: dict[str, Input] = {spec.name: spec for spec in INPUTS}

#: Short names of the delegations, as the page's controls name them.
DELEGATION_SHORT: dict[str, str] = {
    "us_delegation": "US delegation", "eu_delegation": "EU delegation", "china_delegation": "China delegation",
    "corporate_diplomats": "Corporate diplomats", "citizen_diplomats": "Citizen diplomats",
    "korea_delegation": "Korea delegation", "power_analysts": "Power advisers",
    "minilateral_chair": "Minilateral chair", "regional_coalition": "Regional coalition",
    "summit_vote": "Summit vote",
}

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
    chapter_number: int = 0
    chapter_title: str = ""
    author: str = ""

    @property
    def source_line(self) -> str:
        """Where the card comes from, in words: chapter number and title, and the essay's authors."""
        return f"Chapter {self.chapter_number}, {self.chapter_title}; essay: {self.author}"

    @property
    def input_labels(self) -> list[str]:
        """The inputs that feed the card, as the page names them."""
        return [input_label(name) for name in self.inputs]

    def lines(self, width: int = 86) -> list[str]:
        """The card as short lines of text (band first, then its meaning), for the static chart."""
        return [*textwrap.wrap(self.band, width), *textwrap.wrap(self.meaning, width)]


#: Human words for every option a control offers (what the page and the widget show).
_LEVEL_WORDS5 = {0.0: "none", 0.25: "low", 0.5: "medium", 0.75: "high", 1.0: "very high"}
_LEVEL_WORDS11 = {0.0: "none", 0.1: "very low (1 in 10)", 0.2: "very low (2 in 10)", 0.3: "low (3 in 10)",
                  0.4: "low (4 in 10)", 0.5: "medium (5 in 10)", 0.6: "high (6 in 10)", 0.7: "high (7 in 10)",
                  0.8: "very high (8 in 10)", 0.9: "very high (9 in 10)", 1.0: "complete"}
_LEVEL_WORDS3 = {0.0: "weak", 0.5: "medium", 1.0: "strong"}
_ASYMMETRY_WORDS = {0.0: "equal partners", 0.25: "slightly unequal", 0.5: "unequal", 0.75: "strongly unequal"}
_FORECASTERS = {"bain": "Bain", "pwc": "PwC", "wef": "World Economic Forum", "mckinsey": "McKinsey"}
_POSTURE_WORDS = {"specific": "specific: equal value in every exchange", "diffuse": "diffuse: generous, tolerates imbalance"}
_CODING_WORDS = {"explicit": "only when named explicitly", "explicit_or_implied": "when named or implied",
                 "any": "when mentioned at all, even with qualifications"}
_RULE_WORDS = {"unanimity": "unanimity", "majority": "majority vote"}
_PROFILE_CARD = {"equal": "equal weights", "inclusion_first": "inclusion-first weights",
                 "security_first": "security-first weights", "speed_first": "speed-first weights"}
_PROFILE_WORDS = {"equal": "all criteria equal", "inclusion_first": "inclusion first",
                  "security_first": "security first", "speed_first": "speed first"}


def _design_labels() -> dict[str, str]:
    from techdiplomacy.data import load_table

    table = load_table("technology_diplomacy_designs")
    return dict(zip(table["design"], table["label"]))


def _criterion_labels() -> dict[str, str]:
    from techdiplomacy.data import load_table

    table = load_table("technology_diplomacy_criteria")
    return {c: str(label).lower() for c, label in zip(table["criterion"], table["label"])}


def option_labels() -> dict[str, dict[object, str]]:
    """For every input, its options in the words the page shows (no codes, numbers as bands)."""
    labels: dict[str, dict[object, str]] = {}
    for spec in INPUTS:
        if spec.options == LEVELS5:
            words = _LEVEL_WORDS5
        elif spec.options == LEVELS11:
            words = _LEVEL_WORDS11
        elif spec.options == LEVELS3:
            words = _LEVEL_WORDS3
        elif spec.name == "korea_asymmetry":
            words = _ASYMMETRY_WORDS
        elif spec.name.startswith("citizen_forecast"):
            words = _FORECASTERS
        elif spec.name == "korea_posture":
            words = _POSTURE_WORDS
        elif spec.name == "eu_principle_coding":
            words = _CODING_WORDS
        elif spec.name == "power_dimension":
            words = {d: power_relations.DIMENSION_LABELS[d].lower() for d in power_relations.DIMENSIONS}
        elif spec.name == "power_stance":
            words = {s: s for s in power_relations.STANCES}
        elif spec.name == "chair_group_size":
            words = {n: f"{n} members" for n in GROUP_SIZES}
        elif spec.name == "chair_rule":
            words = _RULE_WORDS
        elif spec.name == "vote_design":
            words = _design_labels()
        elif spec.name == "vote_weighting":
            words = _PROFILE_WORDS
        else:  # pragma: no cover - every input is covered above (a test checks it)
            raise KeyError(spec.name)
        labels[spec.name] = {option: words[option] for option in spec.options}
    return labels


#: Which chapter each card comes from: number, title and the essay's authors, as the page cites them.
CHAPTERS: dict[str, tuple[int, str, str]] = {
    "policy_paths": (1, "Policy paths", "Feijóo et al. (2020)"),
    "fragmentation": (2, "Compartmented ecosystems", "Feijóo et al. (2020)"),
    "disruptions": (3, "Disruptions", "Feijóo et al. (2020)"),
    "regulation": (4, "Regulation perspectives", "Feijóo et al. (2020)"),
    "reciprocity": (5, "Reciprocity", "Han (2023)"),
    "power_relations": (6, "Power relations", "the power-relations essay (2024, author not named)"),
    "minilateralism": (7, "Minilateralism", "Pantuliano, Weiss, Meserole and Filer (2024)"),
    "regional_cooperation": (8, "Regional cooperation", "Baek (2023)"),
    "technology_diplomacy": (9, "New technology diplomacy", "Feijóo et al. (2020)"),
}


def input_label(name: str) -> str:
    """``name`` as the page shows it: the delegation, then the control (e.g. "US delegation: regulatory pressure")."""
    spec = _BY_NAME[name]
    return f"{DELEGATION_SHORT[spec.delegation]}: {spec.label[0].lower()}{spec.label[1:]}"


def _chance_words(p: float) -> str:
    """A probability as words with a rounded band (no false precision)."""
    tenths = int(round(10 * p))
    if p >= 0.85:
        word = "very likely"
    elif p >= 0.55:
        word = "likely"
    elif p >= 0.45:
        word = "even odds"
    elif p >= 0.15:
        word = "unlikely"
    else:
        word = "very unlikely"
    return f"{word} (about {tenths} in 10)"


def _level_words(x: float) -> str:
    if x < 0.15:
        return "very low"
    if x < 0.35:
        return "low"
    if x < 0.65:
        return "medium"
    if x < 0.85:
        return "high"
    return "very high"


_STARTS = {"A1": "the US start (A1)", "A2": "the EU start (A2)", "A3": "the Chinese start (A3)"}
_ENDS = {"B": "free market (B)", "C": "strong regulation (C)", "D": "collective goals (D)"}


def _card(key: str, title: str, values: dict[str, object], band: str, meaning: str) -> Card:
    number, chapter_title, author = CHAPTERS[key]
    return Card(key, f"{key}.ipynb", title, values, band, meaning, CARD_INPUTS[key],
                chapter_number=number, chapter_title=chapter_title, author=author)


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
        parts.append(f"from {_STARTS[start]} most likely to {_ENDS[end]}, {_chance_words(float(row.max()))}")
    band = "; ".join(parts)
    return _card(
        "policy_paths", "Policy paths: where each start is likely to end", values, band[0].upper() + band[1:] + ".",
        "The course's illustrative Markov model of Feijóo et al.'s Fig. 1, moved by the three drivers the "
        "US, EU and Chinese delegations set.",
    )


def _fragmentation(c: SummitChoices) -> Card:
    i, d = c.corporate_interoperability, c.corporate_diversity
    low, high = fragmentation.functional_range(i)
    zone = fragmentation.diversity_zone(d, i)
    meanings = {
        fragmentation.ZONES[0]: "Too uniform: more diversity of approaches would still add useful experiments.",
        fragmentation.ZONES[1]: "The diversity left sits inside the band the agreed interoperability allows.",
        fragmentation.ZONES[2]: "Past the functional band, the ecosystems fragment; more interoperability widens the band.",
    }
    return _card(
        "fragmentation", "Fragmentation: is diversity still functional?",
        {"zone": zone, "band_low": low, "band_high": high, "innovation": fragmentation.innovation(d, i)},
        f"{zone[0].upper()}{zone[1:]}: with this interoperability, diversity stays functional from "
        f"{_level_words(low)} to {_level_words(high)}.",
        meanings[zone] + " (The course's illustrative diversity-innovation curve.)",
    )


def _disruptions(c: SummitChoices) -> Card:
    a, b = c.citizen_forecast_a, c.citizen_forecast_b
    names = f"{_FORECASTERS[a]} and {_FORECASTERS[b]}"
    if a == b:
        diffs: list[str] = []
        band = f"The same forecast ({_FORECASTERS[a]}) twice: there is nothing to compare."
    else:
        diffs = disruptions.basis_differences(a, b)
        if diffs:
            words = [disruptions.DIMENSION_LABELS[d].split(" (")[0].lower() for d in diffs]
            listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
            band = f"{names}: not comparable; they differ in {listed}."
        else:
            band = f"{names}: comparable bases."
    meaning = ("Before quoting numbers side by side, check what each forecast measures, where, by when "
               "and under what condition; differing bases mean the numbers do not compare.")
    return _card("disruptions", "Disruptions: can the two labour forecasts be compared?",
                 {"comparable": a != b and not diffs, "differences": tuple(diffs)}, band, meaning)


def _count_words(n: int) -> str:
    return ("none", "one", "two", "three", "four", "all five")[n]


def _regulation(c: SummitChoices) -> Card:
    level = c.eu_principle_coding
    us = regulation.overlap("eu", "us", level)
    china = regulation.overlap("eu", "china", level)
    return _card(
        "regulation", "Regulation: how far the EU's principles are shared",
        {"eu_us_jaccard": us["jaccard"], "eu_china_jaccard": china["jaccard"]},
        f"The EU and the US share {_count_words(len(us['shared']))} of the 5 principles; the EU and China "
        f"share {_count_words(len(china['shared']))}.",
        f"A principle counts as shared {_CODING_WORDS[level]}; a stricter coding shrinks the common "
        "ground the summit can build on.",
    )


def _rounds_words(share: float) -> str:
    tenths = int(round(10 * share))
    return "almost no rounds" if tenths == 0 else "almost every round" if tenths == 10 else f"about {tenths} in 10 rounds"


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
    if weight < 1.05:
        matters = "equally to both"
    elif weight < 2:
        matters = "somewhat more to Korea"
    elif weight < 4:
        matters = "much more to Korea"
    else:
        matters = "far more to Korea"
    posture = "Diffuse" if c.korea_posture == "diffuse" else "Specific"
    if c.korea_posture == "specific":
        caveat = ("In the model both sides play this norm, and it is the large partner's equal-value test "
                  "that breaks cooperation as the asymmetry grows: Korea's posture alone does not cause it.")
    else:
        caveat = ("In the model both sides play this norm (generous reciprocity); the asymmetry changes what "
                  "each exchange is worth, not the game's structure.")
    return _card(
        "reciprocity", "Reciprocity: does ROK-US cooperation hold?",
        {"mutual_cooperation": coop, "collapse_rate": float(summary["collapse_rate"]),
         "payoff_small": float(summary["payoff_small"]), "payoff_large": float(summary["payoff_large"]),
         "weight_small": weight},
        f"{posture} posture: {word} ({_rounds_words(coop)}); each exchange matters {matters}.",
        caveat + " The course's noisy game with illustrative payoffs, not a forecast of the relation.",
    )


def _power(c: SummitChoices) -> Card:
    name = power_relations.mechanism(c.power_dimension, c.power_stance)
    dimension = power_relations.DIMENSION_LABELS[c.power_dimension].lower()
    return _card(
        "power_relations", "Power relations: how the advisers read the move",
        {"mechanism": name},
        f"A move of {dimension} by {c.power_stance}: the matrix names it {name.lower()}.",
        "The matrix names the mechanism; the advisers say which other team's move it describes "
        "and whether it could turn from competition to cooperation.",
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
    return _card(
        "minilateralism", "Minilateralism: size against agility",
        {"agility": agility, "reach": minilateralism.reach(n),
         "impact": minilateralism.expected_impact(n, AGREEMENT_P, rule), "best_size": best},
        f"{n} members deciding by {_RULE_WORDS[rule]}: {where} the model's best size ({best} members); "
        f"agreement is {_chance_words(agility)}.",
        "The course's illustrative size-agility model (each member agrees 9 times in 10): a bigger group "
        "reaches more stakeholders but agrees less often.",
    )


_STAGE_WORDS = {"trade": "trade network", "production": "production network",
                "science_innovation": "science and innovation network"}


def _regional(c: SummitChoices) -> Card:
    levels = {d: getattr(c, name) for name, drivers in COALITION_DRIVERS.items() for d in drivers}
    stage = regional_cooperation.classify_stage(levels)
    scores = regional_cooperation.stage_scores(levels).round(9)
    leaders = [s for s in regional_cooperation.STAGES if scores[s] == scores.max()]
    values = {"stage": stage, **{f"score_{s}": float(v) for s, v in scores.items()}}
    if stage == regional_cooperation.NO_NETWORK:
        band = "No network yet: every group of drivers is weak."
    elif len(leaders) > 1:
        values["undecided"] = tuple(leaders)
        names = [_STAGE_WORDS[s].removesuffix(" network") for s in leaders]
        listed = names[0] + " and " + names[1] if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]
        band = (f"Undecided: the drivers of the {listed} networks are level, so the coalition has not "
                "chosen a network yet.")
    else:
        band = f"The coalition's drivers point to a {_STAGE_WORDS[stage]}."
    return _card(
        "regional_cooperation", "Regional cooperation: which network the drivers build", values, band,
        "The course's stage explorer names the stage whose drivers are strongest, on Baek's path from a "
        "trade network to a science and innovation network.",
    )


def _scorecard(c: SummitChoices) -> Card:
    score = technology_diplomacy.score_design(technology_diplomacy.design_ratings(c.vote_design), c.vote_weighting)
    total = score.total
    word = "weak" if total < 40 else "middling" if total < 60 else "strong" if total < 80 else "very strong"
    criteria = _criterion_labels()
    weakest = [criteria[w] for w in score.weakest]
    listed = weakest[0] if len(weakest) == 1 else ", ".join(weakest[:-1]) + " and " + weakest[-1]
    return _card(
        "technology_diplomacy", "New technology diplomacy: the institution voted",
        {"total": total, "weakest": score.weakest},
        f"{_design_labels()[c.vote_design]}, {_PROFILE_CARD[c.vote_weighting]}: {word}.",
        f"The course's illustrative scorecard; this design is weakest on {listed}.",
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
        [{"chapter": f"{c.chapter_number}. {c.chapter_title}", "card": c.title, "band": c.band,
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
            "cards you move": ", ".join(f"{CHAPTERS[k][1]} (chapter {CHAPTERS[k][0]})" for k in cards),
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Tension:
    """Two or more choices that pull against each other, and who says so."""

    key: str
    inputs: tuple[str, ...]
    text: str
    source: str  # who points to it, in words (authors), or the course's own reasoning

    @property
    def label(self) -> str:
        """One short line: the tension and who points to it."""
        return f"{TENSION_LABELS[self.key]} ({self.source})"

    @property
    def input_labels(self) -> list[str]:
        return [input_label(name) for name in self.inputs]


#: Which choices each tension depends on, and its short label.
TENSION_INPUTS: dict[str, tuple[str, ...]] = {
    "low_interoperability_diffuse_trust": ("corporate_interoperability", "korea_posture"),
    "specific_under_asymmetry": ("korea_posture", "korea_asymmetry"),
    "large_group_unanimity": ("chair_group_size", "chair_rule"),
    "minilateral_vs_inclusion": ("vote_design", "vote_weighting"),
    "low_pressure_strict_coding": ("us_regulatory_pressure", "eu_principle_coding"),
}
TENSION_LABELS: dict[str, str] = {
    "low_interoperability_diffuse_trust": "Low interoperability, diffuse posture towards the US",
    "specific_under_asymmetry": "A specific posture in a strongly unequal relation",
    "large_group_unanimity": "A large minilateral group deciding by unanimity",
    "minilateral_vs_inclusion": "A minilateral body voted with inclusion-first weights",
    "low_pressure_strict_coding": "Low regulatory pressure with a strict coding of shared principles",
}


def tensions(choices: SummitChoices) -> list[Tension]:
    """The tensions between ``choices`` (each names who points to it, or says it is the course's reasoning)."""
    c = _check_choices(choices)
    found = []
    if c.corporate_interoperability <= 0.3 and c.korea_posture == "diffuse":
        found.append(Tension(
            "low_interoperability_diffuse_trust", TENSION_INPUTS["low_interoperability_diffuse_trust"],
            "Korea banks on trust and good faith, yet the summit agrees little interoperability. Feijóo et al. "
            "see interoperability provisions as easing fragmentation, and Han grounds diffuse reciprocity in "
            "trust and good faith; that such trust is harder to keep across fragmented ecosystems is the "
            "course's reading of the two essays together.",
            "Feijóo et al. and Han, linked by the course's reading"))
    if c.korea_posture == "specific" and c.korea_asymmetry >= 0.5:
        found.append(Tension(
            "specific_under_asymmetry", TENSION_INPUTS["specific_under_asymmetry"],
            "A strict equal-value posture in a strongly unequal relation: Han finds genuinely reciprocal "
            "cooperation impractical given the gaps between the two countries, and proposes diffuse "
            "reciprocity instead.",
            "Han"))
    best = minilateralism.best_size(AGREEMENT_P, c.chair_rule, GROUP_SIZES)
    if c.chair_rule == "unanimity" and c.chair_group_size > best + 1:
        found.append(Tension(
            "large_group_unanimity", TENSION_INPUTS["large_group_unanimity"],
            "A large group deciding by unanimity gives up the agility that Weiss, in the minilateralism "
            "essay, credits small, trust-based groups with.",
            "Weiss, in Pantuliano et al."))
    if c.vote_design == "minilateral_group" and c.vote_weighting == "inclusion_first":
        found.append(Tension(
            "minilateral_vs_inclusion", TENSION_INPUTS["minilateral_vs_inclusion"],
            "The summit votes for a small minilateral body while weighting inclusion first: the course's "
            "scorecard rates such a group lowest on the two criteria these weights count most, "
            "multi-stakeholder participation and openness (the course's illustrative ratings and reasoning).",
            "the course's reasoning"))
    if c.us_regulatory_pressure <= 0.25 and c.eu_principle_coding == "explicit":
        found.append(Tension(
            "low_pressure_strict_coding", TENSION_INPUTS["low_pressure_strict_coding"],
            "Little regulatory pressure while the EU counts only explicit principles as shared: the common "
            "ground is thin on both counts (the course's reasoning).",
            "the course's reasoning"))
    return found


# --- saved rounds -------------------------------------------------------------------------------

ROUND_FORMAT = "techdiplomacy-summit-round/1"


def round_document(choices: SummitChoices, name: str = "") -> dict[str, object]:
    """The JSON document of a saved round: the same in the kernel widget and the static page."""
    choices = _check_choices(choices)
    document: dict[str, object] = {"format": ROUND_FORMAT}
    if name:
        document["name"] = str(name)
    document["choices"] = choices.as_dict()
    return document


def choices_from_document(data: object, origin: str = "the round") -> SummitChoices:
    """The choices of a round document (from :func:`round_document` or the static page's download)."""
    if not isinstance(data, dict) or data.get("format") != ROUND_FORMAT or not isinstance(data.get("choices"), dict):
        raise ValueError(f"{origin} is not a saved summit round (expected format {ROUND_FORMAT!r}).")
    known = {f.name: f for f in fields(SummitChoices)}
    unknown = sorted(set(data["choices"]) - set(known))
    if unknown:
        raise ValueError(f"{origin} has unknown choices {unknown}; expected only {sorted(known)}.")
    values = dict(data["choices"])
    for name, value in values.items():  # JSON writes 1.0 as 1: read it back as the float it was
        if isinstance(known[name].default, float) and isinstance(value, int) and not isinstance(value, bool):
            values[name] = float(value)
    try:
        return SummitChoices(**values)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{origin} holds an invalid round: {error}") from None


def save_round(choices: SummitChoices, path: str | Path, name: str = "") -> Path:
    """Write ``choices`` to ``path`` as JSON (for the facilitator's debrief); returns the path."""
    choices = _check_choices(choices)
    target = Path(path)
    if target.suffix != ".json":
        raise ValueError(f"A saved round is a .json file; got {str(path)!r}.")
    target.write_text(json.dumps(round_document(choices, name), indent=2, ensure_ascii=False), encoding="utf-8")
    return target


def load_round(path: str | Path) -> SummitChoices:
    """Read a round saved by :func:`save_round` or downloaded from the static page; raises a clear
    ``ValueError`` if the file is not one."""
    source = Path(path)
    if not source.exists():
        raise ValueError(f"No saved round at {str(path)!r}.")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{str(path)!r} is not a saved round (not valid JSON: {error}).") from None
    return choices_from_document(data, repr(str(path)))

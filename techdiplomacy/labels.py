"""Human labels for the course's internal keys, in one place.

The models, data and checkers name things with short snake_case keys (``techno_nationalism``,
``tit_for_tat``, ``year_start``); readers of the book see labels (*Techno-nationalism*, *Tit for
tat*, *First year*). :func:`label` turns any key into its label: first the labels the models define
themselves (stages, drivers, dimensions, strategies, norms, ...), then :data:`LABELS` below, and
otherwise the key with spaces for underscores and a capital first letter.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["LABELS", "LABELLED_TABLES", "NAMES", "UNITS", "humanize_text", "is_key", "label", "labels", "term"]

#: Keys whose label is not simply the key with spaces (column names and values of the tables).
LABELS: dict[str, str] = {
    # people, places, organisations
    "us": "United States",
    "eu": "European Union",
    "china": "China",
    "uk": "United Kingdom",
    "pwc": "PwC",
    "mckinsey": "McKinsey",
    "United_States": "United States",
    # columns
    "year_start": "First year",
    "year_end": "Last year",
    "first_year": "First year",
    "last_year": "Last year",
    "classified_by": "Stage assigned by",
    "status_2020": "Status in 2020",
    "stage_label": "Stage",
    "horizon_label": "Horizon",
    "norm_label": "Norm",
    "cited_as": "Cited as",
    "value_high": "Upper value",
    "n_shared": "Shared members",
    "same_group": "Same group",
    "full_name": "Full name",
    "level_0": "Level 0",
    "level_1": "Level 1",
    "level_2": "Level 2",
    "level_3": "Level 3",
    "max_points": "Maximum points",
    "model_to_use": "Model to use",
    "short_title": "Short title",
    "ai_response": "AI response",
    "essay_basis": "Basis in the essay",
    "likelihood_in_essay": "Likelihood in the essay",
    "base_weight": "Base weight",
    "from_state": "From",
    "to_state": "To",
    "direction_from": "Direction from",
    "total_large": "Large partner's total",
    "total_small": "Small partner's total",
    "mutual_cooperation": "Mutual cooperation",
    "collapse_rate": "Collapse rate",
    "payoff_cooperators": "Payoff of cooperators",
    "payoff_free_riders": "Payoff of free riders",
    "payoff_per_game": "Payoff per game",
    "cooperation_received": "Cooperation received",
    "all_cases": "All cases",
    "n": "Members",
    "sdg": "SDG",
    "p": "Agreement probability",
    # values
    "tit_for_tat": "Tit for tat",
    "generous_tit_for_tat": "Generous tit for tat",
    "always_defect": "Always defect",
    "always_cooperate": "Always cooperate",
    "techno_nationalism": "Techno-nationalism",
    "global_positioning": "Global positioning",
    "feijoo2020": "Feijóo et al. (2020)",
    "han2023": "Han (2023)",
    "baek2023": "Baek (2023)",
    "minilateralism2024": "What experts want (2024)",
    "powerrelations2024": "Power relations essay (2024)",
}

#: Keys whose label is a name: it keeps its capital letter inside a sentence.
NAMES: frozenset[str] = frozenset({"us", "eu", "china", "uk", "pwc", "mckinsey", "United_States", "feijoo2020",
                                   "han2023", "baek2023", "minilateralism2024", "powerrelations2024"})

#: Endings of column keys that carry a unit: the unit goes in brackets after the label.
UNITS: dict[str, str] = {
    "_percent": " (%)",
    "_pct": " (%)",
    "_usd_billion": " (USD billion)",
    "_years": " (years)",
}

_KEY = re.compile(r"^[A-Za-z][a-z0-9]*(?:_[A-Za-z0-9]+)+$")
_KEY_IN_TEXT = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def is_key(text: object) -> bool:
    """True if ``text`` looks like an internal snake_case key (``year_start``, ``tit_for_tat``)."""
    return isinstance(text, str) and bool(_KEY.match(text))


@lru_cache(maxsize=1)
def _model_labels() -> dict[str, str]:
    """Labels the models define for their own keys (imported lazily: the models do not need this)."""
    found: dict[str, str] = {}
    try:
        from techdiplomacy.models import disruptions, fragmentation, policy_paths, power_relations, regulation
        from techdiplomacy.models.reciprocity import NORMS, STRATEGIES
    except ImportError:  # pragma: no cover - a partial install still gets readable keys
        return found
    for mapping in (fragmentation.STAGE_LABELS, policy_paths.DRIVER_LABELS, regulation.LEVEL_LABELS,
                    disruptions.DIMENSION_LABELS, power_relations.DIMENSION_LABELS, NORMS):
        found.update({str(k): str(v) for k, v in mapping.items()})
    found.update({key: strategy.label for key, strategy in STRATEGIES.items()})
    found.update({k: v for k, v in _data_labels().items() if k not in found})
    return found


#: Tables whose first column is a key and whose ``label`` column names it (not the policy-paths
#: states, whose keys A1, B, ... are the labels readers see in Fig. 1).
LABELLED_TABLES: tuple[str, ...] = (
    "fragmentation_markers", "fragmentation_stages", "minilateralism_maturity_criteria",
    "regional_cooperation_applications", "regional_cooperation_drivers", "regional_cooperation_issues",
    "regional_cooperation_mission_steps", "regional_cooperation_obstacles", "regional_cooperation_principles",
    "regional_cooperation_recommendations", "regional_cooperation_stages", "regulation_jurisdictions",
    "regulation_principles", "technology_diplomacy_actors", "technology_diplomacy_avenues",
    "technology_diplomacy_blocks", "technology_diplomacy_criteria", "technology_diplomacy_designs",
    "technology_diplomacy_features", "technology_diplomacy_layers", "technology_diplomacy_tasks",
)


def _data_labels() -> dict[str, str]:
    from techdiplomacy.data import load_table

    found: dict[str, str] = {}
    for name in LABELLED_TABLES:
        table = load_table(name)
        for key, text in zip(table.iloc[:, 0], table["label"]):
            if isinstance(key, str) and key and isinstance(text, str) and text:
                found.setdefault(key, text)
    return found


def label(key: object) -> str:
    """The human label of ``key``: a defined label, else the key with spaces and a capital letter.

    Text that is not a key (it has spaces, or no underscore) is returned unchanged."""
    text = str(key)
    if text in LABELS:
        return LABELS[text]
    model = _model_labels()
    if text in model:
        return model[text]
    if not is_key(text):
        return text
    for ending, unit in UNITS.items():
        if text.endswith(ending) and len(text) > len(ending):
            return _generic(text[: -len(ending)]) + unit
    return _generic(text)


def humanize_text(text: str) -> str:
    """``text`` with every snake_case key in it replaced by its label (lower case inside a sentence)."""

    def replace(match: re.Match[str]) -> str:
        return _in_sentence(match.group(0)) if match.start() else label(match.group(0))

    return _KEY_IN_TEXT.sub(replace, text)


def _generic(key: str) -> str:
    words = key.replace("_", " ")
    return words[0].upper() + words[1:]


def term(key: object) -> str:
    """The label of ``key`` inside a sentence: lower case unless it is a name ("techno-nationalism",
    "the United States")."""
    return _in_sentence(key)


def _in_sentence(key: object) -> str:
    """The label of ``key`` inside a sentence: lower case unless it is a name (a defined label)."""
    found = label(key)
    if str(key) not in NAMES and found[1:2].islower():
        return found[0].lower() + found[1:]
    return found


def labels(keys: object) -> str:
    """Several keys as one readable list inside a sentence: "autonomy, justice and the United States"
    (names keep their capital letters)."""
    keys = list(keys)  # type: ignore[call-overload]
    if not keys:
        return "none"
    names = [_in_sentence(k) for k in keys]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

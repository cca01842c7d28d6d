"""The summit's static chart: every delegation's choices as page controls, one card panel per model.

:func:`card_table` precomputes one card over the grid of ONLY that card's inputs (never the product of
all inputs), by calling :func:`techdiplomacy.models.summit.card`, so each panel equals the model.
:func:`summit_chart` stacks the panels (``vconcat``); each panel filters its own table by the
parameters it depends on, so an input changes the cards that depend on it and only those. Each panel
is a named view (``card_<key>``), which the browser test uses to read one panel's text.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import describe, dropdown, slider
from techdiplomacy.models.summit import (
    CARD_INPUTS,
    CARD_KEYS,
    DELEGATIONS,
    INPUTS,
    STATEMENT,
    TENSION_INPUTS,
    SummitChoices,
    card,
    tensions,
)

__all__ = ["card_table", "summit_chart", "tension_table", "WIDTH", "LINE_HEIGHT"]

WIDTH = 640
LINE_HEIGHT = 18
_BY_NAME = {spec.name: spec for spec in INPUTS}
SHORT = {
    "us_delegation": "US", "eu_delegation": "EU", "china_delegation": "China",
    "corporate_diplomats": "Corporate", "citizen_diplomats": "Citizens", "korea_delegation": "ROK",
    "power_analysts": "Power advisers", "minilateral_chair": "Minilateral chair",
    "regional_coalition": "Regional coalition", "summit_vote": "Summit vote",
}


def card_table(key: str, base: SummitChoices | None = None) -> pd.DataFrame:
    """One row per (grid point of the card's inputs, line of text): the card's static table."""
    base = base or SummitChoices()
    names = CARD_INPUTS[key]
    rows = []
    for combo in itertools.product(*(_BY_NAME[n].options for n in names)):
        settings = dict(zip(names, combo))
        shown = card(key, replace(base, **settings))
        for number, text in enumerate(shown.lines()):
            rows.append({**settings, "line": number, "text": text})
    return pd.DataFrame(rows)


def tension_table(key: str, base: SummitChoices | None = None) -> pd.DataFrame:
    """One row per grid point of the tension's inputs, with its label where the tension arises, else ""."""
    base = base or SummitChoices()
    names = TENSION_INPUTS[key]
    rows = []
    for combo in itertools.product(*(_BY_NAME[n].options for n in names)):
        settings = dict(zip(names, combo))
        found = [t for t in tensions(replace(base, **settings)) if t.key == key]
        rows.append({**settings, "text": found[0].label if found else ""})
    return pd.DataFrame(rows)


def _tension_panel() -> alt.LayerChart:
    layers = []
    for number, key in enumerate(TENSION_INPUTS):
        layer = alt.Chart(tension_table(key)).mark_text(align="left", baseline="middle", fontSize=13)
        for name in TENSION_INPUTS[key]:
            layer = layer.transform_filter(_filter(name))
        layers.append(layer.encode(x=alt.value(0), y=alt.value(LINE_HEIGHT * number + LINE_HEIGHT / 2), text="text:N"))
    return alt.layer(*layers, name="tensions").properties(
        width=WIDTH, height=LINE_HEIGHT * len(TENSION_INPUTS),
        title=alt.TitleParams("Tensions between the choices (who points to each; blank when none)",
                              anchor="start", fontSize=13))


def _param(name: str) -> alt.Parameter:
    spec = _BY_NAME[name]
    label = f"{SHORT[spec.delegation]}: {spec.label}"
    default = getattr(SummitChoices(), name)
    if isinstance(spec.options[0], str):
        return dropdown(name, label, list(spec.options), default)
    values = list(spec.options)
    step = round(values[1] - values[0], 6)
    return slider(name, label, values[0], values[-1], step, default)


def _filter(name: str) -> str:
    if isinstance(_BY_NAME[name].options[0], str):
        return f"datum.{name} == {name}"
    return f"abs(datum.{name} - {name}) < 1e-6"


def _panel(key: str, table: pd.DataFrame) -> alt.Chart:
    lines = int(table["line"].max()) + 1
    title = card(key, SummitChoices()).title
    chapter = key.replace("_", " ")
    chart = alt.Chart(table, name=f"card_{key}").mark_text(align="left", baseline="middle", fontSize=13)
    for name in CARD_INPUTS[key]:
        chart = chart.transform_filter(_filter(name))
    return chart.encode(
        x=alt.value(0),
        y=alt.Y("line:O", axis=None),
        text="text:N",
    ).properties(width=WIDTH, height=LINE_HEIGHT * lines,
                 title=alt.TitleParams(f"{title} (chapter: {chapter})", anchor="start", fontSize=13))


def summit_chart() -> alt.VConcatChart:
    """The summit table for the static page: every delegation input bound to a control, nine card panels."""
    statement = alt.Chart(pd.DataFrame({"text": [STATEMENT]}), name="card_statement").mark_text(
        align="left", fontSize=13, fontStyle="italic").encode(x=alt.value(0), text="text:N").properties(
        width=WIDTH, height=LINE_HEIGHT)
    panels = [_panel(key, card_table(key)) for key in CARD_KEYS]
    params = [_param(spec.name) for spec in INPUTS]
    chart = alt.vconcat(statement, *panels, _tension_panel(), spacing=14).add_params(*params).configure_view(strokeWidth=0)
    delegations = ", ".join(DELEGATIONS.values())
    return describe(
        chart,
        "The summit: each delegation's choices and what every chapter's model shows",
        f"{STATEMENT} Controls for {delegations} set the inputs; nine text panels, one per chapter model "
        "(policy paths, fragmentation, disruptions, regulation, reciprocity, power relations, "
        "minilateralism, regional cooperation, new technology diplomacy), each give the band or direction "
        "the model produces and what it means; a last panel lists the tensions between the choices.",
    )

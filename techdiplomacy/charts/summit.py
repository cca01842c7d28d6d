"""The summit's static page: every delegation's controls inside the card they move, no kernel needed.

:func:`card_table` precomputes one card over the grid of ONLY that card's inputs (never the product of
all inputs), by calling :func:`techdiplomacy.models.summit.card`, so each card equals the model;
:func:`tension_table` does the same for each tension. :func:`page_data` gathers them, with the
inputs, their options in words and the defaults, into the JSON the book's ``summit.js`` renders, and
:func:`summit_page` returns the page's HTML: the cards at their defaults (readable without script,
in Jupyter and in print), with that JSON embedded for the static book.

Grids are keyed by option *indices* (``"0,3,2"``: the position of each input's value in its options,
in the order of the card's inputs), so the page never has to format numbers like Python does.
"""

from __future__ import annotations

import html
import itertools
import json
from dataclasses import replace

import pandas as pd

from techdiplomacy.models.summit import (
    CARD_INPUTS,
    CARD_KEYS,
    DELEGATION_SHORT,
    DELEGATIONS,
    INPUTS,
    ROUND_FORMAT,
    STATEMENT,
    TENSION_INPUTS,
    TENSION_LABELS,
    SummitChoices,
    card,
    input_label,
    option_labels,
    tensions,
)

__all__ = ["card_table", "page_data", "summit_page", "tension_table", "SummitPage"]

_BY_NAME = {spec.name: spec for spec in INPUTS}


def _grid(names: tuple[str, ...]):
    """Every combination of the options of ``names``: (index key, settings)."""
    ranges = [range(len(_BY_NAME[n].options)) for n in names]
    for indices in itertools.product(*ranges):
        settings = {n: _BY_NAME[n].options[i] for n, i in zip(names, indices)}
        yield ",".join(str(i) for i in indices), settings


def card_table(key: str, base: SummitChoices | None = None) -> pd.DataFrame:
    """One row per grid point of the card's inputs: the settings, the grid key, the band and meaning."""
    base = base or SummitChoices()
    rows = []
    for grid_key, settings in _grid(CARD_INPUTS[key]):
        shown = card(key, replace(base, **settings))
        rows.append({**settings, "key": grid_key, "band": shown.band, "meaning": shown.meaning})
    return pd.DataFrame(rows)


def tension_table(key: str, base: SummitChoices | None = None) -> pd.DataFrame:
    """One row per grid point of the tension's inputs, with its text where the tension arises, else ""."""
    base = base or SummitChoices()
    rows = []
    for grid_key, settings in _grid(TENSION_INPUTS[key]):
        found = [t for t in tensions(replace(base, **settings)) if t.key == key]
        rows.append({**settings, "key": grid_key, "text": found[0].text if found else "",
                     "source": found[0].source if found else ""})
    return pd.DataFrame(rows)


def page_data() -> dict[str, object]:
    """Everything the static page needs, as JSON-ready data (no kernel: every card is precomputed)."""
    labels = option_labels()
    defaults = SummitChoices()
    inputs = []
    for spec in INPUTS:
        inputs.append({
            "name": spec.name,
            "delegation": DELEGATION_SHORT[spec.delegation],
            "label": input_label(spec.name),
            "options": [{"value": o, "label": labels[spec.name][o]} for o in spec.options],
            "default": spec.options.index(getattr(defaults, spec.name)),
        })
    cards = []
    for key in CARD_KEYS:
        shown = card(key, defaults)
        table = card_table(key)
        cards.append({
            "key": key,
            "title": shown.title,
            "source": shown.source_line,
            "inputs": list(CARD_INPUTS[key]),
            "grid": {row.key: [row.band, row.meaning] for row in table.itertuples()},
        })
    tension_list = []
    for key, names in TENSION_INPUTS.items():
        table = tension_table(key)
        tension_list.append({
            "key": key,
            "label": TENSION_LABELS[key],
            "inputs": list(names),
            "grid": {row.key: [row.text, row.source] for row in table.itertuples() if row.text},
        })
    return {"format": ROUND_FORMAT, "statement": STATEMENT, "inputs": inputs, "cards": cards,
            "tensions": tension_list}


def _select(spec, value, labels) -> str:
    options = "".join(
        f'<option value="{i}"{" selected" if o == value else ""}>{html.escape(labels[o])}</option>'
        for i, o in enumerate(spec.options))
    return (f'<label class="summit-control"><span class="summit-control__label">'
            f'{html.escape(input_label(spec.name))}</span>'
            f'<select data-input="{spec.name}">{options}</select></label>')


_TOOLBAR = """<div class="summit-toolbar" role="group" aria-label="Rounds of the summit">
<label class="summit-field">Round name <input type="text" class="summit-round-name" value="Round 1"></label>
<button type="button" data-action="save">Save round</button>
<label class="summit-field">Saved rounds <select class="summit-rounds"><option value="">(none yet)</option></select></label>
<button type="button" data-action="load">Load round</button>
<label class="summit-field">Compare with <select class="summit-compare"><option value="">(nothing)</option></select></label>
<button type="button" data-action="download">Download round</button>
<label class="summit-field summit-upload">Upload round <input type="file" accept=".json,application/json"></label>
<button type="button" data-action="reset">Reset to defaults</button>
<button type="button" data-action="link">Copy link to these choices</button>
<button type="button" data-action="projector" aria-pressed="false">Projector mode</button>
</div>
<p class="summit-status" role="status" aria-live="polite"></p>"""


class SummitPage:
    """The summit's HTML (shown by Jupyter and the book); ``data`` is what the page's script reads."""

    def __init__(self, choices: SummitChoices | None = None) -> None:
        self.choices = choices or SummitChoices()
        self.data = page_data()

    def _repr_html_(self) -> str:
        labels = option_labels()
        parts = ['<div class="summit-app">',
                 '<script type="application/json" class="summit-data">'
                 + json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
                 + "</script>",
                 f'<p class="summit-statement"><strong>{html.escape(STATEMENT)}</strong></p>',
                 _TOOLBAR, '<div class="summit-cards">']
        for key in CARD_KEYS:
            shown = card(key, self.choices)
            controls = "".join(_select(_BY_NAME[n], getattr(self.choices, n), labels[n]) for n in shown.inputs)
            parts.append(
                f'<section class="summit-card" data-card="{key}" aria-labelledby="summit-title-{key}">'
                f'<h3 class="summit-card__title" id="summit-title-{key}">{html.escape(shown.title)}</h3>'
                f'<p class="summit-card__source">{html.escape(shown.source_line)}</p>'
                f'<div class="summit-card__controls">{controls}</div>'
                '<p class="summit-card__was" hidden></p>'
                f'<p class="summit-card__band">{html.escape(shown.band)}</p>'
                f'<p class="summit-card__meaning">{html.escape(shown.meaning)}</p>'
                f'<p class="summit-card__inputs">Fed by: {html.escape("; ".join(shown.input_labels))}</p>'
                "</section>")
        parts.append("</div>")
        found = tensions(self.choices)
        items = "".join(f"<li>{html.escape(t.text)} <em>({html.escape(t.source)})</em></li>" for t in found)
        parts.append('<section class="summit-tensions" aria-labelledby="summit-title-tensions">'
                     '<h3 id="summit-title-tensions">Tensions between the choices</h3>'
                     f'<ul class="summit-tensions__list">{items}</ul>'
                     f'<p class="summit-tensions__none"{" hidden" if found else ""}>'
                     "None of the tensions the course tracks.</p></section>")
        parts.append("</div>")
        return "\n".join(parts)


def summit_page(choices: SummitChoices | None = None) -> SummitPage:
    """The summit for the static book: controls inside their cards, rounds saved in the page."""
    return SummitPage(choices)


# Delegations are named in the cards' controls; kept here so the page and the widget agree.
assert set(DELEGATION_SHORT) == set(DELEGATIONS)

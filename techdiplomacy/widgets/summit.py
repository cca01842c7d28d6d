"""Live summit table for a running kernel: the delegations' controls, the cards, and saved rounds.

:func:`summit_table` returns a box with one control per delegation input (grouped by delegation),
the cards and tensions in an ``ipywidgets.HTML`` (``box.results``), and the facilitator's row: a
file name, *Save round* and *Load round* buttons and a status line (``box.status``). Cards are
computed by :func:`techdiplomacy.models.summit.summit_cards`, the same function the static chart uses.
"""

from __future__ import annotations

import html
from dataclasses import fields
from pathlib import Path

import ipywidgets as widgets

from techdiplomacy.models.summit import (
    DELEGATIONS,
    INPUTS,
    STATEMENT,
    option_labels,
    SummitChoices,
    load_round,
    save_round,
    summit_cards,
    tensions,
)
from techdiplomacy.widgets.common import keep_in_sync

__all__ = ["cards_html", "summit_table"]

STYLE = {"description_width": "14rem"}
WIDE = widgets.Layout(width="36rem")


def cards_html(choices: SummitChoices) -> str:
    """The statement, one card per chapter model and the tensions, as HTML."""
    parts = [f"<p><strong>{html.escape(STATEMENT)}</strong></p>"]
    for card in summit_cards(choices):
        parts.append(
            f'<div class="summit-card" data-card="{card.key}"><h4>{html.escape(card.title)}</h4>'
            f"<p><strong>{html.escape(card.band)}</strong></p><p>{html.escape(card.meaning)}</p>"
            f"<p><em>{html.escape(card.source_line)}. Fed by: {html.escape('; '.join(card.input_labels))}</em></p></div>"
        )
    found = tensions(choices)
    if found:
        items = "".join(f"<li>{html.escape(t.text)} <em>({html.escape(t.source)})</em></li>" for t in found)
        parts.append(f"<h4>Tensions between the choices</h4><ul>{items}</ul>")
    else:
        parts.append("<h4>Tensions between the choices</h4><p>None of the tensions the course tracks.</p>")
    return "\n".join(parts)


def _control(spec, value) -> widgets.Widget:
    """A dropdown whose options read as words (the same labels as the static page); ``.value`` is the
    model's value."""
    labels = option_labels()[spec.name]
    return widgets.Dropdown(options=[(labels[o], o) for o in spec.options], value=value,
                            description=spec.label, style=STYLE, layout=WIDE)


def summit_table(choices: SummitChoices | None = None) -> widgets.VBox:
    """The live summit: controls per delegation, cards as HTML, and Save round / Load round."""
    choices = choices or SummitChoices()
    controls = {spec.name: _control(spec, getattr(choices, spec.name)) for spec in INPUTS}
    sections = []
    for delegation, label in DELEGATIONS.items():
        owned = [controls[spec.name] for spec in INPUTS if spec.delegation == delegation]
        sections.append(widgets.VBox([widgets.HTML(f"<strong>{html.escape(label)}</strong>"), *owned]))
    results = widgets.HTML()
    file_name = widgets.Text(value="Round-1.json", description="Round file", style=STYLE, layout=WIDE)
    save = widgets.Button(description="Save round")
    load = widgets.Button(description="Load round")
    status = widgets.HTML()

    def current() -> SummitChoices:
        return SummitChoices(**{name: control.value for name, control in controls.items()})

    def update(*_: object) -> None:
        try:
            results.value = cards_html(current())
        except ValueError as error:
            results.value = f"<p><strong>Check the choices:</strong> {html.escape(str(error))}</p>"

    def on_save(*_: object) -> None:
        try:
            path = save_round(current(), file_name.value, name=Path(file_name.value).stem.replace("-", " "))
            status.value = f"Saved the round to {html.escape(str(path))}."
        except (ValueError, OSError) as error:
            status.value = f"Could not save: {html.escape(str(error))}"

    def on_load(*_: object) -> None:
        try:
            loaded = load_round(file_name.value)
        except ValueError as error:
            status.value = f"Could not load: {html.escape(str(error))}"
            return
        off_grid = [spec.name for spec in INPUTS if getattr(loaded, spec.name) not in spec.options]
        if off_grid:
            status.value = (f"Could not load: {html.escape(', '.join(off_grid))} lie between the levels "
                            "this table offers; use the model functions for those values.")
            return
        for field in fields(SummitChoices):
            control = controls[field.name]
            value = getattr(loaded, field.name)
            control.value = next(o for o in control.options if o[1] == value)[1]
        update()
        status.value = f"Loaded the round from {html.escape(file_name.value)}."

    save.on_click(on_save)
    load.on_click(on_load)
    keep_in_sync(controls.values(), update)
    box = widgets.VBox([*sections, widgets.HBox([file_name, save, load]), status, results])
    box.controls = controls
    box.results = results
    box.file_name = file_name
    box.save_button = save
    box.load_button = load
    box.status = status
    return box

"""Live explorer for the power-relations chapter (needs a running kernel).

Two toggle rows pick a power dimension and a stance; the HTML panel (``explorer.children[-1]``)
shows the mechanism in that cell, its definition, the question to ask of a new case and the essay's
cases. Tests set a toggle's ``value`` and read the panel.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from techdiplomacy.data import load_table
from techdiplomacy.models.power_relations import DIMENSION_LABELS, DIMENSIONS, STANCES, Cell, cases_in_cell
from techdiplomacy.widgets.common import keep_in_sync

__all__ = ["cell_html", "power_relations_explorer"]


def cell_html(dimension: str, stance: str) -> str:
    """The mechanism, definition, diagnostic question and cases of one cell, as HTML."""
    cell = Cell(dimension, stance)
    mechanisms = load_table("power_relations_mechanisms").set_index("mechanism")
    row = mechanisms.loc[cell.mechanism]
    items = "".join(
        f"<li><strong>{html.escape(c.case)}</strong>"
        f"{' (' + str(int(c.year)) + ')' if c.year == c.year else ''}"
        f"{' <em>[course reading]</em>' if c.placement == 'course reading' else ''}: {html.escape(c.summary)}</li>"
        for c in cases_in_cell(dimension, stance).itertuples()
    )
    return (
        f'<div class="power-relations-cell"><h4>{html.escape(str(cell))}</h4>'
        f"<p>{html.escape(row['definition'])}.</p>"
        f"<p><strong>Question to ask of a new case:</strong> {html.escape(row['question_to_ask'])}</p>"
        f"<p><strong>The essay's cases</strong></p><ul>{items}</ul></div>"
    )


def power_relations_explorer(dimension: str = "acquisition", stance: str = "competition") -> widgets.VBox:
    """Toggle buttons for the dimension and the stance, and the selected cell's contents."""
    Cell(dimension, stance)  # validates the start values
    dimension_toggle = widgets.ToggleButtons(
        options=[(DIMENSION_LABELS[d], d) for d in DIMENSIONS], value=dimension, description="Dimension"
    )
    stance_toggle = widgets.ToggleButtons(options=[(s.capitalize(), s) for s in STANCES], value=stance, description="Stance")
    result = widgets.HTML()

    def update(_change: object = None) -> None:
        result.value = cell_html(dimension_toggle.value, stance_toggle.value)

    keep_in_sync((dimension_toggle, stance_toggle), update)
    return widgets.VBox([dimension_toggle, stance_toggle, result])

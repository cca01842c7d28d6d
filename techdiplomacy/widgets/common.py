"""Building blocks shared by every chapter's live explorers.

An explorer recomputes its results in an ``update`` function whenever a control changes.
:func:`keep_in_sync` wires the controls to that function and fills the results once at the start;
:func:`show_chart` replaces the chart an ``ipywidgets.Output`` shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ipywidgets as widgets
from IPython.display import display

__all__ = ["keep_in_sync", "show_chart"]


def show_chart(output: widgets.Output, chart: object) -> None:
    """Show ``chart`` in ``output`` instead of what it showed before (cleared without flicker)."""
    output.clear_output(wait=True)
    with output:
        display(chart)


def keep_in_sync(controls: Iterable[widgets.Widget], update: Callable[..., None]) -> None:
    """Call ``update`` whenever the value of one of ``controls`` changes, and once now."""
    for control in controls:
        control.observe(update, names="value")
    update()

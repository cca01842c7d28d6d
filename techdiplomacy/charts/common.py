"""Building blocks shared by every chapter's charts.

All charts are Altair specifications that stay interactive in the static HTML book: inputs are
Altair parameters bound to HTML controls, and data that depends on a control is precomputed as a
scenario grid and filtered in the browser. Every chart carries a title and a text description,
which the book shows as its caption and screen readers announce.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import altair as alt

__all__ = ["PALETTE", "describe", "dropdown", "slider", "state_colors"]

#: Okabe-Ito colours: distinguishable with colour-vision deficiencies and legible on light and
#: dark backgrounds.
PALETTE: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#999999",  # grey
)

ChartT = TypeVar("ChartT", bound=alt.TopLevelMixin)


def describe(chart: ChartT, title: str, description: str) -> ChartT:
    """Give ``chart`` the title and text alternative every chart in the book must have."""
    if not title.strip() or not description.strip():
        raise ValueError("A chart needs a non-empty title and description (its text alternative).")
    return chart.properties(title=title, description=description)


def slider(name: str, label: str, minimum: float, maximum: float, step: float, value: float) -> alt.Parameter:
    """A named parameter bound to a range input (works in the static page)."""
    if not minimum <= value <= maximum:
        raise ValueError(f"Slider {name!r}: start value {value} is outside [{minimum}, {maximum}].")
    return alt.param(
        name=name,
        value=value,
        bind=alt.binding_range(min=minimum, max=maximum, step=step, name=f"{label} "),
    )


def dropdown(name: str, label: str, options: Sequence[str], value: str) -> alt.Parameter:
    """A named parameter bound to a select input (works in the static page)."""
    if value not in options:
        raise ValueError(f"Dropdown {name!r}: start value {value!r} is not one of {list(options)}.")
    return alt.param(
        name=name,
        value=value,
        bind=alt.binding_select(options=list(options), name=f"{label} "),
    )


def state_colors(states: Sequence[str]) -> alt.Scale:
    """A categorical colour scale that gives each state the same colour in every chart."""
    return alt.Scale(domain=list(states), range=list(PALETTE[: len(states)]))

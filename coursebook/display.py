"""Show Altair charts so that they work in Jupyter *and* in the offline static book.

A chart's mimebundle holds two representations:

``text/html``
    Altair's standard HTML, which Jupyter front-ends (JupyterLab, Notebook, Colab, Binder)
    render by loading Vega from its CDN;
:data:`CHART_MIME_TYPE`
    a JSON record ``{"id", "spec"}`` that the book renders with the Vega bundle it serves itself
    (see :mod:`coursebook.mime`), so the static page needs no network.

The chart's element id is derived from its specification, so executing a notebook twice gives
identical outputs (which keeps nbval's output comparison meaningful).

:func:`setup_notebook` also makes the notebook's output read like a book: charts use the course's
text sizes (:data:`CHART_TEXT_CONFIG`, no text under 12 px) and tables (pandas data frames) are shown
whole by :func:`table_html`: no cell cut short with "...", no 0, 1, 2... index column when the
index carries nothing, and a wide table scrolls sideways inside its own box on a narrow screen.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import altair as alt
import pandas as pd
from altair.utils.html import spec_to_html

__all__ = [
    "CHART_MIME_TYPE",
    "CHART_TEXT_CONFIG",
    "MAX_TABLE_ROWS",
    "chart_id",
    "course_theme",
    "render_chart",
    "setup_notebook",
    "table_html",
]

CHART_MIME_TYPE = "application/vnd.coursebook.chart+json"
RENDERER_NAME = "coursebook"
THEME_NAME = "coursebook"

#: Text of every chart: sizes in px (Vega's defaults, 10-11 px, are too small to read comfortably)
#: and room for long axis and legend labels, which Vega would otherwise cut short with "…".
CHART_TEXT_CONFIG: dict[str, Any] = {
    "title": {"fontSize": 16, "subtitleFontSize": 13},
    "axis": {"labelFontSize": 13, "titleFontSize": 13, "labelLimit": 320},
    "legend": {"labelFontSize": 13, "titleFontSize": 13, "labelLimit": 320},
    "header": {"labelFontSize": 13, "titleFontSize": 13},
    "text": {"fontSize": 13},
    "mark": {"fontSize": 13},
}

#: Tables longer than this still show their first and last rows only (none of the course's do).
MAX_TABLE_ROWS = 200


def course_theme() -> dict[str, Any]:
    """The Altair theme of the course: the chart text sizes of :data:`CHART_TEXT_CONFIG`.

    Colours are left to the page (the book switches them with its light or dark mode)."""
    return {"config": CHART_TEXT_CONFIG}


def _has_meaningless_index(frame: pd.DataFrame) -> bool:
    index = frame.index
    return isinstance(index, pd.RangeIndex) and index.name is None and index.start == 0 and index.step == 1


def table_html(frame: pd.DataFrame) -> str:
    """``frame`` as an HTML table that hides nothing: full cell text, every row up to
    :data:`MAX_TABLE_ROWS`, no default 0..n index, inside a box that scrolls sideways when the table
    is wider than the screen (focusable, so keyboard users can scroll it too)."""
    with pd.option_context("display.max_colwidth", None, "display.max_columns", None,
                           "display.max_rows", MAX_TABLE_ROWS, "display.min_rows", MAX_TABLE_ROWS):
        table = frame.to_html(index=not _has_meaningless_index(frame), border=0,
                              classes="course-table", na_rep="")
    return f'<div class="course-table-wrapper" role="region" aria-label="Table" tabindex="0">{table}</div>'


def chart_id(spec: dict[str, Any]) -> str:
    """A stable element id for ``spec``: the same chart always gets the same id."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()
    return f"chart-{digest[:12]}"


def render_chart(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """Altair renderer: Jupyter HTML plus the book's chart record."""
    if not spec.get("description"):
        raise ValueError("Every chart in the course needs a description (its text alternative).")
    element_id = chart_id(spec)
    jupyter_html = spec_to_html(
        spec,
        mode="vega-lite",
        vega_version=alt.VEGA_VERSION,
        vegaembed_version=alt.VEGAEMBED_VERSION,
        vegalite_version=alt.VEGALITE_VERSION,
        output_div=element_id,
        embed_options={"actions": False},
        fullhtml=False,
        template="universal",
    )
    return {"text/html": jupyter_html, CHART_MIME_TYPE: {"id": element_id, "spec": spec}}


def setup_notebook() -> None:
    """Call once at the top of every notebook: enables the course's chart renderer and theme, shows
    data frames with :func:`table_html`, and shows errors as one clear line (the message) instead of
    a full traceback."""
    alt.renderers.register(RENDERER_NAME, render_chart)
    alt.renderers.enable(RENDERER_NAME)
    alt.theme.register(THEME_NAME, enable=True)(course_theme)
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "InteractiveTB"):
        shell.InteractiveTB.set_mode(mode="Minimal")
    if shell is not None and hasattr(shell, "display_formatter"):
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)

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

No page shows a Python value's repr. :func:`table_html` designs every table (human column headers and
values from :mod:`techdiplomacy.labels`, no index-name row, ``True``/``False`` as "yes"/"no"), a
pandas Series, a dictionary or a list of keys is shown as such a table or sentence, :func:`say` shows a
result as a sentence and :func:`refusal` shows a model's deliberate refusal (its ``ValueError``) as a
short callout that reads as prose.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import html
import numbers
from collections.abc import Callable, Mapping

import altair as alt
import pandas as pd
from altair.utils.html import spec_to_html

from techdiplomacy.labels import humanize_text, is_key, label, labels

__all__ = [
    "CHART_MIME_TYPE",
    "CHART_TEXT_CONFIG",
    "MAX_TABLE_ROWS",
    "chart_id",
    "course_theme",
    "render_chart",
    "design_table",
    "refusal",
    "say",
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


def _cell(value: Any) -> Any:
    """One table value as a reader sees it."""
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, str):
        return label(value) if is_key(value) else humanize_text(value)
    if isinstance(value, (tuple, list, set, frozenset)):
        items = list(value)
        if len(items) == 2 and all(isinstance(v, numbers.Real) for v in items):
            return f"{_number(items[0])} to {_number(items[1])}"
        return labels(items) if items else ""
    if isinstance(value, Mapping):
        return "; ".join(f"{label(k)}: {_cell(v)}" for k, v in value.items())
    return value


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:.3g}" if isinstance(value, float) else str(value)


def _whole_numbers(column: pd.Series) -> bool:
    values = column.dropna()
    return column.dtype.kind == "f" and len(values) > 0 and bool((values == values.round()).all()) and column.isna().any()


def _header(key: Any) -> str:
    text = label(key)
    return text[:1].upper() + text[1:]


def design_table(frame: pd.DataFrame | pd.Series, headers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` as a reader should see it: the index (if it carries anything) becomes the first
    column, headers and keys become labels (``headers`` overrides any), ``True``/``False`` become
    "yes"/"no", a pair of numbers reads "0.26 to 0.53", and whole numbers with gaps lose their ".0"."""
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(name=frame.name if frame.name is not None else "value")
    frame = frame.copy()
    if isinstance(frame.columns, pd.MultiIndex):
        frame.columns = [" ".join(str(p) for p in parts if str(p)) for parts in frame.columns]
    if not _has_meaningless_index(frame):
        names = [n if n is not None else "" for n in frame.index.names]
        frame.index = frame.index.set_names([n or f"__index{i}" for i, n in enumerate(names)])
        frame = frame.reset_index()
    headers = dict(headers or {})
    frame.columns = [headers.get(str(c), "" if str(c).startswith("__index") else _header(c)) for c in frame.columns]
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if _whole_numbers(column):
            frame.isetitem(position, column.astype("Int64"))
        elif column.dtype == bool or column.dtype == object or str(column.dtype) in ("string", "str", "category"):
            frame.isetitem(position, column.astype(object).map(_cell))
    return frame


def table_html(frame: pd.DataFrame | pd.Series, headers: Mapping[str, str] | None = None) -> str:
    """``frame`` as a designed HTML table (see :func:`design_table`) that hides nothing: full cell
    text, every row up to :data:`MAX_TABLE_ROWS`, no default 0..n index, inside a box that scrolls
    sideways when the table is wider than the screen (focusable, so keyboard users can scroll it too)."""
    designed = design_table(frame, headers)
    with pd.option_context("display.max_colwidth", None, "display.max_columns", None,
                           "display.max_rows", MAX_TABLE_ROWS, "display.min_rows", MAX_TABLE_ROWS):
        table = designed.to_html(index=False, border=0, classes="course-table", na_rep="")
    return f'<div class="course-table-wrapper" role="region" aria-label="Table" tabindex="0">{table}</div>'


class Sentence:
    """A result shown as a sentence of prose (see :func:`say`)."""

    def __init__(self, text: str, kind: str = "say") -> None:
        self.text, self.kind = text, kind

    def _repr_html_(self) -> str:
        if self.kind == "refusal":
            return ('<div class="course-refusal" role="note"><p><strong>Refused.</strong> '
                    f"{html.escape(self.text)}</p></div>")
        return f'<p class="course-say">{html.escape(self.text)}</p>'

    def __repr__(self) -> str:
        return f"Refused. {self.text}" if self.kind == "refusal" else self.text


def _show(sentence: Sentence) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python
        print(repr(sentence))
        return
    if get_ipython() is None:
        print(repr(sentence))
    else:
        display(sentence)


def say(text: str) -> None:
    """Show ``text`` (a sentence built from a result) as the cell's output, in the book's prose style."""
    _show(Sentence(str(text)))


def refusal(call: Callable[[], Any]) -> None:
    """Run ``call``, which must make a model refuse its input, and show the model's message as a
    callout ("Refused. ...") instead of an error box. If the model accepts the input, that is a bug in
    the page: a ``RuntimeError`` says so."""
    try:
        call()
    except ValueError as error:
        message = humanize_text(str(error))  # keys as labels ("share_percent" -> "Share (%)"), then a capital
        _show(Sentence(message[:1].upper() + message[1:], "refusal"))
        return
    raise RuntimeError("The model accepted an input the page says it refuses.")


def _value_html(value: Any) -> str | None:
    """HTML for plain Python values that would otherwise show as their repr."""
    if isinstance(value, bool):
        return Sentence("Yes." if value else "No.")._repr_html_()
    if isinstance(value, Mapping) and value and all(isinstance(k, str) for k in value):
        rows = pd.DataFrame({"": [label(k) for k in value], "value": [_cell(v) for v in value.values()]})
        return table_html(rows, headers={"": "", "value": "Value"})
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        if all(isinstance(v, str) for v in value):
            listed = labels(value)
            return Sentence(listed[0].upper() + listed[1:] + ".")._repr_html_()
        if all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in value):
            return Sentence(", ".join(_number(v) for v in value) + "." if value else "None.")._repr_html_()
    if hasattr(value, "_fields") and hasattr(value, "_asdict"):  # a named tuple
        return _value_html(dict(value._asdict()))
    return None


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
        formatter = shell.display_formatter.formatters["text/html"]
        formatter.for_type(pd.DataFrame, table_html)
        formatter.for_type(pd.Series, table_html)
        for kind in (bool, dict, list, tuple):
            formatter.for_type(kind, _value_html)

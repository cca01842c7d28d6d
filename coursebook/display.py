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
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import altair as alt
from altair.utils.html import spec_to_html

__all__ = ["CHART_MIME_TYPE", "chart_id", "render_chart", "setup_notebook"]

CHART_MIME_TYPE = "application/vnd.coursebook.chart+json"
RENDERER_NAME = "coursebook"


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
    """Call once at the top of every notebook: enables the course's chart renderer and shows
    errors as one clear line (the message) instead of a full traceback."""
    alt.renderers.register(RENDERER_NAME, render_chart)
    alt.renderers.enable(RENDERER_NAME)
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "InteractiveTB"):
        shell.InteractiveTB.set_mode(mode="Minimal")

"""MyST-NB plug-in: render the course's chart record as an accessible, offline figure.

The figure holds the chart's specification as inert JSON; ``static/charts.js`` (served by
:mod:`coursebook.sphinx_ext`) draws it with the Vega bundle the book ships. The caption repeats
the chart's title and description, so every chart has a visible text alternative.
"""

from __future__ import annotations

import html
import json
from typing import Any, ClassVar

from docutils import nodes
from myst_nb.core.render import NbElementRenderer

from coursebook.display import CHART_MIME_TYPE

__all__ = ["CourseChartRenderer", "CourseNotebookRenderer", "figure_html"]


def _title_text(spec: dict[str, Any]) -> str:
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    return str(title)


def figure_html(record: dict[str, Any]) -> str:
    """The HTML figure for one chart record ``{"id", "spec"}``."""
    spec = record["spec"]
    element_id = html.escape(record["id"])
    title = html.escape(_title_text(spec))
    description = html.escape(spec.get("description", ""))
    payload = json.dumps(spec, sort_keys=True).replace("</", "<\\/")
    caption_title = f'<span class="coursebook-chart__title">{title}.</span> ' if title else ""
    return (
        f'<figure class="coursebook-chart" id="{element_id}-figure">'
        f'<div class="coursebook-chart__view" id="{element_id}"></div>'
        f'<figcaption class="coursebook-chart__caption">{caption_title}{description}</figcaption>'
        f'<script type="application/json" class="coursebook-chart__spec">{payload}</script>'
        "</figure>"
    )


class CourseChartRenderer:
    """Renders :data:`~coursebook.display.CHART_MIME_TYPE` outputs in HTML builds."""

    mime_priority_overrides: ClassVar[list[tuple[str, str, int | None]]] = [
        ("html", CHART_MIME_TYPE, 1),
        ("dirhtml", CHART_MIME_TYPE, 1),
        ("singlehtml", CHART_MIME_TYPE, 1),
    ]

    @staticmethod
    def handle_mime(renderer: Any, data: Any, inline: bool) -> list[nodes.Element] | None:
        if inline or data.mime_type != CHART_MIME_TYPE:
            return None
        record = data.content if isinstance(data.content, dict) else json.loads(data.content)
        return [nodes.raw("", figure_html(record), format="html", classes=["coursebook-chart-output"])]


class CourseNotebookRenderer(NbElementRenderer):
    """MyST-NB's renderer, minus the embedded ipywidgets state.

    The book shows no live widgets (they need a kernel and would load their JavaScript from a
    CDN), so the state that execution records in the notebook's metadata is not embedded.
    """

    def render_nb_finalise(self, metadata: dict) -> None:
        super().render_nb_finalise({k: v for k, v in metadata.items() if k != "widgets"})

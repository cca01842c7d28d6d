"""The book's figure for a chart record: caption from title and description, inert escaped JSON."""

import json
from types import SimpleNamespace

from coursebook.display import CHART_MIME_TYPE
from coursebook.mime import CourseChartRenderer, figure_html


def test_figure_has_caption_and_escaped_spec() -> None:
    record = {"id": "chart-abc", "spec": {"title": {"text": "A <b>"}, "description": "Shows </script> safely.", "mark": "point"}}
    html = figure_html(record)
    assert '<figure class="coursebook-chart" id="chart-abc-figure">' in html
    assert "A &lt;b&gt;." in html and "Shows &lt;/script&gt; safely." in html
    payload = html.split('class="coursebook-chart__spec">', 1)[1].rsplit("</script>", 1)[0]
    assert "</script>" not in payload and json.loads(payload.replace("<\\/", "</")) == record["spec"]


def test_plugin_renders_only_its_mime_type_in_block_context() -> None:
    record = {"id": "chart-x", "spec": {"description": "d", "mark": "point"}}
    ours = SimpleNamespace(mime_type=CHART_MIME_TYPE, content=record)
    other = SimpleNamespace(mime_type="text/html", content="<p></p>")
    assert CourseChartRenderer.handle_mime(None, ours, False)[0].astext() == figure_html(record)
    assert CourseChartRenderer.handle_mime(None, ours, True) is None
    assert CourseChartRenderer.handle_mime(None, other, False) is None

"""The notebook chart renderer: stable ids, Jupyter HTML plus the book's chart record."""

import altair as alt
import pytest

from coursebook.display import CHART_MIME_TYPE, chart_id, render_chart


def _spec(description: str = "Two points.") -> dict:
    chart = alt.Chart(alt.Data(values=[{"a": 1}, {"a": 2}])).mark_point().encode(x="a:Q")
    return chart.properties(title="T", description=description).to_dict()


def test_same_chart_same_id_and_output() -> None:
    assert chart_id(_spec()) == chart_id(_spec())
    assert render_chart(_spec()) == render_chart(_spec())
    assert chart_id(_spec()) != chart_id(_spec("Other."))


def test_bundle_has_jupyter_html_and_book_record() -> None:
    bundle = render_chart(_spec())
    record = bundle[CHART_MIME_TYPE]
    assert record["spec"]["description"] == "Two points."
    assert f'id="{record["id"]}"' in bundle["text/html"]
    assert "altair-viz" not in bundle["text/html"]


def test_chart_without_description_is_refused() -> None:
    with pytest.raises(ValueError, match="description"):
        render_chart(alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().to_dict())

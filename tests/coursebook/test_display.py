"""The notebook chart renderer: stable ids, Jupyter HTML plus the book's chart record."""

import altair as alt
import pytest

import pandas as pd

from coursebook.display import (
    CHART_MIME_TYPE, CHART_TEXT_CONFIG, chart_id, course_theme, design_table, refusal, render_chart, say, setup_notebook, table_html,
)


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


def test_tables_show_whole_text_without_a_default_index() -> None:
    long_text = "end-state probabilities from A1 under your scenario, compared with the status quo"
    html = table_html(pd.DataFrame({"role": ["US delegation"], "task": [long_text]}))
    assert long_text in html and "..." not in html
    assert "<th>0</th>" not in html and "<tbody>\n    <tr>\n      <td>US delegation" in html
    assert html.startswith('<div class="course-table-wrapper"') and 'tabindex="0"' in html


def test_tables_keep_an_index_that_carries_meaning() -> None:
    html = table_html(pd.DataFrame({"B": [0.6]}, index=pd.Index(["A1"], name="start")))
    # The index becomes the first column, named in the header row (no separate index-name row).
    assert "<td>A1</td>" in html and "<th>Start</th>" in html and html.count("<tr") == 2
    assert "<td>3</td>" in table_html(pd.DataFrame({"x": [1]}, index=[3]))


def test_long_tables_are_shown_whole() -> None:
    html = table_html(pd.DataFrame({"n": range(120)}))
    assert html.count("<td>") == 120 and "..." not in html


def test_setup_notebook_gives_every_chart_text_of_at_least_12_px() -> None:
    sizes = [value for group in CHART_TEXT_CONFIG.values() for key, value in group.items() if key.endswith("ontSize")]
    assert sizes and min(sizes) >= 12
    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q")
    assert "labelFontSize" not in str(chart.to_dict())
    previous_theme, previous_renderer = alt.theme.active, alt.renderers.active
    try:
        setup_notebook()
        assert chart.to_dict()["config"] == course_theme()["config"]
    finally:
        alt.theme.enable(previous_theme)
        alt.renderers.enable(previous_renderer)


def test_tables_are_designed_for_readers() -> None:
    """Human headers with units, labels for keys, yes/no for booleans, ranges for pairs."""
    frame = pd.DataFrame({"year_start": [2017], "share_percent": [48], "stage": ["techno_nationalism"],
                          "satisfied": [True], "band": [(0.255, 0.533)]})
    designed = design_table(frame)
    assert list(designed.columns) == ["First year", "Share (%)", "Stage", "Satisfied", "Band"]
    assert designed.iloc[0].tolist() == [2017, 48, "Techno-nationalism", "yes", "0.255 to 0.533"]


def test_a_series_is_a_table_without_a_dtype_line() -> None:
    html = table_html(pd.Series({"co-authorship": 0.83}, name="asymmetry index").rename_axis("dependence"))
    assert "dtype" not in html and "<th>Dependence</th>" in html and "<th>Asymmetry index</th>" in html


def test_say_and_refusal_read_as_prose(capsys) -> None:
    say("After 10 rounds the large partner has 9 points.")
    refusal(lambda: (_ for _ in ()).throw(ValueError("share_percent must be greater than 0.")))
    out = capsys.readouterr().out
    assert "After 10 rounds" in out and "Refused. Share (%) must be greater than 0." in out
    with pytest.raises(RuntimeError):
        refusal(lambda: 1)


def test_plain_values_get_sentences_or_tables() -> None:
    from coursebook.display import _value_html

    assert "Yes." in _value_html(True)
    assert "Tit for tat and always defect." in _value_html(["tit_for_tat", "always_defect"])
    assert "course-table" in _value_html({"risk_monitoring": 2.0})
    assert "Risk monitoring" in _value_html({"risk_monitoring": 2.0})

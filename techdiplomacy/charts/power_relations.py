"""Charts for the power-relations chapter (power relations essay, 2024).

:func:`matrix_explorer` is the interactive chart of the static book: a dropdown picks one of the six
mechanisms, the matching cell of the 3 × 2 matrix is highlighted, and the panel below it shows the
mechanism's definition and the essay's cases in that cell.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown
from techdiplomacy.data import load_table
from techdiplomacy.models.power_relations import DIMENSION_LABELS, MECHANISMS, STANCES, matrix_table

__all__ = ["STANCE_COLORS", "matrix_explorer"]

STANCE_COLORS = alt.Scale(domain=list(STANCES), range=[PALETTE[0], PALETTE[1]])
_Y = alt.Y("dimension_label:N", title=None, sort=list(DIMENSION_LABELS.values()), axis=alt.Axis(labelFontWeight="bold"))
_X = alt.X("stance:N", title=None, sort=list(STANCES), axis=alt.Axis(orient="top", labelFontWeight="bold", labelAngle=0, labelFontSize=13))


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _cells() -> pd.DataFrame:
    table = matrix_table()
    table["label"] = [f"{_wrap(m, 15)}\n({n} case{'s' if n != 1 else ''})" for m, n in zip(table["mechanism"], table["n_cases"])]
    table["definition_wrapped"] = [_wrap(d, 90) for d in table["definition"]]
    return table[["dimension", "dimension_label", "stance", "mechanism", "n_cases", "label", "definition", "definition_wrapped", "question_to_ask"]]


def _cases() -> pd.DataFrame:
    cases = load_table("power_relations_cases")
    cases["rank"] = cases.groupby("mechanism").cumcount()
    year = cases["year"].map(lambda y: "" if pd.isna(y) else f" ({int(y)})")
    flag = cases["placement"].map(lambda p: " [course reading]" if p == "course reading" else "")
    cases["title"] = [f"{i + 1}. {c}{y}{f}" for i, c, y, f in zip(cases["rank"], cases["case"], year, flag)]
    cases["summary_wrapped"] = [_wrap(s, 88) for s in cases["summary"]]
    return cases[["case_id", "mechanism", "rank", "title", "summary_wrapped", "actors"]]


def _matrix_layer(highlight: str, width: int) -> alt.LayerChart:
    base = alt.Chart(_cells()).encode(x=_X, y=_Y)
    rects = base.mark_rect(cornerRadius=4).encode(
        color=alt.Color("stance:N", scale=STANCE_COLORS, legend=None),
        opacity=alt.condition(highlight, alt.value(0.95), alt.value(0.3)),
        tooltip=[
            alt.Tooltip("mechanism:N", title="Mechanism"),
            alt.Tooltip("dimension_label:N", title="Dimension"),
            alt.Tooltip("stance:N", title="Stance"),
            alt.Tooltip("question_to_ask:N", title="Question to ask"),
            alt.Tooltip("n_cases:Q", title="Cases in the essay"),
        ],
    )
    labels = base.mark_text(fontSize=13, fontWeight="bold", lineBreak="\n").encode(text="label:N")
    return alt.layer(rects, labels).properties(width=width, height=width)


def matrix_explorer(width: int = 300) -> alt.VConcatChart:
    """The 3 × 2 matrix with a dropdown: pick a mechanism to see its definition and the essay's cases."""
    pick = dropdown("mechanism", "Mechanism", MECHANISMS, MECHANISMS[0])
    chosen = "datum.mechanism == mechanism"
    matrix = _matrix_layer(chosen, width)
    definition = (
        alt.Chart(_cells())
        .transform_filter(chosen)
        .mark_text(align="left", baseline="top", fontSize=12, lineBreak="\n", dx=0)
        .encode(x=alt.value(0), y=alt.value(0), text="definition_wrapped:N")
        .properties(width=520, height=50, title=alt.Title(alt.ExprRef(expr="mechanism + ': what it means'"), anchor="start", fontSize=13))
    )
    cases = alt.Chart(_cases()).transform_filter(chosen)
    case_titles = cases.mark_text(align="left", baseline="top", fontSize=12, fontWeight="bold").encode(
        x=alt.value(0), y=alt.Y("rank:Q", axis=None, scale=alt.Scale(domain=[0, 4], range=[0, 4 * 72])), text="title:N",
        tooltip=[alt.Tooltip("title:N", title="Case"), alt.Tooltip("actors:N", title="Actors")],
    )
    case_summaries = cases.mark_text(align="left", baseline="top", fontSize=12, dy=17, lineBreak="\n").encode(
        x=alt.value(0), y=alt.Y("rank:Q", axis=None, scale=alt.Scale(domain=[0, 4], range=[0, 4 * 72])), text="summary_wrapped:N"
    )
    details = alt.vconcat(
        definition,
        alt.layer(case_titles, case_summaries).properties(
            width=520, height=4 * 72, title=alt.Title("The essay's cases in this cell", anchor="start", fontSize=13)
        ),
    )
    # The text panel goes below the matrix: side by side they would be wider than the book's column.
    chart = alt.vconcat(matrix, details, spacing=30).add_params(pick).configure_view(strokeWidth=0)
    counts = ", ".join(f"{row.mechanism} {row.n_cases}" for row in matrix_table().itertuples())
    return describe(
        chart,
        "Power relations in AI: three dimensions of power, competition and cooperation",
        "A three-by-two matrix. Rows are the dimensions of power (acquisition, holding, expectation); "
        "columns are competition and cooperation. Competition mechanisms: relationship linkage, "
        "heterogeneous resources, strategic vigilance. Cooperation mechanisms: joint capacity building, "
        "complementarity, abstract vision. A dropdown picks a mechanism; its cell is highlighted and the "
        "panel below it shows its definition and the essay's cases. "
        f"Number of cases per mechanism: {counts}.",
    )

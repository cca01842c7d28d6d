"""Live explorers for the minilateralism chapter (need a running kernel).

* :func:`scorecard_explorer` -- pick a group to see what the essay says about it, move four sliders
  to score it, and read the total, stage and gaps in the HTML panel (``children[-1]``).
* :func:`tradeoff_explorer` -- the illustrative size-versus-agility model for one group size; the HTML
  panel (``children[-1]``) gives agility, reach, impact, links and the best size.

Tests set a control's ``value`` and read the panel.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from techdiplomacy.data import load_table
from techdiplomacy.models.minilateralism import (
    CRITERIA,
    DECISION_RULES,
    DEFAULT_REACH_PER_MEMBER,
    MAX_LEVEL,
    agreement_probability,
    best_size,
    coordination_links,
    expected_impact,
    groups,
    maturity,
    members,
    reach,
)
from techdiplomacy.widgets.common import keep_in_sync

__all__ = ["evidence_html", "scorecard_explorer", "scorecard_html", "tradeoff_explorer", "tradeoff_html"]


def evidence_html(group: str) -> str:
    """Members of ``group`` and what the essay says about its institutions, as HTML."""
    table = load_table("minilateralism_groups").set_index("group")
    row = table.loc[group]
    evidence = load_table("minilateralism_maturity_evidence")
    notes = evidence[evidence["group"] == group]
    items = "".join(f"<li>{html.escape(n.criterion.replace('_', ' '))}: {html.escape(n.evidence)}</li>" for n in notes.itertuples())
    said = f"<ul>{items}</ul>" if items else "<p>The essay says nothing specific about this group's institutions.</p>"
    return (
        f"<p><strong>{html.escape(row['full_name'])}</strong> ({len(members(group))} members: "
        f"{html.escape(', '.join(members(group)))}). Focus: {html.escape(row['focus'])}.</p>"
        f"<p>What the essay reports (under which of Filer's questions a remark is filed is partly the course's "
        f"reading):</p>{said}"
    )


def scorecard_html(group: str, scores: dict[str, int]) -> str:
    """The filled scorecard for ``group`` as HTML: total, stage and gaps."""
    result = maturity(scores)
    gaps = ", ".join(g.replace("_", " ") for g in result.gaps) or "none"
    return (
        f"{evidence_html(group)}"
        f"<p><strong>Your score for {html.escape(group)}: {result.total} of {MAX_LEVEL * len(CRITERIA)}</strong> "
        f"({result.share:.0%}), stage: <strong>{result.stage}</strong>. Gaps (scored 0 or 1): {gaps}.</p>"
        "<p><em>Levels and stage thresholds are illustrative assumptions of the course.</em></p>"
    )


def scorecard_explorer(group: str = "G7") -> widgets.VBox:
    """A group dropdown, one slider per criterion, and the scorecard summary."""
    criteria = load_table("minilateralism_maturity_criteria").set_index("criterion")
    chooser = widgets.Dropdown(options=list(groups()), value=group, description="Group")
    style = {"description_width": "12rem"}
    sliders = {
        c: widgets.IntSlider(value=1, min=0, max=MAX_LEVEL, description=criteria.loc[c, "label"], style=style,
                             layout=widgets.Layout(width="32rem"))
        for c in CRITERIA
    }
    result = widgets.HTML()

    def update(_change: object = None) -> None:
        result.value = scorecard_html(chooser.value, {c: s.value for c, s in sliders.items()})

    keep_in_sync((chooser, *sliders.values()), update)
    return widgets.VBox([chooser, *sliders.values(), result])


def tradeoff_html(n: int, p: float, per_member: float, rule: str) -> str:
    """Agility, reach, impact and links for one group, and the best size, as HTML."""
    best = best_size(p, rule, range(2, 41), per_member)
    return (
        "<table class='minilateralism-tradeoff'>"
        f"<tr><th scope='row'>Members</th><td>{n}</td></tr>"
        f"<tr><th scope='row'>Bilateral links to manage</th><td>{coordination_links(n)}</td></tr>"
        f"<tr><th scope='row'>Agility (chance a proposal passes)</th><td>{agreement_probability(n, p, rule):.2f}</td></tr>"
        f"<tr><th scope='row'>Reach (share of stakeholders)</th><td>{reach(n, per_member):.2f}</td></tr>"
        f"<tr><th scope='row'>Expected impact</th><td>{expected_impact(n, p, rule, per_member):.3f}</td></tr>"
        f"<tr><th scope='row'>Best size (2 to 40)</th><td>{best}</td></tr>"
        "</table><p><em>An illustrative toy model, not a finding of the essay.</em></p>"
    )


def tradeoff_explorer() -> widgets.VBox:
    """Sliders for size, agreement probability and reach per member; a dropdown for the decision rule."""
    style = {"description_width": "14rem"}
    layout = widgets.Layout(width="34rem")
    size = widgets.IntSlider(value=7, min=2, max=40, description="Members (n)", style=style, layout=layout)
    p = widgets.FloatSlider(value=0.9, min=0.5, max=1.0, step=0.01, description="Chance each member agrees (p)", style=style, layout=layout)
    c = widgets.FloatSlider(value=DEFAULT_REACH_PER_MEMBER, min=0.01, max=0.3, step=0.01, description="Reach per member (c)", style=style, layout=layout)
    rule = widgets.Dropdown(options=list(DECISION_RULES), value="unanimity", description="Decision rule", style=style)
    result = widgets.HTML()

    def update(_change: object = None) -> None:
        result.value = tradeoff_html(size.value, p.value, c.value, rule.value)

    keep_in_sync((size, p, c, rule), update)
    return widgets.VBox([size, p, c, rule, result])

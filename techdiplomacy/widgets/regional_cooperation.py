"""Live explorers for the regional cooperation chapter (need a running kernel).

Three explorers, each a ``VBox`` whose results are also in an ``ipywidgets.HTML`` (``.children[-2]``,
followed by a chart output) so tests can set a control's ``value`` and read the result:

- :func:`stage_explorer`: a slider per driver → the stage the region is in;
- :func:`sdg_mapper`: a drop-down of AI applications → the SDGs each serves;
- :func:`project_planner`: a mission-oriented project → its check against Baek's principles.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import display

from techdiplomacy.charts.regional_cooperation import STAGE_LABELS_WITH_NONE, principle_chart, stage_bars
from techdiplomacy.data import load_table
from techdiplomacy.models.regional_cooperation import (
    DRIVERS,
    MAX_YEARS,
    PRIORITY_ISSUES,
    MissionProposal,
    check_proposal,
    classify_stage,
    missing_mission_steps,
    principle_summary,
    sdgs_for_application,
    stage_scores,
)
from techdiplomacy.widgets.common import keep_in_sync, show_chart

__all__ = ["planner_html", "project_planner", "sdg_html", "sdg_mapper", "stage_explorer", "stage_html"]

STYLE = {"description_width": "12rem"}
WIDE = widgets.Layout(width="34rem")


def stage_html(levels: dict[str, float]) -> str:
    """The stage scores and the named stage as accessible HTML."""
    scores = stage_scores(levels)
    stage = classify_stage(levels)
    rows = "".join(
        f"<tr><td>{html.escape(STAGE_LABELS_WITH_NONE[s])}</td><td>{v:.2f}</td></tr>" for s, v in scores.items()
    )
    return (
        f"<p><strong>Stage: {html.escape(STAGE_LABELS_WITH_NONE[stage])}</strong> (illustrative scoring rule)</p>"
        f"<table class='regional-stage-results'><thead><tr><th>Stage</th><th>Score</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def stage_explorer() -> widgets.VBox:
    """A slider (0 to 1) for each of the six drivers; the named stage and chart follow."""
    labels = dict(load_table("regional_cooperation_drivers")[["driver", "label"]].itertuples(index=False, name=None))
    sliders = {
        d: widgets.FloatSlider(value=1.0 if d in ("raw_materials", "demand") else 0.0, min=0.0, max=1.0, step=0.1,
                               description=labels[d], style=STYLE, layout=WIDE, continuous_update=False)
        for d in DRIVERS
    }
    results = widgets.HTML()
    chart = widgets.Output()

    def update(_change: object = None) -> None:
        levels = {d: s.value for d, s in sliders.items()}
        results.value = stage_html(levels)
        show_chart(chart, stage_bars(levels))

    keep_in_sync(sliders.values(), update)
    return widgets.VBox([*sliders.values(), results, chart])


def sdg_html(application: str) -> str:
    """The SDGs an application serves as an accessible HTML list."""
    table = sdgs_for_application(application)
    items = "".join(
        f"<li>SDG {row.sdg} {html.escape(row.short_title)} ({row.role})</li>" for row in table.itertuples()
    )
    return f"<p><strong>Goals served</strong> (illustrative mapping)</p><ul>{items}</ul>"


def sdg_mapper() -> widgets.VBox:
    """A drop-down of AI applications and the list of SDGs the chosen one serves."""
    applications = load_table("regional_cooperation_applications")
    choice = widgets.Dropdown(options=list(zip(applications["label"], applications["application"])),
                              value="green_manufacturing", description="AI application", style=STYLE, layout=WIDE)
    results = widgets.HTML()

    def update(_change: object = None) -> None:
        results.value = sdg_html(choice.value)

    keep_in_sync((choice,), update)
    return widgets.VBox([choice, results, widgets.Output()])


def planner_html(proposal: MissionProposal) -> str:
    """The proposal's check against each principle and the missing mission steps, as HTML."""
    checks = check_proposal(proposal)
    summary = principle_summary(proposal).set_index("principle")
    parts = []
    for principle, group in checks.groupby("principle", sort=False):
        mark = "met" if summary.loc[principle, "satisfied"] else "not yet met"
        items = "".join(
            f"<li>{'✓' if row.met else '✗'} <span class='sr-only'>{'yes' if row.met else 'no'}:</span> {html.escape(row.question)}</li>"
            for row in group.itertuples()
        )
        parts.append(f"<p><strong>{html.escape(summary.loc[principle, 'label'])}: {mark}</strong></p><ul>{items}</ul>")
    missing = missing_mission_steps(proposal)
    steps = load_table("regional_cooperation_mission_steps").set_index("step")["label"]
    if missing:
        parts.append("<p><strong>Mission steps still missing:</strong> " + html.escape(", ".join(steps[m] for m in missing)) + "</p>")
    else:
        parts.append("<p><strong>All six mission steps are covered.</strong></p>")
    return "".join(parts)


def project_planner() -> widgets.VBox:
    """Controls describing a mission-oriented project; the check against the principles follows."""
    sdgs = load_table("regional_cooperation_sdgs")
    steps = load_table("regional_cooperation_mission_steps").sort_values("order")
    mission = widgets.Text(value="Digital health care for ageing border regions", description="Mission", style=STYLE, layout=WIDE)
    issue = widgets.Dropdown(options=[*PRIORITY_ISSUES, "other"], value="ageing", description="Shared issue", style=STYLE, layout=WIDE)
    goals = widgets.SelectMultiple(options=[(f"{r.sdg} {r.short_title}", r.sdg) for r in sdgs.itertuples()], value=(3,),
                                   description="SDGs", rows=6, style=STYLE, layout=WIDE)
    partners = widgets.IntSlider(value=2, min=1, max=12, description="Partner economies", style=STYLE, layout=WIDE)
    years = widgets.IntSlider(value=2, min=1, max=MAX_YEARS, description="Duration (years)", style=STYLE, layout=WIDE)
    flags = {
        name: widgets.Checkbox(value=False, description=label, style=STYLE, layout=WIDE, indent=False)
        for name, label in [
            ("shared_benefit", "Benefits shared fairly among partners"),
            ("risk_assessment", "Regional risk assessment"),
            ("ethics_transparency", "Shared ethical guidelines and transparency"),
            ("public_good", "Results shared as a public good"),
            ("community_serving", "Serves communities facing a social challenge"),
            ("lesson_sharing", "A way to share lessons among partners"),
        ]
    }
    step_boxes = widgets.SelectMultiple(options=list(zip(steps["label"], steps["step"])), value=("design_plans",),
                                        description="Mission steps", rows=6, style=STYLE, layout=WIDE)
    results = widgets.HTML()
    chart = widgets.Output()

    def update(_change: object = None) -> None:
        chart.clear_output(wait=True)
        try:
            proposal = MissionProposal(
                mission=mission.value, issue=issue.value, sdgs=tuple(goals.value), partners=partners.value,
                years=years.value, steps=tuple(step_boxes.value), **{n: b.value for n, b in flags.items()},
            )
        except ValueError as error:
            results.value = f"<p role='alert'><strong>Check the proposal:</strong> {html.escape(str(error))}</p>"
            return
        results.value = planner_html(proposal)
        with chart:
            display(principle_chart(proposal))

    controls = [mission, issue, goals, partners, years, *flags.values(), step_boxes]
    keep_in_sync(controls, update)
    return widgets.VBox([*controls, results, chart])

"""Live explorer for the reciprocity chapter (needs a running kernel).

Pick a strategy for the large and the small partner, then set noise, asymmetry of stakes,
generosity, the number of rounds, the number of seeded runs and the seed. Every change replays the
game with the model's :func:`play_match` and :func:`noisy_summary` and updates an HTML table of
results (``explorer.children[-2]``) and the chart of one match below it; tests set a control's
``value`` and read the table.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from techdiplomacy.charts.reciprocity import match_chart
from techdiplomacy.models.reciprocity import (
    DEFAULT_GENEROSITY,
    MAX_ASYMMETRY,
    MAX_NOISE,
    STRATEGIES,
    noisy_summary,
    play_match,
)
from techdiplomacy.widgets.common import keep_in_sync, show_chart

__all__ = ["reciprocity_explorer", "results_html"]


def results_html(
    large: str, small: str, rounds: int, noise: float, asymmetry: float, generosity: float, runs: int, seed: int
) -> str:
    """One seeded match and the means over ``runs`` seeded matches, as an accessible HTML table."""
    match = play_match(large, small, rounds, noise=noise, asymmetry=asymmetry, generosity=generosity, seed=seed)
    means = noisy_summary(large, small, rounds, noise=noise, asymmetry=asymmetry, generosity=generosity, runs=runs, seed=seed)
    rows = [
        ("Mutual cooperation (share of rounds)", f"{match.mutual_cooperation:.0%}", f"{means['mutual_cooperation']:.0%}"),
        ("Large partner's cumulative payoff", f"{match.total_large:.1f}", f"{means['total_large']:.1f}"),
        ("Small partner's cumulative payoff", f"{match.total_small:.1f}", f"{means['total_small']:.1f}"),
        ("Cooperation collapsed", "yes" if match.collapsed else "no", f"{means['collapse_rate']:.0%} of runs"),
    ]
    body = "".join(f"<tr><th scope=\"row\">{html.escape(a)}</th><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    title = f"{STRATEGIES[large].label} (large) against {STRATEGIES[small].label} (small)"
    return (
        f"<p><strong>{html.escape(title)}</strong> (illustrative payoffs)</p>"
        '<table class="reciprocity-results"><thead><tr><th scope="col">Result</th>'
        f'<th scope="col">This match (seed {seed})</th><th scope="col">Mean of {runs} seeded runs</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def reciprocity_explorer() -> widgets.VBox:
    """Controls for the full game, the results table and the chart of one match, kept in sync."""
    style = {"description_width": "14rem"}
    layout = widgets.Layout(width="34rem")
    options = [(s.label, name) for name, s in STRATEGIES.items()]
    large = widgets.Dropdown(options=options, value="tit_for_tat", description="Large partner plays", style=style, layout=layout)
    small = widgets.Dropdown(options=options, value="generous_tit_for_tat", description="Small partner plays", style=style, layout=layout)
    rounds = widgets.IntSlider(value=50, min=5, max=200, step=5, description="Rounds", style=style, layout=layout, continuous_update=False)
    noise = widgets.FloatSlider(value=0.05, min=0.0, max=MAX_NOISE, step=0.01, description="Noise (misread moves)", style=style, layout=layout, continuous_update=False)
    asymmetry = widgets.FloatSlider(value=0.0, min=0.0, max=MAX_ASYMMETRY, step=0.05, description="Asymmetry of stakes", style=style, layout=layout, continuous_update=False)
    generosity = widgets.FloatSlider(value=DEFAULT_GENEROSITY, min=0.0, max=1.0, step=0.05, description="Generosity", style=style, layout=layout, continuous_update=False)
    runs = widgets.IntSlider(value=50, min=10, max=200, step=10, description="Seeded runs for the mean", style=style, layout=layout, continuous_update=False)
    seed = widgets.BoundedIntText(value=0, min=0, max=10_000, description="Seed", style=style, layout=widgets.Layout(width="22rem"))
    controls = [large, small, rounds, noise, asymmetry, generosity, runs, seed]
    results = widgets.HTML()
    chart = widgets.Output()

    def update(_change: object = None) -> None:
        arguments = dict(large=large.value, small=small.value, rounds=rounds.value, noise=noise.value,
                         asymmetry=asymmetry.value, generosity=generosity.value, runs=runs.value, seed=seed.value)
        try:
            results.value = results_html(**arguments)
        except ValueError as error:
            results.value = f'<p role="alert"><strong>Check the settings:</strong> {html.escape(str(error))}</p>'
            return
        show_chart(chart, match_chart(play_match(large.value, small.value, rounds.value, noise=noise.value,
                                                 asymmetry=asymmetry.value, generosity=generosity.value, seed=seed.value)))

    keep_in_sync(controls, update)
    return widgets.VBox([*controls, results, chart])

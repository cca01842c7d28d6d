"""Charts for the reciprocity chapter (Han 2023, after Keohane and Axelrod).

Evidence of asymmetry from the essay: :func:`coauthorship_chart`, :func:`investment_chart`,
:func:`ev_credit_chart`. The game: :func:`scenario_explorer` is the interactive chart of the static
book (sliders and a drop-down pick a scenario from the stored grid); :func:`match_chart` draws one
match (used by the live widget); :func:`round_robin_chart` and :func:`norm_chart` show a tournament
and the several-country setting.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from techdiplomacy.charts.common import PALETTE, describe, dropdown, slider
from techdiplomacy.models.reciprocity import (
    FAMILIES,
    GRID_LEVELS,
    STRATEGIES,
    MatchResult,
    coauthorship_shares,
    ev_credits,
    investment_figures,
    scenario_table,
)

__all__ = [
    "FAMILY_COLORS",
    "coauthorship_chart",
    "ev_credit_chart",
    "investment_chart",
    "match_chart",
    "norm_chart",
    "round_robin_chart",
    "scenario_explorer",
]

COUNTRY_COLORS = alt.Scale(domain=["United States", "South Korea"], range=[PALETTE[4], PALETTE[0]])
SIDE_COLORS = alt.Scale(domain=["Large partner", "Small partner"], range=[PALETTE[4], PALETTE[0]])
FAMILY_COLORS = alt.Scale(domain=["specific", "diffuse", "baseline"], range=[PALETTE[5], PALETTE[2], PALETTE[7]])
MOVE_COLORS = alt.Scale(domain=["cooperate", "defect"], range=[PALETTE[2], PALETTE[5]])


def coauthorship_chart(width: int = 420) -> alt.Chart:
    """Bars: share of each country's internationally co-authored AI articles written with a partner."""
    table = coauthorship_shares()
    table["pair"] = table["country"] + " with " + table["partner"]
    chart = (
        alt.Chart(table)
        .mark_bar()
        .encode(
            y=alt.Y("pair:N", title=None, sort=None),
            x=alt.X("share_percent:Q", title="Share of the country's international AI co-authorships (%)", scale=alt.Scale(domain=[0, 50])),
            color=alt.Color("country:N", scale=COUNTRY_COLORS, title="Whose articles"),
            tooltip=[alt.Tooltip("pair:N", title="Pair"), alt.Tooltip("share_percent:Q", title="Share (%)"),
                     alt.Tooltip("source:N", title="Source")],
        )
        .properties(width=width, height=110)
    )
    labels = chart.mark_text(align="left", dx=4).encode(text=alt.Text("share_percent:Q", format=".0f"), color=alt.value("currentColor"))
    values = {f"{r.country} with {r.partner}": r.share_percent for r in table.itertuples()}
    return describe(
        alt.layer(chart, labels),
        "Co-authorship: South Korea leans on the United States far more than the reverse",
        "Bar chart from Han (2023), citing the Emerging Technology Observatory. Share of each country's "
        "internationally co-authored AI articles written with one partner: "
        + "; ".join(f"{k} {v:g}%" for k, v in values.items()) + ".",
    )


def investment_chart(width: int = 200) -> alt.HConcatChart:
    """Two panels: mutual direct investment in AI companies, and its weight in each side's total."""
    table = investment_figures()
    amounts = table[table["measure"] == "investment_in_partner"].assign(flow=lambda t: t["country"] + " → partner")
    shares = table[table["measure"] == "bilateral_share_of_total"]
    def panel(rows: pd.DataFrame, x_title: str, y_title: str, tooltip_title: str, unit: str, title: str) -> alt.Chart:
        return (
            alt.Chart(rows)
            .mark_bar()
            .encode(
                x=alt.X("country:N", title=x_title, sort=["South Korea", "United States"], axis=alt.Axis(labelAngle=0)),
                y=alt.Y("value:Q", title=y_title),
                color=alt.Color("country:N", scale=COUNTRY_COLORS, title="Country"),
                tooltip=[alt.Tooltip("note:N", title=tooltip_title), alt.Tooltip("value:Q", title=unit), alt.Tooltip("source:N", title="Source")],
            )
            .properties(width=width, height=220, title=title)
        )

    left = panel(amounts, "Investor", "Invested in the partner's AI companies (USD bn)", "Flow", "USD bn", "Amounts are similar…")
    right = panel(shares, "Country", "Bilateral flow as share of the country's total (%)", "Measure", "%", "…their weight is not")
    value = {(r.country, r.measure): r.value for r in table.itertuples()}
    return describe(
        alt.hconcat(left, right),
        "Mutual AI investment: similar sums, very different weight",
        "Two bar charts from Han (2023). Left: South Korean investors put "
        f"{value[('South Korea', 'investment_in_partner')]:g} billion US dollars into US AI companies and US investors "
        f"{value[('United States', 'investment_in_partner')]:g} billion into Korean ones. Right: the bilateral flow is "
        f"{value[('South Korea', 'bilateral_share_of_total')]:g}% of South Korea's total disclosed AI investment inflow "
        f"but {value[('United States', 'bilateral_share_of_total')]:g}% of the US total.",
    )


def ev_credit_chart(width: int = 360) -> alt.Chart:
    """Grouped bars: purchase and lease credits for an equivalent EV made by the partner country."""
    table = ev_credits()
    long = table.melt(
        id_vars=["vehicle", "maker_country", "market", "approximate", "source"],
        value_vars=["purchase_credit_percent", "lease_credit_percent"], var_name="deal", value_name="credit",
    ).dropna(subset=["credit"])
    long["deal"] = long["deal"].map({"purchase_credit_percent": "buying", "lease_credit_percent": "leasing"})
    long["case"] = long["vehicle"] + " in " + long["market"]
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("case:N", title=None),
            # An explicit order, shared by the bars and their labels (which have no colour scale to sort by).
            yOffset=alt.YOffset("deal:N", sort=["buying", "leasing"]),
            x=alt.X("credit:Q", title="Credit (% of the vehicle's cost)", scale=alt.Scale(domain=[0, 16])),
            color=alt.Color("deal:N", scale=alt.Scale(domain=["buying", "leasing"], range=[PALETTE[1], PALETTE[6]]), title="Deal"),
            tooltip=[alt.Tooltip("case:N", title="Case"), alt.Tooltip("deal:N", title="Deal"), alt.Tooltip("credit:Q", title="Credit (%)"),
                     alt.Tooltip("source:N", title="Source")],
        )
        .properties(width=width, height=140)
    )
    labels = chart.mark_text(align="left", dx=4).encode(text=alt.Text("credit:Q", format=".0f"), color=alt.value("currentColor"))
    return describe(
        alt.layer(chart, labels),
        "Electric-vehicle credits: a Korean buyer of a US car gets one, a US buyer of a Korean car does not",
        "Bar chart from Han (2023). A Tesla Model 3 bought in South Korea earns a credit of about 4% of its cost. "
        "A Hyundai Ioniq 6 bought in the United States earns no credit (0%); only leasing it earns a 15% credit. "
        "The essay gives no lease figure for South Korea.",
    )


def _summary_text(grid: pd.DataFrame) -> str:
    start = grid[(grid["noise"] == 0.05) & (grid["asymmetry"] == 0.0) & (grid["generosity"] == 0.3) & (grid["rounds"] == 50)]
    parts = [f"{r.label} {r.mutual_cooperation:.0%}" for r in start.itertuples()]
    return "At the starting scenario (noise 0.05, asymmetry 0, generosity 0.3, 50 rounds) the share of rounds of mutual cooperation is: " + "; ".join(parts) + "."


def scenario_explorer(width: int = 230) -> alt.VConcatChart:
    """The interactive chart of the static book: each strategy playing itself, means over seeded runs.

    Mutual cooperation and collapse sit side by side (sharing the strategy labels), the payoffs below.

    Sliders choose noise, asymmetry and generosity and a drop-down the number of rounds; the grid is
    the stored :func:`~techdiplomacy.models.reciprocity.scenario_table`.
    """
    grid = scenario_table()
    summary = _summary_text(grid)
    order = list(grid["label"].drop_duplicates())
    names = grid[["strategy", "label", "family"]].drop_duplicates()
    columns = ["noise", "asymmetry", "generosity", "rounds", "strategy", "mutual_cooperation", "collapse_rate", "total_large", "total_small"]
    grid = grid[columns].round({"mutual_cooperation": 3, "collapse_rate": 3, "total_large": 1, "total_small": 1})
    params = [
        slider("noise", "Noise (chance a move is misread)", 0.0, 0.1, 0.025, 0.05),
        slider("asymmetry", "Asymmetry of stakes", 0.0, 0.75, 0.25, 0.0),
        slider("generosity", "Generosity (diffuse strategies)", 0.1, 0.5, 0.2, 0.3),
        dropdown("rounds", "Rounds", [str(r) for r in GRID_LEVELS["rounds"]], "50"),
    ]
    chosen = (
        "abs(datum.noise - noise) < 1e-6 && abs(datum.asymmetry - asymmetry) < 1e-6 && "
        "abs(datum.generosity - generosity) < 1e-6 && datum.rounds == toNumber(rounds)"
    )
    base = alt.Chart(grid).transform_filter(chosen).transform_lookup(
        lookup="strategy", from_=alt.LookupData(names, key="strategy", fields=["label", "family"])
    )
    strategy_axis = alt.Y("label:N", title=None, sort=order)
    tooltip = [
        alt.Tooltip("label:N", title="Strategy (both sides)"),
        alt.Tooltip("family:N", title="Reciprocity"),
        alt.Tooltip("mutual_cooperation:Q", title="Mutual cooperation", format=".0%"),
        alt.Tooltip("collapse_rate:Q", title="Runs that collapsed", format=".0%"),
        alt.Tooltip("total_large:Q", title="Large partner's total", format=".1f"),
        alt.Tooltip("total_small:Q", title="Small partner's total", format=".1f"),
    ]
    cooperation = base.mark_bar().encode(
        y=strategy_axis,
        x=alt.X("mutual_cooperation:Q", title="Rounds of mutual cooperation", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("family:N", scale=FAMILY_COLORS, title="Reciprocity", legend=alt.Legend(orient="bottom")),
        tooltip=tooltip,
    ).properties(width=width, height=230, title="Mutual cooperation")
    collapse = base.mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labels=False, ticks=False)),
        x=alt.X("collapse_rate:Q", title="Runs in which cooperation collapsed", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("family:N", scale=FAMILY_COLORS, title="Reciprocity"),  # one legend, shared with the bars beside
        tooltip=tooltip,
    ).properties(width=int(width * 0.7), height=230, title="Collapse")
    payoffs = (
        base.transform_fold(["total_large", "total_small"], as_=["side_key", "total"])
        .transform_calculate(side="datum.side_key == 'total_large' ? 'Large partner' : 'Small partner'")
        .mark_bar()
        .encode(
            y=strategy_axis,
            yOffset=alt.YOffset("side:N"),
            x=alt.X("total:Q", title="Cumulative payoff (mean)"),
            color=alt.Color("side:N", scale=SIDE_COLORS, title="Partner", legend=alt.Legend(orient="bottom")),
            tooltip=tooltip,
        )
        .properties(width=width, height=230, title="Cumulative payoffs")
    )
    chart = alt.vconcat(alt.hconcat(cooperation, collapse), payoffs).resolve_scale(color="independent").add_params(*params)
    return describe(
        chart,
        "Explore the reciprocity game: both partners follow the same strategy",
        "Three sliders (noise, asymmetry of stakes, generosity) and a drop-down (rounds) pick a scenario. Each row is "
        "a relationship in which both partners follow one strategy; bars show means over "
        "seeded runs: the share of rounds of mutual cooperation, the share of runs in which cooperation collapsed "
        "(no mutual cooperation in the final fifth of the rounds), and each partner's cumulative payoff. Payoffs are "
        "illustrative (standard teaching values, scaled by asymmetry). " + summary,
    )


def match_chart(result: MatchResult, width: int = 480) -> alt.VConcatChart:
    """One match: both partners' moves round by round and their cumulative payoffs."""
    frame = result.to_frame()
    sides = {"Large partner": ("move_large", "cumulative_large"), "Small partner": ("move_small", "cumulative_small")}
    moves = pd.concat(
        [pd.DataFrame({"round": frame["round"], "side": side, "move": frame[m].map({"C": "cooperate", "D": "defect"}),
                       "cumulative": frame[c]}) for side, (m, c) in sides.items()],
        ignore_index=True,
    )
    strip = (
        alt.Chart(moves)
        .mark_rect()
        .encode(
            x=alt.X("round:O", title="Round", axis=alt.Axis(labelOverlap=True, values=list(range(0, result.rounds + 1, max(1, result.rounds // 10))))),
            y=alt.Y("side:N", title=None),
            color=alt.Color("move:N", scale=MOVE_COLORS, title="Move", legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("side:N", title="Partner"), alt.Tooltip("round:O", title="Round"), alt.Tooltip("move:N", title="Move")],
        )
        .properties(width=width, height=60)
    )
    lines = (
        alt.Chart(moves)
        .mark_line(point=result.rounds <= 30)
        .encode(
            x=alt.X("round:Q", title="Round"),
            y=alt.Y("cumulative:Q", title="Cumulative payoff"),
            color=alt.Color("side:N", scale=SIDE_COLORS, title="Partner", legend=alt.Legend(orient="bottom")),
            strokeDash=alt.StrokeDash("side:N", legend=None),
            tooltip=[alt.Tooltip("side:N", title="Partner"), alt.Tooltip("round:Q", title="Round"),
                     alt.Tooltip("cumulative:Q", title="Cumulative payoff", format=".1f")],
        )
        .properties(width=width, height=200)
    )
    large, small = STRATEGIES.get(result.large), STRATEGIES.get(result.small)
    names = f"{large.label if large else result.large} (large) against {small.label if small else result.small} (small)"
    return describe(
        alt.vconcat(strip, lines).resolve_scale(color="independent"),
        f"One match: {names}",
        f"Top: each partner's move in each of {result.rounds} rounds (cooperate or defect). Bottom: cumulative payoffs. "
        f"Final totals: large partner {result.total_large:g}, small partner {result.total_small:g}; "
        f"mutual cooperation in {result.mutual_cooperation:.0%} of rounds.",
    )


def round_robin_chart(table: pd.DataFrame, width: int = 420) -> alt.Chart:
    """Bars: mean score per match in a round robin, with each strategy's match wins in the tooltip."""
    data = table.reset_index()
    data["label"] = [STRATEGIES[s].label if s in STRATEGIES else s for s in data["strategy"]]
    data["family"] = [STRATEGIES[s].family if s in STRATEGIES else "custom" for s in data["strategy"]]
    order = list(data["label"])
    # The legend lists only the families in the table ("custom" only when a learner's strategy plays).
    families = [f for f in [*FAMILY_COLORS.domain, "custom"] if f in set(data["family"])]
    family_colors = dict(zip([*FAMILY_COLORS.domain, "custom"], [*FAMILY_COLORS.range, PALETTE[4]]))
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=order),
            x=alt.X("score:Q", title="Mean score per match"),
            color=alt.Color("family:N", scale=alt.Scale(domain=families, range=[family_colors[f] for f in families]),
                            title="Reciprocity"),
            tooltip=[alt.Tooltip("label:N", title="Strategy"), alt.Tooltip("score:Q", title="Mean score", format=".1f"),
                     alt.Tooltip("wins:Q", title="Matches won"), alt.Tooltip("draws:Q", title="Draws"),
                     alt.Tooltip("losses:Q", title="Matches lost"), alt.Tooltip("rank:Q", title="Rank")],
        )
        .properties(width=width, height=24 * len(data))
    )
    text = bars.mark_text(align="left", dx=4).encode(text=alt.Text("wins:Q", format="d"), color=alt.value("currentColor"))
    best = ", ".join(data.loc[data["rank"] == 1, "label"])
    parts = "; ".join(f"{r.label} {r.score:.0f} ({r.wins} wins)" for r in data.itertuples())
    return describe(
        alt.layer(bars, text),
        "Round robin: scores per match (numbers: matches won)",
        f"Bar chart of each strategy's mean score per match in a round robin, best first; the number at each bar's "
        f"end is how many matches it won. Best: {best}. Scores: {parts}.",
    )


def norm_chart(table: pd.DataFrame, width: int = 420) -> alt.Chart:
    """Lines: mutual cooperation in the several-country setting under each norm as noise grows.

    ``table`` comes from :func:`~techdiplomacy.models.reciprocity.norm_comparison` (one generosity) or
    :func:`~techdiplomacy.models.reciprocity.norm_grid` (several); with several, a slider picks the
    generosity, so the page shows what the tolerance and the shared record each add.
    """
    table = table.copy()
    if "generosity" not in table:
        table["generosity"] = 0.0
    levels = sorted(table["generosity"].unique())
    columns = ["norm", "norm_label", "noise", "generosity", "mutual_cooperation", "collapse_rate"]
    norms = list(table["norm_label"].drop_duplicates())
    chart = (
        alt.Chart(table[columns].round({"mutual_cooperation": 3, "collapse_rate": 3}))
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=50))
        .encode(
            x=alt.X("noise:Q", title="Noise (chance a move is misread or misrecorded)"),
            y=alt.Y("mutual_cooperation:Q", title="Pairs cooperating (mean share of rounds)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            # Colour and dash share one domain and one title, so Vega draws a single "Norm" legend.
            color=alt.Color("norm_label:N", scale=alt.Scale(domain=norms, range=[PALETTE[5], PALETTE[1], PALETTE[2]][: len(norms)]), title="Norm",
                            legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=3)),
            strokeDash=alt.StrokeDash("norm_label:N", scale=alt.Scale(domain=norms, range=[[1, 0], [6, 3], [2, 2]][: len(norms)]), title="Norm"),
            tooltip=[alt.Tooltip("norm_label:N", title="Norm"), alt.Tooltip("noise:Q", title="Noise"),
                     alt.Tooltip("generosity:Q", title="Generosity (tolerance)"),
                     alt.Tooltip("mutual_cooperation:Q", title="Mutual cooperation", format=".0%"),
                     alt.Tooltip("collapse_rate:Q", title="Runs that collapsed", format=".0%")],
        )
        .properties(width=width, height=240)
    )
    if len(levels) > 1:
        step = min(b - a for a, b in zip(levels, levels[1:]))
        chart = chart.add_params(
            slider("group_generosity", "Generosity (tolerance of the private and shared records)", levels[0], levels[-1], round(step, 6), levels[0])
        ).transform_filter("abs(datum.generosity - group_generosity) < 1e-6")
    middle = sorted(table["noise"].unique())[len(table["noise"].unique()) // 2]
    parts = "; ".join(
        f"generosity {g:g}: " + ", ".join(f"{r.norm_label} {r.mutual_cooperation:.0%}"
                                          for r in table[(table["generosity"] == g) & (table["noise"] == middle)].itertuples())
        for g in levels
    )
    return describe(
        chart,
        "Several countries: mutual cooperation under each norm as moves are misread",
        f"Line chart of the mean share of country pairs that both cooperate, under each norm (bilateral tit for tat; "
        f"private records with a tolerance; a shared group record with the same tolerance), as noise rises"
        + (", with a slider for the generosity (tolerance)" if len(levels) > 1 else "")
        + f". At noise {middle:g}: {parts}.",
    )
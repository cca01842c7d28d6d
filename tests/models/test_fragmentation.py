"""Tests for the fragmentation model (Feijóo et al. 2020, section 4)."""

import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models import fragmentation as f


@pytest.mark.parametrize("name", ["fragmentation_stages", "fragmentation_markers", "fragmentation_events"])
def test_tables_validate_and_cite_the_essay(name):
    table = load_table(name)
    assert not table.empty
    assert table["source"].str.startswith("feijoo2020 §").all()


def test_stages_in_order_with_the_essays_2020_judgement():
    table = f.stages()
    assert list(table["stage"]) == list(f.STAGES)
    status = dict(zip(table["stage"], table["status_2020"]))
    assert status == {"techno_nationalism": "reached", "protectionism": "current", "fragmentation": "approaching"}


def test_timeline_holds_the_essays_numbers():
    table = f.events().set_index("event")
    assert table.loc["cn_ai_startup_share_2017", "value"] == 48
    assert table.loc["cn_ai_startup_share_2017", "year_start"] == 2017
    assert table.loc["cn_investment_europe_2010", "value"] == 16
    assert table.loc["cn_investment_europe_2016", "value"] == 35
    assert table.loc["eu_china_fund_2018", "stage"] == "cooperation"
    assert (table["year_start"] <= table["year_end"]).all()


def test_undated_events_are_flagged_and_shown_at_2020():
    table = f.events()
    undated = table[~table["dated_in_essay"]]
    assert not undated.empty
    assert (undated["year_end"] == 2020).all()


def test_events_sorted_and_filtered():
    table = f.events()
    assert list(table["year_end"]) == sorted(table["year_end"])
    australia = f.events(actor="Australia")
    assert set(australia["event"]) == {"au_huawei_5g_ban", "au_platform_tax"}
    both = f.events(actor="China", stage="fragmentation")
    assert set(both["stage"]) == {"fragmentation"}
    assert all("China" in a for a in both["actors"])


def test_most_events_illustrate_protectionism_the_current_stage():
    counts = f.stage_counts()
    assert counts.idxmax() == "protectionism"
    assert counts.sum() == len(f.events())


@pytest.mark.parametrize(
    ("observed", "stage"),
    [
        (["state_led_investment"], "techno_nationalism"),
        (["vendor_ban", "investment_screening"], "protectionism"),
        (["market_access_conditions", "tariffs_or_taxes"], "protectionism"),
        (["vendor_ban", "noninteroperable_standards"], "fragmentation"),
        ("separate_app_ecosystems", "fragmentation"),
    ],
)
def test_classify_markers_takes_the_furthest_stage(observed, stage):
    assert f.classify_markers(observed) == stage


def test_classify_markers_rejects_bad_input():
    with pytest.raises(ValueError, match="Unknown marker"):
        f.classify_markers(["alien_invasion"])
    with pytest.raises(ValueError, match="at least one marker"):
        f.classify_markers([])


def test_innovation_known_values():
    assert f.innovation(0.0, 0.0) == 0.0
    assert f.innovation(1.0, 0.0) == pytest.approx(1 - 2.718281828**-3 - 1.2, abs=1e-6)
    assert f.innovation(1.0, 1.0) == pytest.approx(1 - 2.718281828**-3 - 0.24, abs=1e-6)


def test_relation_is_non_linear_with_an_interior_peak():
    peak = f.functional_diversity(0.0)
    assert 0.2 < peak < 0.6
    assert f.innovation(peak, 0.0) > f.innovation(0.1, 0.0)
    assert f.innovation(peak, 0.0) > f.innovation(0.9, 0.0)
    # too much fragmentation without interoperability does worse than a single approach
    assert f.innovation(1.0, 0.0) < 0


def test_interoperability_mitigates_fragmentation():
    peaks = [f.functional_diversity(i) for i in (0.0, 0.5, 1.0)]
    assert peaks == sorted(peaks) and peaks[0] < peaks[-1]
    for d in (0.3, 0.6, 0.9):
        assert f.innovation(d, 1.0) > f.innovation(d, 0.0)
    assert f.functional_range(1.0)[1] > f.functional_range(0.0)[1]


def test_zones():
    low, high = f.functional_range(0.0)
    assert low < f.functional_diversity(0.0) < high
    assert f.diversity_zone(0.05, 0.0) == "too little diversity"
    assert f.diversity_zone(f.functional_diversity(0.0), 0.0) == "functional diversity"
    assert f.diversity_zone(0.95, 0.0) == "excessive fragmentation"
    assert f.diversity_zone(0.95, 1.0) == "functional diversity"


def test_scenario_grid_is_small_and_complete():
    curves, bands = f.scenario_grid()
    assert len(curves) == 11 * 51 < 3000
    assert len(bands) == 11
    assert bands["functional_diversity"].is_monotonic_increasing


@pytest.mark.parametrize(
    "call",
    [
        lambda: f.innovation(1.5, 0.0),
        lambda: f.innovation(0.5, -0.1),
        lambda: f.innovation("high", 0.5),
        lambda: f.functional_range(0.5, tolerance=2),
        lambda: f.innovation_curve(0.5, points=1),
        lambda: f.innovation_curve(0.5, points=2.5),
        lambda: f.scenario_grid([]),
        lambda: f.events(actor="Atlantis"),
        lambda: f.events(stage="stage four"),
        lambda: f.markers(stage="cooperation"),
        lambda: f.CurveParameters(learning_rate=0),
        lambda: f.CurveParameters(interoperability_relief=1.5),
    ],
)
def test_bad_input_raises_clear_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_the_eu_china_fund_is_not_called_a_counter_move_to_fragmentation():
    fund = f.events().set_index("event").loc["eu_china_fund_2018"]
    assert "compensate" in fund["description"] and "not AI" in fund["description"]
    assert "counter-move" not in fund["stage_label"]


def test_dated_stages_overlap_in_time():
    years = f.stage_years().set_index("stage")
    # protectionism's dated facts start before the first dated sign of techno-nationalism
    assert years.loc["Protectionism", "first_year"] < years.loc["Techno-nationalism", "first_year"]
    assert years.loc["Fragmentation", "last_year"] < years.loc["Protectionism", "last_year"]
    assert years["events"].sum() == int(f.events()["dated_in_essay"].sum())


def test_collaboration_evidence_sets_the_essays_side_by_side():
    table = f.collaboration_evidence()
    assert list(table["essay"]) == ["feijoo2020", "feijoo2020", "han2023", "baek2023"]
    assert "32 %" in table.loc[2, "claim"] and "4 %" in table.loc[2, "claim"]
    assert set(table["channel"]) == {"markets, standards, data", "research"}

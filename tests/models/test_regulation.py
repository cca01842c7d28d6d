"""Tests for the regulation model (Feijóo et al. 2020, section 6)."""

import pytest

from techdiplomacy.data import load_table
from techdiplomacy.models import regulation as r


@pytest.mark.parametrize(
    "name", ["regulation_jurisdictions", "regulation_instruments", "regulation_principles", "regulation_matrix"]
)
def test_tables_validate_and_cite_the_essay(name):
    table = load_table(name)
    assert not table.empty
    assert table["source"].str.startswith("feijoo2020 §").all()


def test_matrix_is_complete():
    stances = r.matrix()
    assert stances.shape == (5, 3)
    assert not stances.isna().any().any()
    assert set(stances.stack()) <= set(r.STANCES)


def test_essay_facts_in_instruments():
    table = r.instruments().set_index("instrument")
    assert table.loc["us_future_act", "year"] == 2017
    assert table.loc["us_future_act", "binding"] == "no"
    assert table.loc["cn_beijing_principles", "year"] == 2019
    assert table.loc["eu_gdpr", "binding"] == "yes"
    assert set(r.instruments("china")["jurisdiction"]) == {"china"}


def test_approaches():
    assert r.approach_of("us") == "industry self-regulation"
    assert r.approach_of("eu") == "rights-based regulation"
    assert "society" in r.approach_of("china")


def test_eu_names_all_principles_and_china_qualifies_autonomy():
    assert r.addressed("eu", "explicit") == list(r.PRINCIPLES)
    assert r.matrix().loc["autonomy", "china"] == "qualified"
    assert "autonomy" not in r.addressed("china", "explicit_or_implied")
    assert "autonomy" in r.addressed("china", "any")


def test_overlap_grows_with_leniency():
    for a, b in [("us", "eu"), ("eu", "china"), ("us", "china")]:
        values = [r.overlap(a, b, level)["jaccard"] for level in r.LEVELS]
        assert values == sorted(values)
    assert r.overlap("us", "eu", "explicit") == {
        "shared": ["justice"],
        "only_first": [],
        "only_second": ["beneficence", "non_maleficence", "autonomy", "explicability"],
        "jaccard": 0.2,
    }
    assert r.overlap("us", "china")["jaccard"] == pytest.approx(0.6)
    assert r.overlap("us", "china", "any")["jaccard"] == 1.0
    assert r.overlap("eu", "eu")["jaccard"] == 1.0


def test_overlap_grid():
    grid = r.overlap_grid()
    assert len(grid) == 3 * 3
    assert grid["jaccard"].between(0, 1).all()


@pytest.mark.parametrize(
    "call",
    [
        lambda: r.approach_of("uk"),
        lambda: r.instruments("mars"),
        lambda: r.matrix("strict"),
        lambda: r.addressed("eu", "sometimes"),
        lambda: r.overlap("us", "india"),
    ],
)
def test_bad_input_raises_clear_value_error(call):
    with pytest.raises(ValueError):
        call()

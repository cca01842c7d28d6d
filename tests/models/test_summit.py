"""Tests of the summit: every card equals its chapter model's output, over the card's whole grid."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace

import pytest

from techdiplomacy.models import disruptions, fragmentation, minilateralism, policy_paths, power_relations
from techdiplomacy.models import regional_cooperation, regulation, technology_diplomacy
from techdiplomacy.models import summit as s
from techdiplomacy.models.reciprocity import noisy_summary

BY_NAME = {spec.name: spec for spec in s.INPUTS}


def grid(key):
    names = s.CARD_INPUTS[key]
    for combo in itertools.product(*(BY_NAME[n].options for n in names)):
        yield replace(s.SummitChoices(), **dict(zip(names, combo)))


def test_every_input_belongs_to_exactly_one_card_and_one_delegation():
    used = [n for names in s.CARD_INPUTS.values() for n in names]
    assert sorted(used) == sorted(spec.name for spec in s.INPUTS)
    assert len(used) == len(set(used))
    assert {spec.delegation for spec in s.INPUTS} == set(s.DELEGATIONS)
    for delegation in s.DELEGATIONS:
        owned = [spec for spec in s.INPUTS if spec.delegation == delegation]
        assert 1 <= len(owned) <= 3


def test_delegations_are_chapter_nines_capstone_roles_plus_the_vote():
    roles = set(technology_diplomacy.capstone_roles(9)["role"])
    assert set(s.DELEGATIONS) - {"summit_vote"} == roles


def test_cards_come_in_chapter_order_and_cite_existing_chapters():
    from pathlib import Path

    cards = s.summit_cards(s.SummitChoices())
    assert [c.key for c in cards] == list(s.CARD_KEYS)
    root = Path(__file__).resolve().parents[2]
    for c in cards:
        assert (root / "chapters" / c.chapter).exists()
        assert c.inputs == s.CARD_INPUTS[c.key]
        assert c.band and c.meaning


@pytest.mark.parametrize("choices", list(grid("policy_paths")))
def test_policy_paths_card_equals_the_model(choices):
    table = policy_paths.end_state_table(policy_paths.Drivers(
        choices.us_regulatory_pressure, choices.eu_rights_demand, choices.china_state_mobilisation))
    values = s.card("policy_paths", choices).values
    for start in policy_paths.START_STATES:
        assert values[f"{start}_most_likely"] == table.loc[start].idxmax()
        assert values[f"{start}_probability"] == pytest.approx(table.loc[start].max())


def test_fragmentation_card_equals_the_model():
    for choices in grid("fragmentation"):
        i, d = choices.corporate_interoperability, choices.corporate_diversity
        values = s.card("fragmentation", choices).values
        assert values["zone"] == fragmentation.diversity_zone(d, i)
        assert (values["band_low"], values["band_high"]) == fragmentation.functional_range(i)
        assert values["innovation"] == pytest.approx(fragmentation.innovation(d, i))


def test_disruptions_card_equals_the_model():
    for choices in grid("disruptions"):
        a, b = choices.citizen_forecast_a, choices.citizen_forecast_b
        values = s.card("disruptions", choices).values
        if a == b:
            assert values["differences"] == () and not values["comparable"]
        else:
            assert list(values["differences"]) == disruptions.basis_differences(a, b)
            assert values["comparable"] == disruptions.comparable(a, b)


def test_regulation_card_equals_the_model():
    for choices in grid("regulation"):
        values = s.card("regulation", choices).values
        assert values["eu_us_jaccard"] == regulation.overlap("eu", "us", choices.eu_principle_coding)["jaccard"]
        assert values["eu_china_jaccard"] == regulation.overlap("eu", "china", choices.eu_principle_coding)["jaccard"]


def test_reciprocity_card_equals_the_model():
    for choices in grid("reciprocity"):
        strategy = s.POSTURES[choices.korea_posture]
        expected = noisy_summary(strategy, strategy, s.RECIPROCITY_ROUNDS, noise=s.RECIPROCITY_NOISE,
                                 asymmetry=choices.korea_asymmetry, generosity=s.RECIPROCITY_GENEROSITY,
                                 runs=s.RECIPROCITY_RUNS, seed=s.RECIPROCITY_SEED)
        values = s.card("reciprocity", choices).values
        assert values["mutual_cooperation"] == pytest.approx(expected["mutual_cooperation"])
        assert values["collapse_rate"] == pytest.approx(expected["collapse_rate"])


def test_power_card_equals_the_model():
    for choices in grid("power_relations"):
        expected = power_relations.mechanism(choices.power_dimension, choices.power_stance)
        assert s.card("power_relations", choices).values["mechanism"] == expected


def test_minilateralism_card_equals_the_model():
    for choices in grid("minilateralism"):
        n, rule = choices.chair_group_size, choices.chair_rule
        values = s.card("minilateralism", choices).values
        assert values["agility"] == pytest.approx(minilateralism.agreement_probability(n, s.AGREEMENT_P, rule))
        assert values["impact"] == pytest.approx(minilateralism.expected_impact(n, s.AGREEMENT_P, rule))
        assert values["best_size"] == minilateralism.best_size(s.AGREEMENT_P, rule, s.GROUP_SIZES)


def test_regional_card_equals_the_model():
    for choices in grid("regional_cooperation"):
        levels = {d: getattr(choices, name) for name, drivers in s.COALITION_DRIVERS.items() for d in drivers}
        assert s.card("regional_cooperation", choices).values["stage"] == regional_cooperation.classify_stage(levels)


def test_scorecard_card_equals_the_model():
    for choices in grid("technology_diplomacy"):
        expected = technology_diplomacy.score_design(
            technology_diplomacy.design_ratings(choices.vote_design), choices.vote_weighting)
        values = s.card("technology_diplomacy", choices).values
        assert values["total"] == expected.total and values["weakest"] == expected.weakest


def test_each_card_depends_only_on_its_inputs():
    base = s.SummitChoices()
    other = s.SummitChoices(
        us_regulatory_pressure=1.0, eu_rights_demand=0.0, eu_principle_coding="explicit", china_state_mobilisation=1.0,
        corporate_interoperability=0.1, corporate_diversity=0.9, citizen_forecast_a="pwc", citizen_forecast_b="mckinsey",
        korea_posture="specific", korea_asymmetry=0.75, power_dimension="holding", power_stance="cooperation",
        chair_group_size=15, chair_rule="majority", coalition_trade=1.0, coalition_production=0.0,
        coalition_science=0.0, vote_design="summit_series", vote_weighting="speed_first",
    )
    for key, names in s.CARD_INPUTS.items():
        mixed = replace(other, **{n: getattr(base, n) for n in names})
        assert s.card(key, mixed) == s.card(key, base), key
        # and each of its inputs matters somewhere on the grid
        for name in names:
            shown = {s.card(key, replace(base, **{name: v})).band for v in BY_NAME[name].options}
            assert len(shown) > 1, f"{name} never changes the {key} card"


def test_bands_use_words_not_false_precision():
    for c in s.summit_cards(s.SummitChoices()):
        assert "0." not in c.band.replace("0.3 to", "").replace("to 0.", "") or c.key == "fragmentation"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"us_regulatory_pressure": 1.5}, "us_regulatory_pressure"),
        ({"eu_principle_coding": "loose"}, "eu_principle_coding"),
        ({"korea_posture": "tit_for_tat"}, "korea_posture"),
        ({"korea_asymmetry": 2}, "korea_asymmetry"),
        ({"chair_group_size": 1}, "chair_group_size"),
        ({"chair_group_size": 4.5}, "chair_group_size"),
        ({"citizen_forecast_a": "imf"}, "citizen_forecast_a"),
        ({"vote_design": "un"}, "vote_design"),
    ],
)
def test_bad_choices_raise_a_clear_error(changes, message):
    with pytest.raises(ValueError, match=message):
        s.SummitChoices(**changes)


def test_cards_reject_what_is_not_a_round():
    with pytest.raises(ValueError, match="SummitChoices"):
        s.summit_cards({"us_regulatory_pressure": 0.5})
    with pytest.raises(ValueError, match="card"):
        s.card("weather", s.SummitChoices())


def test_tensions():
    assert s.tensions(s.SummitChoices()) == []
    low = s.tensions(s.SummitChoices(corporate_interoperability=0.2, korea_posture="diffuse"))
    assert [t.key for t in low] == ["low_interoperability_diffuse_trust"]
    assert set(low[0].inputs) == {"corporate_interoperability", "korea_posture"}
    strict = s.tensions(s.SummitChoices(korea_posture="specific", korea_asymmetry=0.75))
    assert [t.key for t in strict] == ["specific_under_asymmetry"] and strict[0].source == "Han"
    big = s.tensions(s.SummitChoices(chair_group_size=15))
    assert [t.key for t in big] == ["large_group_unanimity"]
    assert s.tensions(s.SummitChoices(chair_group_size=15, chair_rule="majority")) == []
    vote = s.tensions(s.SummitChoices(vote_design="minilateral_group", vote_weighting="inclusion_first"))
    assert [t.key for t in vote] == ["minilateral_vs_inclusion"]
    # inclusion-first weights critical mass lowest: the tension must not rest on critical mass
    assert "critical mass" not in vote[0].text and vote[0].source == "the course's reasoning"
    ours = s.tensions(s.SummitChoices(us_regulatory_pressure=0.0, eu_principle_coding="explicit"))
    assert ours[0].source == "the course's reasoning"


def test_tension_sources_name_authors_never_bibliography_keys():
    every = s.SummitChoices(corporate_interoperability=0.2, korea_posture="diffuse", chair_group_size=15,
                            vote_design="minilateral_group", vote_weighting="inclusion_first",
                            us_regulatory_pressure=0.0, eu_principle_coding="explicit")
    found = s.tensions(every) + s.tensions(s.SummitChoices(korea_posture="specific", korea_asymmetry=0.75))
    assert len({t.key for t in found}) == len(s.TENSION_INPUTS)
    for tension in found:
        assert not re.search(r"[a-z]+20\d\d|_", tension.text + tension.source + tension.label), tension.key


def test_cards_read_as_words_and_cite_chapter_and_author():
    for choices in (s.SummitChoices(), s.SummitChoices(korea_posture="specific", vote_weighting="inclusion_first")):
        for shown in s.summit_cards(choices):
            text = " ".join([shown.title, shown.band, shown.meaning, shown.source_line, *shown.input_labels])
            assert "_" not in text and not re.search(r"[a-z]+20\d\d", text), shown.key
            assert shown.source_line.startswith(f"Chapter {shown.chapter_number}, ") and "(20" in shown.author


def test_every_option_has_words():
    labels = s.option_labels()
    for spec in s.INPUTS:
        assert set(labels[spec.name]) == set(spec.options)
        assert all("_" not in text for text in labels[spec.name].values()), spec.name
        assert len(set(labels[spec.name].values())) == len(spec.options), f"{spec.name}: two options read the same"


def test_regional_card_reports_no_choice_when_drivers_are_level():
    level = s.card("regional_cooperation", s.SummitChoices())  # all three drivers left at medium
    assert level.band.startswith("Undecided") and "has not chosen" in level.band
    science = s.card("regional_cooperation", s.SummitChoices(coalition_science=1.0))
    assert "science and innovation network" in science.band and not science.band.startswith("Undecided")


def test_reciprocity_card_says_both_sides_play_the_norm_and_the_large_partner_breaks_it():
    specific = s.card("reciprocity", s.SummitChoices(korea_posture="specific", korea_asymmetry=0.75))
    assert "both sides play" in specific.meaning and "large partner's equal-value test" in specific.meaning
    assert "both sides play" in s.card("reciprocity", s.SummitChoices()).meaning


def test_regional_card_does_not_put_the_mission_claim_on_baek():
    meaning = s.card("regional_cooperation", s.SummitChoices()).meaning
    assert "mission" not in meaning and "SDG" not in meaning


def test_a_round_document_reads_back_and_json_integers_become_floats():
    choices = s.SummitChoices(coalition_trade=1.0, korea_asymmetry=0.0, chair_group_size=9)
    document = json.loads(json.dumps(s.round_document(choices, "Round 2")).replace("1.0", "1"))
    assert document["name"] == "Round 2"
    loaded = s.choices_from_document(document)
    assert loaded == choices and isinstance(loaded.coalition_trade, float)
    with pytest.raises(ValueError, match="not a saved summit round"):
        s.choices_from_document({"format": "other", "choices": {}})
    with pytest.raises(ValueError, match="unknown choices"):
        s.choices_from_document({"format": s.ROUND_FORMAT, "choices": {"weather": 1}})
    with pytest.raises(ValueError, match="invalid round"):
        s.choices_from_document({"format": s.ROUND_FORMAT, "choices": {"chair_group_size": 1}})


def test_a_saved_round_reloads_to_the_same_cards(tmp_path):
    choices = s.SummitChoices(korea_posture="specific", chair_group_size=12, vote_design="ipcc_style_panel")
    path = s.save_round(choices, tmp_path / "round1.json")
    loaded = s.load_round(path)
    assert loaded == choices
    assert s.summit_cards(loaded) == s.summit_cards(choices)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"choices": {}}', "not a saved summit round"),
        (json.dumps({"format": s.ROUND_FORMAT, "choices": {"weather": 1}}), "unknown choices"),
        (json.dumps({"format": s.ROUND_FORMAT, "choices": {"chair_group_size": 0}}), "invalid round"),
    ],
)
def test_a_malformed_round_file_gets_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        s.load_round(path)


def test_missing_round_file_and_wrong_suffix(tmp_path):
    with pytest.raises(ValueError, match="No saved round"):
        s.load_round(tmp_path / "nothing.json")
    with pytest.raises(ValueError, match=".json"):
        s.save_round(s.SummitChoices(), tmp_path / "round.txt")


def test_tension_inputs_are_declared_and_only_those_matter():
    base = s.SummitChoices()
    triggers = {
        "low_interoperability_diffuse_trust": {"corporate_interoperability": 0.2},
        "specific_under_asymmetry": {"korea_posture": "specific", "korea_asymmetry": 0.75},
        "large_group_unanimity": {"chair_group_size": 15},
        "minilateral_vs_inclusion": {"vote_design": "minilateral_group", "vote_weighting": "inclusion_first"},
        "low_pressure_strict_coding": {"us_regulatory_pressure": 0.0, "eu_principle_coding": "explicit"},
    }
    assert set(triggers) == set(s.TENSION_INPUTS)
    for key, changes in triggers.items():
        found = [t for t in s.tensions(replace(base, **changes)) if t.key == key]
        assert len(found) == 1 and set(found[0].inputs) == set(s.TENSION_INPUTS[key])
        assert set(changes) <= set(s.TENSION_INPUTS[key])
        assert found[0].label.startswith(s.TENSION_LABELS[key])

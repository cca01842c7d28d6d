"""Tests of the summit's static page data: every card precomputed over the grid of only its inputs,
equal to the model, in words, and the page's HTML with a control inside each card it moves."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace

import pytest

from techdiplomacy.charts import summit as charts
from techdiplomacy.models import summit as model

BY_NAME = {spec.name: spec for spec in model.INPUTS}
MAX_JSON_BYTES = 250_000


@pytest.fixture(scope="module")
def data():
    return charts.page_data()


@pytest.fixture(scope="module")
def page_html():
    return charts.summit_page()._repr_html_()


def test_every_input_is_offered_in_words_with_its_default(data):
    assert [i["name"] for i in data["inputs"]] == [spec.name for spec in model.INPUTS]
    defaults = model.SummitChoices()
    for entry in data["inputs"]:
        spec = BY_NAME[entry["name"]]
        assert [o["value"] for o in entry["options"]] == list(spec.options)
        assert spec.options[entry["default"]] == getattr(defaults, spec.name)
        assert all("_" not in o["label"] for o in entry["options"]) and "_" not in entry["label"]


@pytest.mark.parametrize("key", model.CARD_KEYS)
def test_each_card_grid_covers_only_its_inputs_and_equals_the_model(data, key):
    entry = next(c for c in data["cards"] if c["key"] == key)
    names = model.CARD_INPUTS[key]
    assert entry["inputs"] == list(names)
    sizes = [len(BY_NAME[n].options) for n in names]
    expected = {",".join(map(str, idx)) for idx in itertools.product(*(range(k) for k in sizes))}
    assert set(entry["grid"]) == expected
    for grid_key in list(expected)[:40]:
        settings = {n: BY_NAME[n].options[int(i)] for n, i in zip(names, grid_key.split(","))}
        shown = model.card(key, replace(model.SummitChoices(), **settings))
        assert entry["grid"][grid_key] == [shown.band, shown.meaning]


@pytest.mark.parametrize("key", model.CARD_KEYS)
def test_a_card_grid_does_not_depend_on_other_inputs(key):
    other = replace(model.SummitChoices(), **{
        n: BY_NAME[n].options[0] for n in BY_NAME if n not in model.CARD_INPUTS[key]})
    assert charts.card_table(key, other).equals(charts.card_table(key))


@pytest.mark.parametrize("key", list(model.TENSION_INPUTS))
def test_each_tension_grid_follows_the_model(data, key):
    entry = next(t for t in data["tensions"] if t["key"] == key)
    names = model.TENSION_INPUTS[key]
    assert entry["grid"], f"{key} never arises on the page's grid"
    for indices in itertools.product(*(range(len(BY_NAME[n].options)) for n in names)):
        settings = {n: BY_NAME[n].options[i] for n, i in zip(names, indices)}
        found = [t for t in model.tensions(replace(model.SummitChoices(), **settings)) if t.key == key]
        grid_key = ",".join(map(str, indices))
        assert (grid_key in entry["grid"]) == bool(found)
        if found:
            assert entry["grid"][grid_key] == [found[0].text, found[0].source]


def test_the_page_data_is_small_and_the_round_format_is_the_widgets(data):
    assert len(json.dumps(data)) < MAX_JSON_BYTES
    assert data["format"] == model.ROUND_FORMAT and data["statement"] == model.STATEMENT


def test_each_control_sits_inside_the_card_it_moves(page_html):
    cards = dict(re.findall(r'<section class="summit-card" data-card="([a-z_]+)".*?>(.*?)</section>', page_html, re.S))
    assert set(cards) == set(model.CARD_KEYS)
    for key, body in cards.items():
        assert re.findall(r'data-input="([a-z_]+)"', body) == list(model.CARD_INPUTS[key])
        assert "Fed by:" in body and "Chapter " in body


def test_visible_text_has_no_codes_and_the_json_cannot_close_its_script(page_html):
    visible = re.sub(r"<script.*?</script>|<[^>]+>", " ", page_html, flags=re.S)
    assert "_" not in visible
    assert not re.search(r"\b(feijoo|han|baek|powerrelations|minilateralism)20\d\d\b", visible)
    body = re.search(r'<script type="application/json" class="summit-data">(.*?)</script>', page_html, re.S).group(1)
    assert "</" not in body and json.loads(body) == json.loads(json.dumps(charts.page_data()))


def test_the_page_shows_the_chosen_round():
    choices = model.SummitChoices(korea_posture="specific", korea_asymmetry=0.75)
    page_html = charts.summit_page(choices)._repr_html_()
    assert model.card("reciprocity", choices).band.replace("'", "&#x27;") in page_html
    assert "A specific posture" not in page_html or "Han" in page_html

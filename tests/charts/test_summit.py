"""Tests of the summit's static chart: one panel per card, each filtering only its own inputs."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from techdiplomacy.charts import summit as charts
from techdiplomacy.models import summit as model

MAX_ROWS = 2000


@pytest.fixture(scope="module")
def spec():
    return charts.summit_chart().to_dict()


def _panels(spec):
    return {view["name"]: view for view in spec["vconcat"]}


def test_every_input_is_a_bound_control(spec):
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {i.name for i in model.INPUTS}
    for spec_input in model.INPUTS:
        bind = params[spec_input.name]["bind"]
        if isinstance(spec_input.options[0], str):
            assert bind["input"] == "select" and bind["options"] == list(spec_input.options)
        else:
            assert bind["input"] == "range"
            assert bind["min"] == spec_input.options[0] and bind["max"] == spec_input.options[-1]


def test_one_named_panel_per_card_filtering_only_its_inputs(spec):
    panels = _panels(spec)
    assert set(panels) == {"card_statement", "tensions", *(f"card_{k}" for k in model.CARD_KEYS)}
    names = {i.name for i in model.INPUTS}
    for key, inputs in model.CARD_INPUTS.items():
        filters = " ".join(t["filter"] for t in panels[f"card_{key}"]["transform"])
        used = {n for n in names if re.search(rf"\b{n}\b", filters)}
        assert used == set(inputs), key


@pytest.mark.parametrize("key", model.CARD_KEYS)
def test_each_card_table_is_a_grid_over_only_its_inputs(key):
    table = charts.card_table(key)
    inputs = model.CARD_INPUTS[key]
    assert set(table.columns) == {*inputs, "line", "text"}
    by_name = {i.name: i for i in model.INPUTS}
    combos = table[list(inputs)].drop_duplicates()
    expected = 1
    for name in inputs:
        expected *= len(by_name[name].options)
    assert len(combos) == expected
    # the table does not change when inputs of other cards change
    other = replace(model.SummitChoices(), **{
        i.name: i.options[-1] for i in model.INPUTS if i.name not in inputs})
    assert charts.card_table(key, other).equals(table)


@pytest.mark.parametrize("key", model.CARD_KEYS)
def test_each_card_table_shows_the_models_card(key):
    table = charts.card_table(key)
    inputs = model.CARD_INPUTS[key]
    for settings, rows in table.groupby(list(inputs)):
        settings = settings if isinstance(settings, tuple) else (settings,)
        choices = replace(model.SummitChoices(), **dict(zip(inputs, settings)))
        assert list(rows.sort_values("line")["text"]) == model.card(key, choices).lines()


def test_inline_data_is_bounded(spec):
    rows = sum(len(d) for d in spec["datasets"].values())
    assert rows <= MAX_ROWS
    assert len(json.dumps(spec)) < 400_000


def test_statement_text_size_and_width(spec):
    text = json.dumps(spec)
    assert model.STATEMENT in text
    assert "illustrative" in spec["description"].lower()
    sizes = [int(m) for m in re.findall(r'"fontSize": (\d+)', text)]
    assert sizes and min(sizes) >= 12
    assert all(view["width"] <= 688 for view in spec["vconcat"])
    assert "background" not in json.dumps(spec.get("config", {}))


@pytest.mark.parametrize("key", list(model.TENSION_INPUTS))
def test_each_tension_table_depends_only_on_its_inputs_and_follows_the_model(key):
    table = charts.tension_table(key)
    inputs = model.TENSION_INPUTS[key]
    assert set(table.columns) == {*inputs, "text"}
    assert (table["text"] != "").any() and (table["text"] == "").any()
    for row in table.to_dict("records"):
        choices = replace(model.SummitChoices(), **{n: row[n] for n in inputs})
        found = [t.label for t in model.tensions(choices) if t.key == key]
        assert row["text"] == (found[0] if found else "")


def test_tension_panel_filters_only_its_inputs(spec):
    panel = _panels(spec)["tensions"]
    names = {i.name for i in model.INPUTS}
    for layer, (key, inputs) in zip(panel["layer"], model.TENSION_INPUTS.items()):
        filters = " ".join(t["filter"] for t in layer["transform"])
        assert {n for n in names if re.search(rf"\b{n}\b", filters)} == set(inputs), key

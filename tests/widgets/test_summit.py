"""Tests of the live summit table: set a control, read the cards; save and load a round."""

from __future__ import annotations

import json
import re

import ipywidgets as widgets

from techdiplomacy.models import summit as model
from techdiplomacy.widgets import summit as w


def _cards(box) -> dict[str, str]:
    return dict(re.findall(r'data-card="([a-z_]+)">(.*?)</div>', box.results.value, flags=re.S))


def test_starts_with_the_statement_and_every_card():
    box = w.summit_table()
    assert isinstance(box.results, widgets.HTML)
    assert model.STATEMENT in box.results.value
    assert set(_cards(box)) == set(model.CARD_KEYS)
    assert set(box.controls) == {i.name for i in model.INPUTS}


def test_each_control_changes_its_cards_and_only_those():
    box = w.summit_table()
    for spec in model.INPUTS:
        before = _cards(box)
        control = box.controls[spec.name]
        start = control.value
        options = list(spec.options)
        changed = None
        for option in options:
            if option == start:
                continue
            control.value = option
            after = _cards(box)
            dependent = {k for k, inputs in model.CARD_INPUTS.items() if spec.name in inputs}
            moved = {k for k in after if after[k] != before[k]}
            assert moved <= dependent, spec.name
            if moved:
                changed = moved
                break
        assert changed == dependent, f"{spec.name} never changed {dependent}"
        control.value = start
        assert _cards(box) == before


def test_cards_match_the_model():
    box = w.summit_table()
    box.controls["korea_posture"].value = "specific"
    box.controls["korea_asymmetry"].value = 0.75
    choices = model.SummitChoices(korea_posture="specific", korea_asymmetry=0.75)
    assert w.cards_html(choices) == box.results.value
    assert "Han finds" in box.results.value


def test_save_and_load_round_trip(tmp_path):
    box = w.summit_table()
    box.controls["chair_group_size"].value = 14
    box.controls["vote_design"].value = "ipcc_style_panel"
    box.file_name.value = str(tmp_path / "round2.json")
    box.save_button.click()
    assert "Saved" in box.status.value
    shown = box.results.value
    other = w.summit_table()
    assert other.results.value != shown
    other.file_name.value = str(tmp_path / "round2.json")
    other.load_button.click()
    assert "Loaded" in other.status.value
    assert other.results.value == shown
    assert other.controls["chair_group_size"].value == 14


def test_loading_a_bad_file_reports_instead_of_crashing(tmp_path):
    box = w.summit_table()
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    box.file_name.value = str(bad)
    box.load_button.click()
    assert "Could not load" in box.status.value and "not valid JSON" in box.status.value
    box.file_name.value = str(tmp_path / "round.txt")
    box.save_button.click()
    assert "Could not save" in box.status.value


def test_loading_a_round_off_the_grid_is_reported(tmp_path):
    path = model.save_round(model.SummitChoices(us_regulatory_pressure=0.3), tmp_path / "odd.json")
    box = w.summit_table()
    shown = box.results.value
    box.file_name.value = str(path)
    box.load_button.click()
    assert "Could not load" in box.status.value and "US delegation: regulatory pressure" in box.status.value
    assert "_" not in box.status.value
    assert box.results.value == shown


def test_a_round_the_static_page_downloads_loads_in_the_widget_and_back(tmp_path):
    """The page's script writes {"format", "name", "choices"} with JSON numbers (1.0 becomes 1)."""
    from_page = {"format": model.ROUND_FORMAT, "name": "Round 2",
                 "choices": {**model.SummitChoices().as_dict(), "coalition_science": 1, "korea_asymmetry": 0,
                             "chair_group_size": 9, "korea_posture": "specific"}}
    path = tmp_path / "Round-2.json"
    path.write_text(json.dumps(from_page), encoding="utf-8")
    box = w.summit_table()
    box.file_name.value = str(path)
    box.load_button.click()
    assert "Loaded" in box.status.value
    assert box.controls["coalition_science"].value == 1.0 and box.controls["chair_group_size"].value == 9
    box.save_button.click()  # and the widget writes the same format back, with the round's name
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == model.ROUND_FORMAT and saved["name"] == "Round 2"
    assert model.choices_from_document(saved) == model.choices_from_document(from_page)


def test_controls_show_words_not_codes():
    box = w.summit_table()
    for name, control in box.controls.items():
        assert all("_" not in label for label, _ in control.options), name

"""The summit page in a real browser: each delegation's input changes exactly the cards that depend on it.

Each card panel of the static chart is a named Vega view (``card_<key>``), drawn as an SVG group with
the class ``card_<key>_group``; the test reads each panel's text before and after changing one input.
The page's general checks (offline, axe in light and dark mode, text size, tables) come from
``test_browser.py``, which runs over every page of ``_toc.yml``.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from book.test_browser import browser, visit  # noqa: F401 - the shared fixtures

from techdiplomacy.charts.summit import SHORT
from techdiplomacy.models import summit as model

pytestmark = [pytest.mark.book, pytest.mark.browser]

FIGURE = "figure.coursebook-chart"


def _panels(page) -> dict[str, str]:
    return page.evaluate(
        """keys => Object.fromEntries(keys.map(k => {
            const group = document.querySelector(`figure.coursebook-chart svg g.card_${k}_group`);
            return [k, group ? Array.from(group.querySelectorAll('text')).map(t => t.textContent).join(' | ') : null];
        }))""",
        list(model.CARD_KEYS),
    )


def _new_value(spec: model.Input) -> object:
    """An option of ``spec`` that changes its card(s) from the defaults, found with the model."""
    base = model.SummitChoices()
    keys = [k for k, names in model.CARD_INPUTS.items() if spec.name in names]
    for option in spec.options:
        if option == getattr(base, spec.name):
            continue
        changed = replace(base, **{spec.name: option})
        if all(model.card(k, changed).lines() != model.card(k, base).lines() for k in keys):
            return option
    raise AssertionError(f"no option of {spec.name} changes its card")


def _set(page, spec: model.Input, value: object) -> None:
    label = f"{SHORT[spec.delegation]}: {spec.label}"
    binding = page.locator(f"{FIGURE} .vega-bind").filter(has_text=label)
    assert binding.count() == 1, f"one control labelled {label!r}"
    if isinstance(spec.options[0], str):
        binding.locator("select").select_option(str(value))
    else:
        binding.locator("input[type=range]").fill(str(value))
    page.wait_for_timeout(250)


def test_summit_page_states_that_the_models_are_illustrative(visit) -> None:  # noqa: F811
    page = visit("chapters/summit.html").page
    admonition = page.locator(".admonition", has_text="directions and bands, not forecasts").first
    chart = page.locator(FIGURE).first
    assert admonition.count() == 1
    assert admonition.bounding_box()["y"] < chart.bounding_box()["y"], "the statement sits above the chart"
    texts = page.eval_on_selector_all(f"{FIGURE} svg text", "ts => ts.map(t => t.textContent).join(' ')")
    assert model.STATEMENT in texts


def test_each_input_changes_exactly_its_cards(visit) -> None:  # noqa: F811
    page = visit("chapters/summit.html").page
    start = _panels(page)
    assert all(start.values()), f"a card panel is missing: {start}"
    for spec in model.INPUTS:
        before = _panels(page)
        default = getattr(model.SummitChoices(), spec.name)
        _set(page, spec, _new_value(spec))
        after = _panels(page)
        moved = {k for k in model.CARD_KEYS if after[k] != before[k]}
        expected = {k for k, names in model.CARD_INPUTS.items() if spec.name in names}
        assert moved == expected, f"{spec.name} changed {sorted(moved)}, expected {sorted(expected)}"
        _set(page, spec, default)
        assert _panels(page) == before, f"{spec.name}: going back did not restore the cards"


def _tension_text(page) -> str:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('figure.coursebook-chart svg g.tensions_group text'))"
        ".map(t => t.textContent).join(' | ')"
    )


def test_tensions_panel_follows_the_choices(visit) -> None:  # noqa: F811
    page = visit("chapters/summit.html").page
    by_name = {spec.name: spec for spec in model.INPUTS}
    assert "posture under strong asymmetry" not in _tension_text(page)
    _set(page, by_name["korea_posture"], "specific")
    _set(page, by_name["korea_asymmetry"], 0.75)
    assert model.TENSION_LABELS["specific_under_asymmetry"] in _tension_text(page)
    _set(page, by_name["korea_posture"], "diffuse")
    assert model.TENSION_LABELS["specific_under_asymmetry"] not in _tension_text(page)

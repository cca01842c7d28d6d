"""The summit page in a real browser, run as a class would run it.

Each card of the static summit carries the controls that move it (``select[data-input]``) and shows
its band in ``.summit-card__band``. The tests prove: at 1366 x 768 every control and its card's band
are on screen together; no visible text holds ``_`` or a bibliography key; a page address restores
exactly its choices and cards; a round downloaded from the page loads in the kernel widget and a
round the widget saves uploads into the page; "was / now" marks exactly the cards whose inputs
changed since the saved round; each input changes exactly its cards; at 390 px no card is wider than
the screen; projector mode sets card text at 18 px or more. The general checks (offline, axe in light
and dark mode) run over this page with every other page in ``test_browser.py``. Screenshots go to
``SHOTS`` (set ``SUMMIT_SHOTS``) for a human to look at.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from book.test_browser import browser  # noqa: F401 - the shared fixture

from techdiplomacy.models import summit as model
from techdiplomacy.widgets.summit import summit_table

pytestmark = [pytest.mark.book, pytest.mark.browser]

PAGE = "chapters/summit.html"
SHOTS = Path(os.environ.get("SUMMIT_SHOTS", "/tmp/summit_shots"))
BY_NAME = {spec.name: spec for spec in model.INPUTS}
LABELS = model.option_labels()
BIB_KEY = re.compile(r"\b(feijoo|han|baek|powerrelations|minilateralism|keohane|axelrod)(19|20)\d\d\b", re.I)


def _open(browser, book_url, hash_: str = "", width: int = 1366, height: int = 768, scheme: str = "light"):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                  accept_downloads=True)
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def route(r) -> None:
        if r.request.url.startswith(book_url) or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(f"{book_url}/{PAGE}{hash_}", wait_until="load")
    page.wait_for_function("document.querySelector('.summit-app') && document.querySelector('.summit-app').dataset.ready === 'true'",
                           timeout=20_000)
    page.evaluate("window.localStorage.clear()")
    page.outside, page.errors = outside, errors
    return context, page


@pytest.fixture
def summit(browser, book_url):  # noqa: F811
    contexts = []

    def opener(**kwargs):
        context, page = _open(browser, book_url, **kwargs)
        contexts.append(context)
        return page

    yield opener
    for context in contexts:
        context.close()


def _bands(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('.summit-card'))
        .map(c => [c.dataset.card, c.querySelector('.summit-card__band').textContent]))""")


def _chosen(page) -> dict[str, str]:
    """Each control's shown option (its words)."""
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('select[data-input]'))
        .map(s => [s.dataset.input, s.options[s.selectedIndex].textContent]))""")


def _words(choices: model.SummitChoices) -> dict[str, str]:
    return {spec.name: LABELS[spec.name][getattr(choices, spec.name)] for spec in model.INPUTS}


def _choose(page, name: str, value: object) -> None:
    page.locator(f'select[data-input="{name}"]').select_option(label=LABELS[name][value])


def _changing_option(spec: model.Input) -> object:
    """An option of ``spec`` that changes every card it feeds, found with the model."""
    base = model.SummitChoices()
    keys = [k for k, names in model.CARD_INPUTS.items() if spec.name in names]
    for option in spec.options:
        changed = replace(base, **{spec.name: option})
        if option != getattr(base, spec.name) and all(model.card(k, changed).band != model.card(k, base).band for k in keys):
            return option
    raise AssertionError(f"no option of {spec.name} changes its card")


ROUND = model.SummitChoices(korea_posture="specific", korea_asymmetry=0.75, chair_group_size=12,
                            coalition_science=1.0, vote_design="minilateral_group", vote_weighting="inclusion_first",
                            corporate_interoperability=0.2)


def test_every_control_and_its_card_are_on_screen_together_at_1366x768(summit) -> None:
    page = summit()
    page.screenshot(path=str(SHOTS / "summit-1366x768.png"))
    names = page.eval_on_selector_all("select[data-input]", "ss => ss.map(s => s.dataset.input)")
    assert sorted(names) == sorted(BY_NAME), "one control per input"
    for name in names:
        control = page.locator(f'select[data-input="{name}"]')
        card = page.locator(".summit-card", has=control)
        card.scroll_into_view_if_needed()
        card.evaluate("c => c.scrollIntoView({block: 'center'})")
        boxes = [control.bounding_box(), card.locator(".summit-card__band").bounding_box(), card.bounding_box()]
        for box in boxes:
            assert box["y"] >= 0 and box["y"] + box["height"] <= 768, f"{name}: control and card not on one screen"
            assert box["x"] >= 0 and box["x"] + box["width"] <= 1366
        expected = {k for k, inputs in model.CARD_INPUTS.items() if name in inputs}
        assert {card.get_attribute("data-card")} == expected


def test_no_visible_text_has_an_underscore_or_a_bibliography_key(summit) -> None:
    page = summit()
    page.evaluate("document.querySelector('button[data-action=save]').click()")
    _choose(page, "korea_posture", "specific")
    # Python code cells are code, folded by the book (see coursebook.display); everything else is prose,
    # tables and the summit itself
    page.add_style_tag(content=".cell_input { display: none !important; }")
    text = page.evaluate("document.querySelector('main').innerText")
    options = " ".join(page.eval_on_selector_all("main select option", "os => os.map(o => o.textContent)"))
    assert "_" not in text + options, [line for line in (text + options).splitlines() if "_" in line][:5]
    assert not BIB_KEY.search(text + options), BIB_KEY.search(text + options).group(0)


def test_a_page_address_restores_exactly_its_choices_and_cards(summit) -> None:
    values = {spec.name: getattr(ROUND, spec.name) for spec in model.INPUTS if getattr(ROUND, spec.name) != getattr(model.SummitChoices(), spec.name)}
    hash_ = "#round=" + quote("Prepared round") + "".join(f"&{k}={quote(str(v))}" for k, v in values.items())
    page = summit(hash_=hash_)
    assert _chosen(page) == _words(ROUND)
    assert _bands(page) == {c.key: c.band for c in model.summit_cards(ROUND)}
    assert page.locator(".summit-round-name").input_value() == "Prepared round"
    shown = page.eval_on_selector_all(".summit-tensions__list li", "ls => ls.map(l => l.textContent)")
    assert len(shown) == len(model.tensions(ROUND))
    # the page keeps its address current: a copy of it restores the same round elsewhere
    again = summit(hash_="#" + page.url.split("#", 1)[1])
    assert _chosen(again) == _words(ROUND) and page.outside == [] and page.errors == []


def test_a_round_downloaded_from_the_page_loads_in_the_kernel_widget(summit, tmp_path: Path) -> None:
    page = summit()
    for spec in model.INPUTS:
        if getattr(ROUND, spec.name) != getattr(model.SummitChoices(), spec.name):
            _choose(page, spec.name, getattr(ROUND, spec.name))
    page.locator(".summit-round-name").fill("Round 3")
    with page.expect_download() as download:
        page.click("button[data-action=download]")
    path = tmp_path / "from-page.json"
    download.value.save_as(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == model.ROUND_FORMAT and document["name"] == "Round 3"
    box = summit_table()
    box.file_name.value = str(path)
    box.load_button.click()
    assert "Loaded" in box.status.value, box.status.value
    assert {name: control.value for name, control in box.controls.items()} == ROUND.as_dict()


def test_a_round_the_kernel_widget_saves_uploads_into_the_page(summit, tmp_path: Path) -> None:
    box = summit_table()
    for name, value in ROUND.as_dict().items():
        box.controls[name].value = value
    box.file_name.value = str(tmp_path / "Round-2.json")
    box.save_button.click()
    assert "Saved" in box.status.value, box.status.value
    page = summit()
    page.set_input_files(".summit-upload input[type=file]", str(tmp_path / "Round-2.json"))
    page.wait_for_function("document.querySelector('.summit-status').textContent.startsWith('Loaded')")
    assert _chosen(page) == _words(ROUND)
    assert _bands(page) == {c.key: c.band for c in model.summit_cards(ROUND)}
    # a file that is not a round gets a message, not a crash
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    page.set_input_files(".summit-upload input[type=file]", str(bad))
    page.wait_for_function("document.querySelector('.summit-status').textContent.startsWith('Could not load')")
    assert _chosen(page) == _words(ROUND) and page.errors == []


def test_was_and_now_mark_exactly_the_cards_whose_inputs_changed(summit) -> None:
    page = summit()
    page.locator(".summit-round-name").fill("Round 1")
    page.click("button[data-action=save]")
    assert page.eval_on_selector_all(".summit-card--changed", "cs => cs.length") == 0
    changes = {"korea_posture": "specific", "chair_group_size": 12, "eu_principle_coding": "explicit"}
    for name, value in changes.items():
        _choose(page, name, value)
    changed = set(page.eval_on_selector_all(".summit-card--changed", "cs => cs.map(c => c.dataset.card)"))
    expected = {k for k, inputs in model.CARD_INPUTS.items() if set(inputs) & set(changes)}
    assert changed == expected
    now = replace(model.SummitChoices(), **changes)
    for key in expected:
        card = page.locator(f'.summit-card[data-card="{key}"]')
        assert card.locator(".summit-card__was").inner_text().endswith(model.card(key, model.SummitChoices()).band)
        assert "Was (Round 1)" in card.locator(".summit-card__was").inner_text()
        assert card.locator(".summit-card__band").inner_text() == "Now: " + model.card(key, now).band
    for key in set(model.CARD_KEYS) - expected:
        assert page.locator(f'.summit-card[data-card="{key}"] .summit-card__was').is_hidden()
    page.locator('.summit-card[data-card="reciprocity"]').scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "summit-was-now.png"))
    page.click("button[data-action=reset]")
    assert page.eval_on_selector_all(".summit-card--changed", "cs => cs.length") == 0
    assert _chosen(page) == _words(model.SummitChoices())
    # a saved round can be loaded back from the browser's list
    page.select_option(".summit-rounds", label="Round 1")
    page.click("button[data-action=load]")
    assert _chosen(page) == _words(model.SummitChoices())


def test_each_input_changes_exactly_its_cards(summit) -> None:
    page = summit()
    for spec in model.INPUTS:
        before = _bands(page)
        _choose(page, spec.name, _changing_option(spec))
        after = _bands(page)
        moved = {k for k in model.CARD_KEYS if after[k] != before[k]}
        expected = {k for k, names in model.CARD_INPUTS.items() if spec.name in names}
        assert moved == expected, f"{spec.name} changed {sorted(moved)}, expected {sorted(expected)}"
        _choose(page, spec.name, getattr(model.SummitChoices(), spec.name))


def test_on_a_phone_no_card_is_wider_than_the_screen(summit) -> None:
    page = summit(width=390, height=844)
    widths = page.eval_on_selector_all(".summit-card, .summit-toolbar, .summit-tensions",
                                       "es => es.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })")
    assert widths and all(left >= 0 and right <= 390 for left, right in widths), widths
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator(".summit-card").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "summit-390.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_projector_mode_sets_card_text_at_18px_or_more(summit, scheme: str) -> None:
    page = summit(width=1920, height=1080, scheme=scheme)
    page.click("button[data-action=projector]")
    sizes = page.eval_on_selector_all(
        ".summit-card p, .summit-card h3, .summit-card select, .summit-control__label",
        "es => es.filter(e => e.offsetParent && e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 18, min(sizes)
    box = page.locator(".summit-app").bounding_box()
    assert box["width"] >= 1900 and box["height"] >= 1000, "projector mode fills the screen"
    page.screenshot(path=str(SHOTS / f"summit-projector-1920-{scheme}.png"))
    page.keyboard.press("Escape")
    assert page.locator(".summit-app--projector").count() == 0


def test_dark_mode_screenshot_and_no_errors(summit) -> None:
    page = summit(scheme="dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.locator(".summit-cards").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "summit-dark-1366.png"))
    assert page.errors == [] and page.outside == []

"""Internal keys get human labels in one place (techdiplomacy.labels)."""

from techdiplomacy.labels import humanize_text, is_key, label, labels, term


def test_keys_get_labels() -> None:
    assert label("year_start") == "First year"
    assert label("share_percent") == "Share (%)"
    assert label("tit_for_tat") == "Tit for tat"
    assert label("techno_nationalism") == "Techno-nationalism"
    assert label("some_new_key") == "Some new key"


def test_text_that_is_not_a_key_is_left_alone() -> None:
    assert label("A1") == "A1" and label("Already a label") == "Already a label"
    assert not is_key("Techno-nationalism") and is_key("year_start")


def test_keys_inside_sentences() -> None:
    assert term("techno_nationalism") == "techno-nationalism"
    assert term("us") == "United States"
    assert labels(["mutual_benefit", "new_key", "us"]) == "mutual benefit, new key and United States"
    assert labels([]) == "none"
    assert humanize_text("moves from techno_nationalism on") == "moves from techno-nationalism on"

"""The notebook execution cache is dropped when the course code changes, kept otherwise."""

from pathlib import Path

from coursebook.build import EXECUTION_CACHE, code_fingerprint, drop_stale_execution_cache


def _course(root: Path) -> Path:
    for folder in ("techdiplomacy", "coursebook", "data"):
        (root / folder).mkdir(parents=True)
        (root / folder / "module.py").write_text("x = 1\n")
    return root


def test_cache_survives_while_the_code_is_unchanged(tmp_path: Path) -> None:
    root = _course(tmp_path)
    assert drop_stale_execution_cache(root) is False  # no cache yet: nothing to drop
    (root / EXECUTION_CACHE).mkdir(parents=True)
    (root / EXECUTION_CACHE / "global.db").write_text("cached outputs")
    assert drop_stale_execution_cache(root) is False
    assert (root / EXECUTION_CACHE / "global.db").exists()


def test_cache_is_dropped_when_a_model_changes(tmp_path: Path) -> None:
    root = _course(tmp_path)
    drop_stale_execution_cache(root)
    (root / EXECUTION_CACHE).mkdir(parents=True)
    before = code_fingerprint(root)
    (root / "techdiplomacy" / "module.py").write_text("x = 2\n")
    assert code_fingerprint(root) != before
    assert drop_stale_execution_cache(root) is True
    assert not (root / EXECUTION_CACHE).exists()


def test_a_cache_without_a_fingerprint_is_not_trusted(tmp_path: Path) -> None:
    root = _course(tmp_path)
    (root / EXECUTION_CACHE).mkdir(parents=True)
    assert drop_stale_execution_cache(root) is True

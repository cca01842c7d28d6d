"""Print the book's performance figures.

- clean build: ``_build`` removed, every notebook executed, every page written;
- no-change rebuild: the same command again (execution is cached, so nothing is re-run);
- heaviest page: an HTML page plus the scripts, styles and images it loads;
- one scenario update in the kernel: moving a slider of the policy-paths explorer.

Usage: .venv/bin/python scripts/benchmark.py
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coursebook.build import build_book  # noqa: E402


def page_weight(html_dir: Path, page: Path) -> int:
    """Bytes of a page and of the local assets it references."""
    text = page.read_text(encoding="utf-8")
    total = len(text.encode("utf-8"))
    for url in set(re.findall(r'(?:src|href)="([^"#?]+\.(?:js|css|png|svg|woff2?))(?:\?[^"]*)?"', text)):
        asset = (page.parent / url).resolve()
        if asset.is_file() and html_dir in asset.parents:
            total += asset.stat().st_size
    return total


def scenario_update_seconds(repeats: int = 20) -> float:
    from techdiplomacy.widgets.policy_paths import policy_paths_explorer

    explorer = policy_paths_explorer()
    slider = explorer.children[1]
    timings = []
    for i in range(repeats):
        started = time.perf_counter()
        slider.value = 0.05 * (i % 20)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> int:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean = build_book(ROOT)
    if clean.returncode != 0:
        print(clean.log[-3000:])
        return 1
    rebuild = build_book(ROOT)
    html_dir = clean.html_dir.resolve()
    pages = [p for p in html_dir.rglob("*.html") if not p.relative_to(html_dir).parts[0].startswith("_")]
    heaviest = max(pages, key=lambda p: page_weight(html_dir, p))
    update = scenario_update_seconds()
    print(f"clean build              {clean.seconds:8.1f} s")
    print(f"no-change rebuild        {rebuild.seconds:8.1f} s")
    print(f"heaviest page + assets   {page_weight(html_dir, heaviest) / 1e6:8.2f} MB  ({heaviest.relative_to(html_dir)})")
    print(f"one scenario update      {update * 1000:8.1f} ms  (policy-paths explorer, median of 20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Sphinx extension: serve Vega, Vega-Lite and vega-embed from the book itself.

The JavaScript bundle is produced by ``vl-convert-python`` (a pinned PyPI package, so the build
needs no npm and no CDN) for the Vega-Lite version that the pinned Altair emits, and is cached
under ``_build/.coursebook`` between builds. It is added only to pages that contain a chart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

__all__ = ["setup", "write_vega_bundle"]

STATIC_DIR = Path(__file__).parent / "static"
BUNDLE_NAME = "vega-bundle.js"
logger = logging.getLogger(__name__)


def _vegalite_minor() -> str:
    import altair as alt

    major, minor, *_ = alt.VEGALITE_VERSION.lstrip("v").split(".")
    return f"{major}.{minor}"


def write_vega_bundle(directory: Path) -> Path:
    """Write the Vega bundle for the pinned Altair into ``directory`` (cached by version)."""
    import vl_convert

    version = _vegalite_minor()
    target = directory / "coursebook" / BUNDLE_NAME
    stamp = directory / "coursebook" / f"{BUNDLE_NAME}.version"
    key = f"vl-convert {vl_convert.__version__}, vega-lite {version}"
    if target.exists() and stamp.exists() and stamp.read_text() == key:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(vl_convert.javascript_bundle(vl_version=version), encoding="utf-8")
    stamp.write_text(key)
    logger.info("coursebook: wrote %s (%s)", target, key)
    return target


def _add_static_dirs(app: Sphinx, config: Any) -> None:
    bundle_dir = Path(app.outdir).parent / ".coursebook"
    write_vega_bundle(bundle_dir)
    config.html_static_path.extend([str(STATIC_DIR), str(bundle_dir)])


def _add_chart_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if "coursebook-chart" not in context.get("body", ""):
        return
    app.add_js_file(f"coursebook/{BUNDLE_NAME}")
    app.add_js_file("coursebook/charts.js")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _add_static_dirs)
    app.connect("html-page-context", _add_chart_assets)
    app.add_css_file("coursebook/course.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}

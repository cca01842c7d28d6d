"""Sphinx extension of the course book.

- Serves Vega, Vega-Lite, vega-embed and MathJax from the book itself, so pages work offline and
  from disk. The Vega bundle is produced by ``vl-convert-python`` (a pinned PyPI package, so the
  build needs no npm and no CDN) for the Vega-Lite version the pinned Altair emits; MathJax comes
  from the pinned ``django-static-mathjax`` wheel. Both are cached under ``_build/.coursebook``;
  the chart scripts are added only to pages that contain a chart.
- Tidies the theme's scripts (no Thebe, no duplicates) and the bibliography's ARIA roles.
- Makes the student edition (see :mod:`coursebook.editions`) and the JupyterLite launch button
  (see :mod:`coursebook.lite`).
- Folds code in the student edition (:func:`fold_code`): each code cell's input sits behind a "Show
  code" toggle (a native ``<details>``, so it works with the keyboard and without JavaScript); the
  notebooks keep their code and the instructor edition shows it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import nbformat
from sphinx.application import Sphinx
from sphinx.util import logging

from coursebook.editions import current_edition, hidden_cells, student_notebook
from coursebook.lite import LITE_APP, LITE_VARIABLE, lite_launch_url
from coursebook.student_branch import launch_branch, pin_install_cell, repository, stamp_exercise

__all__ = ["FOLD_TAG", "fold_code", "setup", "write_mathjax", "write_vega_bundle"]

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
    key = f"vl-convert {vl_convert.__version__}, vega-lite {version}, classic script"
    if target.exists() and stamp.exists() and stamp.read_text() == key:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # The bundle is an ES module without imports; wrapping it in a function scope lets it run as a
    # classic script (modules are blocked on file:// pages) without its top-level names clashing
    # with the theme's. It still publishes vegaEmbed, vega and vegaLite on window.
    bundle = vl_convert.javascript_bundle(vl_version=version)
    target.write_text(f'(function () {{\n"use strict";\n{bundle}\n}})();\n', encoding="utf-8")
    stamp.write_text(key)
    logger.info("coursebook: wrote %s (%s)", target, key)
    return target


#: The parts of MathJax 3's ES5 build that the ``tex-mml-chtml`` component loads.
MATHJAX_PARTS = ("tex-mml-chtml.js", "input", "output/chtml.js", "output/chtml", "ui", "a11y", "adaptors")


def write_mathjax(directory: Path) -> str:
    """Copy MathJax 3 (from the pinned ``django-static-mathjax`` wheel) into ``directory``.

    Returns the ``mathjax_path`` to configure, relative to ``_static``.
    """
    import importlib.metadata
    import importlib.util

    spec = importlib.util.find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("MathJax is missing: install the pinned requirements (django-static-mathjax).")
    source = Path(next(iter(spec.submodule_search_locations))) / "static" / "mathjax" / "es5"
    target = directory / "mathjax"
    stamp = target / ".version"
    key = importlib.metadata.version("django-static-mathjax")
    if not (stamp.exists() and stamp.read_text() == key):
        shutil.rmtree(target, ignore_errors=True)
        for part in MATHJAX_PARTS:
            origin, destination = source / part, target / part
            destination.parent.mkdir(parents=True, exist_ok=True)
            if origin.is_dir():
                shutil.copytree(origin, destination)
            else:
                shutil.copy2(origin, destination)
        stamp.write_text(key)
    return "mathjax/tex-mml-chtml.js"


def _add_static_dirs(app: Sphinx, config: Any) -> None:
    assets = Path(app.outdir).parent / ".coursebook"
    write_vega_bundle(assets)
    config.mathjax_path = write_mathjax(assets)
    config.html_static_path.extend([str(STATIC_DIR), str(assets)])


def _script_key(script: Any) -> str:
    return f"{script}|{getattr(script, 'attributes', {}).get('body', '')}"


def _tidy_scripts(context: dict) -> None:
    """Drop Thebe (live code is launched on Binder/Colab instead; Thebe would load from a CDN)
    and scripts registered twice (Jupyter Book 1 registers some extensions' inline scripts twice,
    which the browser reports as redeclaration errors)."""
    kept, seen = [], set()
    for script in context.get("script_files", []):
        body = getattr(script, "attributes", {}).get("body", "")
        if "thebe" in str(script) or "THEBE_JS_URL" in body:
            continue
        if _script_key(script) in seen:
            continue
        seen.add(_script_key(script))
        kept.append(script)
    context["script_files"] = kept


def _fix_citation_roles(context: dict) -> None:
    """Docutils marks the bibliography as role="list" but its entries as "doc-biblioentry", which
    assistive technology does not accept as list items (axe: aria-required-children)."""
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _on_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    _add_summit_assets(app, context)
    _add_chart_assets(app, context)
    _fix_citation_roles(context)
    _name_toggles(context)


def _add_summit_assets(app: Sphinx, context: dict) -> None:
    """The summit page's script and styles (rounds, page address, projector mode), on that page only."""
    body = context.get("body", "")
    if 'class="summit-app"' in body or "summit-brief" in body:
        app.add_js_file("coursebook/summit.js")
        app.add_css_file("coursebook/summit.css")


def _add_chart_assets(app: Sphinx, context: dict) -> None:
    if "coursebook-chart" in context.get("body", ""):
        app.add_js_file(f"coursebook/{BUNDLE_NAME}")
        app.add_js_file("coursebook/charts.js")
    _tidy_scripts(context)


#: myst-nb's tag for a code cell whose input is folded behind a toggle.
FOLD_TAG = "hide-input"
_SHOWN_ANYWAY = {"remove-input", "remove_input", "remove-cell", "remove_cell", "hide-cell", FOLD_TAG}


def fold_code(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with every code cell's input folded (tagged ``hide-input``); outputs stay open."""
    for cell in notebook.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and not _SHOWN_ANYWAY & set(tags):
            cell.setdefault("metadata", {})["tags"] = [*tags, FOLD_TAG]
    return notebook


def _name_toggles(context: dict) -> None:
    """myst-nb labels every toggle "Toggle hidden content" for screen readers, hiding its visible
    text ("Show code"); let the visible text be its name."""
    if "body" in context:
        context["body"] = context["body"].replace('<summary aria-label="Toggle hidden content">', "<summary>")


def _configure_edition(app: Sphinx, config: Any) -> None:
    edition = current_edition()
    app.coursebook_edition = edition  # type: ignore[attr-defined]
    config.nb_code_prompt_show = "Show code"
    config.nb_code_prompt_hide = "Hide code"
    # Launch links (Binder, Colab, JupyterHub): the student edition opens the student branch.
    config.html_theme_options["repository_branch"] = launch_branch(edition, Path(app.srcdir))
    if edition == "student":
        config.hide_solutions = True  # sphinx-exercise: no {solution} blocks in the student edition
    else:
        options = config.html_theme_options
        options["announcement"] = "Instructor edition: includes solutions, instructor notes and rubrics. Do not publish to students."


def _remove_hidden_cells(app: Sphinx, docname: str, source: list[str]) -> None:
    """Student edition: read notebooks without their ``solution`` and ``instructor`` cells, so
    neither the page nor the search index ever sees them, and with their code folded."""
    if getattr(app, "coursebook_edition", "student") != "student" or not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    notebook = nbformat.reads(source[0], as_version=4)
    if hidden_cells(notebook):
        notebook = student_notebook(notebook)
    source[0] = nbformat.writes(fold_code(notebook))


def _strip_downloadable_notebooks(app: Sphinx, exception: Exception | None) -> None:
    """Student edition: the notebooks offered for download carry no solutions either."""
    if exception is not None or getattr(app, "coursebook_edition", "student") != "student":
        return
    settings = repository(Path(app.srcdir))
    for path in (Path(app.outdir) / "_sources").rglob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        notebook = pin_install_cell(student_notebook(notebook), settings.url, settings.student_branch)
        if path.parent.name == "exercises":
            stamp_exercise(notebook, path.stem)  # the grader checks a submission's cells against it
        nbformat.write(notebook, path)


def _configure_jupyterlite(app: Sphinx, config: Any) -> None:
    """Offer a JupyterLite launch button when the build includes the JupyterLite site."""
    if os.environ.get(LITE_VARIABLE) == "1":
        config.html_theme_options.setdefault("launch_buttons", {})["jupyterlite_url"] = LITE_APP


def _relative_jupyterlite_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The theme writes the JupyterLite link relative to the site root; make it relative to the page."""
    path_to_root = "../" * pagename.count("/")
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []):
            if button.get("text") == "JupyterLite" and button.get("url", "").startswith(LITE_APP):
                notebook = button["url"].split("?path=", 1)[1]
                button["url"] = lite_launch_url(path_to_root, notebook)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _configure_jupyterlite)
    app.connect("html-page-context", _relative_jupyterlite_links, priority=900)
    app.connect("config-inited", _configure_edition)
    app.connect("config-inited", _add_static_dirs)
    app.connect("source-read", _remove_hidden_cells)
    app.connect("build-finished", _strip_downloadable_notebooks)
    app.connect("html-page-context", _on_page)
    app.add_css_file("coursebook/course.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}

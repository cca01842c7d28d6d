"""The Sphinx extension: offline Vega bundle, tidy scripts, accessible bibliography roles."""

from types import SimpleNamespace

from coursebook.sphinx_ext import _fix_citation_roles, _tidy_scripts, write_vega_bundle


class Script(str):
    def __new__(cls, name: str, body: str = "") -> "Script":
        obj = super().__new__(cls, name)
        obj.attributes = {"body": body} if body else {}
        return obj


def test_tidy_scripts_drops_thebe_and_duplicates() -> None:
    context = {"script_files": [Script("a.js"), Script("", "var x = 1;"), Script("", "var x = 1;"), Script("_static/sphinx-thebe.js"), Script("", 'const THEBE_JS_URL = "u";'), Script("a.js")]}
    _tidy_scripts(context)
    assert [str(s) or s.attributes["body"] for s in context["script_files"]] == ["a.js", "var x = 1;"]


def test_bibliography_entries_become_list_items() -> None:
    context = {"body": '<div role="list"><div class="citation" role="doc-biblioentry">x</div></div>'}
    _fix_citation_roles(context)
    assert 'role="listitem"' in context["body"] and "doc-biblioentry" not in context["body"]


def test_vega_bundle_is_a_classic_script_publishing_vega_embed(tmp_path) -> None:
    path = write_vega_bundle(tmp_path)
    text = path.read_text()
    assert text.startswith("(function () {") and text.rstrip().endswith("})();")
    assert "window.vegaEmbed=" in text.replace(" ", "")
    assert "cdn.jsdelivr.net" not in text
    stamp = path.with_name(path.name + ".version").read_text()
    assert write_vega_bundle(tmp_path) == path and path.with_name(path.name + ".version").read_text() == stamp

"""JupyterLite launch links point at the site from any page depth."""

from coursebook.lite import LITE_APP, lite_launch_url
from coursebook.sphinx_ext import _relative_jupyterlite_links


def test_launch_url_is_relative_to_the_page() -> None:
    assert lite_launch_url("../", "chapters/a.ipynb") == "../lite/lab/index.html?path=chapters/a.ipynb"
    assert lite_launch_url("", "index.ipynb") == "lite/lab/index.html?path=index.ipynb"


def test_theme_button_is_rewritten_for_nested_pages() -> None:
    button = {"text": "JupyterLite", "url": f"{LITE_APP}?path=chapters/a.ipynb", "icon": "_static/images/logo_jupyterlite.svg"}
    binder = {"text": "Binder", "url": "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/chapters/a.ipynb"}
    context = {"header_buttons": [{"label": "launch-buttons", "buttons": [binder, button]}]}
    _relative_jupyterlite_links(None, "chapters/a", "page.html", context, None)
    assert button["url"] == "../lite/lab/index.html?path=chapters/a.ipynb"
    assert binder["url"].startswith("https://mybinder.org/")
    assert button["icon"] == "_static/images/logo_jupyterlite.svg"  # the theme makes icons relative itself

"""Every notebook page offers Binder, Colab and JupyterHub launch links and a notebook download.

The student edition's launch links open the student branch (``repository.student_branch``), which
holds the page's notebook; the repository and both branches are configured in ``_config.yml`` only.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest
import yaml

from book_pages import ROOT, notebook_documents
from coursebook.student_branch import student_files

pytestmark = pytest.mark.book

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPOSITORY = urlparse(CONFIG["repository"]["url"]).path.strip("/")  # "org/repo"
BRANCH = CONFIG["repository"]["student_branch"]


def _links(page: Path) -> list[str]:
    return re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("document", notebook_documents())
def test_notebook_page_has_well_formed_launch_links(html_dir: Path, document: str) -> None:
    links = _links(html_dir / f"{document}.html")
    notebook = f"{document}.ipynb"
    binder = CONFIG["launch_buttons"]["binderhub_url"].rstrip("/")
    assert f"{binder}/v2/gh/{REPOSITORY}/{BRANCH}?urlpath=lab/tree/{notebook}" in links
    colab = CONFIG["launch_buttons"]["colab_url"].rstrip("/")
    assert f"{colab}/github/{REPOSITORY}/blob/{BRANCH}/{notebook}" in links
    hub = CONFIG["launch_buttons"]["jupyterhub_url"].rstrip("/")
    (pull,) = [link for link in links if link.startswith(f"{hub}/hub/user-redirect/git-pull?")]
    query = parse_qs(urlparse(pull.replace("&amp;", "&")).query)
    assert query["repo"] == [CONFIG["repository"]["url"]]
    assert query["branch"] == [BRANCH]
    assert query["urlpath"][0].endswith(notebook)
    assert not [link for link in links if "/main/" in link or "branch=main" in link or "/blob/main" in link]


@pytest.fixture(scope="module")
def branch_files() -> dict[str, bytes]:
    return student_files(ROOT, None)


@pytest.mark.parametrize("document", notebook_documents())
def test_launch_links_open_a_notebook_the_student_branch_holds(branch_files: dict[str, bytes], document: str) -> None:
    assert f"{document}.ipynb" in branch_files


@pytest.mark.parametrize("document", notebook_documents())
def test_notebook_page_offers_the_notebook_for_download(html_dir: Path, document: str) -> None:
    page = html_dir / f"{document}.html"
    downloads = [link for link in _links(page) if link.endswith(".ipynb") and "_sources" in link]
    assert downloads, "no download link"
    download = (page.parent / downloads[0]).resolve()
    assert download.is_file()
    first_code = next(c for c in nbformat.read(download, as_version=4).cells if c.cell_type == "code")
    assert f'git+{CONFIG["repository"]["url"]}@{BRANCH}"' in first_code.source, "the download installs from the student branch"

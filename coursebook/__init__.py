"""Plumbing of the course book (not course content).

- :mod:`coursebook.display` -- an Altair renderer for notebooks: standard HTML for Jupyter,
  plus a chart record the book renders offline;
- :mod:`coursebook.mime` -- the MyST-NB plug-in that turns that record into a captioned figure;
- :mod:`coursebook.sphinx_ext` -- the Sphinx extension that serves Vega from the book itself.
"""

from coursebook.display import refusal, say, setup_notebook

__all__ = ["refusal", "say", "setup_notebook"]

"""pytest plugin for the notebook runs of tests/test_environments.py (copied beside the notebooks and
loaded with ``-p nbval_across_versions``).

nbval applies its sanitize patterns to text outputs only. The course's charts are JSON
(``application/vnd.coursebook.chart+json``), and their Vega-Lite schema version, with the chart id
hashed from the spec, legitimately differ between altair versions; this lets the patterns of
tests/nbval_sanitize_across_versions.cfg reach JSON outputs too, through their text.
"""

from __future__ import annotations

import json

from nbval.plugin import IPyNbCell

_sanitize_text = IPyNbCell.sanitize


def _sanitize(self: IPyNbCell, value: object) -> object:
    if isinstance(value, (dict, list)):
        text = _sanitize_text(self, json.dumps(value, sort_keys=True, indent=1))
        try:
            return json.loads(text)
        except ValueError:
            return text
    return _sanitize_text(self, value)


IPyNbCell.sanitize = _sanitize

"""Models, charts, widgets and exercise checks for the course *AI technology diplomacy*.

Sub-packages mirror one another, one module per chapter:

- :mod:`techdiplomacy.models` -- pure, typed functions (no plotting, no widgets);
- :mod:`techdiplomacy.charts` -- Altair charts that work in the static book;
- :mod:`techdiplomacy.widgets` -- ipywidgets explorers for a live kernel;
- :mod:`techdiplomacy.exercises` -- checkers that answer with friendly feedback.
"""

__version__ = "0.1.0"

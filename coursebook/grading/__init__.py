"""Grade a folder of exercise notebooks with the course's own checkers, each notebook in a sandbox.

``bash scripts/grade.sh DIR`` (or ``python -m coursebook.grading DIR``) grades every ``DIR/*.ipynb``
(any mix of the exercises) and writes ``DIR/grades.csv`` (one row per notebook: points per
automatically marked task, ``total``, ``max_total``, ``notes``), ``DIR/feedback/<student>.md`` and
``DIR/open_answers.csv`` (reflections and the written parts of designs, for the rubric).

A submission is arbitrary code, so the grader trusts nothing in it:

- :mod:`~coursebook.grading.submissions`: only regular files are read; the exercise is read from
  the notebook's parsed imports and checked against the student branch's metadata stamp.
- :mod:`~coursebook.grading.sandbox`: each notebook runs, kernel and runner together, in a
  bubblewrap sandbox (read-only course and environment, private ``/tmp`` and working folder, no
  network, minimal environment, resource limits, the whole process tree killed at the end).
- :mod:`~coursebook.grading.inside`: the runner in the sandbox; it sends the answers out as tagged
  JSON of exact built-in values, and relays calls of a function answer.
- :mod:`~coursebook.grading.judge`: the verdicts, computed outside by the course's checkers,
  imported from source and fingerprinted before the first notebook and after the last.
- :mod:`~coursebook.grading.reports`: the reports, written atomically and only as regular files in DIR.
- :mod:`~coursebook.grading.grade`: the orchestration (a pool of ``--jobs`` sandboxes) and the command.

Points only where a checker can judge: open answers and the free-text parts of designs earn no
automatic points; a task whose answer space a loop over the shipped checker could search
(``Task.searchable``) earns points only with ``--assessment``, for exercises assigned in assessment
mode (``TECHDIPLOMACY_ASSESSMENT=1`` in the students' environment: the notebook's own checks then
give format feedback only). otter-grader and nbgrader were considered: both grade tests in their own
assignment formats; these notebooks already declare answers and checkers (``TASKS``).
"""

from coursebook.grading.common import GradingLimits, NotebookGrade, TaskGrade
from coursebook.grading.grade import CourseChanged, NoSandbox, grade_folder, grade_notebooks, main
from coursebook.grading.reports import write_reports
from coursebook.grading.submissions import exercise_of

__all__ = [
    "CourseChanged",
    "GradingLimits",
    "NoSandbox",
    "NotebookGrade",
    "TaskGrade",
    "exercise_of",
    "grade_folder",
    "grade_notebooks",
    "main",
    "write_reports",
]

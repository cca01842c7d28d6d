"""``python -m coursebook.grading DIR``: see :mod:`coursebook.grading`."""

from coursebook.grading.grade import main

raise SystemExit(main())

#!/usr/bin/env bash
# Grade every exercise notebook in a folder with the course's own checkers:
#   bash scripts/grade.sh DIR [--jobs N] [--cell-timeout S] [--notebook-timeout S]
# writes DIR/grades.csv (one row per notebook), DIR/open_answers.csv (for the rubric) and
# DIR/feedback/<notebook>.md. See coursebook/grading.py for how submissions are isolated.
set -euo pipefail
dir="${1:?usage: bash scripts/grade.sh DIR [--jobs N] [--cell-timeout S] [--notebook-timeout S]}"
shift
dir="$(cd "$dir" && pwd)"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x .venv/bin/python ] || bash scripts/setup-env.sh
PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" .venv/bin/python -m coursebook.grading "$dir" "$@"

#!/usr/bin/env bash
# Generate the student branch (repository.student_branch in _config.yml) from the current commit:
# student notebooks (no solution or instructor cells), data, course package, Binder environment.
#   bash scripts/make-student-branch.sh                 from HEAD into the local branch
#   bash scripts/make-student-branch.sh --push origin   ... and push it
#   bash scripts/make-student-branch.sh --ref WORKTREE  from the uncommitted work tree
# The same input always gives the same tree; a commit is added only when the tree changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=.venv/bin/python
[ -x "$python" ] || bash scripts/setup-env.sh
"$python" -m coursebook.student_branch "$@"

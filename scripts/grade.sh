#!/usr/bin/env bash
# Grade every exercise notebook in a folder, each in its own sandbox, with the course's own checkers:
#   bash scripts/grade.sh DIR [--assessment] [--jobs N] [--cell-timeout S] [--notebook-timeout S]
# writes DIR/grades.csv (one row per notebook), DIR/open_answers.csv (for the rubric) and
# DIR/feedback/<student>.md. The sandbox is bubblewrap (Linux); this script installs it where it can
# (as root or with sudo -n). Without a sandbox it refuses, unless you add --unsafe-no-sandbox.
# See coursebook/grading/ and the README's grading section.
set -euo pipefail
dir="${1:?usage: bash scripts/grade.sh DIR [--assessment] [--jobs N] [--cell-timeout S] [--notebook-timeout S] [--unsafe-no-sandbox]}"
shift
dir="$(cd "$dir" && pwd)"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x .venv/bin/python ] || bash scripts/setup-env.sh

if ! command -v bwrap >/dev/null 2>&1 && [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then privileged=""; elif sudo -n true 2>/dev/null; then privileged="sudo -n"; else privileged=none; fi
  if [ "$privileged" != none ]; then
    echo "Installing bubblewrap (Debian package) for the grading sandbox ..."
    $privileged apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $privileged apt-get install -y -qq bubblewrap >/dev/null || true
  fi
fi

# Never read bytecode from the course tree (a notebook graded without the sandbox could have written it).
PYTHONPYCACHEPREFIX="$(mktemp -d)"
trap 'rm -rf "$PYTHONPYCACHEPREFIX"' EXIT
export PYTHONPYCACHEPREFIX PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0
PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" .venv/bin/python -B -m coursebook.grading "$dir" "$@"

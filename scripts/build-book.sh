#!/usr/bin/env bash
# Build the HTML book (sets up .venv first). Warnings fail the build.
#   bash scripts/build-book.sh                       student edition  -> _build/html
#   bash scripts/build-book.sh --edition instructor  instructor edition -> _build/instructor/_build/html
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
edition=student
if [ "${1:-}" = "--edition" ]; then edition="${2:?--edition needs student or instructor}"; fi
bash scripts/setup-env.sh
.venv/bin/python -m coursebook.editions "$edition"

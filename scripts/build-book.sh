#!/usr/bin/env bash
# Build the HTML book into _build/html (sets up .venv first). Warnings fail the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-env.sh
.venv/bin/jupyter-book build . -W -n --keep-going "$@"
echo
echo "Open the book: _build/html/index.html"

#!/usr/bin/env bash
# Build the HTML book (sets up .venv first). Warnings fail the build.
#   bash scripts/build-book.sh                       student edition -> _build/html (print version in print/,
#                                                    the whole book as one PDF: ai-technology-diplomacy.pdf)
#   bash scripts/build-book.sh --with-jupyterlite    ... plus the notebooks as a JupyterLite site in lite/
#   bash scripts/build-book.sh --edition instructor  instructor edition -> _build/instructor/_build/html
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
edition=student
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --edition) edition="${2:?--edition needs student or instructor}"; shift 2 ;;
    --with-jupyterlite) options+=(--with-jupyterlite); shift ;;
    *) echo "Unknown option $1 (use --edition student|instructor, --with-jupyterlite)"; exit 2 ;;
  esac
done
bash scripts/setup-env.sh
if [ "$edition" = student ] && ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package), which prints the book as one PDF ..."
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
.venv/bin/python -m coursebook.editions "$edition" "${options[@]}"

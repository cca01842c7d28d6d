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
# The PDF needs a Chromium or Chrome (coursebook/pdf.py finds Playwright's own browser too). Install
# Debian's only where that needs no password (as root, or with password-less sudo); without one,
# the HTML book is still built and the build says in one line how to get the PDF.
if [ "$edition" = student ] && ! .venv/bin/python -c "import sys; from coursebook.pdf import chromium_path; sys.exit(chromium_path() is None)" \
   && command -v apt-get >/dev/null 2>&1; then
  as_root=""
  if [ "$(id -u)" -ne 0 ] && sudo -n true >/dev/null 2>&1; then as_root="sudo -n"; fi
  if [ "$(id -u)" -eq 0 ] || [ -n "$as_root" ]; then
    echo "Installing Chromium (Debian package), which prints the book as one PDF ..."
    { $as_root apt-get update -qq && $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || echo "Could not install Chromium; building the HTML book without the PDF."
  fi
fi
.venv/bin/python -m coursebook.editions "$edition" ${options[@]+"${options[@]}"}

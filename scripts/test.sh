#!/usr/bin/env bash
# Run every test: models, data, charts, widgets, checkers, tooling, notebooks (nbval, comparing
# outputs), the warning-free book build, and the offline browser and accessibility checks.
# Installs what the tests need, Chromium and bubblewrap (the grading sandbox) included.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-env.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package) for the browser tests ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
if ! command -v bwrap >/dev/null 2>&1; then
  echo "Installing bubblewrap (Debian package) for the grading sandbox ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq bubblewrap >/dev/null
fi

export PYTHONHASHSEED=0
.venv/bin/python -m pytest tests chapters exercises \
  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
  -p no:cacheprovider "$@"

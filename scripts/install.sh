#!/usr/bin/env bash
# Install what the app needs into .venv (idempotent). With --test, also what the tests need:
# pytest, Playwright and hypothesis from PyPI, Chromium from Debian, TimelineJS from npm.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  if [ ! -x /usr/lib/chromium/chromium ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null
  fi
  if [ -f package.json ] && [ ! -d node_modules ]; then
    npm ci --silent --no-audit --no-fund
  fi
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
fi

#!/usr/bin/env bash
# Install the app into .venv (idempotent): the pinned requirements, then the package itself,
# editable, so `.venv/bin/timeline` runs this checkout.
#   --images  also what `timeline export png|svg|pdf` needs: kaleido, and Debian's Chromium
#   --test    also what the tests need: pytest, Playwright, hypothesis, kaleido (pip), Chromium
#             (Debian), TimelineJS (npm)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
PIP=(.venv/bin/python -m pip install -q --disable-pip-version-check)
chromium() {
  if [ ! -x /usr/lib/chromium/chromium ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null
  fi
}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
"${PIP[@]}" --upgrade pip >/dev/null
case "${1:-}" in
  --test)
    "${PIP[@]}" -r requirements-dev.txt
    chromium
    if [ -f package.json ] && [ ! -d node_modules ]; then
      npm ci --silent --no-audit --no-fund
    fi ;;
  --images)
    "${PIP[@]}" -r requirements.txt -r requirements-images.txt
    chromium ;;
  "") "${PIP[@]}" -r requirements.txt ;;
  *) echo "usage: bash scripts/install.sh [--test|--images]" >&2; exit 2 ;;
esac
# The package, editable, on the pinned set above (--no-deps: requirements*.txt decide the versions).
if .venv/bin/python -c "import hatchling" 2>/dev/null; then
  "${PIP[@]}" --no-deps --no-build-isolation -e .
else
  "${PIP[@]}" --no-deps -e .
fi

#!/usr/bin/env bash
# Rebuild the vendored partial plotly.js bundles (timeline/page/static/vendor/). Needs node + npm
# (the npm registry); run only when moving to another plotly.js version (keep it equal to the
# plotly.js inside the pinned plotly Python package). `python app.py` never needs npm.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$repo/scripts/plotly-bundle/package.json" "$repo/scripts/plotly-bundle/build.js" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund --ignore-scripts && node build.js "$repo/timeline/page/static/vendor")

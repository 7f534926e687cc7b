#!/usr/bin/env bash
# Install what the tests need (Python packages, Debian's Chromium, TimelineJS from npm), then run the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
exec .venv/bin/python -m pytest "$@"

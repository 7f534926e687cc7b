#!/usr/bin/env bash
# Load test: the app under gunicorn on loopback, 50 simulated readers for 60 s (locust, headless),
# then throughput, p50/p95/p99 latency per request kind and the error count (exit 1 if any).
#
#   bash bench/load/run.sh                        # defaults below; override with the variables
#   USERS=100 DURATION=30s WORKERS=2 bash bench/load/run.sh
#
# Only 127.0.0.1 is used. Locust lives in its own virtualenv (bench/.venv, from bench/requirements.txt),
# apart from the app's. Output (CSV, logs) goes to bench-out/load/.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${PORT:-8077}"
USERS="${USERS:-50}"
SPAWN_RATE="${SPAWN_RATE:-25}"
DURATION="${DURATION:-60s}"
WORKERS="${WORKERS:-4}"
OUT="${OUT:-bench-out/load}"
PY=.venv/bin/python
GUNICORN=.venv/bin/gunicorn
BENCH=bench/.venv

if [ ! -x "$BENCH/bin/locust" ]; then
  echo "installing locust into $BENCH (bench/requirements.txt)"
  python3 -m venv "$BENCH"
  "$BENCH/bin/pip" install -q -r bench/requirements.txt
fi
mkdir -p "$OUT"

"$GUNICORN" app:server -w "$WORKERS" -b "127.0.0.1:$PORT" --no-control-socket --log-level warning \
  >"$OUT/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
trap 'kill "$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if "$PY" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
       "http://127.0.0.1:$PORT/api/event/hanoi-summit" 2>/dev/null; then break; fi
  kill -0 "$GUNICORN_PID" 2>/dev/null || { echo "gunicorn did not start:"; cat "$OUT/gunicorn.log"; exit 2; }
  sleep 0.5
done
# one page load per worker-ish, so first-request work is not in the figures
for _ in $(seq 1 "$WORKERS"); do "$PY" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]).read()" \
  "http://127.0.0.1:$PORT/" >/dev/null; done

echo "load: $USERS users for $DURATION against gunicorn -w $WORKERS on 127.0.0.1:$PORT ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
"$BENCH/bin/locust" -f bench/load/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$DURATION" \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/locust" --only-summary --stop-timeout 10 \
  --loglevel WARNING >"$OUT/locust.log" 2>&1 || true
"$PY" bench/load/report.py "$OUT/locust_stats.csv"

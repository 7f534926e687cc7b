#!/bin/sh
# The container's command (Dockerfile): gunicorn serving the dataset mounted at /data, or the
# bundled one when nothing is mounted. Settings from the environment:
#   TIMELINE_DATA       a dataset path that wins over /data
#   TIMELINE_DATA_DIR   where the volume is mounted (default /data)
#   PORT (8050), WORKERS (2), TIMELINE_BIND (0.0.0.0)
#   TIMELINE_PUBLIC_URL, TIMELINE_PROXY_FIX, TIMELINE_FRAME_ANCESTORS: see the README's Hosting
set -eu
data_dir="${TIMELINE_DATA_DIR:-/data}"
if [ -z "${TIMELINE_DATA:-}" ] && [ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir" 2>/dev/null)" ]; then
  TIMELINE_DATA="$data_dir"
  export TIMELINE_DATA
fi
echo "timeline: serving ${TIMELINE_DATA:-the bundled dataset} on port ${PORT:-8050}" >&2
exec gunicorn 'timeline.web.wsgi:server' --preload \
  --bind "${TIMELINE_BIND:-0.0.0.0}:${PORT:-8050}" --workers "${WORKERS:-2}" \
  --no-control-socket --access-logfile - --worker-tmp-dir /tmp

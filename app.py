#!/usr/bin/env python3
"""Serve the timeline app (the same as `timeline serve`; see timeline/web/wsgi.py).

    python app.py                          # the bundled dataset at http://127.0.0.1:8050
    python app.py --data path/to/dataset   # a dataset folder, or a TimelineJS .json / sheet .csv
    python app.py --host 0.0.0.0 --port 8080 --debug
    gunicorn app:server --preload -w 2     # the data path from TIMELINE_DATA

Environment: TIMELINE_HOST, TIMELINE_PORT, TIMELINE_DATA (flags win). A dataset with problems
is refused with the list of problems, and the exit status is 2.
"""
from __future__ import annotations

import sys

from timeline.web import wsgi
from timeline.web.wsgi import build, main  # noqa: F401  (build: tests and scripts use it)


def __getattr__(name):
    """`server` (and `app`) for WSGI servers (gunicorn app:server): timeline.web.wsgi's, built there
    on first use and kept there."""
    if name in ("server", "app"):
        return getattr(wsgi, name)
    raise AttributeError(name)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Serve the timeline app.

    python app.py                          # the bundled dataset at http://127.0.0.1:8050
    python app.py --data path/to/dataset   # a dataset folder, or a TimelineJS .json / sheet .csv
    python app.py --host 0.0.0.0 --port 8080 --debug
    gunicorn app:server -w 2               # the data path from TIMELINE_DATA

Environment: TIMELINE_HOST, TIMELINE_PORT, TIMELINE_DATA (flags win). A dataset with problems
is refused with the list of problems, and the exit status is 2.
"""
from __future__ import annotations

import argparse
import os
import sys


def build(data: str | None = None):
    """The Dash app for a dataset path (None: TIMELINE_DATA, else the bundled dataset)."""
    from timeline.web import create_app

    return create_app(data or os.environ.get("TIMELINE_DATA") or None)


def _refuse(error) -> None:
    print(error.report(), file=sys.stderr)
    sys.exit(2)


def __getattr__(name):
    """`server` for WSGI servers (gunicorn app:server), built on first use."""
    if name == "server":
        from timeline import ValidationError

        try:
            app = build()
        except ValidationError as e:
            _refuse(e)
        globals()["app"], globals()["server"] = app, app.server
        return app.server
    raise AttributeError(name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the interactive timeline.")
    parser.add_argument("--host", default=os.environ.get("TIMELINE_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("TIMELINE_PORT") or 8050))
    parser.add_argument("--data", default=os.environ.get("TIMELINE_DATA"),
                        help="a dataset folder, or a TimelineJS .json / Google-Sheets .csv file")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode (never in production)")
    args = parser.parse_args(argv)
    from timeline import ValidationError

    try:
        app = build(args.data)
    except ValidationError as e:
        _refuse(e)
    from timeline.web.security import RequestHandler

    app.run(host=args.host, port=args.port, debug=args.debug, request_handler=RequestHandler)   # no Server: banner
    return 0


if __name__ == "__main__":
    sys.exit(main())

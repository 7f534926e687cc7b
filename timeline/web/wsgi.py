"""Serving the app: `timeline serve` / `python app.py`, and `server` for WSGI servers.

    timeline serve [--data D] [--host H] [--port P]      # the development server (Flask's)
    gunicorn 'timeline.web.wsgi:server' --preload -w 2   # production; TIMELINE_DATA picks the dataset

Environment: TIMELINE_HOST, TIMELINE_PORT, TIMELINE_DATA (flags win). A dataset with problems is
refused with the list of problems, and the exit status is 2.
"""
from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading

from ..problems import ValidationError
from ..serve_options import add_serve_arguments
from . import create_app
from .security import RequestHandler


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
WARM_PAGES = ("/", "/_dash-layout", "/embed")   # what a reader's first visit asks for

log = logging.getLogger("timeline.web")


def build(data: str | None = None, editor: bool = False):
    """The Dash app for a dataset path (None: TIMELINE_DATA, else the bundled dataset); `editor`:
    the banner after a broken edit lists the problems (see `create_app`).
    A malformed TIMELINE_PUBLIC_URL or TIMELINE_PROXY_FIX exits 2 with one line."""
    try:
        return create_app(data or os.environ.get("TIMELINE_DATA") or None, editor=editor)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)


def _refuse(error) -> None:
    print(error.report(), file=sys.stderr)
    sys.exit(2)


def wsgi_server():
    """The Flask server of the app from the environment; a bad dataset exits 2 with its problems."""
    try:
        app = build()
    except ValidationError as e:
        _refuse(e)
    _warm(app)
    _freeze()
    return app, app.server


def _warm(app) -> None:
    """Build now, in the process that will fork the workers (`gunicorn --preload`), what a
    worker's first requests would otherwise build for itself: the embed page's figure, the id
    sets that check a view's query, plotly's validators, the default view's cards (whose warm-up
    thread is waited for: a fork copies no thread, and forking mid-build could leave a lock held).
    Built here it is one copy that every worker shares; built after the fork it was one private
    copy per worker (at 100,000 events, about 70 MiB each). The pages are asked for in process, as a
    reader would; a page that fails here fails for the reader too, and is left to do so then."""
    _join_warm_ups()
    client = app.server.test_client()
    for path in WARM_PAGES:
        try:
            client.get(path)
        except Exception as e:   # noqa: BLE001 (a warm-up never stops the server from starting)
            log.warning("warming %s failed: %s", path, e)
    _join_warm_ups()   # and any a page started


def _join_warm_ups() -> None:
    for thread in threading.enumerate():
        if thread.name.startswith("timeline-") and thread is not threading.current_thread():
            thread.join()


def _freeze() -> None:
    """Keep what start-up built (dataset, caches, layout) out of the cyclic garbage collector's
    scans. With `gunicorn --preload` the master loads the dataset and forks the workers, which share
    its pages until one writes to them; a collection writes to every object it scans, so without
    this each worker's first collections would copy the whole dataset into itself."""
    gc.collect()
    gc.freeze()


def __getattr__(name):
    """`server` for WSGI servers (gunicorn timeline.web.wsgi:server), and its Dash `app`, built
    together on first use and kept (app.py hands out the same two)."""
    if name in ("server", "app"):
        app, server = wsgi_server()
        globals()["app"], globals()["server"] = app, server
        return globals()[name]
    raise AttributeError(name)


def serve(args) -> int:
    """Run the development server for parsed `timeline.serve_options.add_serve_arguments` options."""
    editor = getattr(args, "editor", None)
    if editor is None:   # the default: an editor on this machine, a generic banner for everyone else
        editor = args.host in LOCAL_HOSTS
    try:
        app = build(args.data, editor=editor)
    except ValidationError as e:
        _refuse(e)
    app.run(host=args.host, port=args.port, debug=args.debug, request_handler=RequestHandler)   # no Server: banner
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the interactive timeline.")
    add_serve_arguments(parser)
    return serve(parser.parse_args(argv))

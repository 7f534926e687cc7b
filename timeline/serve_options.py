"""The options of `timeline serve` and `python app.py`, apart from the web package so that the
command line builds its parser (and `timeline validate` runs) without importing Dash."""
from __future__ import annotations

import argparse
import os

BUNDLED_NOTE = "default: the bundled Trump-Kim dataset"


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Host, port, dataset, debug and editor, each with its environment or host default."""
    parser.add_argument("--host", default=os.environ.get("TIMELINE_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("TIMELINE_PORT") or 8050))
    parser.add_argument("--data", default=os.environ.get("TIMELINE_DATA"),
                        help="a dataset folder, an .xlsx workbook, or a TimelineJS .json / Google-Sheets .csv file "
                             f"(TIMELINE_DATA; {BUNDLED_NOTE})")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode (never in production)")
    parser.add_argument("--editor", action=argparse.BooleanOptionalAction, default=None,
                        help="after a broken edit, list the problems (file, row, column) in the page; "
                             "default: on when the host is 127.0.0.1 or localhost, off otherwise")

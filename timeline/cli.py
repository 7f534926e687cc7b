"""The command line: `python -m timeline validate|import|export …`."""
from __future__ import annotations

import argparse
import sys

from .problems import ValidationError


def _validate(args) -> int:
    from .loader import load

    try:
        ds = load(args.path)
    except ValidationError as e:
        print(e.report(), file=sys.stderr)
        return 1
    where = args.path or "bundled dataset"
    print(f"ok: {where}: {len(ds.events)} events, {len(ds.actors)} actors, {len(ds.quotes)} quotes "
          f"({sum(ds.quotes['source'].isin(list(ds.seeds)))} verified in seeds), {len(ds.sources)} sources")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check a dataset folder or TimelineJS file; list every problem")
    v.add_argument("path", nargs="?", default=None, help="dataset folder or file (default: the bundled one)")
    v.set_defaults(func=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130

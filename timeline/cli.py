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


def _import(args) -> int:
    from .files import WouldOverwrite
    from .interop import timelinejs

    try:
        ds = timelinejs.import_file(args.file, args.out, force=args.force)
    except ValidationError as e:
        print(e.report(), file=sys.stderr)
        return 1
    except WouldOverwrite as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"error: cannot write {args.out}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"ok: {args.out}: {len(ds.events)} events, {len(ds.actors)} actors, {len(ds.quotes)} quotes, "
          f"{len(ds.sources)} sources (check it with: python -m timeline validate {args.out})")
    return 0


def _export_timelinejs(args) -> int:
    from .files import WouldOverwrite, check_target
    from .interop import timelinejs
    from .loader import load

    try:
        check_target(args.out, args.force)   # before the work, and again when writing
        ds = load(args.data)
        timelinejs.export(ds, args.out, as_csv=args.csv, force=args.force)
    except ValidationError as e:
        print(e.report(), file=sys.stderr)
        return 1
    except WouldOverwrite as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"error: cannot write {args.out}: {e.strerror or e}", file=sys.stderr)
        return 1
    kind = "TimelineJS sheet CSV" if args.csv else "TimelineJS JSON"
    print(f"ok: {args.out}: {kind}, {int((ds.events['kind'] != 'phase').sum())} slides, "
          f"{int((ds.events['kind'] == 'phase').sum())} eras")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check a dataset folder or TimelineJS file; list every problem")
    v.add_argument("path", nargs="?", default=None, help="dataset folder or file (default: the bundled one)")
    v.set_defaults(func=_validate)
    i = sub.add_parser("import", help="turn a TimelineJS JSON file or Google-Sheets CSV into a dataset folder")
    i.add_argument("file", help="TimelineJS .json file or sheet .csv")
    i.add_argument("--out", required=True, help="dataset folder to write")
    i.add_argument("--force", action="store_true", help="replace the folder if it exists")
    i.set_defaults(func=_import)
    e = sub.add_parser("export", help="write a dataset in another format")
    formats = e.add_subparsers(dest="format", required=True, metavar="FORMAT")
    tl = formats.add_parser("timelinejs", help="TimelineJS JSON (or, with --csv, its Google-Sheets CSV)")
    tl.add_argument("out", help="file to write (OUT.json, or OUT.csv with --csv)")
    tl.add_argument("--csv", action="store_true", help="write the Google-Sheets CSV instead of JSON")
    tl.add_argument("--data", default=None, help="dataset folder or file (default: the bundled one)")
    tl.add_argument("--force", action="store_true", help="replace the file if it exists")
    tl.set_defaults(func=_export_timelinejs)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130

"""The command line: `timeline validate|import|export|serve …` (or `python -m timeline …`)."""
from __future__ import annotations

import argparse
import sys

from .i18n import DEFAULT_LANG, LANGS
from .problems import ValidationError
from .serve_options import BUNDLED_NOTE, add_serve_arguments


def _warnings(ds, limit: int = 200) -> None:
    """Print what loading dropped or guessed (the data loaded: these are not errors)."""
    for w in ds.warnings[:limit]:
        print(f"warning: {w}")
    if len(ds.warnings) > limit:
        print(f"warning: … and {len(ds.warnings) - limit} more")


def _validate(args) -> int:
    from pathlib import Path

    from .formats import load

    if args.fix:
        from .formats.offsets import fix_offsets

        if args.path is None or not Path(args.path).is_dir():
            print("error: --fix writes into a dataset folder's quotes.csv: give the folder", file=sys.stderr)
            return 2
        rows = fix_offsets(args.path)
        if rows:
            print(f"fixed: {Path(args.path) / 'quotes.csv'}: offsets written in row{'s' if len(rows) > 1 else ''} "
                  f"{', '.join(map(str, rows))}")
    ds = load(args.path)
    where = args.path or "bundled dataset"
    _warnings(ds)
    print(f"ok: {where}: {len(ds.events)} events, {len(ds.actors)} actors, {len(ds.quotes)} quotes "
          f"({sum(ds.quotes['source'].isin(list(ds.seeds)))} verified in seeds), {len(ds.sources)} sources")
    return 0


def _import(args) -> int:
    if args.file.lower().endswith(".xlsx"):
        from .formats.xlsx import import_file
    else:
        from .formats.timelinejs import import_file

    ds = import_file(args.file, args.out, force=args.force)
    _warnings(ds)
    print(f"ok: {args.out}: {len(ds.events)} events, {len(ds.actors)} actors, {len(ds.quotes)} quotes, "
          f"{len(ds.sources)} sources (check it with: python -m timeline validate {args.out})")
    return 0


def _load_for_export(data):
    """The dataset to export; without --data, the bundled one, saying so (it surprises otherwise)."""
    from .formats import load

    if data is None:
        print("note: no --data given: exporting the bundled Trump-Kim dataset "
              "(pass --data DIR for your own)", file=sys.stderr)
    return load(data)


def _serve(args) -> int:
    from .web.wsgi import serve   # here: the other commands run without importing Dash

    return serve(args)


def _new(args) -> int:
    from .formats.scaffold import new

    out = new(args.dir, title=args.title, force=args.force)
    print(f"ok: {out}: a dataset with one example row per table; edit it (or `timeline export xlsx "
          f"book.xlsx --data {out}` for a workbook), then check it with `timeline validate {out}`")
    return 0


def _export_xlsx(args) -> int:
    from .files import check_target
    from .formats.xlsx import write

    check_target(args.out, args.force)   # before the work, and again when writing
    ds = _load_for_export(args.data)
    out = write(ds, args.out, force=args.force)
    print(f"ok: {out}: Excel workbook, {len(ds.events)} events, {len(ds.quotes)} quotes, "
          f"{len(ds.seeds)} seed texts (read it back with --data {out} or `timeline import {out} --out DIR`)")
    return 0


def _export_timelinejs(args) -> int:
    from .files import check_target
    from .formats import timelinejs

    check_target(args.out, args.force)   # before the work, and again when writing
    ds = _load_for_export(args.data)
    timelinejs.export(ds, args.out, as_csv=args.csv, force=args.force)
    kind = "TimelineJS sheet CSV" if args.csv else "TimelineJS JSON"
    print(f"ok: {args.out}: {kind}, {int((ds.events['kind'] != 'phase').sum())} slides, "
          f"{int((ds.events['kind'] == 'phase').sum())} eras")
    return 0


class Refused(Exception):
    """A command-line argument that cannot be used: one line, exit status 2."""


def _view(ds, args):
    """The view the export options ask for (--actors --mode --from --to --event --lang), checked."""
    from .view import from_values

    known_actors, known_events = set(ds.actors["id"]), set(ds.events["id"])
    wanted = [a.strip() for a in (args.actors or "").split(",") if a.strip()]
    unknown = [a for a in wanted if a not in known_actors]
    if unknown:
        raise Refused(f"unknown actor(s) {', '.join(unknown)}; known: {', '.join(sorted(known_actors))}")
    if args.event and args.event not in known_events:
        raise Refused(f"unknown event {args.event!r}")
    known_stories = set(ds.stories["story"])
    story = getattr(args, "story", None)
    if story and story not in known_stories:
        raise Refused(f"unknown story {story!r}; known: {', '.join(sorted(known_stories)) or '(none)'}")
    view = from_values(actors=wanted, mode=args.mode, start=args.start, end=args.end, event=args.event,
                       lang=args.lang, known_actors=known_actors, known_events=known_events,
                       story_mode=args.mode == "story", story=story, step=getattr(args, "step", None),
                       story_start=getattr(args, "story_start", None), autoplay=getattr(args, "autoplay", None),
                       known_stories=known_stories)
    for flag, given, kept in (("--from", args.start, view.start), ("--to", args.end, view.end)):
        if given and not kept:
            raise Refused(f"{flag} {given!r} is not a usable date (write YYYY-MM-DD, YYYY-MM or YYYY; "
                          "--to after --from)")
    return view


def _export_html(args) -> int:
    from .page.export import export_file
    from .files import check_target

    check_target(args.out, args.force)   # before the work, and again when writing
    ds = _load_for_export(args.data)
    view = _view(ds, args)
    out = export_file(ds, view, args.out, force=args.force)
    print(f"ok: {out}: self-contained HTML ({out.stat().st_size:,} bytes), view {view.to_query() or '(all)'}")
    return 0


def _export_image(args) -> int:
    from .figure import images
    from .files import check_target

    check_target(args.out, args.force)
    reason = images.available()
    if reason:
        raise Refused(reason)
    ds = _load_for_export(args.data)
    view = _view(ds, args)
    out = images.export_file(ds, view, args.out, args.format, width=args.width, height=args.height,
                             scale=args.scale, force=args.force)
    print(f"ok: {out}: {args.format.upper()} ({out.stat().st_size:,} bytes), view {view.to_query() or '(all)'}")
    return 0


def _export_site(args) -> int:
    from .figure import images
    from .files import check_target
    from .page import site
    from .view import View

    from urllib.parse import urlsplit

    if args.url and (urlsplit(args.url).scheme not in ("http", "https") or not urlsplit(args.url).netloc):
        raise Refused(f"--url {args.url!r} is not an http(s) address (write https://example.org/mine/)")
    check_target(args.out, args.force)
    ds = _load_for_export(args.data)
    image, note = None, None
    if args.image:
        reason = images.available()
        if reason:
            note = f"no social.png (link previews show no image): {reason}"
        else:
            fig = images.static_figure(ds, View(lang=args.lang), width=1200, height=630)
            image = images.render(fig, "png", 1200, 630)
    out = site.write(ds, View(lang=args.lang), args.out, url=args.url, image=image, force=args.force)
    if note:
        print(f"note: {note}", file=sys.stderr)
    count = sum(1 for p in out.rglob("*") if p.is_file())
    where = args.url or "(pass --url to put the site's address in the snippet and the previews)"
    print(f"ok: {out}: static site, {count} files; embed with {out / 'embed-snippet.html'}; address {where}")
    return 0


def _positive(kind):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not 0 < value <= 20000:
            raise argparse.ArgumentTypeError(f"{text!r}: give a positive size (at most 20000)")
        return value
    return parse


def _view_arguments(p: argparse.ArgumentParser, story: bool = False) -> None:
    p.add_argument("--data", default=None, help=f"dataset folder or file ({BUNDLED_NOTE})")
    p.add_argument("--actors", default=None, help="actor ids, comma-separated (default: all)")
    if story:
        p.add_argument("--mode", choices=("any", "all", "story"), default="any",
                       help="events with any or all of the actors, or story mode: one event at a time")
        p.add_argument("--story", default=None, metavar="ID", help="story mode: the story (default: the first)")
        p.add_argument("--step", type=int, default=None, metavar="N", help="story mode: the step it opens at")
        p.add_argument("--start", dest="story_start", choices=("first", "latest"), default="first",
                       help="story mode: open at the first or the latest step")
        p.add_argument("--autoplay", type=int, default=None, metavar="SECONDS",
                       help="story mode: move on every SECONDS (2-600), with a pause button")
    else:
        p.add_argument("--mode", choices=("any", "all"), default="any", help="events with any or all of the actors")
    p.add_argument("--from", dest="start", default=None, metavar="DATE", help="start of the visible range")
    p.add_argument("--to", dest="end", default=None, metavar="DATE", help="end of the visible range")
    p.add_argument("--event", default=None, metavar="ID", help="event selected (highlighted, its details open)")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="interface and title language")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")


def _image_parsers(formats) -> None:
    for fmt, what in (("png", "a PNG image (print, social cards)"), ("svg", "an SVG image (print, editing)"),
                      ("pdf", "a PDF (print)")):
        p = formats.add_parser(fmt, help=f"{what} of the chart, via kaleido and Chromium")
        p.add_argument("out", help=f"file to write (OUT.{fmt})")
        _view_arguments(p)
        p.add_argument("--width", type=_positive(int), default=None, help="pixels (default 1200)")
        p.add_argument("--height", type=_positive(int), default=None, help="pixels (default: fit the lanes)")
        p.add_argument("--scale", type=_positive(float), default=1.0, help="pixel density, e.g. 2 for print")
        p.set_defaults(func=_export_image, format=fmt)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check a dataset folder or TimelineJS file; list every problem")
    v.add_argument("path", nargs="?", default=None,
                   help="dataset folder, .xlsx workbook or TimelineJS file (default: the bundled one)")
    v.add_argument("--fix", action="store_true",
                   help="write the quote offsets found in the seeds into quotes.csv (nothing else changes)")
    v.set_defaults(func=_validate)
    n = sub.add_parser("new", help="start a dataset folder: every table with an example row, that validates")
    n.add_argument("dir", help="folder to create")
    n.add_argument("--title", default=None, help="the timeline's title (dataset.json)")
    n.add_argument("--force", action="store_true", help="replace the folder if it exists")
    n.set_defaults(func=_new)
    i = sub.add_parser("import", help="turn an .xlsx workbook, a TimelineJS JSON file or Google-Sheets CSV "
                                      "into a dataset folder")
    i.add_argument("file", help=".xlsx workbook, TimelineJS .json file or sheet .csv")
    i.add_argument("--out", required=True, help="dataset folder to write")
    i.add_argument("--force", action="store_true", help="replace the folder if it exists")
    i.set_defaults(func=_import)
    e = sub.add_parser("export", help="write a dataset in another format")
    formats = e.add_subparsers(dest="format", required=True, metavar="FORMAT")
    tl = formats.add_parser("timelinejs", help="TimelineJS JSON (or, with --csv, its Google-Sheets CSV)")
    tl.add_argument("out", help="file to write (OUT.json, or OUT.csv with --csv)")
    tl.add_argument("--csv", action="store_true", help="write the Google-Sheets CSV instead of JSON")
    tl.add_argument("--data", default=None, help=f"dataset folder or file ({BUNDLED_NOTE})")
    tl.add_argument("--force", action="store_true", help="replace the file if it exists")
    tl.set_defaults(func=_export_timelinejs)
    x = formats.add_parser("xlsx", help="an Excel workbook: one sheet per table, the seed texts, dataset.json")
    x.add_argument("out", help="file to write (OUT.xlsx)")
    x.add_argument("--data", default=None, help=f"dataset folder or file ({BUNDLED_NOTE})")
    x.add_argument("--force", action="store_true", help="replace the file if it exists")
    x.set_defaults(func=_export_xlsx)
    h = formats.add_parser("html", help="one self-contained HTML file of the chart that works offline")
    h.add_argument("out", help="file to write (OUT.html)")
    _view_arguments(h, story=True)
    h.set_defaults(func=_export_html)
    _image_parsers(formats)
    st = formats.add_parser("site", help="a static website folder (index.html, embed.html, the embed snippet) "
                                         "that any static host serves, no server")
    st.add_argument("out", metavar="OUT_DIR", help="folder to write")
    st.add_argument("--data", default=None, help=f"dataset folder or file ({BUNDLED_NOTE})")
    st.add_argument("--url", default=None, help="where the folder will be served (https://example.org/mine/): "
                                                "the snippet's and the link previews' address")
    st.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="interface and title language")
    st.add_argument("--no-image", dest="image", action="store_false",
                    help="no social.png (it needs kaleido and Chromium, and takes a few seconds)")
    st.add_argument("--force", action="store_true", help="replace the folder if it exists")
    st.set_defaults(func=_export_site)
    s = sub.add_parser("serve", help="run the app in a browser at http://127.0.0.1:8050 (edits show as you save)")
    add_serve_arguments(s)
    s.set_defaults(func=_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; every expected failure is a message and exit 1, never a traceback."""
    from .files import WouldOverwrite
    from .figure.images import ImageError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ValidationError as e:
        print(e.report(), file=sys.stderr)
    except Refused as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except (WouldOverwrite, ImageError) as e:
        print(f"error: {e}", file=sys.stderr)
    except OSError as e:
        print(f"error: {e.filename or getattr(args, 'out', '')}: {e.strerror or e}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return 1

"""The checks across tables (every id a row refers to exists, dates in order, quotes verbatim in
their seed) and the defaults filled in after them (actor colours, open role bounds)."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import quotes
from ..model import ACTORS, EVENTS, PALETTE, QUOTES, ROLES, SLUG, SOURCES
from ..problems import Problem, suggest
from .text import URL, decode, short

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _records(df: pd.DataFrame) -> list[dict]:
    """The rows of a table as dicts (what `df.iloc[i]` gives, without building a Series per row)."""
    columns = {c: df[c].tolist() for c in df.columns}
    return [dict(zip(columns, values)) for values in zip(*columns.values())] if columns else []


class AnyId(frozenset):
    """The ids of a table that could not be read (its own problem says why): every reference to it
    passes, so one root cause gives one message, not one more per row that refers to the table."""

    def __contains__(self, item) -> bool:
        return True


def check_references(folder: Path | None, t: dict[str, pd.DataFrame], rows_of, problems,
                     seed_texts: dict[str, str] | None = None, broken=frozenset()) -> dict[str, str]:
    """Check every reference across tables (`broken`: tables that could not be read, not checked
    against); fill found quote offsets into t["quotes"]; return the seed texts by source id."""
    ids = {name: AnyId() if name in broken else set(t[name]["id"]) for name in ("events", "actors", "sources", "quotes")}

    def rows(name):
        return rows_of[name]

    ev = t["events"]
    kinds = dict(zip(ev["id"], ev["kind"]))
    ev_rows = _records(ev)
    for i, row in enumerate(rows("events")):
        e = ev_rows[i]
        if not e["actors"] and e["kind"] != "phase":
            problems.append(Problem(EVENTS.file, row, "actors", "empty: every event but a phase needs an actor"))
        for col, ref in (("actors", "actors"), ("sources", "sources")):
            for x in e[col]:
                if SLUG.match(x) and x not in ids[ref]:
                    problems.append(Problem(EVENTS.file, row, col,
                                            f"unknown {ref[:-1]} '{x}'{suggest(x, ids[ref])}: add it to {ref}.csv or fix the id"))
        if e["phase"] and SLUG.match(e["phase"]):
            if e["phase"] not in ids["events"]:
                problems.append(Problem(EVENTS.file, row, "phase", f"unknown event '{e['phase']}'{suggest(e['phase'], ids['events'])}"))
            elif kinds.get(e["phase"]) != "phase":
                problems.append(Problem(EVENTS.file, row, "phase", f"'{e['phase']}' is not an event of kind phase"))
            elif e["phase"] == e["id"]:
                problems.append(Problem(EVENTS.file, row, "phase", "an event cannot be its own phase"))
        if e["kind"] in ("span", "phase") and not e["end"] and not np.isnan(e["start_at"]):
            problems.append(Problem(EVENTS.file, row, "end", f"empty: a {e['kind']} needs an end date (or use kind moment)"))
        if e["end"] and not np.isnan(e["end_at"]) and not np.isnan(e["start_at"]):
            if e["end_at"] < e["start_at"] or e["end_hi"] <= e["start_lo"]:
                problems.append(Problem(EVENTS.file, row, "end", f"ends ({e['end']}) before it starts ({e['start']})"))
    act = t["actors"]
    act_colours = act["colour"].tolist()
    for i, row in enumerate(rows("actors")):
        colour = act_colours[i]
        if colour and not _COLOUR.match(colour):
            problems.append(Problem(ACTORS.file, row, "colour", f"'{short(colour)}' is not a colour: write #rrggbb"))
    if not act.empty:
        filled = [c if c else PALETTE[i % len(PALETTE)] for i, c in enumerate(act["colour"])]
        act["colour"] = pd.Series(filled, dtype="str", index=act.index)
    ro = t["roles"]
    ro_rows = _records(ro)
    for i, row in enumerate(rows("roles")):
        r = ro_rows[i]
        if SLUG.match(r["actor"]) and r["actor"] not in ids["actors"]:
            problems.append(Problem(ROLES.file, row, "actor", f"unknown actor '{r['actor']}'{suggest(r['actor'], ids['actors'])}"))
        if r["source"] and SLUG.match(r["source"]) and r["source"] not in ids["sources"]:
            problems.append(Problem(ROLES.file, row, "source", f"unknown source '{r['source']}'{suggest(r['source'], ids['sources'])}"))
        if r["from"] and r["to"] and not np.isnan(r["from_at"]) and not np.isnan(r["to_at"]) and r["to_at"] < r["from_at"]:
            problems.append(Problem(ROLES.file, row, "to", f"ends ({r['to']}) before it starts ({r['from']})"))
    if not ro.empty:
        ro["from_lo"] = ro["from_lo"].fillna(float("-inf"))
        ro["to_hi"] = ro["to_hi"].fillna(float("inf"))
    src = t["sources"]
    seeds: dict[str, str] = {}
    src_rows = _records(src)
    for i, row in enumerate(rows("sources")):
        s = src_rows[i]
        if not s["url"] and not s["seed"]:
            problems.append(Problem(SOURCES.file, row, "url", "a source needs a url or a seed file"))
        if s["url"] and not URL.match(s["url"]):
            problems.append(Problem(SOURCES.file, row, "url", f"'{short(s['url'])}' is not an http(s) URL"))
        if s["seed"] and seed_texts and s["seed"] in seed_texts:
            seeds[s["id"]] = seed_texts[s["seed"]]
        elif s["seed"]:
            p = quotes.seed_path(folder, s["seed"])
            if p is None:
                problems.append(Problem(SOURCES.file, row, "seed",
                                        f"seed file '{short(s['seed'])}' not found in {folder / 'seeds' if folder else 'seeds/'} or the project's seeds/"))
            else:
                text = decode(p.read_bytes(), p.name, problems)
                if text is not None:
                    seeds[s["id"]] = text
    _check_quotes(t["quotes"], rows("quotes"), ids, seeds, problems)
    return seeds


def _check_quotes(qu: pd.DataFrame, rownums, ids, seeds: dict[str, str], problems) -> None:
    """References of each quote, its translation's credit, and where it is in its seed: empty
    offsets of a quote found once are filled in."""
    qu_rows = _records(qu)
    found: list[tuple[int, tuple[int, int]]] = []
    for i, row in enumerate(rownums):
        q = qu_rows[i]
        for col, ref in (("event", "events"), ("speaker", "actors"), ("source", "sources")):
            if q[col] and SLUG.match(q[col]) and q[col] not in ids[ref]:
                problems.append(Problem(QUOTES.file, row, col, f"unknown {ref[:-1]} '{q[col]}'{suggest(q[col], ids[ref])}"))
        if q["original_of"] and SLUG.match(q["original_of"]) and q["original_of"] not in ids["quotes"]:
            problems.append(Problem(QUOTES.file, row, "original_of", f"unknown quote '{q['original_of']}'"))
        if q["translation"] and not q["translation_by"]:
            problems.append(Problem(QUOTES.file, row, "translation_by",
                                    "empty: say who translated ('ours', or the id of the source of a published translation)"))
        if q["translation_by"] and q["translation_by"] != "ours" and q["translation_by"] not in ids["sources"]:
            problems.append(Problem(QUOTES.file, row, "translation_by", f"'{short(q['translation_by'])}' is neither 'ours' nor a source id"))
        if q["source"] in seeds and q["text"]:
            start, end = q["start_offset"], q["end_offset"]
            start, end = None if pd.isna(start) else int(start), None if pd.isna(end) else int(end)
            place, msg = quotes.resolve(q["text"], seeds[q["source"]], start, end)
            if msg:
                problems.append(Problem(QUOTES.file, row, "start_offset", msg))
            elif start is None:
                found.append((i, place))   # empty offsets, the quote found once: filled in
    if found:
        at = [qu.index[i] for i, _ in found]
        qu.loc[at, "start_offset"] = [a for _, (a, _) in found]
        qu.loc[at, "end_offset"] = [b for _, (_, b) in found]

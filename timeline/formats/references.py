"""The checks across tables (every id a row refers to exists, dates in order, quotes verbatim in
their seed), one per table, and the defaults filled in after them (actor colours, open role bounds).

`check_references` runs them all and returns the seed texts the sources name.
"""
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
    against); fill the defaults and found quote offsets; return the seed texts by source id."""
    ids = {name: AnyId() if name in broken else set(t[name]["id"]) for name in ("events", "actors", "sources", "quotes")}
    check_events(t["events"], rows_of["events"], ids, problems)
    check_actors(t["actors"], rows_of["actors"], problems)
    check_roles(t["roles"], rows_of["roles"], ids, problems)
    seeds = check_sources(t["sources"], rows_of["sources"], folder, seed_texts, problems)
    check_quotes(t["quotes"], rows_of["quotes"], ids, seeds, problems)
    fill_defaults(t)
    return seeds


def _unknown(what: str, value: str, known: set) -> str:
    return f"unknown {what} '{value}'{suggest(value, known)}"


def check_events(ev: pd.DataFrame, rows: list[int], ids: dict, problems: list[Problem]) -> None:
    """Actors, sources and phase exist; a span or phase has an end, and it ends after it starts."""
    kinds = dict(zip(ev["id"], ev["kind"]))
    for e, row in zip(_records(ev), rows):
        if not e["actors"] and e["kind"] != "phase":
            problems.append(Problem(EVENTS.file, row, "actors", "empty: every event but a phase needs an actor"))
        for col, ref in (("actors", "actors"), ("sources", "sources")):
            for x in e[col]:
                if SLUG.match(x) and x not in ids[ref]:
                    problems.append(Problem(EVENTS.file, row, col,
                                            f"{_unknown(ref[:-1], x, ids[ref])}: add it to {ref}.csv or fix the id"))
        _check_phase(e, row, ids, kinds, problems)
        if e["kind"] in ("span", "phase") and not e["end"] and not np.isnan(e["start_at"]):
            problems.append(Problem(EVENTS.file, row, "end", f"empty: a {e['kind']} needs an end date (or use kind moment)"))
        if e["end"] and not np.isnan(e["end_at"]) and not np.isnan(e["start_at"]):
            if e["end_at"] < e["start_at"] or e["end_hi"] <= e["start_lo"]:
                problems.append(Problem(EVENTS.file, row, "end", f"ends ({e['end']}) before it starts ({e['start']})"))


def _check_phase(e: dict, row: int, ids: dict, kinds: dict, problems: list[Problem]) -> None:
    phase = e["phase"]
    if not (phase and SLUG.match(phase)):
        return
    if phase not in ids["events"]:
        problems.append(Problem(EVENTS.file, row, "phase", _unknown("event", phase, ids["events"])))
    elif kinds.get(phase) != "phase":
        problems.append(Problem(EVENTS.file, row, "phase", f"'{phase}' is not an event of kind phase"))
    elif phase == e["id"]:
        problems.append(Problem(EVENTS.file, row, "phase", "an event cannot be its own phase"))


def check_actors(act: pd.DataFrame, rows: list[int], problems: list[Problem]) -> None:
    """A colour, when given, is #rrggbb."""
    for colour, row in zip(act["colour"].tolist(), rows):
        if colour and not _COLOUR.match(colour):
            problems.append(Problem(ACTORS.file, row, "colour", f"'{short(colour)}' is not a colour: write #rrggbb"))


def check_roles(ro: pd.DataFrame, rows: list[int], ids: dict, problems: list[Problem]) -> None:
    """The actor and the source exist; a role ends after it starts."""
    for r, row in zip(_records(ro), rows):
        if SLUG.match(r["actor"]) and r["actor"] not in ids["actors"]:
            problems.append(Problem(ROLES.file, row, "actor", _unknown("actor", r["actor"], ids["actors"])))
        if r["source"] and SLUG.match(r["source"]) and r["source"] not in ids["sources"]:
            problems.append(Problem(ROLES.file, row, "source", _unknown("source", r["source"], ids["sources"])))
        if r["from"] and r["to"] and not np.isnan(r["from_at"]) and not np.isnan(r["to_at"]) and r["to_at"] < r["from_at"]:
            problems.append(Problem(ROLES.file, row, "to", f"ends ({r['to']}) before it starts ({r['from']})"))


def check_sources(src: pd.DataFrame, rows: list[int], folder: Path | None, seed_texts: dict[str, str] | None,
                  problems: list[Problem]) -> dict[str, str]:
    """A source has an http(s) url or a seed file that can be read; the seed texts by source id."""
    seeds: dict[str, str] = {}
    for s, row in zip(_records(src), rows):
        if not s["url"] and not s["seed"]:
            problems.append(Problem(SOURCES.file, row, "url", "a source needs a url or a seed file"))
        if s["url"] and not URL.match(s["url"]):
            problems.append(Problem(SOURCES.file, row, "url", f"'{short(s['url'])}' is not an http(s) URL"))
        if s["seed"] and seed_texts and s["seed"] in seed_texts:
            seeds[s["id"]] = seed_texts[s["seed"]]
        elif s["seed"]:
            text = _read_seed(folder, s["seed"], row, problems)
            if text is not None:
                seeds[s["id"]] = text
    return seeds


def _read_seed(folder: Path | None, name: str, row: int, problems: list[Problem]) -> str | None:
    p = quotes.seed_path(folder, name)
    if p is None:
        problems.append(Problem(SOURCES.file, row, "seed",
                                f"seed file '{short(name)}' not found in {folder / 'seeds' if folder else 'seeds/'} "
                                "or the project's seeds/"))
        return None
    return decode(p.read_bytes(), p.name, problems)


def check_quotes(qu: pd.DataFrame, rows: list[int], ids: dict, seeds: dict[str, str],
                 problems: list[Problem]) -> None:
    """Event, speaker, source and original exist; a translation says who made it; the text is
    verbatim in its seed: empty offsets of a quote found once are filled in."""
    found: list[tuple[int, tuple[int, int]]] = []
    for i, (q, row) in enumerate(zip(_records(qu), rows)):
        for col, ref in (("event", "events"), ("speaker", "actors"), ("source", "sources")):
            if q[col] and SLUG.match(q[col]) and q[col] not in ids[ref]:
                problems.append(Problem(QUOTES.file, row, col, _unknown(ref[:-1], q[col], ids[ref])))
        if q["original_of"] and SLUG.match(q["original_of"]) and q["original_of"] not in ids["quotes"]:
            problems.append(Problem(QUOTES.file, row, "original_of", f"unknown quote '{q['original_of']}'"))
        if q["translation"] and not q["translation_by"]:
            problems.append(Problem(QUOTES.file, row, "translation_by",
                                    "empty: say who translated ('ours', or the id of the source of a published translation)"))
        if q["translation_by"] and q["translation_by"] != "ours" and q["translation_by"] not in ids["sources"]:
            problems.append(Problem(QUOTES.file, row, "translation_by",
                                    f"'{short(q['translation_by'])}' is neither 'ours' nor a source id"))
        place = _quote_place(q, row, seeds, problems)
        if place is not None:
            found.append((i, place))   # empty offsets, the quote found once: filled in
    if found:
        at = [qu.index[i] for i, _ in found]
        qu.loc[at, "start_offset"] = [a for _, (a, _) in found]
        qu.loc[at, "end_offset"] = [b for _, (_, b) in found]


def _quote_place(q: dict, row: int, seeds: dict[str, str], problems: list[Problem]):
    """Where a quote without offsets is in its seed ((start, end), found once), else None."""
    if not (q["source"] in seeds and q["text"]):
        return None
    start, end = q["start_offset"], q["end_offset"]
    start, end = None if pd.isna(start) else int(start), None if pd.isna(end) else int(end)
    place, msg = quotes.resolve(q["text"], seeds[q["source"]], start, end)
    if msg:
        problems.append(Problem(QUOTES.file, row, "start_offset", msg))
        return None
    return place if start is None else None


def fill_defaults(t: dict[str, pd.DataFrame]) -> None:
    """After the checks: an actor without a colour gets one from the palette; a role without a
    start or an end is open on that side."""
    act, ro = t["actors"], t["roles"]
    if not act.empty:
        filled = [c if c else PALETTE[i % len(PALETTE)] for i, c in enumerate(act["colour"])]
        act["colour"] = pd.Series(filled, dtype="str", index=act.index)
    if not ro.empty:
        ro["from_lo"] = ro["from_lo"].fillna(float("-inf"))
        ro["to_hi"] = ro["to_hi"].fillna(float("inf"))

"""Export: our dataset as TimelineJS JSON or sheet CSV, every text HTML-escaped.

TimelineJS's own fields carry what they can: `group` (the first actor), `display_date`, `media`
(url, caption, credit, alt, thumbnail; the first quote when the event has no media, its source as
the credit). What TimelineJS has no field for (every actor, ids, exact uncertain dates, tags)
rides in data-* attributes of an empty `tl-actors` span, so a reader sees no added text; sources
with a web address are listed as links, without a label.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ... import dates, files
from ...i18n import TIMELINEJS_LABELS as LABELS
from ...model import Dataset, disputed_actors
from ..html_text import esc
from ..text import neutralise_formula
from .read import JS_DATE_YEARS, SHEET_HEADER, SHEET_OPTIONAL


def _date_obj(text: str) -> dict:
    fd = dates.parse(text)
    p = fd.point
    d = {"year": str(p.year)}
    if p.month:
        d["month"] = str(p.month)
    if p.day:
        d["day"] = str(p.day)
    return d


def _is_set(v) -> bool:
    return isinstance(v, str) and v != ""


def _meta_attrs(ev, generated_display: bool) -> str:
    attrs = [("data-event", ev["id"])]
    start = dates.parse(ev["start"])
    if start.qualifier or start.canonical() != ev["start"]:
        attrs.append(("data-start", ev["start"]))
    if _is_set(ev["end"]) and dates.parse(ev["end"]).qualifier:
        attrs.append(("data-end", ev["end"]))
    if generated_display:
        attrs.append(("data-display", "generated"))
    if ev["tags"]:
        attrs.append(("data-tags", ";".join(ev["tags"])))
    if _is_set(ev["phase"]):
        attrs.append(("data-phase", ev["phase"]))
    for k in ("title_nl", "summary_nl"):
        if _is_set(ev.get(k)):
            attrs.append((f"data-{k.replace('_', '-')}", ev[k]))
    return "".join(f' {k}="{esc(v)}"' for k, v in attrs)


def _source_html(ds: Dataset, sid: str, visible: bool = True) -> str:
    """A source: a link with its title (and publisher) when it has a web address; otherwise, or when
    not `visible`, an empty element whose data-* attributes carry it back on import."""
    rows = ds.sources[ds.sources["id"] == sid]
    if rows.empty:
        return ""
    s = rows.iloc[0]
    pub = f' data-publisher="{esc(s["publisher"])}"' if _is_set(s["publisher"]) else ""
    label = esc(s["title"]) + (f" ({esc(s['publisher'])})" if _is_set(s["publisher"]) else "")
    if _is_set(s["url"]) and visible:
        return f'<a href="{esc(s["url"])}" data-source="{esc(sid)}"{pub} target="_blank" rel="noopener">{label}</a>'
    url = f' href="{esc(s["url"])}"' if _is_set(s["url"]) else ""
    return f'<span data-source="{esc(sid)}" data-title="{esc(s["title"])}"{url}{pub}></span>'


def _quote_html(ds: Dataset, q) -> str:
    name = ds.actor_name(q["speaker"])
    attrs = f' data-quote="{esc(q["id"])}" lang="{esc(q["language"])}"'
    if _is_set(q["original_of"]):
        attrs += f' data-original-of="{esc(q["original_of"])}"'
    rows = ds.sources[ds.sources["id"] == q["source"]]
    if not rows.empty:
        s = rows.iloc[0]
        attrs += f' data-source="{esc(q["source"])}" data-source-title="{esc(s["title"])}"'
        if _is_set(s["url"]):
            attrs += f' data-url="{esc(s["url"])}"'
        if _is_set(s["publisher"]):
            attrs += f' data-publisher="{esc(s["publisher"])}"'
    out = f"<blockquote{attrs}><p>{esc(q['text'])}</p>"
    if _is_set(q["translation"]):
        by = q["translation_by"] or "ours"
        out += f'<p class="tl-translation" data-by="{esc(by)}">{LABELS["translation"]}: {esc(q["translation"])}</p>'
    return out + f'<cite data-speaker="{esc(q["speaker"])}">{esc(name)}</cite></blockquote>'


def _text_html(ds: Dataset, ev, quotes_in_text, generated_display: bool, extra_media=()) -> str:
    parts = []
    if _is_set(ev["summary"]):
        parts += [f"<p>{esc(p)}</p>" for p in re.split(r"\n\s*\n", ev["summary"]) if p.strip()]
    if _is_set(ev["place"]):
        parts.append(f'<p class="tl-place">{LABELS["place"]}: {esc(ev["place"])}</p>')
    if _is_set(ev["note"]):
        parts.append(f'<p class="tl-note">{LABELS["note"]}: {esc(ev["note"])}</p>')
    for _, q in quotes_in_text.iterrows():
        parts.append(_quote_html(ds, q))
    for m in extra_media:
        parts.append(_media_link(m))
    linked = [x for x in (_source_html(ds, sid) for sid in ev["sources"] if _has_url(ds, sid)) if x]
    if linked:
        parts.append(f'<p class="tl-sources">{"; ".join(linked)}</p>')
    names = []
    disputed = set(disputed_actors(ev))
    for aid in ev["actors"]:
        rows = ds.actors[ds.actors["id"] == aid]
        a = rows.iloc[0] if not rows.empty else None
        extra = ""
        if a is not None and _is_set(a.get("country")):
            extra += f' data-country="{esc(a["country"])}"'
        if aid in disputed:   # shown in words; read back as 'aid?' (timeline.model.DISPUTED)
            names.append(f'<span data-actor="{esc(aid)}" data-disputed="1"{extra}>{esc(ds.actor_name(aid))}</span>'
                         " (involvement disputed)")
            continue
        names.append(f'<span data-actor="{esc(aid)}" data-name="{esc(ds.actor_name(aid))}"{extra}></span>')
    hidden = [_source_html(ds, sid, visible=False) for sid in ev["sources"] if not _has_url(ds, sid)]
    parts.append(f'<span class="tl-actors"{_meta_attrs(ev, generated_display)}>{"".join(names)}</span>'
                 f'<span class="tl-sources">{"".join(hidden)}</span>' if hidden else
                 f'<span class="tl-actors"{_meta_attrs(ev, generated_display)}>{"".join(names)}</span>')
    return "".join(parts)


def _has_url(ds: Dataset, sid: str) -> bool:
    rows = ds.sources[ds.sources["id"] == sid]
    return not rows.empty and _is_set(rows.iloc[0]["url"])


def _media_obj(m: dict) -> dict:
    """A media row as TimelineJS's `media` (caption and credit are HTML there: escaped)."""
    out = {"url": m["url"]}
    for k in ("caption", "credit"):
        if m[k]:
            out[k] = esc(m[k])
    for k in ("alt", "thumbnail"):
        if m[k]:
            out[k] = m[k]
    from ...media import guess_kind

    if m["kind"] != guess_kind(m["url"]):   # not TimelineJS's (it ignores it): only where its guess differs
        out["kind"] = m["kind"]
    return out


def _media_link(m: dict) -> str:
    """A second (third…) media of an event: TimelineJS shows one, the others are links in the text."""
    attrs = "".join(f' data-{k}="{esc(m[k])}"' for k in ("kind", "credit", "alt", "thumbnail") if m[k])
    return (f'<p class="tl-media"><a href="{esc(m["url"])}"{attrs} target="_blank" rel="noopener">'
            f'{esc(m["caption"] or m["url"])}</a></p>')


def _slide(ds: Dataset, ev, era: bool = False) -> dict:
    qs = ds.quotes_for(ev["id"])
    generated = False
    display = ev["display_date"] if _is_set(ev["display_date"]) else ""
    start = dates.parse(ev["start"])
    end = dates.parse(ev["end"]) if _is_set(ev["end"]) else None
    if not display and (start.qualifier or (end and end.qualifier)):
        display = start.label() + (f" – {end.label()}" if end else "")
        generated = True
    from ...media import item

    media = [item(m) for m in ds.media_for(ev["id"]).to_dict("records")]
    in_text = qs if era or media else qs.iloc[1:]   # the media slot: the event's media, else its first quote
    slide = {"unique_id": ev["id"], "start_date": _date_obj(ev["start"]),
             "text": {"headline": esc(ev["title"]),
                      "text": _text_html(ds, ev, in_text, generated, media[1:] if not era else media)}}
    if end is not None:
        slide["end_date"] = _date_obj(ev["end"])
    if display:
        slide["display_date"] = esc(display)
    if len(ev["actors"]):
        slide["group"] = esc(ds.actor_name(ev["actors"][0]))
    if media and not era:
        slide["media"] = _media_obj(media[0])
    elif not qs.empty and not era:   # an era has no media slot: its quotes are all in its text
        q = qs.iloc[0]
        slide["media"] = {"url": _quote_html(ds, q), "credit": _source_html(ds, q["source"])}
    return slide


def to_timelinejs(ds: Dataset) -> dict:
    """Our dataset as a TimelineJS JSON object (phases as eras, every other event a slide)."""
    ev = ds.events
    title = {"text": {"headline": esc(ds.title)}}
    desc = ds.meta.get("description", "")
    lang = ds.meta.get("language", "")
    if desc or lang:
        body = "".join(f"<p>{esc(p)}</p>" for p in re.split(r"\n\s*\n", desc) if p.strip())
        if lang and lang != "en":
            body += f'<p class="tl-actors" data-language="{esc(lang)}"></p>'
        title["text"]["text"] = body
    own = ds.media_for("")
    if not own.empty:
        from ...media import item

        title["media"] = _media_obj(item(own.iloc[0].to_dict()))
    out = {"title": title, "events": [_slide(ds, e) for _, e in ev[ev["kind"] != "phase"].iterrows()]}
    eras = []
    for _, e in ev[ev["kind"] == "phase"].iterrows():
        s = _slide(ds, e, era=True)
        era = {"start_date": s["start_date"], "end_date": s["end_date"], "text": s["text"],
               "unique_id": s["unique_id"]}
        if "display_date" in s:
            era["display_date"] = s["display_date"]
        eras.append(era)
    if eras:
        out["eras"] = eras
    years = [int(x["start_date"]["year"]) for x in out["events"] + eras] + \
            [int(x["end_date"]["year"]) for x in out["events"] + eras if "end_date" in x]
    if ds.meta.get("scale") == "cosmological" or any(not JS_DATE_YEARS[0] <= y <= JS_DATE_YEARS[1] for y in years):
        out["scale"] = "cosmological"
    return out


def to_sheet_rows(ds: Dataset) -> list[list[str]]:
    """Our dataset as the rows of a TimelineJS Google Sheet (header first)."""
    data = to_timelinejs(ds)
    header = SHEET_HEADER + SHEET_OPTIONAL
    rows = [header]

    def row(s: dict, kind: str = "") -> list[str]:
        sd, ed = s.get("start_date") or {}, s.get("end_date") or {}
        media = s.get("media") or {}
        text = s.get("text") or {}
        cells = {"Year": sd.get("year", ""), "Month": sd.get("month", ""), "Day": sd.get("day", ""),
                 "End Year": ed.get("year", ""), "End Month": ed.get("month", ""), "End Day": ed.get("day", ""),
                 "Display Date": s.get("display_date", ""), "Headline": text.get("headline", ""),
                 "Text": text.get("text", ""), "Media": media.get("url", ""),
                 "Media Credit": media.get("credit", ""), "Media Caption": media.get("caption", ""),
                 "Media Thumbnail": media.get("thumbnail", ""), "Alt Text": media.get("alt", ""),
                 "Type": kind, "Group": s.get("group", "")}
        return [neutralise_formula(str(cells.get(h, ""))) for h in header]

    rows.append(row(data["title"], "title"))
    rows += [row(s) for s in data["events"]]
    rows += [row(e, "era") for e in data.get("eras", [])]
    return rows


def to_sheet_csv(ds: Dataset) -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(to_sheet_rows(ds))
    return buf.getvalue()


def export(ds: Dataset, out, as_csv: bool = False, force: bool = False) -> Path:
    """Write a dataset as TimelineJS JSON (or sheet CSV) to `out`; never replaces a file without `force`."""
    files.check_target(out, force)
    if as_csv:
        return files.write_text(out, to_sheet_csv(ds), force=force)
    return files.write_text(out, json.dumps(to_timelinejs(ds), ensure_ascii=False, indent=1) + "\n", force=force)

"""A dataset (and a TimelineJS file) with extreme lengths in every text field of every table:
tens of thousands of characters without a space, for tests that every route still draws."""
from __future__ import annotations

import json
from pathlib import Path

from .helpers import mini_tables, write_mini

N = 30_000


def long(tag: str, n: int = N) -> str:
    """A distinct run of n characters with no space, starting with its tag."""
    return (tag + "-" + "x" * n)[:n]


def extreme_tables() -> dict:
    t = mini_tables()
    ev = t["events.csv"]
    for c in ("title_nl", "summary", "summary_nl", "display_date"):
        ev[0].append(c)
        for r in ev[1:]:
            r.append("")
    col = {n: i for i, n in enumerate(ev[0])}
    for i, r in enumerate(ev[1:]):
        for c in ("title", "title_nl", "summary", "summary_nl", "place", "note"):
            r[col[c]] = long(f"{c}{i}")
        if i == 1:
            r[col["display_date"]] = long("display")
        r[col["tags"]] = "t" * N
        r[col["sources"]] = "seed;web"
    ac = t["actors.csv"]
    ac[0].append("description")
    for i, r in enumerate(ac[1:]):
        r[1] = long(f"name{i}")
        r[2] = long(f"country{i}")
        r.append(long(f"description{i}"))
    ro = t["roles.csv"]
    ro[0].append("title_nl")
    ro[1][1] = long("role")
    ro[1].append(long("rol"))
    so = t["sources.csv"]
    for i, r in enumerate(so[1:]):
        r[1] = long(f"source{i}")
        r[2] = long(f"publisher{i}")
    so[2][4] = "https://example.org/" + "p" * N
    qu = t["quotes.csv"]
    qu.append(["long-quote", "hanoi-summit", "kim", long("quote"), "ko", long("translation"), "ours", "web", "", ""])
    t["media.csv"] = [["event", "url", "kind", "caption", "credit", "alt", "thumbnail"],
                      ["hanoi-summit", "https://example.org/" + "i" * N + ".jpg", "image", long("caption"),
                       long("credit"), long("alt"), ""],
                      ["hanoi-summit", "https://example.org/" + "d" * N + ".pdf", "document", long("doc"), "", "", ""]]
    return t


def write_extreme(folder: Path) -> Path:
    folder = write_mini(folder, extreme_tables())
    (folder / "dataset.json").write_text(json.dumps({"title": long("dataset"), "description": long("about")}),
                                         encoding="utf-8")
    return folder


def extreme_timelinejs(path: Path) -> Path:
    """A TimelineJS file with every field extreme (headline, text, group, display_date, media)."""
    def slide(i, **extra):
        return {"start_date": {"year": str(2000 + i), "display_date": long(f"sd{i}")},
                "end_date": {"year": str(2001 + i), "display_date": long(f"ed{i}")},
                "display_date": long(f"dd{i}"),
                "text": {"headline": long(f"headline{i}"),
                         "text": f"<p>{long(f'text{i}')}</p><p><a href='https://example.org/{'a' * N}'>{long('link')}</a></p>"
                                 f"<blockquote>{long(f'quote{i}')}<cite>{long(f'speaker{i}')}</cite></blockquote>"},
                "group": long(f"group{i % 2}"), "unique_id": f"slide-{i}",
                "media": {"url": "https://example.org/" + "m" * N + ".jpg", "caption": long(f"cap{i}"),
                          "credit": long(f"cred{i}"), "alt": long(f"alt{i}"), "thumbnail": ""}, **extra}
    doc = {"title": {"text": {"headline": long("tl-title"), "text": long("tl-text")}},
           "events": [slide(i) for i in range(4)],
           "eras": [{"start_date": {"year": "2000"}, "end_date": {"year": "2003"}, "text": {"headline": long("era")}}]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path

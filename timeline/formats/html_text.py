"""HTML (as TimelineJS files carry it) reduced to safe plain text, and plain text made safe HTML.

Reading uses only the standard library's `html.parser`: tags are dropped, entities decoded,
scripts and styles skipped whole. What carries meaning is kept apart from the running text:

- `<a href>` links become citations (`links`: url, text and any `data-source` id);
- `<blockquote>` elements become quotes (`quotes`: text, the `<cite>` text, `lang`, data attributes);
- elements that our own export writes (`class="tl-actors"`, `tl-sources`, `tl-note`, `tl-place`,
  `tl-translation`) are read back into their fields instead of the summary.

Writing: our data is plain text, never markup, so everything written into an HTML field goes
through `esc` (html.escape with quotes).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..i18n import TIMELINEJS_LABELS

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "blockquote", "hr", "figure", "figcaption", "pre"}
_SKIP = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "track", "wbr"}
_SPECIAL = ("tl-actors", "tl-sources", "tl-note", "tl-place", "tl-media")


def esc(text) -> str:
    """Plain text as HTML text or attribute value: & < > \" ' escaped."""
    return html.escape("" if text is None else str(text), quote=True)


def squash(text: str) -> str:
    """Collapse runs of white space (as a browser shows them) and trim."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Link:
    url: str
    text: str
    attrs: dict = field(default_factory=dict)


@dataclass
class Quote:
    text: str
    cite: str
    attrs: dict = field(default_factory=dict)       # attributes of the <blockquote>
    cite_attrs: dict = field(default_factory=dict)
    translation: str = ""
    translation_by: str = ""


@dataclass
class Parsed:
    text: str = ""                                   # the running text, plain, paragraphs joined by a blank line
    links: list[Link] = field(default_factory=list)  # every <a href>, in order (sources paragraph included)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[tuple[str, str, dict]] = field(default_factory=list)  # (id, name, attrs) from tl-actors
    sources: list[Link] = field(default_factory=list)  # entries of a tl-sources paragraph (url may be '')
    media: list[Link] = field(default_factory=list)    # links of a tl-media paragraph (an event's other media)
    note: str = ""
    place: str = ""
    meta: dict = field(default_factory=dict)         # data-* attributes of the tl-actors paragraph


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self.paras: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.stack: list[tuple[str, dict]] = []       # open elements we care about
        self.special: str | None = None               # inside a tl-* paragraph
        self.special_buf: list[str] = []
        self.quote: dict | None = None                # the blockquote being read
        self.link: dict | None = None
        self.item: dict | None = None                 # a data-actor / data-source span

    # -- helpers
    def _flush(self):
        text = squash("".join(self.buf))
        if text:
            self.paras.append(text)
        self.buf = []

    def _sink(self, data: str):
        if self.quote is not None:
            if self.quote["in_cite"]:
                self.quote["cite"].append(data)
            elif self.quote["in_translation"]:
                self.quote["translation"].append(data)
            else:
                self.quote["text"].append(data)
        elif self.special is not None:
            self.special_buf.append(data)
        else:
            self.buf.append(data)
        if self.link is not None:
            self.link["text"].append(data)
        if self.item is not None:
            self.item["text"].append(data)

    # -- parser callbacks
    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if self.skip:
            if tag in _SKIP:
                self.skip += 1
            return
        if tag in _SKIP:
            self.skip = 1
            return
        classes = a.get("class", "").split()
        if tag == "blockquote" and self.quote is None:
            if self.special is None:
                self._flush()
            self.quote = {"attrs": a, "text": [], "cite": [], "cite_attrs": {}, "in_cite": False,
                          "translation": [], "translation_by": "", "in_translation": False, "depth": 0}
            return
        if self.quote is not None:
            if tag == "blockquote":
                self.quote["depth"] += 1
            elif tag == "cite":
                self.quote["in_cite"] = True
                self.quote["cite_attrs"] = a
            elif "tl-translation" in classes:
                self.quote["in_translation"] = True
                self.quote["translation_by"] = a.get("data-by", "")
            elif tag in _BLOCK and not self.quote["in_cite"]:
                (self.quote["translation"] if self.quote["in_translation"] else self.quote["text"]).append("\n")
        special = next((c for c in classes if c in _SPECIAL), None)
        if special and self.special is None and self.quote is None:
            self._flush()
            self.special = special
            self.special_tag = tag
            self.special_depth = 0
            self.special_buf = []
            if special == "tl-actors":
                self.out.meta = {k[5:]: v for k, v in a.items() if k.startswith("data-")}
            return
        if self.special is not None and tag == self.special_tag:
            self.special_depth += 1
        if tag == "a" and a.get("href"):
            self.link = {"url": a["href"].strip(), "text": [], "attrs": a}
        if "data-actor" in a or "data-source" in a:
            self.item = {"attrs": a, "text": [], "tag": tag}
        if tag in _BLOCK and self.quote is None and self.special is None:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip:
            if tag in _SKIP:
                self.skip -= 1
            return
        if self.link is not None and tag == "a":
            link = Link(self.link["url"], squash("".join(self.link["text"])), self.link["attrs"])
            if self.special == "tl-media":
                self.out.media.append(link)
            elif self.special == "tl-sources":
                if "data-source" not in link.attrs:
                    self.out.sources.append(link)
            elif "data-source" not in link.attrs:
                self.out.links.append(link)
            self.link = None
        if self.item is not None and tag == self.item["tag"]:
            attrs = self.item["attrs"]
            # our export writes names and titles as data-* of empty elements (no text added to a slide)
            text = squash("".join(self.item["text"])) or attrs.get("data-name", "") or attrs.get("data-title", "")
            if self.special == "tl-actors" and "data-actor" in attrs:
                self.out.actors.append((attrs["data-actor"], text, attrs))
            elif "data-source" in attrs and self.quote is None:
                self.out.sources.append(Link(attrs.get("href", "").strip(), text, attrs))
            self.item = None
        if self.quote is not None:
            q = self.quote
            if tag == "cite":
                q["in_cite"] = False
            elif q["in_translation"] and tag in ("p", "span", "div"):
                q["in_translation"] = False
            elif tag == "blockquote":
                if q["depth"]:
                    q["depth"] -= 1
                else:
                    text = _strip_lines("".join(q["text"]))
                    cite = squash("".join(q["cite"]))
                    if "data-speaker" not in q["cite_attrs"]:   # '— Someone' in other files
                        cite = re.sub(r"^[\u2014\u2013\-\s]+", "", cite)
                    self.out.quotes.append(Quote(text, cite, q["attrs"], q["cite_attrs"],
                                                 squash("".join(q["translation"])), q["translation_by"]))
                    self.quote = None
            elif tag in _BLOCK and not q["in_cite"] and not q["in_translation"]:
                q["text"].append("\n")
            return
        if self.special is not None and tag == self.special_tag:
            if self.special_depth:
                self.special_depth -= 1
            else:
                text = squash("".join(self.special_buf))
                if self.special == "tl-note":
                    self.out.note = _drop_label(text, TIMELINEJS_LABELS["note"])
                elif self.special == "tl-place":
                    self.out.place = _drop_label(text, TIMELINEJS_LABELS["place"])
                self.special = None
            return
        if tag in _BLOCK and self.special is None:
            self._flush()

    def handle_data(self, data):
        if self.skip:
            return
        self._sink(data)

    def close(self):
        super().close()
        if self.quote is not None:   # unclosed blockquote: keep what was read
            self.handle_endtag("blockquote")
        self._flush()
        self.out.text = "\n\n".join(self.paras)


def _strip_lines(text: str) -> str:
    lines = [squash(x) for x in text.split("\n")]
    return "\n".join(x for x in lines if x)


def _drop_label(text: str, label: str) -> str:
    return text[len(label) + 1:].strip() if text.startswith(label + ":") else text


def parse(markup) -> Parsed:
    """Read an HTML fragment; never raises on malformed markup."""
    r = _Reader()
    if markup is None:
        markup = ""
    r.feed(str(markup))
    r.close()
    return r.out


def to_text(markup) -> str:
    """The visible text of an HTML fragment, tags stripped and entities decoded (quotes included)."""
    p = parse(markup)
    parts = [p.text] + [q.text + (f" — {q.cite}" if q.cite else "") for q in p.quotes]
    return squash(" ".join(x for x in parts if x))


def is_markup(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z!/]", text or ""))

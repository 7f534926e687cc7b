"""Text of TimelineJS fields: HTML reduced to text once, generic link text, our export's source titles."""
from __future__ import annotations

from .. import html_text

# Link text that names no page ('More', 'Lees meer'): it is dropped from the summary.
GENERIC_LINK_TEXT = {"more", "read more", "more…", "here", "click here", "link", "source", "sources", "meer",
                     "lees meer", "bron", "bronnen", "hier", "→", "»", "›", "..."}


def _title_of(link) -> str:
    """A source's title from our export's '<a>Title (Publisher)</a>' (the publisher rides in data-publisher)."""
    pub = link.attrs.get("data-publisher", "")
    text = link.text
    if pub and text.endswith(f" ({pub})"):
        text = text[: -len(pub) - 3]
    return text


def _text_of(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return v if isinstance(v, str) else ""


def _plain(text: str) -> bool:
    """Text that HTML parsing would leave as it is (no tag, no entity): it needs no parser."""
    return "<" not in text and "&" not in text


def _parse(markup: str) -> html_text.Parsed:
    """`html_text.parse`, without the parser for plain text (most fields of a big file)."""
    return html_text.Parsed(text=html_text.squash(markup)) if _plain(markup) else html_text.parse(markup)


def _to_text(markup: str) -> str:
    return html_text.squash(markup) if _plain(markup) else html_text.to_text(markup)


def _text(value) -> str:
    """Any JSON value of a text field as plain text (HTML reduced, entities decoded once)."""
    return _to_text(_text_of(value))


def _decoded(value) -> str:
    return html_text.squash(value) if isinstance(value, str) else ""


def _without_generic_links(text: str, links) -> str:
    """The summary without link text that names nothing ('More'): the link's page is the source."""
    generic = {link.text for link in links if link.text.strip().lower() in GENERIC_LINK_TEXT}
    if not generic:
        return text
    out = []
    for para in text.split("\n\n"):
        for g in generic:
            if para == g:
                para = ""
            elif para.endswith(" " + g):
                para = para[: -len(g) - 1].rstrip()
        if para:
            out.append(para)
    return "\n\n".join(out)

"""The vertical timeline in the app: `timeline.page.cards`' element tree as Dash components.

The app shows the same cards as /embed and the offline file below 640 px (style.css hides the
chart, list and details panel there). Strings stay text: Dash sets children as text nodes.
"""
from __future__ import annotations

from dash import html

from ..page.cards import El, timeline_cards

# attribute names that React spells differently
_RENAME = {"class": "className", "datetime": "dateTime", "for": "htmlFor", "tabindex": "tabIndex"}


def _style(text: str) -> dict:
    out = {}
    for part in text.split(";"):
        if ":" in part:
            k, v = part.split(":", 1)
            k = k.strip()
            out[k if k.startswith("--") else "".join(w.capitalize() if i else w for i, w in enumerate(k.split("-")))] = v.strip()
    return out


_MADE: dict[int, tuple] = {}   # id(card El) -> (the El, its components): cards are kept per dataset
_MADE_MAX = 20000


def to_dash(node):
    """A Dash component (or text) for an `El` tree. A card (`article`) is converted once: the
    card trees are kept per dataset (`page.cards.card`), and building Dash components is the
    slow part of a render."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return [to_dash(n) for n in node]
    if node.tag == "article":
        hit = _MADE.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        if len(_MADE) > _MADE_MAX:
            _MADE.clear()
        made = _convert(node)
        _MADE[id(node)] = (node, made)
        return made
    return _convert(node)


def _convert(node):
    cls = getattr(html, node.tag.capitalize())
    kwargs = {}
    for k, v in node.attrs.items():
        if k == "style":
            kwargs["style"] = _style(v)
        elif k == "open":
            kwargs["open"] = True
        elif k == "id":
            kwargs["id"] = v
        else:
            kwargs[_RENAME.get(k, k)] = v
    return cls(to_dash(node.children), **kwargs)


def cards(dataset, view):
    return to_dash(timeline_cards(dataset, view))




def warm(dataset) -> None:
    """Build the default view's cards (both languages) on a background thread, so the first phone
    reader does not wait for them (each card costs a few pandas lookups and many components).
    The thread's name starts with 'timeline-': `wsgi` waits for such threads before forking."""
    import threading

    from ..i18n import LANGS
    from ..view import View

    def run():
        for lang in LANGS:
            try:
                cards(dataset, View(lang=lang))
            except Exception:   # a cache warm-up must never take the app down
                return

    threading.Thread(target=run, name="timeline-cards-warm", daemon=True).start()


def install(app, first=None) -> None:
    """Warm the cards of `first` (the dataset at start); the cards' stylesheet and script reach
    the app's page through `timeline.web.index_assets`."""
    if first is not None:
        warm(first)


__all__ = ["El", "cards", "install", "to_dash"]

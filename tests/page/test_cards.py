"""The vertical timeline's cards (timeline/page/cards.py), read as HTML the way a browser would."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from timeline import filters
from timeline.page import cards
from timeline.page.document import document
from timeline.view import View


class Tree(HTMLParser):
    """A minimal DOM: every element as (tag, attrs, text inside it)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements = [], []

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(node)
        if tag not in cards.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for node in self.stack:
            node["text"] += data

    def find(self, tag=None, cls=None, **attrs):
        return [e for e in self.elements if (tag is None or e["tag"] == tag)
                and (cls is None or cls in (e["attrs"].get("class") or "").split())
                and all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())]


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    return tree


@pytest.fixture(scope="module")
def english(dataset):
    return parse(cards.to_html(cards.timeline_cards(dataset, View())))


def test_one_card_per_event_in_date_order_with_phases_as_headings(dataset, english):
    rows = filters.visible_events(dataset, View(), in_range=True).sort_values("start_at", kind="stable")
    expected = list(rows.loc[rows["kind"] != "phase", "id"])
    assert [e["attrs"]["data-event-id"] for e in english.find("article", "tl-card")] == expected
    phase = dataset.event("rocket-man-phase")
    assert [h["text"] for h in english.find("h2", "tl-phase-title")] == [phase["title"]]
    # the count the live region starts with
    assert english.find("p", "tl-count")[0]["text"] == f"{len(expected)} events in view"


def test_card_has_date_at_its_precision_chips_title_and_first_quote(dataset, english):
    card = parse(cards.to_html(cards.card(dataset, "air-force-one-offer", "en")))
    times = card.find("time")
    assert times[0]["attrs"]["datetime"] == "2019-02-28" and times[0]["text"] == "28 Feb 2019"
    # chips: colour and initials (hidden from screen readers) plus the name, never colour alone
    marks = card.find("span", "tl-chip-mark")
    assert [m["text"] for m in marks] == ["DT", "KJ", "MP"]
    assert all(m["attrs"]["aria-hidden"] == "true" and "background:#" in m["attrs"]["style"] for m in marks)
    assert [n["text"] for n in card.find("span", "tl-chip-name")] == ["Donald Trump", "Kim Jong-un", "Matthew Pottinger"]
    assert "Trump offers Kim a lift home on Air Force One" in card.find("h3")[0]["text"]
    # the first quote is the English original, the Dutch rendering beside it
    first = card.find("figure", "tl-card-quote")[0]
    assert first["text"].startswith("The president knew that Kim had arrived")
    assert "As quoted in Dutch" in first["text"]
    assert card.find("details", "tl-card-more")[0]["attrs"].get("open") is None


def test_month_precision_and_spans(dataset):
    ids = dataset.events.loc[dataset.events["start"].str.len() == 7, "id"]
    if ids.empty:
        pytest.skip("no month-precision event in the bundled dataset")
    card = parse(cards.to_html(cards.card(dataset, ids.iloc[0], "en")))
    assert len(card.find("time")[0]["attrs"]["datetime"]) == 7   # '2018-09', not a day


def test_dutch_reader_meets_dutch_text_first(dataset):
    card = parse(cards.to_html(cards.card(dataset, "bolton-ride", "nl")))
    first = card.find("figure", "tl-card-quote")[0]
    assert first["text"].startswith("Hij dacht dat Kim zijn nieuwe beste vriend was")
    assert "Zoals geciteerd in het Engels" in first["text"]
    english = parse(cards.to_html(cards.card(dataset, "bolton-ride", "en")))
    assert english.find("figure", "tl-card-quote")[0]["text"].startswith("Trump thought he had a new best friend.")   # the English original on record


def test_selected_event_is_open(dataset):
    tree = parse(cards.to_html(cards.timeline_cards(dataset, View(event="hanoi-summit"))))
    card = tree.find("article", data_event_id="hanoi-summit")[0]
    assert "selected" in card["attrs"]["class"]
    opened = [d for d in tree.find("details", "tl-card-more") if "open" in d["attrs"]]
    assert len(opened) == 1 and "Sources" in opened[0]["text"]


def test_filtered_view_shows_only_its_events(dataset):
    view = View(actors=("pottinger",))
    tree = parse(cards.to_html(cards.timeline_cards(dataset, view)))
    shown = [e["attrs"]["data-event-id"] for e in tree.find("article", "tl-card")]
    assert shown and all("pottinger" in dataset.event(i)["actors"] for i in shown)


def test_data_text_stays_text(dataset):
    ds = dataset
    events = ds.events.copy()
    i = events.index[events["id"] == "hanoi-summit"][0]
    events.loc[i, "title"] = '<img src=x onerror="alert(1)">Hanoi'
    from dataclasses import replace

    hostile = replace(ds, events=events)
    html = cards.to_html(cards.card(hostile, "hanoi-summit", "en"))
    assert "<img" not in html and "&lt;img src=x" in html
    assert parse(html).find("img") == []


def test_unsafe_colour_never_reaches_css():
    assert cards.safe_colour("red;background:url(x)") == "#6b7280"
    assert cards.safe_colour("#1a237e") == "#1a237e"
    assert cards.ink_on("#1a237e") == "#ffffff" and cards.ink_on("#ffe58a") == "#111111"


def test_initials():
    assert [cards.initials(n) for n in ("Donald Trump", "Kim Jong-un", "BBC", "Moon Jae-in", "Madonna")] == \
        ["DT", "KJ", "BBC", "MJ", "Ma"]


def test_the_embed_page_carries_cards_a_summary_and_no_plotly_script(dataset):
    assets = {"plotly": "/p.js", "js": "/e.js", "css": "/e.css", "cards_js": "/c.js", "cards_css": "/c.css",
              "axis_js": "/a.js"}
    page = document(dataset, View(), offline=False, assets=assets, api="/api/event/")
    tree = parse(page)
    rows = filters.visible_events(dataset, View(), in_range=True)
    n = int((rows["kind"] != "phase").sum())
    assert len(tree.find("article", "tl-card")) == n
    assert [s["attrs"]["src"] for s in tree.find("script") if "src" in s["attrs"]] == []   # cards.js, axis.js, embed.js inline
    preload = tree.find("link", rel="preload")[0]["attrs"]
    assert preload["href"] == "/p.js" and preload["media"] == "(min-width: 640px)"
    summary = tree.find("p", id="tl-summary")[0]["text"]
    assert summary.startswith(f"A timeline of {n} events from 8 Aug 2017 to") and "Donald Trump" in summary

"""Media: the pictures, videos, posts, maps and documents an event shows (media.csv).

A media row names its event ('' for the dataset's own, TimelineJS's title-slide media), a web
address (http or https only: nothing else is ever loaded or linked), its kind and the caption,
credit, alt text and thumbnail shown with it. Images are shown inline (lazy, without a referrer);
every other kind is a link with its caption. Nothing from a media row ever becomes a script, an
iframe or an embedded player.

The kind is guessed from the address when media.csv leaves it empty, with TimelineJS's own rules
(src/js/media/MediaType.js) mapped onto our seven kinds.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .model import MEDIA
from .problems import Problem, suggest

# TimelineJS's media types (by the first pattern that matches, as TimelineJS looks them up) -> our kind
_RULES = (
    (r"^(https?:)?/*(www\.|m\.)?youtube|youtu\.be", "video"),
    (r"^(https?:)?/*(player\.)?vimeo\.com", "video"),
    (r"^(https?:)?/*(www\.)?(dailymotion\.com|dai\.ly)", "video"),
    (r"^(https?:)?/*(www\.)?vine\.co", "video"),
    (r"^(https?:)?/*(www\.)?tiktok\.com/@[^/]+/video/\d+", "video"),
    (r"^(https?:)?/*(www\.)?bsky\.app/profile/[^/]+/post/[^/?]+", "tweet"),
    (r"^(https?:)?/*(player\.)?soundcloud\.com", "audio"),
    (r"^(https?:)?/*(www\.)?(twitter|x)\.com", "tweet"),
    (r"google.+?/maps/", "map"),
    (r"^(https?:)?/*(www\.)?flickr\.com/photos|^(https?://)?flic\.kr/", "link"),
    (r"^(https?:)?/*(www\.)?(instagr\.am|instagram\.com)/", "link"),
    (r"documentcloud\.org/", "document"),
    (r"^https://commons\.wikimedia\.org/wiki/File:", "link"),
    (r"^(https?:)?/.+\.wikipedia\.org", "link"),
    (r"\.(jpg|jpeg|png|gif|svg|webp)(\?.*)?$", "image"),
    (r"imgur\.com/.+$", "link"),
    (r"^(https?:)?/*[^.]*\.google\.com/[^/]*/d/|^(https?:)?/*drive\.google\.com/", "document"),
    (r"\.pdf(\?.*)?(#.*)?$", "document"),
    (r"spotify", "audio"),
    (r"\.(mp4|webm)(\?.*)?$", "video"),
    (r"https?://(.+)?(wistia\.com|wi\.st)/", "video"),
    (r"\.(mp3|wav|m4a)(\?.*)?$", "audio"),
)
_COMPILED = tuple((re.compile(p, re.I), k) for p, k in _RULES)
_BAD = re.compile(r"[\s<>\"'\\`\x00-\x1f\x7f]")


def is_web_url(url: str) -> bool:
    """An http(s) address with a host and nothing a browser or an HTML attribute would misread."""
    if not isinstance(url, str) or not url or _BAD.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def guess_kind(url: str) -> str:
    """Our kind for an address, by TimelineJS's rules; 'link' when nothing matches."""
    for pattern, kind in _COMPILED:
        if pattern.search(url or ""):
            return kind
    return "link"


def _short(value: str, n: int = 60) -> str:
    return value if len(value) <= n else value[:n] + "…"


def check(media, event_ids: set, rows: list[int], problems: list[Problem]) -> None:
    """Validate the media table in place: web addresses, known events; fill an empty kind."""
    if media.empty:
        return
    kinds = media["kind"].tolist()
    for i, (row, event, url, thumb) in enumerate(zip(rows, media["event"], media["url"], media["thumbnail"])):
        if url and not is_web_url(url):
            problems.append(Problem(MEDIA.file, row, "url",
                                    f"'{_short(url)}' is not a web address: media are http or https only"))
        if thumb and not is_web_url(thumb):
            problems.append(Problem(MEDIA.file, row, "thumbnail",
                                    f"'{_short(thumb)}' is not a web address: a thumbnail is http or https only"))
        if event and event not in event_ids:
            problems.append(Problem(MEDIA.file, row, "event",
                                    f"unknown event '{_short(event)}'{suggest(event, event_ids)}"))
        if not kinds[i]:
            kinds[i] = guess_kind(url)
    media["kind"] = kinds


def item(row) -> dict:
    """One media row as the details show it: plain strings, every key present."""
    def cell(k):
        v = row.get(k) if hasattr(row, "get") else row[k]
        return v if isinstance(v, str) else ""

    return {k: cell(k) for k in ("url", "kind", "caption", "credit", "alt", "thumbnail")}


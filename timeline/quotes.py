"""Quotes as first-class objects: where their seed text is, and whether they are verbatim in it."""
from __future__ import annotations

import re
from pathlib import Path

from .paths import PROJECT_SEEDS  # noqa: E402  (the checkout's seeds/, or the copy inside the package)


def seed_path(dataset_dir: Path | None, name: str) -> Path | None:
    """Find a seed file by plain file name: the dataset's seeds/, the dataset folder, the project's seeds/.

    Names with a directory part are refused, so a data file cannot point outside these folders.
    """
    if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
        return None
    places = []
    if dataset_dir is not None:
        places += [dataset_dir / "seeds" / name, dataset_dir / name]
    places.append(PROJECT_SEEDS / name)
    for p in places:
        if p.is_file():
            return p
    return None


def find_all(text: str, seed: str, limit: int = 5) -> list[tuple[int, int]]:
    """Every place (start, end) where `text` occurs verbatim in `seed`, up to `limit`."""
    found, start = [], 0
    while text and len(found) < limit:
        i = seed.find(text, start)
        if i < 0:
            break
        found.append((i, i + len(text)))
        start = i + 1
    return found


def verify(text: str, seed: str, start: int | None, end: int | None) -> str | None:
    """None when `seed[start:end] == text` (or when empty offsets can be found); otherwise what to fix."""
    return resolve(text, seed, start, end)[1]


def resolve(text: str, seed: str, start: int | None, end: int | None) -> tuple[tuple[int, int] | None, str | None]:
    """Where the quote is in its seed, and a message when that is not settled.

    Given offsets that hold the quote are kept. Empty offsets are found when the quote occurs
    exactly once; twice or more, the message lists the places to choose from. A quote that is
    not verbatim gets the closest passage and the characters that differ.
    """
    if start is not None and end is not None and 0 <= start <= end <= len(seed) and seed[start:end] == text:
        return (start, end), None
    places = find_all(text, seed)
    if places:
        offers = ", ".join(f"{a}..{b}" for a, b in places)
        if start is None and end is None:
            if len(places) == 1:
                return places[0], None
            return None, (f"the quote occurs {len(places)}{'+' if len(places) == 5 else ''} times in the seed, "
                          f"at {offers}: write the start_offset and end_offset of the one meant")
        if start is None or end is None:
            return None, f"offsets missing; the quote is found at start_offset..end_offset {offers}"
        return None, f"the quote is not at {start}..{end}; it is found at {offers}"
    near = _nearest(text, seed)
    if not near:
        return None, "the quote is not verbatim in the seed"
    a, b = near
    diffs = differences(text, seed[a:b])
    if diffs and len(diffs) <= 3:
        return None, (f"the quote is not verbatim in the seed: {'; '.join(diffs)}; the closest passage, "
                      f"at {a}..{b}, is '{seed[a:b]}'")
    return None, f"the quote is not verbatim in the seed; the closest passage is at {a}..{b}: '{seed[a:b]}'"


def _char(c: str) -> str:
    import unicodedata

    return f"'{c}' ({unicodedata.name(c, f'U+{ord(c):04X}').lower()})"


def differences(quote: str, passage: str) -> list[str]:
    """The characters where `quote` differs from `passage`, each with its position in the quote (0-based)."""
    import difflib

    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, quote, passage, autojunk=False).get_opcodes():
        q, p = quote[i1:i2], passage[j1:j2]
        if op == "replace" and len(q) == len(p) == 1:
            out.append(f"character {i1} of the quote is {_char(q)} where the seed has {_char(p)}")
        elif op == "replace":
            out.append(f"characters {i1}..{i2} of the quote are '{q}' where the seed has '{p}'")
        elif op == "delete":
            what = _char(q) if len(q) == 1 else f"'{q}'"
            out.append(f"the quote has an extra {what} at character {i1}")
        elif op == "insert":
            what = _char(p) if len(p) == 1 else f"'{p}'"
            out.append(f"the quote lacks the seed's {what} at character {i1}")
    return out


def _nearest(text: str, seed: str) -> tuple[int, int] | None:
    """The passage of the seed most like `text` (around its longest common run), to help a fix."""
    import difflib

    if not text or not seed or len(text) > 2000:
        return None
    m = difflib.SequenceMatcher(None, seed, text, autojunk=False).find_longest_match(0, len(seed), 0, len(text))
    if m.size < min(8, len(text)):
        return None
    # Align the whole quote around that run, letting the ends move by a few characters (an extra space).
    lo, hi = max(0, m.a - m.b - 8), min(len(seed), m.a - m.b + len(text) + 8)
    window = seed[lo:hi]
    blocks = [b for b in difflib.SequenceMatcher(None, window, text, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    return lo + first.a - first.b, min(len(seed), lo + last.a + last.size + (len(text) - last.b - last.size))


def context(seed: str, start: int, end: int, width: int = 300) -> tuple[str, str, str]:
    """The text before, at and after a quote in its seed, cut at word boundaries."""
    a = max(0, start - width)
    b = min(len(seed), end + width)
    before, after = seed[a:start], seed[end:b]
    if a > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if b < len(seed) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, seed[start:end], after


# A seed file is the article as it was stored, verbatim (quote offsets count from its first
# character), and may open with what the capture tool wrote about it: YAML front matter, header
# lines ("Title: …", "Date: …"), or, as in the bundled seed, a bare " date 2021-02 " before the
# first sentence. The source view shows the article from its text on (`article_start`).
_META_KEYS = ("title|headline|date|datum|published|publication[ _-]?date|author|auteur|byline|source|bron|"
              "publisher|url|link|language|lang|taal|titel|description|about|tags")
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HEADER_LINE = re.compile(rf"\s*(?:{_META_KEYS})[ \t]*[:=][^\n]*(?:\r?\n|\Z)", re.I)
_INLINE_DATE = re.compile(r"\s*(?:date|datum|published)[ \t]*[:=]?[ \t]*"
                          r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?[ \t]+", re.I)


def article_start(seed: str) -> int:
    """Where the article's own text begins in a seed: after any front matter or metadata header
    (0 when there is none). The seed itself is never changed: offsets keep counting from 0."""
    at = 0
    if m := _FRONT_MATTER.match(seed):
        at = m.end()
    while m := _HEADER_LINE.match(seed, at) or _INLINE_DATE.match(seed, at):
        if m.end() == at:
            break
        at = m.end()
    while at < len(seed) and seed[at].isspace():
        at += 1
    return at if at < len(seed) else 0

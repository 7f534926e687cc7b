"""Quotes as first-class objects: where their seed text is, and whether they are verbatim in it."""
from __future__ import annotations

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
    """None when `seed[start:end] == text`; otherwise a message saying what to fix."""
    if start is not None and end is not None and 0 <= start <= end <= len(seed) and seed[start:end] == text:
        return None
    places = find_all(text, seed)
    if places:
        offers = ", ".join(f"{a}..{b}" for a, b in places)
        if start is None or end is None:
            return f"offsets missing; the quote is found at start_offset..end_offset {offers}"
        return f"the quote is not at {start}..{end}; it is found at {offers}"
    near = _nearest(text, seed)
    hint = f"; the closest passage is at {near[0]}..{near[1]}: '{seed[near[0]:near[1]]}'" if near else ""
    return f"the quote is not verbatim in the seed{hint}"


def _nearest(text: str, seed: str) -> tuple[int, int] | None:
    """The passage of the seed most like `text` (by its longest common run), to help a fix."""
    import difflib

    if not text or not seed or len(text) > 2000:
        return None
    m = difflib.SequenceMatcher(None, seed, text, autojunk=False).find_longest_match(0, len(seed), 0, len(text))
    if m.size < min(8, len(text)):
        return None
    start = max(0, m.a - m.b)
    return start, min(len(seed), start + len(text))


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

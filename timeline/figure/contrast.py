"""Every colour drawn keeps its contrast against the plot (WCAG 2.2 AA): 3:1 for marks (1.4.11)
and 4.5:1 for text (1.4.3), whatever the theme and whatever colours actors.csv gives.

`fit(fig)` is the last step of `build`: a colour that falls short is moved, in small steps,
towards black (on a light plot) or white (on a dark one) until it has the contrast; a colour
that has it is left exactly as given. The lanes' bundled colours and the default palette pass
as they are (tests/figure/test_contrast.py); what this catches is a pale colour in someone's
data, and the dark theme, where the light theme's inks would vanish. Washes (under half opaque:
the precision bands, the phases' shading) are backgrounds, not marks, and are left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

MARK, TEXT = 3.0, 4.5
WASH = 0.5          # colours less opaque than this are washes, not marks
_RGBA = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)")


def parse(colour) -> tuple[float, float, float, float] | None:
    """(r, g, b, alpha) of '#rgb', '#rrggbb' or 'rgb(a)(…)'; None for anything else."""
    if not isinstance(colour, str):
        return None
    c = colour.strip().lower()
    if re.fullmatch(r"#[0-9a-f]{6}", c):
        return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16), 1.0
    if re.fullmatch(r"#[0-9a-f]{3}", c):
        return int(c[1] * 2, 16), int(c[2] * 2, 16), int(c[3] * 2, 16), 1.0
    if m := _RGBA.fullmatch(c):
        return float(m[1]), float(m[2]), float(m[3]), float(m[4]) if m[4] is not None else 1.0
    return {"white": (255, 255, 255, 1.0), "black": (0, 0, 0, 1.0)}.get(c)


def over(rgba, background, opacity: float = 1.0) -> tuple[float, float, float]:
    a = rgba[3] * opacity
    return tuple(a * c + (1 - a) * b for c, b in zip(rgba[:3], background))


def _luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@lru_cache(maxsize=4096)
def legible(colour: str, backgrounds: tuple, minimum: float, opacity: float = 1.0) -> str:
    """`colour`, or the nearest shade of it (towards black on light backgrounds, white on dark)
    that keeps `minimum` contrast against every one of `backgrounds` once drawn at `opacity`."""
    rgba = parse(colour)
    if rgba is None or rgba[3] * opacity < WASH:
        return colour

    def worst(c):
        return min(ratio(over(c, bg, opacity), bg) for bg in backgrounds)

    if worst(rgba) >= minimum:
        return colour
    target = 0.0 if _luminance(backgrounds[0]) > 0.18 else 255.0
    for step in range(1, 21):
        k = step / 20
        c = tuple(round(v + (target - v) * k) for v in rgba[:3]) + (rgba[3],)
        if worst(c) >= minimum:
            break
    r, g, b, a = c
    return f"#{r:02x}{g:02x}{b:02x}" if a >= 1 else f"rgba({r},{g},{b},{a:g})"


def backgrounds(layout: dict) -> tuple:
    """The plot's background colour, and the same under each shape's translucent fill (the phases)."""
    template = (layout.get("template") or {}).get("layout") or {}
    plot = parse(layout.get("plot_bgcolor") or template.get("plot_bgcolor") or "white") or (255, 255, 255, 1.0)
    base = over(plot, (255, 255, 255))
    fills = {s["fillcolor"] for s in layout.get("shapes") or () if parse(s.get("fillcolor"))}
    return (base,) + tuple(sorted(over(parse(f), base) for f in fills))


def _fix(obj: dict | None, key: str, bgs: tuple, minimum: float, opacity: float = 1.0) -> None:
    if not obj or key not in obj:
        return
    value = obj[key]
    if isinstance(value, str):
        obj[key] = legible(value, bgs, minimum, opacity)
    elif isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and len(value) <= 10_000):
        # per-point colours (the selected event, one per lane): short lists, never a lane's points
        obj[key] = [legible(v, bgs, minimum, opacity) if isinstance(v, str) else v for v in list(value)]


def fit(fig: dict) -> dict:
    """Every mark and text of a figure dict made legible against its plot (in place; returned)."""
    layout = fig["layout"]
    bgs = backgrounds(layout)
    for t in fig["data"]:
        opacity = t.get("opacity", 1.0)
        marker = t.get("marker") or {}
        _fix(marker, "color", bgs, MARK, opacity * marker.get("opacity", 1.0))
        _fix(marker.get("line"), "color", bgs, MARK, opacity)
        _fix(t.get("line"), "color", bgs, MARK, opacity)
        _fix(t.get("textfont"), "color", bgs, TEXT, opacity)
    for a in layout.get("annotations") or ():
        box = parse(a.get("bgcolor"))
        on = tuple(over(box, bg) for bg in bgs) if box else bgs   # text on its own box, if it has one
        _fix(a.get("font"), "color", on, TEXT)
        _fix(a, "bordercolor", bgs, MARK)
    for s in layout.get("shapes") or ():
        _fix(s.get("line"), "color", bgs, MARK, s.get("opacity", 1.0))
        _fix((s.get("label") or {}).get("font"), "color", bgs, TEXT)
    overview = (layout.get("meta") or {}).get("overview")   # the strip's marks, drawn by the page
    if isinstance(overview, dict):
        _fix(overview.get("line"), "color", bgs, MARK)
    return fig

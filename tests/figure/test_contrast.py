"""Contrast on the chart (issue #11, WCAG 2.2 AA): every mark the figure draws keeps 3:1 against
the plot background and its phase shading (1.4.11 non-text contrast), every text 4.5:1 (1.4.3).

Read from built figures, not from a list of constants, so a colour added later is checked too:
the bundled dataset (its own lane colours, disputed involvements, spans, connectors, phases, a
selected event) and a dataset with no colours (every colour of the default palette). The HTML
around the chart (the key, chips, panels) is axe-core's color-contrast rule's, in the browser tests.
"""
from __future__ import annotations

import dataclasses
import itertools
import re

import pytest

import timeline
from timeline.figure.options import BAND_PX
from timeline.model import PALETTE
from tests.helpers import synthetic

MARK, TEXT = 3.0, 4.5


# The colour reading and the WCAG formulas below are written again on purpose, not imported from
# timeline.figure.contrast: the test is the independent check of what contrast.fit produces.
def rgba(colour: str) -> tuple[float, float, float, float]:
    colour = colour.strip().lower()
    if m := re.fullmatch(r"#([0-9a-f]{6})", colour):
        h = m.group(1)
        return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), 1.0
    if m := re.fullmatch(r"#([0-9a-f]{3})", colour):
        return *(int(c * 2, 16) for c in m.group(1)), 1.0
    if m := re.fullmatch(r"rgba?\(([^)]*)\)", colour):
        parts = [float(p) for p in m.group(1).split(",")]
        return parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else 1.0
    if colour == "white":
        return 255, 255, 255, 1.0
    raise AssertionError(f"a colour this test cannot read: {colour!r}")


def over(colour, background, opacity: float = 1.0) -> tuple[float, float, float]:
    r, g, b, a = rgba(colour) if isinstance(colour, str) else colour
    a *= opacity
    return tuple(a * c + (1 - a) * d for c, d in zip((r, g, b), background))


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def backgrounds(layout: dict) -> list[tuple[float, float, float]]:
    """The plot's background, and the same under each phase's shading."""
    template = layout.get("template", {}).get("layout", {})
    plot = over(layout.get("plot_bgcolor") or template.get("plot_bgcolor") or "white", (255, 255, 255))
    fills = {s["fillcolor"] for s in layout.get("shapes", []) if s.get("fillcolor")}
    return [plot] + [over(f, plot) for f in fills]


def _colours(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return sorted({c for c in list(value) if isinstance(c, str)})
    return []


def marks(fig: dict) -> list[tuple[str, str, float]]:
    """(what, colour, opacity) of every mark a reader must see: markers (fill and outline) and
    lines. The precision band behind an imprecise marker is a pale wash, not a mark: the marker
    on it says the date is imprecise, and is checked."""
    out = []
    for t in fig["data"]:
        mode, opacity, name = t.get("mode", ""), t.get("opacity", 1.0), t.get("name", "")
        marker, line = t.get("marker") or {}, t.get("line") or {}
        if "markers" in mode:
            symbol = str(marker.get("symbol", ""))
            if not symbol.endswith("-open"):   # an open symbol is drawn by its outline alone
                out += [(f"{name} marker", c, opacity * marker.get("opacity", 1.0)) for c in _colours(marker.get("color"))]
            out += [(f"{name} marker outline", c, opacity) for c in _colours((marker.get("line") or {}).get("color"))
                    if (marker.get("line") or {}).get("width", 1) > 0]
        if "lines" in mode and line.get("width") != BAND_PX:
            out += [(f"{name} line", c, opacity) for c in _colours(line.get("color"))]
    for s in fig["layout"].get("shapes", []):   # lines drawn on the plot (an axis break), not the phases' fill
        line = s.get("line") or {}
        if line.get("color") and line.get("width", 1) > 0:
            out.append((f"{s.get('type')} shape", line["color"], s.get("opacity", 1.0)))
    out += [("annotation border", a["bordercolor"], 1.0) for a in fig["layout"].get("annotations", [])
            if a.get("bordercolor") and a.get("borderwidth", 1) > 0]
    overview = (fig["layout"].get("meta") or {}).get("overview")   # the strip's marks, drawn by the page
    if isinstance(overview, dict) and overview.get("x"):
        out.append(("overview mark", overview["line"]["color"], 1.0))
    return out


def texts(fig: dict) -> list[tuple[str, str]]:
    """(what, colour) of every text drawn on the chart: labels, phase names, ticks, the '?' marks."""
    layout = fig["layout"]
    template = layout.get("template", {}).get("layout", {})
    default = (layout.get("font") or {}).get("color") or (template.get("font") or {}).get("color") or "#444"
    out = [("font", default, None)]
    out += [("phase name" if str(a.get("name") or "").startswith("phase:") else f"label {a.get('text', '')[:20]}",
             (a.get("font") or {}).get("color") or default, a.get("bgcolor"))
            for a in layout.get("annotations", [])]   # a phase's name is an annotation (it takes clicks)
    out += [("phase name", ((s.get("label") or {}).get("font") or {}).get("color") or default, None)
            for s in layout.get("shapes", []) if (s.get("label") or {}).get("text")]
    for axis in ("xaxis", "yaxis", "xaxis2"):
        ax = layout.get(axis) or {}
        if ax:
            out.append((f"{axis} ticks", (ax.get("tickfont") or {}).get("color") or default, None))
    if layout.get("showlegend", True) and any(t.get("showlegend", True) for t in fig["data"]):
        out.append(("legend", ((layout.get("legend") or {}).get("font") or {}).get("color") or default, None))
    out += [(f"{t.get('name')} text", c, None) for t in fig["data"] if "text" in t.get("mode", "")
            for c in _colours((t.get("textfont") or {}).get("color")) or [default]]
    return out


PALE = ("#ffff00", "#f0f0f0", "#aee1f9", "#ffd1dc", "#000000", "#1a1a1a")   # what someone's data might hold


def pale_dataset():
    """The bundled dataset with pale (and, for the dark theme, very dark) lane colours."""
    ds = timeline.load()
    actors = ds.actors.copy()
    actors["colour"] = [PALE[i % len(PALE)] for i in range(len(actors))]
    return dataclasses.replace(ds, actors=actors)


def _figures():
    bundled = timeline.load()
    plain = synthetic(400, actors=len(PALETTE))   # no colours given: the default palette, all of it
    return {
        "bundled": timeline.figure(bundled).to_dict(),
        "bundled, an event selected": timeline.figure(bundled, "event=hanoi-summit").to_dict(),
        "bundled, Dutch": timeline.figure(bundled, "lang=nl").to_dict(),
        "bundled, dark theme": timeline.figure(bundled, "event=hanoi-summit", theme="dark").to_dict(),
        "default palette": timeline.figure(plain).to_dict(),
        "default palette, dark theme": timeline.figure(plain, theme="dark").to_dict(),
        "pale colours in the data": timeline.figure(pale_dataset(), "event=hanoi-summit").to_dict(),
        "pale colours, dark theme": timeline.figure(pale_dataset(), theme="dark").to_dict(),
    }


FIGURES = _figures()


@pytest.mark.parametrize("name", FIGURES)
def test_every_mark_keeps_3_to_1_against_the_plot(name):
    fig = FIGURES[name]
    found = marks(fig)
    assert len({c for _, c, _ in found}) >= 5   # the walk found the lanes' colours
    low = sorted({(what, colour, round(min(ratio(over(colour, bg, opacity), bg) for bg in backgrounds(fig["layout"])), 2))
                  for what, colour, opacity in found}, key=lambda x: x[2])
    assert [x for x in low if x[2] < MARK] == []


@pytest.mark.parametrize("name", FIGURES)
def test_every_text_on_the_chart_keeps_4_5_to_1(name):
    fig = FIGURES[name]
    found = texts(fig)
    if name.startswith("bundled"):   # the walk found the labels and the phase names
        assert any(w.startswith("label") for w, _, _ in found) and any(w == "phase name" for w, _, _ in found)
    plots = backgrounds(fig["layout"])

    def worst(colour, box):   # on the plot, or on the text's own box drawn over the plot
        return min(ratio(over(colour, bg), bg) for bg in ([over(box, p) for p in plots] if box else plots))

    low = sorted({(what, colour, round(worst(colour, box), 2)) for what, colour, box in found})
    assert [x for x in low if x[2] < TEXT] == []


def test_the_default_palette_is_accessible_and_its_colours_stay_apart():
    white = (255, 255, 255)
    assert len(set(PALETTE)) == len(PALETTE) >= 12
    assert [c for c in PALETTE if ratio(over(c, white), white) < MARK] == []

    def lab(c):
        def f(t):
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
        lin = [((v / 255) / 12.92 if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4) for v in rgba(c)[:3]]
        x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
        y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883
        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    # CIE76 distance: below about 20 two lanes' colours are easily confused side by side
    close = [(a, b) for a, b in itertools.combinations(PALETTE, 2)
             if sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5 < 20]
    assert close == []


def test_legible_colours_are_drawn_as_given():
    """The bundled lanes' colours and the palette pass as they are: drawn exactly as given."""
    ds = timeline.load()
    drawn = {t["name"]: t["marker"]["color"] for t in FIGURES["bundled"]["data"]
             if "markers" in t.get("mode", "") and isinstance((t.get("marker") or {}).get("color"), str)
             and t.get("name") in set(ds.actors["name"])}
    given = dict(zip(ds.actors["name"], ds.actors["colour"]))
    assert drawn and all(given[n] == c for n, c in drawn.items())
    used = {t["marker"]["color"] for t in FIGURES["default palette"]["data"]
            if isinstance((t.get("marker") or {}).get("color"), str) and t["marker"]["color"].startswith("#")}
    assert used == set(PALETTE)


def test_a_pale_colour_is_darkened_not_replaced():
    """A yellow lane stays yellow, only dark enough to see (its hue kept, not swapped for grey)."""
    fig = FIGURES["pale colours in the data"]
    yellows = {t["marker"]["color"] for t in fig["data"] if t.get("name") == "Donald Trump"
               and isinstance((t.get("marker") or {}).get("color"), str)}
    assert yellows and all(c != "#ffff00" for c in yellows)
    for c in yellows:
        r, g, b, _ = rgba(c)
        assert r == g and b == 0 and r > 60   # still a yellow (olive), dark enough for 3:1


def test_the_check_can_fail():
    """The old palette's orange and the old translucent connector were below 3:1."""
    white = (255, 255, 255)
    assert ratio(over("#ff7f0e", white), white) < MARK
    assert ratio(over("rgba(90,90,90,0.55)", white), white) < MARK

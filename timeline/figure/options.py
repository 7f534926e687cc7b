"""How a figure is asked for and what it turned out to be: `Options` (size, theme, level of detail),
`FigureInfo` (what a page needs to know about a built figure), and the numbers that size it."""
from __future__ import annotations

from dataclasses import dataclass, fields

from ..view import View

GL_THRESHOLD = 2000        # lane points above which markers and lines use WebGL
MAX_LABELLED = 300         # more events than this in view: no labels
MAX_QUOTE = 140            # characters of a quote in the hover
LABEL_CHARS = 36           # a label is the title cut to this many characters (the page may cut it further)
HOVER_CHARS = 120          # a title or date in the hover is cut to this many (the details have it whole)
LANE_CHARS = 40            # a lane's tick label is the actor's name cut to this many
LANE_KEY_CHARS = 200       # a lane's category (in every point of its traces) is its name cut to this many
LABEL_FONT_PX = 11
CHAR_PX = 6.6              # estimated width of one label character at LABEL_FONT_PX
LABEL_GAP_PX = 10          # space kept between two labels, and after the marker
DEFAULT_WIDTH_PX = 1100    # plot width assumed for label fitting when no width is given
LEGEND_PX = 170
RANGE_MARGIN = 0.03        # default range: the whole dataset plus this fraction on each side
CACHE_SIZE = 16
LOD_LIMIT = 4000           # lane items in view above which a level-of-detail figure draws lanes as density
LOD_BINS = 60              # density bins across the visible range (the figure spans three such ranges):
                           # about the largest marker apart at 1,000 px; plotly pays per point, twice
                           # about the largest marker apart at 1,000 px; plotly pays per point, twice
MARKER_PX = 11
SELECTED_PX = 20
BAND_PX = 14               # thickness of a precision band
SPAN_PX = 9                # thickness of a span bar
DARK = "#111111"
# Colours drawn on the plot besides the lanes' (tests/figure/test_contrast.py: marks keep 3:1 and
# text 4.5:1 against the plot and its phase shading). Lane colours are drawn opaque; only the
# precision band behind an imprecise marker is a pale wash of it (PRECISION_ALPHA).
INK = "#333333"            # text on the plot: event labels, the '?' of a disputed involvement
PHASE_INK = "#555555"      # phase names
CONNECTOR = "#808080"      # the line joining the lanes of a shared event
PHASE_FILLS = ("rgba(120,120,160,0.07)", "rgba(160,130,90,0.07)")
PRECISION_ALPHA = 0.25
VIEW_KEYS = tuple(f.name for f in fields(View))
THEMES = {"light": "plotly_white", "dark": "plotly_dark"}
HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}%{customdata[3]}<extra>%{fullData.name}</extra>"
# Marker symbols by how certain the date is.
SYMBOL_EXACT, SYMBOL_IMPRECISE, SYMBOL_CIRCA = "circle", "circle-open", "diamond-open"
SYMBOL_BEFORE, SYMBOL_AFTER = "triangle-left-open", "triangle-right-open"


@dataclass(frozen=True)
class Options:
    """How the figure is laid out, apart from the view: size in pixels and theme."""

    height: int | None = None
    width: int | None = None
    theme: str = "light"
    lod: bool = False       # level of detail: density when zoomed out, only a window around the view when in


@dataclass(frozen=True)
class FigureInfo:
    """What a page needs to know about a built figure, so nobody re-reads the figure to guess.

    lod     level of detail: 'density' (lanes as density), 'window' (full detail near the view) or None
    webgl   whether any trace is WebGL (the page needs the 'plotly-gl' bundle)
    lanes   (actor id, lane name) per lane, top first
    """

    lod: str | None = None
    webgl: bool = False
    lanes: tuple[tuple[str, str], ...] = ()

    @property
    def bundle(self) -> str:
        """The partial plotly.js bundle that draws this figure: 'plotly-gl' or 'plotly'."""
        return "plotly-gl" if self.webgl else "plotly"

    @classmethod
    def of(cls, fig: dict) -> "FigureInfo":
        """The info of a figure dict as `build` makes it."""
        meta = fig["layout"].get("meta") or {}
        return cls(lod=meta.get("lod"), webgl=any(t.get("type") == "scattergl" for t in fig["data"]),
                   lanes=tuple((str(i), str(n)) for i, n in meta.get("lanes", ())))

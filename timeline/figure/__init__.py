"""The timeline as a plotly figure: one lane per actor, eras behind, precision and uncertainty visible.

    import timeline
    fig = timeline.figure(actors=["kim"], lang="nl")   # the bundled dataset, Kim only, in Dutch

Drawing rules, as a reader sees them:

- one horizontal lane per actor (actors.csv order, the actor's colour); an event with several
  actors is drawn in each lane and joined by a thin vertical connector;
- moments are markers, spans thick bars from start to end, phases shaded eras behind everything
  with their name at the top;
- a day-precise date is a solid marker; a month- or year-precise one a hollow marker over a faint
  band covering the whole month or year; a circa/before/after/between date a hollow diamond or
  triangle with a dotted whisker over its uncertainty interval; spans with such ends are dashed;
- short titles where they fit, by a stable priority (placement.py; a page fits them again at the
  size it draws, page/static/labels.js), none when more than `MAX_LABELLED` events are in view;
  the selected event is larger, outlined and always labelled;
- years outside 1..9999 switch to a numeric axis in years, with BCE tick labels.

The build is vectorised: a handful of traces per actor, whatever the number of events, WebGL
traces above `GL_THRESHOLD` points, and hover text from a hovertemplate over `customdata`
(event id, title, date, quote). Text from data is HTML-escaped wherever plotly renders markup.

Modules: `api` (figure, figure_json, figure_info, the cache), `builder` (`build`: the orchestration),
`options` (Options, FigureInfo, sizes), `events` (per-event properties and lane items), `traces`,
`placement` (labels), `lod` (level of detail), `axis`, `layout`.
"""
from .api import bundle_for, figure, figure_info, figure_json, redraws_on_zoom, resolve_view, to_json
from .builder import build
from .options import FigureInfo, Options

__all__ = ["figure", "figure_json", "figure_info", "redraws_on_zoom", "bundle_for", "resolve_view", "to_json", "build",
           "FigureInfo", "Options"]

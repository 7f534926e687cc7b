"""timeline: a curated, sourced set of events as an interactive, zoomable timeline.

    import timeline
    ds = timeline.load()                    # the bundled Trump–Kim dataset, validated
    fig = timeline.figure(ds, actors=["kim"], lang="nl")   # a plotly figure, as the app shows it
"""
from .loader import load
from .model import Dataset
from .problems import Problem, ValidationError

__all__ = ["load", "figure", "Dataset", "Problem", "ValidationError"]


def figure(dataset=None, view=None, **options):
    """The plotly figure the app shows, for a dataset and a view; see `timeline.figure_builder.figure`."""
    from .figure_builder import figure as _figure

    return _figure(dataset, view, **options)

"""timeline: a curated, sourced set of events as an interactive, zoomable timeline.

    import timeline
    ds = timeline.load()                    # the bundled Trump–Kim dataset, validated
    ds = timeline.load("data/mine")         # or a dataset folder, a TimelineJS .json / sheet .csv
    fig = timeline.figure(ds, actors=["kim"], lang="nl")   # a plotly figure, as the app shows it
    fig = timeline.figure("data/mine")      # a path is loaded first
"""
from .figure import figure
from .formats import load
from .model import Dataset
from .problems import Problem, ValidationError

__all__ = ["load", "figure", "Dataset", "Problem", "ValidationError"]

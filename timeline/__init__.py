"""timeline: a curated, sourced set of events as an interactive, zoomable timeline.

    import timeline
    ds = timeline.load()                    # the bundled Trump–Kim dataset, validated
    ds = timeline.load("data/mine")         # or a dataset folder, a TimelineJS .json / sheet .csv
    fig = timeline.figure(ds, actors=["kim"], lang="nl")   # a plotly figure, as the app shows it
    fig = timeline.figure("data/mine")      # a path is loaded first
"""
from .loader import load
from .model import Dataset
from .problems import Problem, ValidationError

__all__ = ["load", "figure", "Dataset", "Problem", "ValidationError"]


def figure(dataset=None, view=None, **options):
    """The plotly figure the app shows, for a dataset and a view; see `timeline.figure_builder.figure`.

    dataset: a `Dataset` from `timeline.load(...)`, a path (a dataset folder or file, loaded here),
    or None for the bundled dataset.
    """
    import os

    from .figure_builder import figure as _figure

    if isinstance(dataset, (str, os.PathLike)):
        dataset = load(dataset)
    elif dataset is not None and not isinstance(dataset, Dataset):
        raise TypeError(f"timeline.figure: expected a Dataset from timeline.load(...) or a path, "
                        f"not {type(dataset).__name__}")
    return _figure(dataset, view, **options)

"""What the routes and callbacks of one server share: its dataset getter and settings, kept in
the Flask app's config, so route and callback functions live at module level and one process can
run several apps (each test app has its own dataset)."""
from __future__ import annotations

from flask import current_app

from ..model import Dataset
from ..store import DatasetStore

KEY = "TIMELINE"


def getter(data):
    """A callable giving the current Dataset: from a Dataset, a store (anything with .get()), a
    callable, or a path (None: the bundled dataset), which is loaded into a DatasetStore."""
    if isinstance(data, Dataset):
        return lambda: data
    if callable(getattr(data, "get", None)):
        return data.get
    if callable(data):
        return data
    return DatasetStore(data).get


def install(server, **settings) -> None:
    """Keep `settings` (get: the dataset getter, and the route options) on a Flask server."""
    server.config.setdefault(KEY, {}).update(settings)


def setting(name: str, default=None):
    """A setting of the app handling the current request."""
    return current_app.config.get(KEY, {}).get(name, default)


def dataset() -> Dataset:
    """The dataset of the app handling the current request."""
    return current_app.config[KEY]["get"]()

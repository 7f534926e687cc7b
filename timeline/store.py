"""The dataset a running server shows, reloaded when its files change, never half-loaded.

`DatasetStore.get()` returns the current dataset. When the files on disk change (checked at
most every `interval` seconds), the store loads them again; if the new version has problems,
it keeps serving the last good dataset and keeps the report in `problems` for the app to
show. A load that races with an editor (a file changing or vanishing mid-read) is just a
failed load: the next check tries again.
"""
from __future__ import annotations

import gc
import logging
import os
import pickle
import threading
import time
from pathlib import Path

from .formats import DEFAULT_DATASET, load
from .model import Dataset
from .problems import Problem, ValidationError

log = logging.getLogger("timeline.store")

def fingerprint(path: Path) -> tuple:
    """Names, sizes and modification times of the files that make up a dataset."""
    p = Path(path)
    files = sorted(p.rglob("*")) if p.is_dir() else [p]
    out = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        if f.is_file():
            out.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(out)


# Datasets whose files add up to at least this many bytes are loaded in a child process.
COMPACT_BYTES = 2 * 1024 * 1024


def load_compact(path: Path) -> Dataset:
    """`load(path)`; for a large dataset, in a forked child process that hands it back pickled.

    Why: loading makes several times the finished dataset in short-lived objects (parsed
    rows, cells, checks). Freed, they stay in this process's heap, pinned by the survivors
    between them: 100,000 events took 430 MiB of RSS for about 115 MiB of tables and seed
    text. Unpickled here, the dataset is laid out in one piece and the garbage dies with the
    child. Only where it is safe and worth it: os.fork exists, this process runs one thread
    (a start-up load, not a reload beside a serving thread), and the files are large. Problems
    come back as problems; any other failure of the child loads in this process instead, so
    its real error shows.
    """
    size = sum(entry[1] for entry in fingerprint(path))
    if not hasattr(os, "fork") or threading.active_count() > 1 or size < COMPACT_BYTES:
        return load(path)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:   # the child: load, write the answer, exit without running the parent's code
        status = 1
        try:
            os.close(read)
            try:
                answer = ("dataset", load(path))
            except ValidationError as e:
                answer = ("problems", e.problems)
            with os.fdopen(write, "wb") as out:
                pickle.dump(answer, out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    try:
        with os.fdopen(read, "rb") as got:
            kind, value = pickle.load(got)
    except Exception:   # noqa: BLE001 (the child failed: load here, where its error shows)
        kind, value = None, None
    finally:
        os.waitpid(pid, 0)
    gc.collect()
    if kind == "problems":
        raise ValidationError(value)
    return value if kind == "dataset" else load(path)


class DatasetStore:
    """Holds the last good dataset for a path; reloads on change; reports a bad reload."""

    def __init__(self, path: str | Path | None = None, interval: float = 2.0):
        self.path = Path(path) if path is not None else DEFAULT_DATASET
        self.interval = interval
        self.problems: list[Problem] = []
        self._lock = threading.Lock()
        self._checked = time.monotonic()
        self._print = fingerprint(self.path)
        self._dataset = load_compact(self.path)   # the first load must succeed: raises ValidationError
        self.version = 1

    def get(self) -> Dataset:
        now = time.monotonic()
        if self.interval >= 0 and now - self._checked >= self.interval and self._lock.acquire(blocking=False):
            try:
                self._checked = now
                self._reload_if_changed()
            finally:
                self._lock.release()
        return self._dataset

    def _reload_if_changed(self) -> None:
        current = fingerprint(self.path)
        if current == self._print:
            return
        try:
            dataset = load(self.path)
        except ValidationError as e:
            self.problems = e.problems
            log.warning("%s changed but has problems; still serving the last good version. %s",
                        self.path, e.report(limit=20))
        except OSError as e:   # a file vanished between listing and reading
            self.problems = [Problem(str(self.path), None, None, f"cannot read: {e}")]
            log.warning("%s changed but cannot be read (%s); still serving the last good version", self.path, e)
        else:
            if fingerprint(self.path) != current:   # changed while we read: try again next time
                return
            self._dataset, self.problems = dataset, []
            self.version += 1
            log.info("%s reloaded: %d events (version %d)", self.path, len(dataset.events), self.version)
        self._print = current

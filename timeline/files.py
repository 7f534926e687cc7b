"""Writing files without ever losing what a user made.

Every write goes to a temporary file in the same folder, is flushed to disk, and is renamed
into place: a write killed midway leaves the previous file whole. An existing file or folder
is never replaced unless the caller says `force=True`.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class WouldOverwrite(Exception):
    """The target exists and `force` was not given."""

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(f"{self.path} exists; use --force to replace it")


def check_target(path: str | Path, force: bool = False) -> Path:
    p = Path(path)
    if p.exists() and not force:
        raise WouldOverwrite(p)
    return p


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _new_file_mode(existing: Path | None = None) -> int:
    """The mode a plain open() would give (0666 less the umask), or that of the file replaced."""
    if existing is not None and existing.exists():
        return existing.stat().st_mode & 0o7777
    return 0o666 & ~_umask()


def write_bytes(path: str | Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` atomically; refuse to replace an existing file unless `force`."""
    p = check_target(path, force)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        os.fchmod(fd, _new_file_mode(p))   # mkstemp makes 0600; a shared export must stay readable
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if p.exists() and not force:   # appeared while we wrote
            raise WouldOverwrite(p)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p


def write_text(path: str | Path, text: str, force: bool = False) -> Path:
    return write_bytes(path, text.encode("utf-8"), force)


def write_folder(path: str | Path, files: dict[str, bytes], force: bool = False) -> Path:
    """Write a folder of files: built beside the target, then swapped in whole.

    The old folder (with `force`) is only removed once the new one is complete.
    """
    p = check_target(path, force)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent))
    try:
        os.chmod(tmp, 0o777 & ~_umask())   # mkdtemp makes 0700
        for name, data in files.items():
            target = tmp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as f:   # plain open(): the umask decides the mode
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        old = None
        if p.exists():
            if not force:
                raise WouldOverwrite(p)
            old = p.with_name(f".{p.name}.old-{os.getpid()}")
            os.replace(p, old)
        os.replace(tmp, p)
        if old is not None:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return p

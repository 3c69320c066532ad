"""Small JSON files the plugin keeps for itself (drafts, last seen statuses), crash-safe.

A file is replaced atomically (written beside it, flushed to disk, then renamed over it),
so a QGIS killed mid-write leaves the previous version or the new one, never half of
each. Writes can go through `BackgroundWriter`, so the UI thread never waits on the disk:
it hands over the serialised text, and only the latest text per file is written.
A file that cannot be read (hand-edited, disk trouble) is moved aside, never deleted.
"""
import json
import logging
import os
import re
import threading
import time
import hashlib
from pathlib import Path
from typing import Dict, Optional

LOG = logging.getLogger("dinamis")


def profile_folder(base, profile_name: str) -> Path:
    """A folder of `base` for one endpoint profile: readable, unique, safe on any system."""
    readable = re.sub(r"[^A-Za-z0-9]+", "-", profile_name).strip("-").lower()[:40] or "profile"
    digest = hashlib.sha1(profile_name.encode("utf-8")).hexdigest()[:8]
    return Path(base) / f"{readable}-{digest}"


def write_atomically(path, text: str) -> None:
    """Replace `path` by `text` so that a crash leaves either the old or the new content."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        rename_durably(tmp, path)
    except OSError:
        try:  # a full disk leaves no half-written temporary file behind
            tmp.unlink()
        except OSError:
            pass
        raise


def rename_durably(written, path) -> None:
    """Give the complete file `written` the name `path` only once its bytes are on the disk
    (a power cut after the rename must not leave a damaged file under that name), then make
    the rename itself durable (the folder synced: POSIX; skipped where a folder cannot be)."""
    with open(written, "ab") as f:  # "ab": writable on every system, appends nothing
        os.fsync(f.fileno())
    os.replace(written, path)
    try:
        fd = os.open(Path(path).parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_json(path) -> Optional[dict]:
    """The JSON object in `path`; None when absent. An unreadable file is moved aside."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        LOG.warning("cannot read %s: %s", path.name, type(error).__name__)
        return None
    try:
        data = json.loads(text)
        if isinstance(data, dict):
            return data
    except ValueError:
        pass
    aside = path.with_name(f"{path.name}.unreadable-{int(time.time())}")
    try:
        os.replace(path, aside)
        LOG.warning("%s was not readable; kept as %s", path.name, aside.name)
    except OSError:
        pass
    return None


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


class BackgroundWriter:
    """One thread writing files atomically; only the latest text per path is written.

    `write(path, text)` returns at once; `flush()` waits until everything handed over is
    on disk (plugin unload, tests).
    """

    def __init__(self):
        self._pending: Dict[Path, str] = {}
        self._busy = 0
        self._cond = threading.Condition()
        self._thread: Optional[threading.Thread] = None

    def write(self, path, text: str) -> None:
        with self._cond:
            self._pending[Path(path)] = text
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="dinamis-files",
                                                daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def flush(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def _run(self) -> None:
        while True:
            with self._cond:
                if not self._pending:
                    if not self._cond.wait(30.0) and not self._pending:
                        self._thread = None  # idle: a later write starts a new thread
                        return
                    continue
                path, text = self._pending.popitem()
                self._busy += 1
            try:
                write_atomically(path, text)
            except OSError as error:
                LOG.warning("cannot write %s: %s", path.name, type(error).__name__)
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()


_WRITER = BackgroundWriter()


def background_writer() -> BackgroundWriter:
    """The process's one writer (every store shares it, so flush() covers them all)."""
    return _WRITER

"""A bounded on-disk cache of public files (quicklooks), keyed by url.

Quicklooks are small, public and immutable for an item, and a user scrolls through the
same results many times: keeping them on disk makes the second look instant. The cache
never grows past `max_bytes`: the least recently used files go first. Only public urls
are cached (never a signed one: the caller checks), and a file is written under a
temporary name then renamed, so a reader never sees half of one. Thread-safe.
"""
import hashlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Optional

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class DiskCache:
    def __init__(self, folder, max_bytes: int = DEFAULT_MAX_BYTES):
        self.folder = Path(folder)
        self.max_bytes = int(max_bytes)
        self._lock = threading.Lock()
        self._total: Optional[int] = None  # bytes on disk, counted on first write

    def path_for(self, url: str, suffix: str = "") -> Path:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / (digest + suffix)

    def get(self, url: str) -> Optional[bytes]:
        """The cached bytes of `url`, or None; a hit counts as a use (for eviction)."""
        path = self.path_for(url)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            os.utime(path)
        except OSError:
            pass
        return data

    def put(self, url: str, data: bytes) -> Path:
        """Store `data` for `url` (replacing any older copy), then trim to the budget."""
        path = self.path_for(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            old_size = path.stat().st_size if path.exists() else 0
            os.replace(temporary, path)
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
        with self._lock:
            if self._total is None:
                self._total = self._measure()
            else:
                self._total += len(data) - old_size
            if self._total > self.max_bytes:
                self._trim()
        return path

    def size(self) -> int:
        with self._lock:
            self._total = self._measure()
            return self._total

    def clear(self) -> None:
        with self._lock:
            for path in self._files():
                try:
                    path.unlink()
                except OSError:
                    pass
            self._total = 0

    def _files(self):
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.glob("??/*") if p.is_file() and
                not p.name.startswith(".part-")]

    def _measure(self) -> int:
        total = 0
        for path in self._files():
            try:
                total += path.stat().st_size
            except OSError:
                pass
        return total

    def _trim(self) -> None:
        """Delete least recently used files until the cache is at 90 % of its budget."""
        entries = []
        for path in self._files():
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
        entries.sort()
        total = sum(size for _mtime, size, _path in entries)
        target = int(self.max_bytes * 0.9)
        for _mtime, size, path in entries:
            if total <= target:
                break
            try:
                path.unlink()
                total -= size
            except OSError:
                pass
        self._total = total

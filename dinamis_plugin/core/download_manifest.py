"""The manifest a batch leaves in its output folder: what each file became, so that the
same batch run again fetches only what is missing or failed, and skips verified files
without reading them again.

`dinamis-downloads.json`, one entry per file (path relative to the folder): item, asset,
the asset's unsigned href (a signed url is a secret: never written), size, modification
time, checksum status, outcome and reason. Written atomically after every file.
"""
import json
import threading
from pathlib import Path
from typing import Optional

from . import signed_url
from .local_files import read_json, write_atomically

MANIFEST_NAME = "dinamis-downloads.json"
VERSION = 1


class DownloadManifest:
    """The manifest of one output folder; thread-safe."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.path = self.folder / MANIFEST_NAME
        self._lock = threading.Lock()
        self._files = self._load()

    def _load(self) -> dict:
        data = read_json(self.path)
        files = data.get("files") if isinstance(data, dict) else None
        return files if isinstance(files, dict) else {}

    def key(self, path) -> str:
        path = Path(path)
        try:
            return path.relative_to(self.folder).as_posix()
        except ValueError:
            return path.as_posix()

    def entry(self, path) -> Optional[dict]:
        with self._lock:
            entry = self._files.get(self.key(path))
            return dict(entry) if isinstance(entry, dict) else None

    def verified_unchanged(self, path, checksum: Optional[str]) -> bool:
        """True when this file was verified by an earlier run and has not changed since
        (same size and modification time, same expected checksum)."""
        entry = self.entry(path)
        if not entry or entry.get("checksum_status") != "verified":
            return False
        if (entry.get("checksum") or None) != (checksum or None):
            return False
        try:
            stat = Path(path).stat()
        except OSError:
            return False
        return entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns

    def record(self, result) -> None:
        """Keep `result` (a FileResult) and write the manifest."""
        request = result.request
        entry = {"item": request.item_id, "collection": request.collection,
                 "asset": request.asset, "href": signed_url.unsigned(request.href)
                 if signed_url.is_signed(request.href) else request.href,
                 "status": result.status, "reason": result.reason,
                 "checksum": request.checksum, "checksum_status": result.checksum_status,
                 "size": result.size, "mtime_ns": None}
        if result.ok:
            try:
                entry["mtime_ns"] = Path(request.path).stat().st_mtime_ns
            except OSError:
                pass
        with self._lock:
            self._files[self.key(request.path)] = entry
            self._write()

    def _write(self) -> None:
        text = json.dumps({"version": VERSION, "files": self._files}, indent=1,
                          ensure_ascii=False)
        try:
            write_atomically(self.path, text)
        except OSError:
            # A full disk must not turn into a second error: the files themselves are
            # what counts; the next run verifies them again without the manifest.
            pass

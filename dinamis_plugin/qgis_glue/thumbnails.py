"""Quicklooks for the results list, fetched in the background and kept on disk.

Quicklooks are public urls: they are fetched as they are, through a plain session with
QGIS's proxy settings and no credentials, never signed (the signer only signs storage
urls, and this module never calls it). `ThumbnailLoader.request(urls)` queues urls; one
QgsTask at a time works through the queue with a few parallel connections, reading the
disk cache first, decoding and scaling off the main thread (QImage is safe there), and
delivers each image through `loaded(url, QImage)` on the main thread as it is ready.
"""
import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QImage

from ..core.disk_cache import DiskCache
from ..core.i18n import tr

LOG = logging.getLogger("dinamis")

THUMBNAIL_SIZE = 96  # px, the longest side kept in memory for the list
PARALLEL = 6  # connections at once, as browsers do per host
MAX_BYTES = 20 * 1024 * 1024  # a quicklook larger than this is not one
CACHE_BYTES = 200 * 1024 * 1024


def cache_folder() -> Path:
    """The quicklook cache, in the QGIS profile's folder (per user, per profile)."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "cache" / "dinamis" / "quicklooks"


_shared_cache: Optional[DiskCache] = None


def shared_cache() -> DiskCache:
    global _shared_cache
    if _shared_cache is None or _shared_cache.folder != cache_folder():
        _shared_cache = DiskCache(cache_folder(), CACHE_BYTES)
    return _shared_cache


def fetch_bytes(url: str, http, cache: DiskCache) -> bytes:
    """A quicklook's bytes, from the cache or the network (then cached). Worker thread."""
    data = cache.get(url)
    if data is not None:
        return data
    response = http.get(url, timeout=(10, 30), stream=True)
    try:
        response.raise_for_status()
        data = response.raw.read(MAX_BYTES + 1, decode_content=True)
        expected = response.headers.get("Content-Length")
        if len(data) > MAX_BYTES or (expected and expected.isdigit()
                                     and "Content-Encoding" not in response.headers
                                     and len(data) != int(expected)):
            raise IOError("quicklook truncated or too large")
    finally:
        response.close()
    if not looks_like_image(data):  # an error page served as 200 is not cached
        raise IOError("not an image")
    cache.put(url, data)
    return data


_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a",
                     b"II*\x00", b"MM\x00*")


def looks_like_image(data: bytes) -> bool:
    """PNG, JPEG, GIF, TIFF or WebP by their first bytes (decoding costs more)."""
    return data.startswith(_IMAGE_SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


class ThumbnailLoader(QObject):
    """Loads quicklook thumbnails in the background; keeps the recent ones in memory."""

    loaded = pyqtSignal(str, QImage)  # url, scaled image (main thread)
    failed = pyqtSignal(str)  # url
    _delivered = pyqtSignal(str, QImage, bool)  # from the worker thread

    def __init__(self, runner, cache: Optional[DiskCache] = None, http_factory=None,
                 memory_items: int = 2000, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.cache = cache
        self._http_factory = http_factory
        self._memory: "OrderedDict[str, QImage]" = OrderedDict()
        self._memory_items = memory_items
        self._queue: "OrderedDict[str, None]" = OrderedDict()
        self._failed = set()
        self._lock = threading.Lock()
        self._task_running = False
        self._http = None
        self._delivered.connect(self._on_delivered)

    def image(self, url: str) -> Optional[QImage]:
        """The thumbnail if already loaded (and keeps it fresh in memory), else None."""
        image = self._memory.get(url)
        if image is not None:
            self._memory.move_to_end(url)
        return image

    def has_failed(self, url: str) -> bool:
        return url in self._failed

    def request(self, urls: Iterable[str]) -> None:
        """Queue urls not loaded yet; the most recently requested are fetched first."""
        start = False
        with self._lock:
            for url in urls:
                if url and url not in self._memory and url not in self._failed:
                    self._queue[url] = None
                    self._queue.move_to_end(url, last=False)
            if self._queue and not self._task_running:
                self._task_running = start = True
        if start:
            self._start_task()

    def clear_queue(self) -> None:
        with self._lock:
            self._queue.clear()

    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    # --- worker ---------------------------------------------------------------------
    def _start_task(self) -> None:
        if self.cache is None:
            self.cache = shared_cache()
        if self._http is None:
            if self._http_factory is None:
                from .plugin_session import new_glue_http_session
                self._http_factory = new_glue_http_session
            try:
                self._http = self._http_factory()
            except Exception:  # noqa: BLE001 - e.g. an unusable proxy: no thumbnails
                with self._lock:
                    self._task_running = False
                    self._queue.clear()
                return
        self.runner.run(tr("Loading DINAMIS quicklooks"), self._work, self._task_over,
                        lambda _message: self._task_over(None))

    def _next_batch(self):
        with self._lock:
            batch = []
            while self._queue and len(batch) < PARALLEL:
                batch.append(self._queue.popitem(last=False)[0])
            if not batch:
                self._task_running = False
            return batch

    def _work(self, cancel: threading.Event):
        with ThreadPoolExecutor(PARALLEL, thread_name_prefix="dinamis-quicklook") as pool:
            while not cancel.is_set():
                batch = self._next_batch()
                if not batch:
                    return
                for url, result in zip(batch, pool.map(self._load_one, batch)):
                    self._delivered.emit(url, result if result is not None else QImage(),
                                         result is not None)
        with self._lock:
            self._task_running = False

    def _load_one(self, url: str) -> Optional[QImage]:
        try:
            data = fetch_bytes(url, self._http, self.cache)
        except Exception as error:  # noqa: BLE001 - a missing quicklook is shown as such
            LOG.info("quicklook not loaded: %s", type(error).__name__)
            return None
        image = QImage.fromData(data)
        if image.isNull():
            return None
        if max(image.width(), image.height()) > THUMBNAIL_SIZE:
            image = image.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE,
                                 Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        return image

    # --- main thread ----------------------------------------------------------------
    def _task_over(self, _result) -> None:
        with self._lock:
            restart = bool(self._queue) and not self._task_running
            if restart:
                self._task_running = True
        if restart:
            self._start_task()

    def _on_delivered(self, url: str, image: QImage, ok: bool) -> None:
        if not ok:
            self._failed.add(url)
            self.failed.emit(url)
            return
        self._memory[url] = image
        while len(self._memory) > self._memory_items:
            self._memory.popitem(last=False)
        self.loaded.emit(url, image)


def full_image(url: str, http=None) -> QImage:
    """The full-size quicklook (cache or network). Worker thread."""
    if http is None:
        from .plugin_session import new_glue_http_session
        http = new_glue_http_session()
    return QImage.fromData(fetch_bytes(url, http, shared_cache()))


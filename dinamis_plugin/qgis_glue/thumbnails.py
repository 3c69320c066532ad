"""Quicklooks for the results list, fetched in the background and kept on disk.

Quicklooks are public urls: they are fetched as they are, with no credentials, never
signed (the signer only signs storage urls, and this module never calls it). The list's
thumbnails go through QGIS's own network manager (QgsNetworkAccessManager: asynchronous,
QGIS's proxy, timeout and SSL settings), a few at once, so they hold none of QGIS's task
threads, which a login or a search would otherwise wait behind (QGIS runs as many tasks
at once as the machine has cores). The disk cache is read, and images decoded and scaled,
on one thread of this loader's own. `ThumbnailLoader.request(urls)` queues urls (the
latest first) and delivers each image through `loaded(url, QImage)` on the main thread.
"""
import logging
from collections import OrderedDict
from pathlib import Path
from typing import Iterable, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QImage

from ..core.disk_cache import DiskCache
from ..core.errors import DinamisError
from ..core.http import call, reaching
from ..core.i18n import tr

LOG = logging.getLogger("dinamis")

THUMBNAIL_SIZE = 96  # px, the longest side kept in memory for the list
PARALLEL = 6  # connections at once, as browsers do per host
READ_AHEAD = 32  # urls looked up in the disk cache at once
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
    # Failures are DinamisErrors saying what happened (unreachable, 404...), never
    # "unexpected problem"; the session's adapter already refuses a cut body.
    response = call(http, "GET", url, timeout=(10, 30), stream=True)
    try:
        with reaching(url):
            data = response.raw.read(MAX_BYTES + 1, decode_content=True)
    finally:
        response.close()
    if len(data) > MAX_BYTES:
        raise DinamisError(tr("This quicklook is larger than a quicklook can be ({mb} MB): "
                              "it was not loaded.").format(mb=MAX_BYTES // 1_000_000))
    if not looks_like_image(data):  # an error page served as 200 is not cached
        raise DinamisError(tr("The server sent something other than a picture for this "
                              "quicklook. Try again later."))
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
    _delivered = pyqtSignal(str, QImage, bool)  # from the loader's thread
    _missing = pyqtSignal(str)  # not in the disk cache: fetch it (main thread)

    def __init__(self, cache: Optional[DiskCache] = None, memory_items: int = 2000,
                 parent=None):
        super().__init__(parent)
        self.cache = cache
        self._memory: "OrderedDict[str, QImage]" = OrderedDict()
        self._memory_items = memory_items
        self._queue: "OrderedDict[str, None]" = OrderedDict()
        self._started = set()  # urls being read, fetched or decoded
        self._to_fetch: "OrderedDict[str, None]" = OrderedDict()  # not in the disk cache
        self._replies = {}  # url -> QNetworkReply in flight
        self._failed = set()
        self._pool = None
        self._delivered.connect(self._on_delivered)
        self._missing.connect(self._fetch_later)

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
        for url in urls:
            if url and url not in self._memory and url not in self._failed \
                    and url not in self._started:
                self._queue[url] = None
                self._queue.move_to_end(url, last=False)
        self._pump()

    def clear_queue(self) -> None:
        """Forget urls not started yet (a new search: the old rows are gone)."""
        self._queue.clear()
        for url in self._to_fetch:
            self._started.discard(url)
        self._to_fetch.clear()

    def pending(self) -> int:
        return len(self._queue) + len(self._started)

    def close(self) -> None:
        """Stop: abort the requests in flight, end the loader's thread."""
        self._queue.clear()
        self._to_fetch.clear()
        self._started.clear()
        for reply in list(self._replies.values()):
            reply.abort()
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    # --- main thread ----------------------------------------------------------------
    def _pump(self) -> None:
        """Look queued urls up in the disk cache (READ_AHEAD at once) and fetch the
        missing ones (PARALLEL at once)."""
        while self._queue and \
                len(self._started) - len(self._replies) - len(self._to_fetch) < READ_AHEAD:
            url = self._queue.popitem(last=False)[0]
            self._started.add(url)
            self._off_main(self._from_disk, url)
        while self._to_fetch and len(self._replies) < PARALLEL:
            self._fetch(self._to_fetch.popitem(last=False)[0])

    def _off_main(self, work, *args) -> None:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="dinamis-quicklooks")
        if self.cache is None:
            self.cache = shared_cache()
        self._pool.submit(work, *args)

    def _fetch_later(self, url: str) -> None:
        if url in self._started:  # not closed meanwhile
            self._to_fetch[url] = None
            self._pump()

    def _fetch(self, url: str) -> None:
        """Ask QGIS's network manager for a quicklook not in the disk cache."""
        from qgis.core import QgsNetworkAccessManager
        from qgis.PyQt.QtCore import QUrl
        from qgis.PyQt.QtNetwork import QNetworkRequest
        request = QNetworkRequest(QUrl(url))
        request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy)
        reply = QgsNetworkAccessManager.instance().get(request)
        self._replies[url] = reply
        reply.downloadProgress.connect(lambda received, _total, r=reply: (
            r.abort() if received > MAX_BYTES else None))
        reply.finished.connect(lambda u=url, r=reply: self._fetched(u, r))

    def _fetched(self, url: str, reply) -> None:
        from qgis.PyQt.QtNetwork import QNetworkReply
        self._replies.pop(url, None)
        ok = reply.error() == QNetworkReply.NetworkError.NoError
        data = bytes(reply.readAll()) if ok else b""
        if not ok:
            LOG.info("quicklook not loaded: network error %s", int(reply.error()))
        reply.deleteLater()
        if ok and self._pool is not None:
            self._off_main(self._from_network, url, data)
        else:
            self._on_delivered(url, QImage(), False)

    def _on_delivered(self, url: str, image: QImage, ok: bool) -> None:
        self._started.discard(url)
        if not ok:
            self._failed.add(url)
            self.failed.emit(url)
        else:
            self._memory[url] = image
            while len(self._memory) > self._memory_items:
                self._memory.popitem(last=False)
            self.loaded.emit(url, image)
        self._pump()

    # --- the loader's thread ----------------------------------------------------------
    def _from_disk(self, url: str) -> None:
        data = self.cache.get(url)
        if data is None:
            self._missing.emit(url)
        else:
            self._deliver(url, data)

    def _from_network(self, url: str, data: bytes) -> None:
        if len(data) > MAX_BYTES or not looks_like_image(data):  # an error page as 200
            LOG.info("quicklook not loaded: not an image")
            self._delivered.emit(url, QImage(), False)
            return
        try:
            self.cache.put(url, data)
        except OSError as error:  # a full disk: shown all the same, not cached
            LOG.info("quicklook not cached: %s", type(error).__name__)
        self._deliver(url, data)

    def _deliver(self, url: str, data: bytes) -> None:
        image = QImage.fromData(data)
        if not image.isNull() and max(image.width(), image.height()) > THUMBNAIL_SIZE:
            image = image.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE,
                                 Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self._delivered.emit(url, image, not image.isNull())


def full_image(url: str, http=None) -> QImage:
    """The full-size quicklook (cache or network). Worker thread."""
    if http is None:
        from .plugin_session import new_glue_http_session
        http = new_glue_http_session()
    image = QImage.fromData(fetch_bytes(url, http, shared_cache()))
    if image.isNull():  # a picture header on a damaged body
        raise DinamisError(tr("This quicklook is damaged: it cannot be shown."))
    return image


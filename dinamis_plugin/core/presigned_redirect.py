"""A loopback helper in front of presigned urls, for the GDAL releases (3.6.0 to 3.6.2,
Debian 12's) that download a whole file to learn its size.

GDAL's `/vsicurl/` asks for a file's size first. A presigned url is valid for GET only,
so GDAL cannot use HEAD and sends a plain GET meant to be cut once the headers arrive;
GDAL 3.6.0-3.6.2 forgets to cut it (OSGeo/gdal#7150, fixed in 3.6.3) and reads the
whole object into memory: gigabytes for one Pléiades image, again after every renewal.

GDAL is handed `http://127.0.0.1:<port>/dinamis-presigned/<key>?url=<presigned url>`
instead, `<key>` a random word of each helper: another program or a web page on this
machine cannot find the helper and use it (it would otherwise probe and redirect for
anyone who reaches the loopback port).
This helper answers GDAL's HEAD with the object's size (learnt from a one-byte range GET
to the storage, remembered per object) and every GET with a redirect to the presigned url,
which GDAL then reads with ranges directly from the storage (and calls directly as long as
the signature lasts). It holds nothing secret: the presigned url travels in the request,
and it redirects only to presigned urls on the storage. It logs nothing: not a request,
not an error (the query holds a presigned url). Its owner stops it on plugin unload.
No qgis import.
"""
import logging
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, Optional
from urllib.parse import parse_qs, quote, urlsplit

import requests

from . import signed_url
from .layer_sources import REDIRECT_PATH as PATH

LOG = logging.getLogger("dinamis")
PROBE_TIMEOUT = (10, 30)


def gdal_needs_it(gdal_version_num: int) -> bool:
    """True for GDAL 3.6.0 to 3.6.2 (GDAL's VersionInfo("VERSION_NUM"), e.g. 3060200)."""
    return 3060000 <= gdal_version_num < 3060300


class PresignedRedirect:
    """The loopback helper; `start()` once, then `url_for(presigned)` for GDAL.

    `allowed(url)` tells which urls may be redirected to (the storage's); `http()` gives
    the requests session the size probes go through (QGIS's proxy).
    """

    def __init__(self, allowed: Callable[[str], bool],
                 http: Callable[[], requests.Session] = requests.Session):
        self.allowed = allowed
        self.http = http
        self._sizes: Dict[str, int] = {}  # unsigned url -> object size
        self._lock = threading.Lock()
        self._server: Optional[ThreadingHTTPServer] = None
        self.path = f"{PATH}/{secrets.token_urlsafe(24)}"  # unguessable, per helper

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.path}"

    def start(self) -> "PresignedRedirect":
        if self._server is None:
            self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
            self._server.daemon_threads = True
            threading.Thread(target=self._server.serve_forever, name="dinamis-redirect",
                             daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def url_for(self, presigned: str) -> str:
        return f"{self.base_url}?url={quote(presigned, safe='')}"

    def size_of(self, presigned: str) -> int:
        """The object's size: from memory, or a one-byte range GET (Content-Range)."""
        key = signed_url.unsigned(presigned)
        with self._lock:
            if key in self._sizes:
                return self._sizes[key]
        with self.http().get(presigned, headers={"Range": "bytes=0-0"}, stream=True,
                             timeout=PROBE_TIMEOUT) as response:
            status = response.status_code
            total = response.headers.get("Content-Range", "").rpartition("/")[2]
        if status != 206 or not total.isdigit():
            raise _Refused(status if status >= 400 else 502)
        with self._lock:
            self._sizes[key] = int(total)
        return int(total)


class _QuietServer(ThreadingHTTPServer):
    """socketserver prints a failed request's traceback to stderr: only its type here."""

    def handle_error(self, request, client_address):
        import sys
        LOG.info("loopback redirect: a request failed (%s)", type(sys.exc_info()[1]).__name__)


class _Refused(Exception):
    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


def _handler_for(helper: PresignedRedirect):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args):  # the query holds a presigned url: never logged
            pass

        def _target(self) -> Optional[str]:
            parts = urlsplit(self.path)
            values = parse_qs(parts.query).get("url") or [""]
            url = values[0]
            if (not secrets.compare_digest(parts.path.encode(), helper.path.encode())
                    or not url.startswith(("http://", "https://"))
                    or any(ord(c) <= 32 or ord(c) == 127 for c in url)  # no header injection
                    or not signed_url.is_signed(url) or not helper.allowed(url)):
                return None
            return url

        def _answer(self, status: int, headers: dict) -> None:
            self.send_response(status)
            for name, value in dict({"Content-Length": "0"}, **headers).items():
                self.send_header(name, value)
            self.end_headers()

        def do_HEAD(self):  # noqa: N802 - http.server's name
            url = self._target()
            if url is None:
                self._answer(403, {})
                return
            try:
                size = helper.size_of(url)
            except _Refused as refused:
                self._answer(refused.status, {})
                return
            except requests.RequestException:
                self._answer(502, {})
                return
            self._answer(200, {"Content-Length": str(size), "Accept-Ranges": "bytes"})

        def do_GET(self):  # noqa: N802 - http.server's name
            url = self._target()
            if url is None:
                self._answer(403, {})
            else:
                self._answer(307, {"Location": url})

    return Handler

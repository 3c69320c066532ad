"""GDAL settings for streaming presigned COGs through `/vsicurl/`, scoped to the storage.

The presigned url is the only credential: no GDAL authentication option is ever set, so
nothing secret can travel to another host with a request. What is set only saves
requests, and only for the storage: path-specific options (`gdal.SetPathSpecificOption`)
on each storage prefix (`/vsicurl/https://host/`), never global ones that would change
how QGIS reads the user's other files:

- `GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR`: no listing of the object's "directory" (S3
  refuses it anyway) and, the directory being empty for GDAL, no probing of .aux.xml,
  .ovr, .msk sidecars. GDAL 3.6 honours this one per path (tested).
- `CPL_VSIL_CURL_ALLOWED_EXTENSIONS`, `GDAL_HTTP_MERGE_CONSECUTIVE_RANGES`,
  `GDAL_HTTP_MAX_RETRY`/`RETRY_DELAY`: GDAL 3.6 reads these only as global options (tested:
  set per path they are ignored; GDAL 3.7 and later read HTTP options per path). They are
  set per path all the same: inert on 3.6, scoped where honoured.

vsicurl's "?option=...&url=" syntax would scope options per url on every version, but
GDAL 3.6 fails to open a percent-encoded presigned url given that way (tested), and it
would put proxy credentials into the layer's source.

QGIS 3.22 does not pass its proxy settings to GDAL (later versions do, globally) and GDAL
3.6 reads proxy and CA options only globally, so `prepare_for` sets GDAL_HTTP_PROXY
(+USERPWD) from QGIS's settings when QGIS names an explicit proxy (the storage not excluded
from it) and nothing (QGIS, the environment, the user) has set one already, and curl's CA
file to the certificates QGIS trusts (qgis_glue.tls: all three options, or a CA file of the
environment would win); `reset` takes back only what it set.

GDAL 3.6.0 to 3.6.2 (Debian 12's) read a whole object into memory to learn its size when
the url is presigned (OSGeo/gdal#7150): on those versions `gdal_source` puts each
presigned url behind core.presigned_redirect's loopback helper, which answers the size
and redirects the reads to the storage. Every source handed to GDAL goes through
`gdal_source`; `layer_sources.without_redirect` gives the url back.
"""
import os
import threading
from typing import Dict, Iterable, Optional, Set
from urllib.parse import urlsplit

from ..core import layer_sources

STORAGE_PATH_OPTIONS = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".tif,.tiff,.TIF,.TIFF",
    "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
    "GDAL_HTTP_MAX_RETRY": "3",
    "GDAL_HTTP_RETRY_DELAY": "1",
}

_lock = threading.RLock()
_prefixes: Set[str] = set()
_hosts: Set[str] = set()  # storage hosts GDAL was prepared for (the redirect's only targets)
_owned: Dict[str, str] = {}  # global options this module set, with their values
_redirect = None  # core.presigned_redirect.PresignedRedirect, on GDAL 3.6.0-3.6.2 only
LOOPBACK = "127.0.0.1"


def vsicurl_path(url: str) -> str:
    """The GDAL dataset name streaming `url`."""
    return gdal_source("/vsicurl/" + url)


def redirect_needed() -> bool:
    from osgeo import gdal
    from ..core.presigned_redirect import gdal_needs_it
    return gdal_needs_it(int(gdal.VersionInfo("VERSION_NUM")))


def redirect_base() -> Optional[str]:
    """The loopback redirect's address when this GDAL needs it (started on first use)."""
    global _redirect
    if not redirect_needed():
        return None
    with _lock:
        if _redirect is None:
            from ..core.presigned_redirect import PresignedRedirect
            _redirect = PresignedRedirect(_allowed, _probe_session).start()
        return _redirect.base_url


def gdal_source(source: str) -> str:
    """`source` as GDAL must be given it: presigned urls behind the loopback redirect on
    GDAL 3.6.0-3.6.2, as they are elsewhere."""
    base = redirect_base()
    if base is None:
        return layer_sources.without_redirect(source)
    return layer_sources.through_redirect(source, base)


def _allowed(url: str) -> bool:
    return (urlsplit(url).hostname or "").lower() in _hosts


_probe_http = None


def _probe_session():
    """The requests session of the redirect's size probes: QGIS's proxy, no login."""
    global _probe_http
    if _probe_http is None:
        from .plugin_session import new_glue_http_session
        _probe_http = new_glue_http_session()
    return _probe_http


def open_probe(source: str):
    """A throw-away QgsRasterLayer, made and dropped off the main thread: it opens `source`
    as QGIS does (header, default statistics), so GDAL's vsicurl cache then holds what
    the main thread reads when it opens the real layer; it also answers band count, CRS
    and statistics."""
    from qgis.core import QgsRasterLayer
    options = QgsRasterLayer.LayerOptions()
    options.loadDefaultStyle = False
    return QgsRasterLayer(source, "", "gdal", options)


def storage_prefix(url: str) -> str:
    """`/vsicurl/<scheme>://<host[:port]>/`: the prefix path-specific options apply to."""
    parts = urlsplit(url)
    return f"/vsicurl/{parts.scheme}://{parts.netloc}/"


def prepare_for(urls: Iterable[str]) -> None:
    """Make GDAL ready to stream `urls` (any thread, idempotent, cheap when done)."""
    from osgeo import gdal
    urls = list(urls)
    with _lock:
        _hosts.update((urlsplit(u).hostname or "").lower() for u in urls)
        for prefix in {storage_prefix(u) for u in urls} - _prefixes:
            for key, value in STORAGE_PATH_OPTIONS.items():
                gdal.SetPathSpecificOption(prefix, key, value)
            _prefixes.add(prefix)
        _follow_qgis_network(gdal, urls)


def _follow_qgis_network(gdal, urls) -> None:
    """Global GDAL options for QGIS's proxy and trusted CAs, where nobody set them."""
    from .proxy import qgis_proxy
    from .tls import gdal_tls_options
    route = qgis_proxy()
    direct = bool(urls) and all(route.is_excluded(u) for u in urls)
    trust = gdal_tls_options()  # QGIS's trust is the plugin's: it replaces the environment's
    wanted = dict({} if direct else route.gdal_options(), **trust)
    for key in set(wanted) | set(_owned):
        current = gdal.GetConfigOption(key)
        ours = _owned.get(key)
        if current is not None and current != ours and key not in trust:
            continue  # a proxy set by QGIS, the environment or the user: theirs
        value = wanted.get(key)
        gdal.SetConfigOption(key, value)
        if value is None:
            _owned.pop(key, None)
        else:
            _owned[key] = value
    if "GDAL_HTTP_PROXY" in _owned and redirect_needed():
        _bypass_proxy_for_loopback()


_no_proxy_before: Dict[str, Optional[str]] = {}  # NO_PROXY variables as they were


def _bypass_proxy_for_loopback() -> None:
    """curl would send the loopback redirect's requests to the proxy too: NO_PROXY."""
    for name in ("NO_PROXY", "no_proxy"):
        hosts = [h for h in os.environ.get(name, "").split(",") if h.strip()]
        if LOOPBACK not in hosts:
            _no_proxy_before.setdefault(name, os.environ.get(name))
            os.environ[name] = ",".join(hosts + [LOOPBACK])


def reset() -> None:
    """Plugin unload: remove the path options and the global ones this module set, and
    stop the loopback redirects (this module's and the clipped downloads')."""
    global _redirect, _probe_http
    from osgeo import gdal

    from ..core import clip
    clip.stop_redirect()
    with _lock:
        if _redirect is not None:
            _redirect.stop()
            _redirect = None
        _probe_http = None
        _hosts.clear()
        for prefix in _prefixes:
            gdal.ClearPathSpecificOptions(prefix)
        _prefixes.clear()
        for key, value in list(_owned.items()):
            if gdal.GetConfigOption(key) == value:
                gdal.SetConfigOption(key, None)
        _owned.clear()
        for name, value in _no_proxy_before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        _no_proxy_before.clear()

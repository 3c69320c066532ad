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
3.6 reads proxy options only globally, so `prepare_for` sets GDAL_HTTP_PROXY(+USERPWD)
from QGIS's settings when QGIS names an explicit proxy and nothing (QGIS, the environment,
the user) has set them already; `reset` takes back only what it set.
"""
import threading
from typing import Dict, Iterable, Set
from urllib.parse import urlsplit

STORAGE_PATH_OPTIONS = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".tif,.tiff,.TIF,.TIFF",
    "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
    "GDAL_HTTP_MAX_RETRY": "3",
    "GDAL_HTTP_RETRY_DELAY": "1",
}

_lock = threading.Lock()
_prefixes: Set[str] = set()
_proxy_set: Dict[str, str] = {}  # global options this module set, with their values


def vsicurl_path(url: str) -> str:
    """The GDAL dataset name streaming `url`."""
    return "/vsicurl/" + url


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
        for prefix in {storage_prefix(u) for u in urls} - _prefixes:
            for key, value in STORAGE_PATH_OPTIONS.items():
                gdal.SetPathSpecificOption(prefix, key, value)
            _prefixes.add(prefix)
        _follow_qgis_proxy(gdal, urls)


def _follow_qgis_proxy(gdal, urls) -> None:
    from .proxy import qgis_proxy
    route = qgis_proxy()
    direct = bool(urls) and all(route.is_excluded(u) for u in urls)
    wanted = {} if direct else route.gdal_options()
    for key in set(wanted) | set(_proxy_set):
        current = gdal.GetConfigOption(key)
        ours = _proxy_set.get(key)
        if current is not None and current != ours:
            continue  # set by QGIS, the environment or the user: theirs
        value = wanted.get(key)
        gdal.SetConfigOption(key, value)
        if value is None:
            _proxy_set.pop(key, None)
        else:
            _proxy_set[key] = value


def reset() -> None:
    """Plugin unload: remove the path options and the proxy options this module set."""
    from osgeo import gdal
    with _lock:
        for prefix in _prefixes:
            gdal.ClearPathSpecificOptions(prefix)
        _prefixes.clear()
        for key, value in list(_proxy_set.items()):
            if gdal.GetConfigOption(key) == value:
                gdal.SetConfigOption(key, None)
        _proxy_set.clear()

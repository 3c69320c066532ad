"""Clipped downloads: only the window of a remote COG that covers an area of interest.

GDAL reads the signed url through `/vsicurl/` with options that spare every needless
request (no directory listing, hence no sidecar probing), set for the calling thread only,
so that QGIS's other GDAL users are untouched. On GDAL 3.6.0-3.6.2, which read a whole
presigned object to learn its size, the url goes behind core.presigned_redirect's
loopback helper (the QGIS glue passes its own, `gdal_streaming.vsicurl_path`). Without reprojection the window is cut on the source pixel grid
(`gdal.Translate` with a source window: the same pixels as the original, and GDAL asks
only for the tiles that hold them); with a target CRS or resolution `gdal.Warp` makes the
area's bounds in that CRS (reading only the source window it needs, from an overview
when it makes the image coarser). Output: a COG or a tiled GeoTIFF, written under a
temporary name and renamed when complete and on the disk.

Signed urls are secrets: GDAL's messages are never shown as they are (they may quote the
url); the error says which file and what to check.
"""
import logging
import math
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional, Tuple

from osgeo import gdal, ogr, osr

from . import presigned_redirect, signed_url
from .errors import DinamisError, redact_text, redact_url
from .i18n import tr
from .local_files import rename_durably

LOG = logging.getLogger("dinamis")
COG, GTIFF = "COG", "GTiff"
RESAMPLING = ("nearest", "bilinear", "cubic", "average")

REMOTE_OPTIONS = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",   # no listing, hence no sidecar probing
    "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
    "GDAL_HTTP_MAX_RETRY": "4",                    # 429 and 5xx, with backoff
    "GDAL_HTTP_RETRY_DELAY": "1",
    "GDAL_HTTP_TIMEOUT": "60",
    "VSI_CACHE": "TRUE",
}
_lock = threading.Lock()
_redirect = None  # presigned_redirect.PresignedRedirect, on GDAL 3.6.0-3.6.2 only
_redirect_hosts = set()  # the hosts of the urls put behind it: its only targets


class ClipError(DinamisError):
    """A window could not be read or written; says which file (never the signed url)."""


@dataclass(frozen=True)
class Area:
    """An area of interest: WKT geometry and its CRS (WKT, "EPSG:4326", any user input
    osr understands)."""

    wkt: str
    crs: str

    def geometry_in(self, target: osr.SpatialReference) -> ogr.Geometry:
        source = _srs(self.crs)
        geometry = ogr.CreateGeometryFromWkt(self.wkt)
        if geometry is None:
            raise ClipError(tr("The area of interest is not a valid geometry."))
        geometry.AssignSpatialReference(source)
        if not source.IsSame(target):
            # densified, so that a rectangle's edges follow the curvature of the projection
            envelope = geometry.GetEnvelope()
            step = max(envelope[1] - envelope[0], envelope[3] - envelope[2]) / 64 or 1
            geometry = geometry.Clone()
            geometry.Segmentize(step)
            transform = osr.CoordinateTransformation(source, target)
            if geometry.Transform(transform) != 0:
                raise ClipError(tr("The area of interest cannot be expressed in the image's "
                                   "coordinate system."))
        return geometry


@dataclass(frozen=True)
class ClipOptions:
    target_crs: Optional[str] = None       # None: the image's own CRS and pixel grid
    resolution: Optional[float] = None     # pixel size in target CRS units
    resampling: str = "bilinear"
    driver: str = COG


def _srs(text: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    if srs.SetFromUserInput(str(text)) != 0:
        raise ClipError(tr("Unknown coordinate reference system: {crs}.").format(crs=text))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


@contextmanager
def remote_reading():
    """GDAL options for reading presigned COGs, for this thread only, restored after."""
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in REMOTE_OPTIONS}
    for key, value in REMOTE_OPTIONS.items():
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        yield
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


def pixel_window(dataset, geometry: ogr.Geometry) -> Optional[Tuple[int, int, int, int]]:
    """(xoff, yoff, xsize, ysize) of the pixels the geometry's envelope touches, within
    the image; None when they do not overlap."""
    x0, dx, rx, y0, ry, dy = dataset.GetGeoTransform()
    if rx or ry:
        raise ClipError(tr("Rotated images cannot be clipped on their own grid; choose a "
                           "target coordinate system."))
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    columns = sorted(((minx - x0) / dx, (maxx - x0) / dx))
    rows = sorted(((maxy - y0) / dy, (miny - y0) / dy))
    left = max(0, int(math.floor(columns[0] + 1e-9)))
    right = min(dataset.RasterXSize, int(math.ceil(columns[1] - 1e-9)))
    top = max(0, int(math.floor(rows[0] + 1e-9)))
    bottom = min(dataset.RasterYSize, int(math.ceil(rows[1] - 1e-9)))
    if right <= left or bottom <= top:
        return None
    return left, top, right - left, bottom - top


def vsicurl_source(url: str) -> str:
    """The GDAL dataset name reading `url`: behind the loopback redirect where this GDAL
    would fetch a presigned object whole, `/vsicurl/` + url elsewhere."""
    global _redirect
    if not (signed_url.is_signed(url) and presigned_redirect.gdal_needs_it(
            int(gdal.VersionInfo("VERSION_NUM")))):
        return "/vsicurl/" + url
    with _lock:
        _redirect_hosts.add(_host(url))
        if _redirect is None:
            from .http import new_http_session
            probes = new_http_session()
            _redirect = presigned_redirect.PresignedRedirect(
                lambda target: _host(target) in _redirect_hosts, lambda: probes).start()
    return "/vsicurl/" + _redirect.url_for(url)


def stop_redirect() -> None:
    """Plugin unload: stop the loopback redirect (started again when needed)."""
    global _redirect
    with _lock:
        if _redirect is not None:
            _redirect.stop()
            _redirect = None
        _redirect_hosts.clear()


def _host(url: str) -> str:
    from urllib.parse import urlsplit
    return (urlsplit(url).netloc or "").lower()


def clip(url: str, destination, area: Area, options: ClipOptions = ClipOptions(),
         cancelled: Optional[Callable[[], bool]] = None,
         progress: Optional[Callable[[float], None]] = None,
         gdal_source: Callable[[str], str] = vsicurl_source) -> Optional[Path]:
    """Write the part of the COG at `url` covering `area` to `destination`; the path, or
    None when the image does not cover the area. Raises ClipError. `gdal_source(url)`
    names the dataset GDAL opens."""
    destination = Path(destination)
    name = destination.name
    temporary = destination.with_name(destination.stem + ".part" + destination.suffix)

    def callback(fraction, _message, _data):
        if progress is not None:
            progress(fraction)
        return 0 if cancelled is not None and cancelled() else 1

    # Overviews made from the clipped pixels, not copied from the source's (which would
    # read the source's overview tiles too).
    creation = (["COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=256", "NUM_THREADS=2",
                 "OVERVIEWS=IGNORE_EXISTING"]
                if options.driver == COG else
                ["COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "BIGTIFF=IF_SAFER"])
    resolution = options.resolution or None  # 0: the image's own, as nothing
    with remote_reading():
        opening = tr("Cannot open {file} remotely").format(file=name)
        with _gdal_errors(opening):
            source = gdal.OpenEx(gdal_source(url), gdal.OF_RASTER | gdal.OF_READONLY)
        try:
            if source is None:
                raise _gdal_failure(opening)
            image_srs = source.GetSpatialRef()
            if image_srs is None:
                raise ClipError(tr("{file} has no coordinate system: it cannot be clipped.")
                                .format(file=name))
            image_srs = image_srs.Clone()
            image_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            window = pixel_window(source, area.geometry_in(image_srs))
            if window is None:
                return None
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ClipError(tr("Cannot write {path}: {problem}").format(
                    path=destination, problem=error.strerror or type(error).__name__)) \
                    from None
            writing = tr("Cannot write the clipped part of {file}").format(file=name)
            try:
                with _gdal_errors(writing):
                    if options.target_crs is None and resolution is None:
                        result = gdal.Translate(str(temporary), source,
                                                format=options.driver, srcWin=list(window),
                                                creationOptions=creation, callback=callback)
                    else:
                        target = _srs(options.target_crs) if options.target_crs else image_srs
                        minx, maxx, miny, maxy = area.geometry_in(target).GetEnvelope()
                        if resolution is not None and resolution > min(maxx - minx,
                                                                       maxy - miny):
                            raise ClipError(_coarse(resolution, maxx - minx, maxy - miny))
                        warp = dict(format=options.driver, dstSRS=target.ExportToWkt(),
                                    outputBounds=(minx, miny, maxx, maxy),
                                    resampleAlg=options.resampling, creationOptions=creation,
                                    multithread=True, callback=callback)
                        if resolution is not None:
                            warp.update(xRes=resolution, yRes=resolution,
                                        targetAlignedPixels=True)
                        result = gdal.Warp(str(temporary), source, **warp)
            except ClipError:
                _remove(temporary)
                if cancelled is not None and cancelled():
                    return None  # GDAL stopped because it was asked to
                raise
            source = None
            if result is None:
                _remove(temporary)
                if cancelled is not None and cancelled():
                    return None
                raise _gdal_failure(writing)
            result = None  # flush and close
        finally:
            source = None
    rename_durably(temporary, destination)
    return destination


def _coarse(resolution: float, width: float, height: float) -> str:
    return tr("The target resolution {resolution} is coarser than the area itself ({width:.6g} "
              "x {height:.6g} in the target coordinate system's units): choose a finer "
              "resolution (in degrees for a geographic system such as EPSG:4326).").format(
                  resolution=resolution, width=width, height=height)


@contextmanager
def _gdal_errors(what: str):
    """GDAL's exceptions (on when anyone called gdal.UseExceptions(): another plugin, the
    console) as a ClipError: their text may quote the signed url, a secret."""
    try:
        yield
    except RuntimeError as error:
        raise _gdal_failure(what, str(error)) from None


def _gdal_failure(what: str, detail: Optional[str] = None) -> ClipError:
    detail = detail if detail is not None else (gdal.GetLastErrorMsg() or "")
    detail = redact_text(detail.replace("/vsicurl/", "")) if detail else ""
    message = what + "."
    if detail:
        message += " " + tr("GDAL said: {detail}").format(detail=detail)
    return ClipError(message)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


class Clipper:
    """Clips a batch of `DownloadRequest`s (their hrefs signed through `signer`) to one
    area, a few at a time; outcomes as the downloader reports them (a window cannot be
    checked against the whole file's checksum: "not checked")."""

    def __init__(self, signer, area: Area, options: ClipOptions = ClipOptions(),
                 workers: int = 2, on_file_done=None,
                 gdal_source: Callable[[str], str] = vsicurl_source):
        self.signer = signer
        self.gdal_source = gdal_source
        self.area = area
        self.options = options
        self.workers = max(1, min(int(workers), 8))
        self.on_file_done = on_file_done

    def run(self, requests_, cancelled: Optional[Callable[[], bool]] = None, folder=None):
        """Clip every request; `folder` (where they go), when given, is checked writable
        first (DinamisError otherwise)."""
        from concurrent.futures import ThreadPoolExecutor
        from .downloads import CANCELLED, DownloadReport, writable_folder
        stop = threading.Event()

        def stopped():
            return stop.is_set()

        if folder is not None:
            writable_folder(folder)
        requests_ = list(requests_)
        with ThreadPoolExecutor(self.workers, thread_name_prefix="dinamis-clip") as pool:
            futures = [pool.submit(self._one, r, stopped) for r in requests_]
            while not all(f.done() for f in futures):
                if cancelled is not None and cancelled():
                    stop.set()
                threading.Event().wait(0.1)
        results = [f.result() for f in futures]
        return DownloadReport(results=results,
                              cancelled=stop.is_set() and any(r.status == CANCELLED
                                                              for r in results))

    def _one(self, request, stopped):
        from .downloads import CANCELLED, DOWNLOADED, FAILED, NOT_CHECKED, OUTSIDE, FileResult
        request = replace(request, path=Path(request.path).with_suffix(".tif"))
        if stopped():
            return FileResult(request, CANCELLED, reason=tr("Cancelled."))
        try:
            url = self.signer.sign_url(request.href) if self.signer else request.href
            written = clip(url, request.path, self.area, self.options, stopped,
                           gdal_source=self.gdal_source)
        except DinamisError as error:
            result = FileResult(request, FAILED, NOT_CHECKED, reason=str(error))
        except Exception as error:  # noqa: BLE001 - one image's bug must not sink the batch
            LOG.warning("clip of %s failed: %s", redact_url(request.href), type(error).__name__)
            result = FileResult(request, FAILED, NOT_CHECKED, reason=tr(
                "Unexpected problem ({kind}).").format(kind=type(error).__name__))
        else:
            if written is not None:
                result = FileResult(request, DOWNLOADED, NOT_CHECKED, written.stat().st_size)
            elif stopped():
                result = FileResult(request, CANCELLED, reason=tr("Cancelled."))
            else:
                result = FileResult(request, OUTSIDE, NOT_CHECKED,
                                    reason=tr("The image does not cover the area."))
        if self.on_file_done is not None:
            self.on_file_done(result)
        return result

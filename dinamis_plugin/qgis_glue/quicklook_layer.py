""""Quicklook on map": an item's quicklook image georeferenced on its footprint.

A quicklook is a plain picture of the scene, north up, whose corners are the corners of
the footprint. Four GCPs (picture corner -> footprint corner) and a thin-plate-spline warp
with GDAL make a small GeoTIFF in EPSG:4326 with transparency outside the scene, kept in
the profile's cache folder so the layer still opens with a saved project. The warp runs
on a worker thread (`georeference`); the layer is made on the main thread (`raster_layer`).
"""
import os
import tempfile
import uuid
from pathlib import Path
from typing import List

from qgis.core import QgsGeometry, QgsPointXY, QgsRasterLayer

from ..core.disk_cache import DiskCache
from ..core.errors import DinamisError
from ..core.i18n import tr
from .thumbnails import cache_folder

GEOREFERENCED_BYTES = 500 * 1024 * 1024


def georeferenced_cache() -> DiskCache:
    return DiskCache(cache_folder().parent / "quicklooks-on-map", GEOREFERENCED_BYTES)


def footprint_corners(footprint: QgsGeometry) -> List[QgsPointXY]:
    """The footprint's four corners in picture order: north-west, north-east,
    south-east, south-west. A polygon with more vertices uses its oriented minimum
    bounding rectangle."""
    ring = _outer_ring(footprint)
    distinct = []
    for point in ring:
        if not any(point.compare(p, 1e-12) for p in distinct):
            distinct.append(point)
    if len(distinct) != 4:
        rectangle = footprint.orientedMinimumBoundingBox()[0]
        distinct = _outer_ring(rectangle)[:4]
    box = footprint.boundingBox()
    targets = [QgsPointXY(box.xMinimum(), box.yMaximum()),
               QgsPointXY(box.xMaximum(), box.yMaximum()),
               QgsPointXY(box.xMaximum(), box.yMinimum()),
               QgsPointXY(box.xMinimum(), box.yMinimum())]
    corners, left = [], list(distinct)
    for target in targets:
        nearest = min(left, key=lambda p: p.sqrDist(target))
        left.remove(nearest)
        corners.append(nearest)
    return corners


def _outer_ring(geometry: QgsGeometry) -> List[QgsPointXY]:
    if geometry.isMultipart():
        polygons = geometry.asMultiPolygon()
        polygon = max(polygons, key=lambda p: QgsGeometry.fromPolygonXY(p).area())
    else:
        polygon = geometry.asPolygon()
    return list(polygon[0]) if polygon else []


def georeference(image_bytes: bytes, footprint: QgsGeometry, key: str) -> str:
    """A GeoTIFF path: the picture warped onto the footprint (EPSG:4326). Worker thread."""
    from osgeo import gdal
    cache = georeferenced_cache()
    cached = cache.path_for(key)
    if cached.exists():
        cache.get(key)  # counts as a use
        return str(cached)
    corners = footprint_corners(footprint)
    source = f"/vsimem/dinamis-quicklook-{uuid.uuid4().hex}"
    gdal.FileFromMemBuffer(source, image_bytes)
    folder = cached.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-", suffix=".tif")
    os.close(handle)
    try:
        picture = gdal.Open(source)
        if picture is None:
            raise DinamisError(tr("The quicklook is not an image GDAL can read."))
        width, height = picture.RasterXSize, picture.RasterYSize
        pixels = [(0, 0), (width, 0), (width, height), (0, height)]
        gcps = [gdal.GCP(c.x(), c.y(), 0, px, py) for c, (px, py) in zip(corners, pixels)]
        expand = "rgba" if picture.GetRasterBand(1).GetColorTable() is not None else None
        with_gcps = gdal.Translate(source + ".vrt", picture, format="VRT", GCPs=gcps,
                                   outputSRS="EPSG:4326", rgbExpand=expand)
        has_alpha = with_gcps.GetRasterBand(with_gcps.RasterCount).GetColorInterpretation() \
            == gdal.GCI_AlphaBand
        warped = gdal.Warp(temporary, with_gcps, format="GTiff", dstSRS="EPSG:4326",
                           tps=True, dstAlpha=not has_alpha, resampleAlg="bilinear",
                           creationOptions=["COMPRESS=DEFLATE"])
        if warped is None:
            raise DinamisError(tr("The quicklook could not be placed on its footprint."))
        warped = with_gcps = picture = None
        data = Path(temporary).read_bytes()
    except RuntimeError:  # GDAL with exceptions on
        raise DinamisError(tr("The quicklook could not be placed on its footprint.")) from None
    finally:
        for name in (source, source + ".vrt"):
            gdal.Unlink(name)
        try:
            os.unlink(temporary)
        except OSError:
            pass
    return str(cache.put(key, data))


def raster_layer(path: str, name: str) -> QgsRasterLayer:
    """The georeferenced quicklook as a layer (main thread)."""
    layer = QgsRasterLayer(path, name, "gdal")
    if not layer.isValid():
        raise DinamisError(tr("The georeferenced quicklook could not be opened."))
    return layer


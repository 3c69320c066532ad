""""Quicklook on map": an item's quicklook image georeferenced on its footprint.

A quicklook is a plain picture of the scene, north up, whose corners are the corners of
the footprint. Four GCPs (picture corner -> footprint corner) and a thin-plate-spline warp
with GDAL make a small GeoTIFF in EPSG:4326 with transparency outside the scene, kept in
the profile's cache folder so the layer still opens with a saved project. The warp runs
on a worker thread (`georeference`); the layer is made on the main thread (`raster_layer`).
"""
import logging
import os
import tempfile
import uuid
from pathlib import Path
from typing import List

from qgis.core import (QgsGeometry, QgsLayerTreeGroup, QgsPointXY, QgsProject,
                       QgsRasterLayer)

from ..core.disk_cache import DiskCache
from ..core.errors import DinamisError
from ..core.i18n import tr
from . import thumbnails
from .footprints import footprint_geometry, thumbnail_href

LOG = logging.getLogger("dinamis")
GEOREFERENCED_BYTES = 500 * 1024 * 1024


def georeferenced_cache() -> DiskCache:
    return DiskCache(thumbnails.cache_folder().parent / "quicklooks-on-map", GEOREFERENCED_BYTES)


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



def add_quicklooks(items, runner, on_done=None, on_error=None) -> None:
    """Georeference each item's quicklook on its footprint (a task), then add the layers
    to a "DINAMIS quicklooks" group; `on_done(layers)`, `on_error(message)` for problems."""
    jobs = [(i, thumbnail_href(i), footprint_geometry(i.get("geometry"))) for i in items]
    jobs = [(i, url, g) for i, url, g in jobs if url and not g.isEmpty()]
    if not jobs:
        if on_error is not None:
            on_error(tr("These images have no quicklook to place on the map."))
        return

    def work(cancel):
        from .plugin_session import new_glue_http_session
        http = new_glue_http_session()  # no credentials: quicklooks are public
        done, failed = [], 0
        for item, url, footprint in jobs:
            if cancel.is_set():
                break
            try:
                data = thumbnails.fetch_bytes(url, http, thumbnails.shared_cache())
                done.append((item, georeference(data, footprint, url)))
            except Exception as error:  # noqa: BLE001 - one bad quicklook, not the rest
                LOG.info("quicklook not placed: %s", type(error).__name__)
                failed += 1
        return done, failed

    def ready(result):
        done, failed = result
        layers, group = [], _quicklook_group()
        for item, path in done:
            properties = item.get("properties") or {}
            name = " ".join(str(p) for p in (properties.get("platform"),
                                             str(properties.get("datetime") or "")[:10],
                                             tr("quicklook")) if p)
            try:
                layer = raster_layer(path, name)
            except DinamisError:
                failed += 1
                continue
            layer.setCustomProperty("dinamis/item_id", item.get("id"))
            QgsProject.instance().addMapLayer(layer, False)
            group.insertLayer(0, layer)
            layers.append(layer)
        if failed and on_error is not None:
            on_error(tr("{count} quicklooks could not be placed on the map (missing or not "
                        "an image).").format(count=failed))
        if on_done is not None:
            on_done(layers)

    runner.run(tr("Placing DINAMIS quicklooks on the map"), work, ready, on_error)


def _quicklook_group() -> QgsLayerTreeGroup:
    root = QgsProject.instance().layerTreeRoot()
    name = tr("DINAMIS quicklooks")
    group = root.findGroup(name)
    if group is None:
        group = root.insertGroup(0, name)
    return group

"""Areas of interest for a catalogue search, from whatever the user has in QGIS.

Every area ends as what the STAC API takes: a bbox or a GeoJSON geometry in EPSG:4326
(`Aoi.bbox` / `Aoi.geometry`), with a short label for the dock's chip. Geometries come
from the map extent, a drawn rectangle or polygon, the selected features of any layer in
any CRS, or a vector file; they are transformed with QGIS's own transforms. A geometry
with thousands of vertices would make a search request of megabytes: it is simplified
(within a tolerance far below a scene's size) and the user is told.
"""
import json
from dataclasses import dataclass
from typing import Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry,
                       QgsProject, QgsRectangle, QgsVectorLayer, QgsWkbTypes)

from ..core.errors import DinamisError
from ..core.i18n import tr

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MAX_VERTICES = 500

MAP_EXTENT, RECTANGLE, POLYGON, LAYER, FILE = "map", "rectangle", "polygon", "layer", "file"


@dataclass
class Aoi:
    """An area of interest: `kind` (one of the constants above), a label for people, and
    either a bbox (west, south, east, north) or a GeoJSON geometry, in degrees."""

    kind: str
    label: str
    bbox: Optional[tuple] = None
    geometry: Optional[dict] = None
    simplified: bool = False

    def to_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label,
                "bbox": list(self.bbox) if self.bbox else None, "geometry": self.geometry}

    @classmethod
    def from_dict(cls, data) -> Optional["Aoi"]:
        if not isinstance(data, dict) or not data.get("kind"):
            return None
        bbox = data.get("bbox")
        return cls(str(data["kind"]), str(data.get("label") or ""),
                   tuple(bbox) if bbox else None, data.get("geometry"))

    def qgs_geometry(self) -> QgsGeometry:
        """The area as a QgsGeometry in EPSG:4326 (for drawing it)."""
        if self.bbox:
            return QgsGeometry.fromRect(QgsRectangle(*self.bbox))
        from .footprints import footprint_geometry
        if self.geometry and self.geometry.get("type") in ("Polygon", "MultiPolygon"):
            return footprint_geometry(self.geometry)
        return QgsGeometry()


def to_wgs84(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
    geometry = QgsGeometry(geometry)
    if crs.isValid() and crs != WGS84:
        transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
        geometry.transform(transform)
    return geometry


def rectangle_aoi(rectangle: QgsRectangle, crs, kind: str = RECTANGLE,
                  label: Optional[str] = None) -> Aoi:
    """A rectangle in any CRS as a bbox in degrees (its whole transformed extent)."""
    if crs.isValid() and crs != WGS84:
        transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
        rectangle = transform.transformBoundingBox(rectangle)
    west, south = max(-180.0, rectangle.xMinimum()), max(-90.0, rectangle.yMinimum())
    east, north = min(180.0, rectangle.xMaximum()), min(90.0, rectangle.yMaximum())
    if label is None:
        label = tr("Map extent") if kind == MAP_EXTENT else tr("Drawn rectangle")
    return Aoi(kind, label, bbox=tuple(round(v, 6) for v in (west, south, east, north)))


def geometry_aoi(geometry: QgsGeometry, crs, kind: str, label: str) -> Aoi:
    """A (multi)polygon in any CRS as a GeoJSON geometry in degrees, simplified if huge;
    lines and points are buffered to nothing: they give their extent instead."""
    if geometry is None or geometry.isEmpty():
        raise DinamisError(tr("The area of interest is empty: draw or select a polygon."))
    geometry = to_wgs84(geometry, crs)
    if geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
        return rectangle_aoi(geometry.boundingBox(), WGS84, kind, label)
    geometry = geometry.makeValid() if not geometry.isGeosValid() else geometry
    simplified = False
    if _vertex_count(geometry) > MAX_VERTICES:
        geometry = _simplified(geometry)
        simplified = True
    return Aoi(kind, label, geometry=json.loads(geometry.asJson(6)), simplified=simplified)


def selection_aoi(layer: QgsVectorLayer) -> Aoi:
    """The selected features of `layer` (all of them if none is selected), unioned."""
    features = list(layer.getSelectedFeatures()) if layer.selectedFeatureCount() else []
    if not features:
        raise DinamisError(tr("Select one or more features of \"{layer}\" first (or pick "
                              "another layer).").format(layer=layer.name()))
    geometry = QgsGeometry.unaryUnion([f.geometry() for f in features if f.hasGeometry()])
    label = tr("{count} selected in {layer}").format(count=len(features), layer=layer.name())
    return geometry_aoi(geometry, layer.crs(), LAYER, label)


def file_aoi(path: str) -> Aoi:
    """Every feature of the vector file at `path` (its first layer), unioned."""
    from pathlib import Path
    layer = QgsVectorLayer(path, Path(path).name, "ogr")
    if not layer.isValid():
        raise DinamisError(tr("\"{file}\" could not be read as a vector file (GeoPackage, "
                              "Shapefile, GeoJSON, KML…).").format(file=Path(path).name))
    geometries = [f.geometry() for f in layer.getFeatures() if f.hasGeometry()]
    if not geometries:
        raise DinamisError(tr("\"{file}\" has no geometry to search with.").format(
            file=Path(path).name))
    return geometry_aoi(QgsGeometry.unaryUnion(geometries), layer.crs(), FILE,
                        Path(path).name)


def _vertex_count(geometry: QgsGeometry) -> int:
    return geometry.constGet().nCoordinates() if geometry.constGet() else 0


def _simplified(geometry: QgsGeometry) -> QgsGeometry:
    """Fewer than MAX_VERTICES vertices, growing the tolerance until it fits (a convex
    hull at worst: it still covers the whole area)."""
    extent = geometry.boundingBox()
    tolerance = max(extent.width(), extent.height()) / 2000.0
    for _ in range(12):
        candidate = geometry.simplify(tolerance)
        if candidate and not candidate.isEmpty() and _vertex_count(candidate) <= MAX_VERTICES:
            return candidate
        tolerance *= 2
    return geometry.convexHull()

"""The area a catalogue search covers, from whatever the user has in QGIS.

Every area ends as what the STAC API takes: a bbox or a GeoJSON geometry in EPSG:4326
(`SearchArea.bbox` / `.geometry`), with a short label for the dock's chip and `kind` to
say where it came from (the map extent is taken again when the search runs). Reading
layers and files, projecting and repairing geometries are the area-of-interest toolkit's
(`aoi`, `aoi_files`, shared with requests for new imagery). A geometry with thousands of
vertices would make a search request of megabytes: it is simplified, and the user told.
"""
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from qgis.core import (QgsCoordinateTransform, QgsGeometry, QgsProject, QgsRectangle,
                       QgsWkbTypes)

from ..core.errors import DinamisError
from ..core.i18n import tr
from . import aoi_files
from .aoi import AoiChecker, AoiError, geometry_to_geojson, repair, simplify_to, wgs84

MAX_VERTICES = 500

MAP_EXTENT, RECTANGLE, POLYGON, LAYER, FILE = "map", "rectangle", "polygon", "layer", "file"


@dataclass
class SearchArea:
    """`kind` (one of the constants above), a label for people, and either a bbox (west,
    south, east, north) or a GeoJSON geometry, in degrees."""

    kind: str
    label: str
    bbox: Optional[tuple] = None
    geometry: Optional[dict] = None
    simplified: bool = False

    def to_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label,
                "bbox": list(self.bbox) if self.bbox else None, "geometry": self.geometry}

    @classmethod
    def from_dict(cls, data) -> Optional["SearchArea"]:
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
        polygon = footprint_geometry(self.geometry)
        if not polygon.isEmpty() or not isinstance(self.geometry, dict):
            return polygon
        from osgeo import ogr  # points and lines
        shape = ogr.CreateGeometryFromJson(json.dumps(self.geometry))
        return QgsGeometry.fromWkt(shape.ExportToWkt()) if shape is not None else polygon


class AreaProblem(DinamisError):
    """An area that cannot be searched with; `str()` says why, translated."""


def rectangle_area(rectangle: QgsRectangle, crs, kind: str = RECTANGLE,
                   label: Optional[str] = None) -> SearchArea:
    """A rectangle in any CRS as a bbox in degrees (its whole transformed extent)."""
    if crs.isValid() and crs != wgs84():
        transform = QgsCoordinateTransform(crs, wgs84(), QgsProject.instance())
        rectangle = transform.transformBoundingBox(rectangle)
    west, south = max(-180.0, rectangle.xMinimum()), max(-90.0, rectangle.yMinimum())
    east, north = min(180.0, rectangle.xMaximum()), min(90.0, rectangle.yMaximum())
    if label is None:
        label = tr("Map extent") if kind == MAP_EXTENT else tr("Drawn rectangle")
    return SearchArea(kind, label, bbox=tuple(round(v, 6) for v in (west, south, east, north)))


def geometry_area(geometry: QgsGeometry, crs, kind: str, label: str) -> SearchArea:
    """A polygon in any CRS as a GeoJSON geometry in degrees, simplified if huge. Points
    and lines are searched as they are (the images covering them), or by their extent
    when they have more than MAX_VERTICES vertices."""
    if geometry is None or geometry.isEmpty():
        raise AreaProblem(tr("The area of interest is empty: draw or select a polygon."))
    try:
        geometry = AoiChecker().to_wgs84(geometry, crs)
    except AoiError as error:
        raise AreaProblem(str(error)) from None
    if QgsWkbTypes.geometryType(geometry.wkbType()) != \
            QgsWkbTypes.GeometryType.PolygonGeometry:
        if geometry.constGet().nCoordinates() > MAX_VERTICES:
            area = rectangle_area(geometry.boundingBox(), wgs84(), kind, label)
            area.simplified = True
            return area
        return SearchArea(kind, label, geometry=_rounded(json.loads(geometry.asJson(6))))
    if not geometry.isGeosValid():
        geometry = repair(geometry)
    simplified = simplify_to(geometry, MAX_VERTICES)
    changed = simplified.constGet().nCoordinates() < geometry.constGet().nCoordinates()
    return SearchArea(kind, label, geometry=_rounded(geometry_to_geojson(simplified)),
                      simplified=changed)


def selection_area_reader(layer) -> Callable[[], SearchArea]:
    """Taken on the main thread from `layer`'s selection: a function that reads the
    selected features (polygons, else lines, else points, in any CRS) as one area, on any
    thread (a database or web layer is read there, not on the UI thread)."""
    try:
        source, ids, crs = aoi_files.selection_source(layer)
    except AoiError as error:
        raise AreaProblem(str(error)) from None
    name = layer.name()
    label = tr("{count} selected in {layer}").format(count=len(ids), layer=name)

    def read() -> SearchArea:
        try:
            geometry, layer_crs = aoi_files.read_selection(source, ids, crs, name,
                                                           lines_and_points=True)
        except AoiError as error:
            raise AreaProblem(str(error)) from None
        return geometry_area(geometry, layer_crs, LAYER, label)
    return read


def selection_area(layer) -> SearchArea:
    """The selected features of `layer` as one area, read at once (see the reader)."""
    return selection_area_reader(layer)()


def file_area(path: str) -> SearchArea:
    """The polygons (else lines, else points) of a vector file's first layer as one
    area. Any thread."""
    try:
        geometry, crs = aoi_files.from_file(path, lines_and_points=True)
    except AoiError as error:
        raise AreaProblem(str(error)) from None
    return geometry_area(geometry, crs, FILE, Path(path).name)


def _rounded(geometry: dict) -> dict:
    """Coordinates to 1e-6 degree (10 cm): what a search needs, a smaller request."""
    def walk(value):
        if isinstance(value, list):
            return [walk(v) for v in value]
        return round(value, 6) if isinstance(value, float) else value
    return dict(geometry, coordinates=walk(geometry["coordinates"]))

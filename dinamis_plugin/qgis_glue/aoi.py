"""Areas of interest with QGIS's own geometry classes: into WGS84, checked, measured, fixed.

Runs on any QGIS (no shapely). The area is ellipsoidal, from `QgsDistanceArea` on the
WGS84 ellipsoid: QGIS computes it with GeographicLib, the library behind pyproj's `Geod`
the server uses, so both give the same km² for the same polygon. `AoiChecker.check` is
cheap enough to run at every vertex while the user draws (see tests/bench).

Each problem a drawn area can have gets a translated sentence and, where one exists, a
fix the user may apply (`apply_fix`); the drawing itself is never changed behind the
user's back.
"""
import json
import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsCoordinateTransformContext, QgsCsException, QgsDistanceArea,
                       QgsGeometry, QgsPointXY, QgsProject, QgsRectangle, QgsWkbTypes)
from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtGui import QTransform

from ..core.aoi_geojson import oriented
from ..core.errors import DinamisError
from ..core.i18n import tr

WGS84 = "EPSG:4326"
# Not a DINAMIS rule: a sanity check. Areas this large are nearly always a layer in the
# wrong CRS (metres read as degrees) or a slip of the mouse; the user is asked to look.
IMPLAUSIBLE_AREA_KM2 = 1_000_000.0

ERROR, WARNING, INFO = "error", "warning", "info"

# Fix codes (apply_fix) and what they do.
REPAIR = "repair"
SPLIT_ANTIMERIDIAN = "split_antimeridian"
SIMPLIFY = "simplify"
FILL_HOLES = "fill_holes"
LARGEST_PART = "largest_part"
ENLARGE = "enlarge"


def wgs84() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(WGS84)


@dataclass(frozen=True)
class AoiProblem:
    code: str
    severity: str  # ERROR blocks sending; WARNING and INFO only inform
    message: str
    fix: Optional[str] = None
    fix_label: str = ""


@dataclass
class AoiCheck:
    """What an area of interest is, in WGS84, and what is wrong with it."""

    geometry: QgsGeometry  # lon/lat, as drawn (maybe invalid)
    area_km2: Optional[float] = None  # None while there is no valid area to measure
    vertices: int = 0
    parts: int = 0
    holes: int = 0
    problems: List[AoiProblem] = field(default_factory=list)

    @property
    def errors(self) -> List[AoiProblem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def sendable(self) -> bool:
        return not self.errors and self.area_km2 is not None

    def has(self, code: str) -> bool:
        return any(p.code == code for p in self.problems)

    def geojson(self) -> dict:
        return geometry_to_geojson(self.geometry)


def geometry_to_geojson(geometry: QgsGeometry, wind: bool = True) -> dict:
    """A (Multi)Polygon as GeoJSON, one part giving a Polygon; with RFC 7946 winding unless
    `wind` is False (a drawing kept exactly as drawn, even a self-intersecting one)."""
    single = QgsGeometry(geometry)
    if single.isMultipart() and single.constGet().numGeometries() == 1:
        single.convertToSingleType()
    data = json.loads(single.asJson(12))
    return oriented(data) if wind else data


def geometry_from_geojson(data: dict) -> QgsGeometry:
    """A QgsGeometry from a GeoJSON geometry or Feature (lon/lat)."""
    if data.get("type") == "Feature":
        data = data.get("geometry") or {}
    polygons = []
    kind = data.get("type")
    coords = data.get("coordinates") or []
    for rings in ([coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []):
        polygons.append([[QgsPointXY(float(p[0]), float(p[1])) for p in ring] for ring in rings])
    if not polygons:
        return QgsGeometry()
    if kind == "Polygon":
        return QgsGeometry.fromPolygonXY(polygons[0])
    return QgsGeometry.fromMultiPolygonXY(polygons)


def _polygons(geometry: QgsGeometry) -> list:
    """[[ring of QgsPointXY, ...], ...] per polygon part."""
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        return []
    return geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]


def _polygon_parts(geometry: QgsGeometry) -> List[QgsGeometry]:
    """The polygon parts of any geometry (a repair or a clip may add lines and points)."""
    if geometry.isNull() or geometry.isEmpty():
        return []
    kind = QgsWkbTypes.geometryType(geometry.wkbType())
    if kind == QgsWkbTypes.GeometryType.PolygonGeometry:
        return [QgsGeometry.fromPolygonXY(p) for p in _polygons(geometry)]
    parts = []
    if QgsWkbTypes.isMultiType(geometry.wkbType()) or geometry.isMultipart():
        for part in geometry.asGeometryCollection():
            parts += _polygon_parts(part)
    return parts


def _collect(parts: List[QgsGeometry]) -> QgsGeometry:
    polygons = [p for part in parts for p in _polygons(part)]
    if not polygons:
        return QgsGeometry()
    if len(polygons) == 1:
        return QgsGeometry.fromPolygonXY(polygons[0])
    return QgsGeometry.fromMultiPolygonXY(polygons)


def _parts(geometry: QgsGeometry) -> list:
    """The polygon parts as QGIS's own (C++) geometries: counting and bounding them costs
    no conversion of vertices to Python."""
    shape = geometry.constGet()
    if geometry.isMultipart():
        return [shape.geometryN(i) for i in range(shape.numGeometries())]
    return [shape]


def crosses_antimeridian(geometry: QgsGeometry) -> bool:
    """True when a ring jumps more than 180° of longitude between two vertices: drawn
    across the antimeridian, then brought back into [-180, 180]."""
    if geometry.boundingBox().width() <= 180:
        return False  # no two vertices are more than 180° apart
    for polygon in _polygons(geometry):
        for ring in polygon:
            for a, b in zip(ring, ring[1:]):
                if abs(a.x() - b.x()) > 180:
                    return True
    return False


class AreaMeter:
    """Ellipsoidal areas of lon/lat geometries, on WGS84."""

    def __init__(self):
        self._da = QgsDistanceArea()
        self._da.setSourceCrs(wgs84(), QgsCoordinateTransformContext())
        self._da.setEllipsoid("WGS84")

    def km2(self, geometry: QgsGeometry) -> float:
        return abs(self._da.measureArea(geometry)) / 1e6


class AoiChecker:
    """Brings geometries into WGS84 and checks them against the server's limits.

    `min_order_km2` and `max_vertices` come from the demand manager's `options` (None
    when unknown: that check is left to the server).
    """

    def __init__(self, min_order_km2: Optional[float] = None,
                 max_vertices: Optional[int] = None):
        self.min_order_km2 = min_order_km2
        self.max_vertices = max_vertices
        self.meter = AreaMeter()
        self._transforms: Dict[str, QgsCoordinateTransform] = {}

    # --- into lon/lat ----------------------------------------------------------------
    def to_wgs84(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        """A copy of `geometry` in WGS84 lon/lat (raises AoiError when it cannot be)."""
        if not crs.isValid():
            raise AoiError(tr("This geometry has no coordinate reference system. Set the "
                              "layer's CRS in its properties, then take the area again."))
        copy = QgsGeometry(geometry)
        if crs.authid() == WGS84:
            return copy
        key = crs.authid() or crs.toWkt()
        transform = self._transforms.get(key)
        if transform is None:
            transform = QgsCoordinateTransform(crs, wgs84(),
                                               QgsProject.instance().transformContext())
            self._transforms[key] = transform
        try:
            copy.transform(transform)
        except QgsCsException:
            raise AoiError(tr("This geometry cannot be converted from {crs} to longitude/"
                              "latitude: is the layer's CRS right?").format(
                                  crs=crs.authid() or crs.description())) from None
        return copy

    # --- checking --------------------------------------------------------------------
    def check(self, geometry: QgsGeometry, source_crs=None) -> AoiCheck:
        """The area and the problems of a WGS84 geometry (`source_crs`: where it came from)."""
        result = AoiCheck(QgsGeometry(geometry))
        add = result.problems.append
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            add(AoiProblem("empty", ERROR, tr("No area of interest yet: draw one on the map, "
                                              "take the selected features of a layer, or import "
                                              "a file.")))
            return result
        if QgsWkbTypes.geometryType(geometry.wkbType()) != \
                QgsWkbTypes.GeometryType.PolygonGeometry:
            add(AoiProblem("not_polygon", ERROR, tr("The area of interest must be a polygon; "
                                                    "this geometry is a point or a line.")))
            return result
        parts = _parts(geometry)
        if source_crs is not None and source_crs.isValid() and source_crs.authid() != WGS84:
            add(AoiProblem("transformed", INFO, tr("Converted from {crs} to longitude/latitude "
                                                   "(WGS 84), as DINAMIS takes areas.").format(
                                                       crs=source_crs.authid()
                                                       or source_crs.description())))
        result.parts = len(parts)
        result.holes = sum(p.numInteriorRings() for p in parts)
        result.vertices = sum(p.nCoordinates() for p in parts)
        box = geometry.boundingBox()
        if box.yMinimum() < -90 or box.yMaximum() > 90 or box.xMinimum() < -540 \
                or box.xMaximum() > 540:
            add(AoiProblem("out_of_range", ERROR, tr(
                "Some coordinates are not longitudes and latitudes on the Earth: the layer's "
                "CRS is probably wrong (metres read as degrees?). Fix it in the layer's "
                "properties.")))
            return result
        if crosses_antimeridian(geometry):
            add(AoiProblem("antimeridian", ERROR, tr(
                "The area crosses the antimeridian (180° longitude). DINAMIS needs it split in "
                "two parts, one on each side."), SPLIT_ANTIMERIDIAN,
                tr("Split at the antimeridian")))
            measured = split_at_antimeridian(geometry)
        elif any(part.boundingBox().width() > 180 for part in parts):
            add(AoiProblem("too_wide", ERROR, tr(
                "The area spans more than 180° of longitude. Draw a smaller area.")))
            return result
        else:
            measured = geometry
        if not measured.isGeosValid():
            repaired = repair(measured)
            if repaired.isEmpty() or not self.meter.km2(repaired):
                add(_no_area())
                return result
            add(AoiProblem("invalid", ERROR, tr(
                "The outline crosses itself (or a hole crosses it), so its area is undefined. "
                "The repaired shape covers {area} km².").format(
                    area=local_number(self.meter.km2(repaired))), REPAIR,
                tr("Use the repaired shape")))
            return result
        area = self.meter.km2(measured)
        if not area:  # valid to GEOS, yet flat: nothing to enlarge or repair
            add(_no_area())
            return result
        result.area_km2 = area
        if self.min_order_km2 is not None and area < self.min_order_km2:
            minimum = local_number(self.min_order_km2)
            add(AoiProblem("below_minimum", ERROR, tr(
                "The area ({area} km²) is below the minimum order of {minimum} km².").format(
                    area=local_number(area, 1), minimum=minimum), ENLARGE,
                tr("Enlarge to {minimum} km²").format(minimum=minimum)))
        if self.max_vertices is not None and result.vertices > self.max_vertices:
            add(AoiProblem("too_many_vertices", ERROR, tr(
                "The area has {count} vertices; DINAMIS accepts at most {limit}.").format(
                    count=result.vertices, limit=self.max_vertices), SIMPLIFY,
                tr("Simplify to {limit} vertices").format(limit=self.max_vertices)))
        if area > IMPLAUSIBLE_AREA_KM2:
            add(AoiProblem("implausible", WARNING, tr(
                "The area is {area} km², larger than France: check the layer's CRS and what "
                "you drew before submitting.").format(area=local_number(area))))
        if result.parts > 1 and box.xMinimum() <= -180 and box.xMaximum() >= 180:
            add(AoiProblem("split", INFO, tr(
                "The area is split at the antimeridian into {parts} parts, as DINAMIS needs."
            ).format(parts=result.parts)))
        elif result.parts > 1 and not result.has("antimeridian"):
            add(AoiProblem("multi_part", INFO, tr(
                "The area has {parts} separate parts; DINAMIS counts their total area.").format(
                    parts=result.parts), LARGEST_PART, tr("Keep the largest part")))
        if result.holes:
            add(AoiProblem("holes", INFO, tr(
                "The area has holes ({holes}); their surface is not counted.").format(
                    holes=result.holes), FILL_HOLES, tr("Fill the holes")))
        return result

    # --- fixes -----------------------------------------------------------------------
    def apply_fix(self, fix: str, geometry: QgsGeometry) -> QgsGeometry:
        """The geometry with one fix applied (a new geometry; `geometry` is left as it is)."""
        if fix == REPAIR:
            return repair(geometry)
        if fix == SPLIT_ANTIMERIDIAN:
            return split_at_antimeridian(geometry)
        if fix == SIMPLIFY:
            return simplify_to(geometry, self.max_vertices)
        if fix == FILL_HOLES:
            return geometry.removeInteriorRings()
        if fix == LARGEST_PART:
            parts = _polygon_parts(geometry)
            return max(parts, key=self.meter.km2) if parts else QgsGeometry(geometry)
        if fix == ENLARGE:
            return self.enlarge_to(geometry, self.min_order_km2)
        raise ValueError(f"unknown fix {fix!r}")

    def enlarge_to(self, geometry: QgsGeometry, target_km2: float) -> QgsGeometry:
        """The same shape scaled about its centre until it covers `target_km2` (a hair more,
        so rounding never puts it back under)."""
        current = self.meter.km2(geometry)
        if not current or current >= target_km2:
            return QgsGeometry(geometry)
        centre = geometry.centroid().asPoint()
        local = QgsCoordinateReferenceSystem.fromProj(
            f"+proj=aeqd +lat_0={centre.y()} +lon_0={centre.x()} +datum=WGS84 +units=m +no_defs")
        context = QgsProject.instance().transformContext()
        scaled = QgsGeometry(geometry)
        for _ in range(3):  # the local projection is not equal-area: converge in 2-3 steps
            factor = math.sqrt(target_km2 * 1.002 / current)
            scaled.transform(QgsCoordinateTransform(wgs84(), local, context))
            scaled.transform(QTransform.fromScale(factor, factor))
            scaled.transform(QgsCoordinateTransform(local, wgs84(), context))
            current = self.meter.km2(scaled)
            if current >= target_km2:
                break
        return scaled


def _no_area() -> AoiProblem:
    return AoiProblem("no_area", ERROR, tr(
        "The outline encloses no area (its vertices lie on a line or repeat one another). "
        "Draw it again, or undo the last change."))


class AoiError(DinamisError):
    """A geometry that cannot become an area of interest; `str()` says why, translated."""


def repair(geometry: QgsGeometry) -> QgsGeometry:
    """QGIS's makeValid, keeping only the surfaces (a bow tie becomes two triangles)."""
    return _collect(_polygon_parts(geometry.makeValid()))


def split_at_antimeridian(geometry: QgsGeometry) -> QgsGeometry:
    """Two sides of an area drawn across 180° longitude, each within [-180, 180]."""
    shifted = [[[QgsPointXY(p.x() + 360 if p.x() < 0 else p.x(), p.y()) for p in ring]
                for ring in polygon] for polygon in _polygons(geometry)]
    unwrapped = QgsGeometry.fromMultiPolygonXY(shifted)
    west = unwrapped.intersection(QgsGeometry.fromRect(QgsRectangle(-180, -90, 180, 90)))
    east = unwrapped.intersection(QgsGeometry.fromRect(QgsRectangle(180, -90, 540, 90)))
    east.translate(-360, 0)
    return _collect(_polygon_parts(west) + _polygon_parts(east))


def simplify_to(geometry: QgsGeometry, max_vertices: Optional[int]) -> QgsGeometry:
    """The least simplified version with at most `max_vertices` vertices (still valid)."""
    if not max_vertices or _vertex_count(geometry) <= max_vertices:
        return QgsGeometry(geometry)
    box = geometry.boundingBox()
    low, high = 0.0, math.hypot(box.width(), box.height())
    best = None
    for _ in range(24):  # a bisection on the tolerance, to ~1e-7 of the extent
        tolerance = (low + high) / 2
        candidate = geometry.simplify(tolerance)
        if not candidate.isEmpty() and _vertex_count(candidate) <= max_vertices:
            best, high = candidate, tolerance
        else:
            low = tolerance
    if best is None:
        return QgsGeometry(geometry)
    return best if best.isGeosValid() else repair(best)


def _vertex_count(geometry: QgsGeometry) -> int:
    return sum(p.nCoordinates() for p in _parts(geometry)) if not geometry.isEmpty() else 0


def local_number(value: float, decimals: int = 0) -> str:
    """In the user's number format (QGIS sets QLocale's default): 4,500.5 / 4 500,5."""
    return QLocale().toString(float(value), "f", decimals)

"""Areas of interest as GeoJSON (lon/lat), the form the demand manager takes them in.

Only what needs no geometry engine: ring winding, vertex counts, bounds. Validity,
repairs and areas are QGIS's job (qgis_glue/aoi.py), since shapely is not on every QGIS.
Rings are wound as RFC 7946 says (outer rings counter-clockwise, holes clockwise): a
server summing signed ring areas, as pyproj does, then subtracts holes and adds parts
whatever way the user happened to draw them.
"""
from typing import List, Optional, Tuple


def _polygons(geometry: dict) -> List[list]:
    """The polygons (lists of rings) of a Polygon, MultiPolygon or Feature."""
    if geometry.get("type") == "Feature":
        geometry = geometry.get("geometry") or {}
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        return [coords]
    if kind == "MultiPolygon":
        return list(coords)
    return []


def signed_ring_area(ring) -> float:
    """Shoelace area in square degrees: positive when counter-clockwise."""
    total = 0.0
    for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:]):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def _wound(ring, counter_clockwise: bool) -> list:
    ring = [list(p) for p in ring]
    if (signed_ring_area(ring) > 0) != counter_clockwise:
        ring.reverse()
    return ring


def oriented(geometry: dict) -> dict:
    """A copy of a (Multi)Polygon with RFC 7946 winding (a Feature gives its geometry)."""
    polygons = [[_wound(ring, i == 0) for i, ring in enumerate(rings)]
                for rings in _polygons(geometry)]
    if geometry.get("type") == "Feature":
        geometry = geometry.get("geometry") or {}
    if geometry.get("type") == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": polygons}
    return {"type": "Polygon", "coordinates": polygons[0] if polygons else []}


def vertex_count(geometry: dict) -> int:
    """Positions in every ring, closing ones included: what the server counts."""
    return sum(len(ring) for rings in _polygons(geometry) for ring in rings)


def bounds(geometry: dict) -> Optional[Tuple[float, float, float, float]]:
    """(west, south, east, north) of every position, or None when there is none."""
    xs, ys = [], []
    for rings in _polygons(geometry):
        for ring in rings:
            for position in ring:
                xs.append(position[0])
                ys.append(position[1])
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)

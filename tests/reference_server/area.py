"""Ellipsoidal area of an area of interest, the authoritative figure quotas are charged on.

Clients may show their own estimate; the server's number, computed on the WGS84 ellipsoid
by pyproj (Karney's geodesic algorithms), is the one that decides quota and price.
pyproj sums signed ring areas, so a hole wound like its shell would be added and two
parts wound oppositely would cancel: every polygon is oriented (shell counter-clockwise,
holes clockwise) first, which makes the area independent of how the client wound rings.
"""
from pyproj import Geod
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

_WGS84 = Geod(ellps="WGS84")


def geodesic_area_km2(geometry: BaseGeometry) -> float:
    """Area in km² of a lon/lat (EPSG:4326) polygon or multipolygon, orientation-independent."""
    polygons = getattr(geometry, "geoms", [geometry])
    area_m2 = sum(_WGS84.geometry_area_perimeter(orient(p, sign=1.0))[0] for p in polygons
                  if p.geom_type == "Polygon" and not p.is_empty)
    return abs(area_m2) / 1e6

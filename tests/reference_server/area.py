"""Ellipsoidal area of an area of interest, the authoritative figure quotas are charged on.

Clients may show their own estimate; the server's number, computed on the WGS84 ellipsoid
by pyproj (Karney's geodesic algorithms), is the one that decides quota and price.
"""
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

_WGS84 = Geod(ellps="WGS84")


def geodesic_area_km2(geometry: BaseGeometry) -> float:
    """Area in km² of a lon/lat (EPSG:4326) polygon or multipolygon, orientation-independent."""
    area_m2, _perimeter = _WGS84.geometry_area_perimeter(geometry)
    return abs(area_m2) / 1e6

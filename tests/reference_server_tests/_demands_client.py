"""Small helpers the demand-manager tests share: api urls, polygons of a chosen area,
a project per user, and orderable catalogue items found through the STAC API."""
import math
import uuid
from datetime import date, timedelta

import requests
from pyproj import Geod

from .login import auth_headers

_GEOD = Geod(ellps="WGS84")


def api(server, path: str) -> str:
    return server.url("/demands/api/v1/" + path.lstrip("/"))


def call(server, method: str, path: str, user: str | None = None, **kwargs):
    headers = dict(kwargs.pop("headers", {}))
    if user:
        headers.update(auth_headers(server, user))
    return requests.request(method, api(server, path), headers=headers, timeout=30, **kwargs)


def rectangle(west, south, east, north, points_per_edge=1) -> dict:
    """GeoJSON Polygon; extra points per edge make edges follow meridians and parallels."""
    def edge(a, b):
        return [[a[0] + (b[0] - a[0]) * i / points_per_edge,
                 a[1] + (b[1] - a[1]) * i / points_per_edge] for i in range(points_per_edge)]
    corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    ring = [p for a, b in zip(corners, corners[1:]) for p in edge(a, b)] + [[west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def square_of_km2(target_km2: float, west=3.0, south=43.5) -> dict:
    """A lon/lat square-ish polygon whose WGS84 area is target_km2 (to 0.01 km²)."""
    def area(size):
        poly = rectangle(west, south, west + size, south + size)
        ring = poly["coordinates"][0]
        a, _ = _GEOD.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
        return abs(a) / 1e6
    low, high = 0.0, 5.0
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if area(mid) < target_km2 else (low, mid)
    return rectangle(west, south, west + high, south + high)


def band_cell_area_km2(west, south, east, north) -> float:
    """Independent reference: area of a lon/lat cell bounded by parallels on the WGS84
    ellipsoid, from the closed-form zone area (not from pyproj)."""
    a, f = 6378137.0, 1 / 298.257223563
    b = a * (1 - f)
    e = math.sqrt(f * (2 - f))

    def zone(phi_deg):
        s = math.sin(math.radians(phi_deg))
        return math.pi * b * b * (s / (1 - e * e * s * s)
                                  + math.log((1 + e * s) / (1 - e * s)) / (2 * e))
    return (east - west) / 360 * (zone(north) - zone(south)) / 1e6


def future_period(days=30) -> dict:
    start = date.today() + timedelta(days=7)
    return {"start": start.isoformat(), "end": (start + timedelta(days=days)).isoformat()}


def programming(sensor="pleiades", aoi=None, **extra) -> dict:
    body = {"kind": "programming", "sensor": sensor, "aoi": aoi or square_of_km2(500),
            "period": future_period(), "mode": "mono", "max_cloud_cover": 10,
            "max_incidence": 25}
    body.update(extra)
    return body


def new_project(server, user: str, science=True) -> str:
    body = {"title": f"Project {uuid.uuid4().hex[:6]}", "themes": ["agriculture"],
            "start_date": "2026-01-01", "end_date": "2027-12-31",
            "description": "Vineyard monitoring in the Hérault."}
    if science:
        body.update(objectives="Map vine rows.", methodology="Stereo DSM and NDVI.",
                    expected_results="A vine map.", prior_publications=["Doe 2024"])
    r = call(server, "POST", "projects", user, json=body)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def new_request(server, user: str, project_id: str, submit=True, **body_extra) -> dict:
    body = programming(**body_extra)
    body.update(project_id=project_id, submit=submit)
    r = call(server, "POST", "requests", user, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def catalogue_items(server, availability: str, limit=100) -> list[dict]:
    """Items of the given dinamis:availability, via the STAC API's CQL2 filter."""
    body = {"limit": limit, "filter-lang": "cql2-json",
            "filter": {"op": "=", "args": [{"property": "dinamis:availability"},
                                           availability]}}
    r = requests.post(server.url("/stac/search"), json=body, timeout=30)
    assert r.status_code == 200, r.text
    return [f for f in r.json()["features"]
            if f["properties"].get("dinamis:availability") == availability]

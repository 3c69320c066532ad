"""Server-side validation of demand-manager input: every refusal names the field and why.

The plugin validates too, but the server's verdict (polygon validity, ellipsoidal area,
enumerated options) is the authoritative one, and no input may end in a 500.
"""
import math
from datetime import date

from shapely.geometry import Polygon, shape
from shapely.ops import unary_union
from shapely.validation import explain_validity

from .demands_options import (DEFAULT_PRODUCTION_OPTIONS, KINDS, MAX_INCIDENCE_DEG,
                              MIN_ORDER_KM2, MODES, PRODUCTION_OPTIONS, SENSORS)
from .errors import validation_error

MAX_VERTICES = 10_000
MAX_TEXT = 5_000


def require_object(body, field="body") -> dict:
    if not isinstance(body, dict):
        raise validation_error(field, "must be a JSON object")
    return body


def _is_number(value) -> bool:
    """A JSON number that is finite (Python's parser accepts NaN and Infinity)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def text(body: dict, field: str, required=True, max_len=MAX_TEXT, default=None):
    value = body.get(field)
    if value is None:
        if required:
            raise validation_error(field, "is required")
        return default
    if not isinstance(value, str):
        raise validation_error(field, "must be a string")
    if required and not value.strip():
        raise validation_error(field, "must not be empty")
    if len(value) > max_len:
        raise validation_error(field, f"must be at most {max_len} characters")
    return value


def choice(body: dict, field: str, allowed, required=True, default=None, label=None):
    value = body.get(field)
    if value is None:
        if required:
            raise validation_error(label or field, f"is required, one of: {', '.join(allowed)}")
        return default
    if not isinstance(value, str) or value not in allowed:
        raise validation_error(label or field, f"must be one of: {', '.join(allowed)}")
    return value


def number(body: dict, field: str, low, high, default):
    value = body.get(field)
    if value is None:
        return default
    if not _is_number(value):
        raise validation_error(field, "must be a number")
    if not low <= value <= high:
        raise validation_error(field, f"must be between {low} and {high}")
    return value


def iso_date(value, field: str) -> date:
    if not isinstance(value, str):
        raise validation_error(field, "must be a date string YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise validation_error(field, f"'{value[:40]}' is not a date YYYY-MM-DD") from None


def string_list(body: dict, field: str, max_items=20, max_len=200) -> list[str]:
    value = body.get(field, [])
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > max_items:
        raise validation_error(field, f"must be a list of at most {max_items} strings")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip() or len(item) > max_len:
            raise validation_error(f"{field}[{i}]",
                                   f"must be a non-empty string of at most {max_len} characters")
    return value


def paging(args, default_limit=20, max_limit=100) -> tuple[int, int]:
    """limit/offset from the query string, bounded so a list never becomes unbounded."""
    out = []
    for name, default, low, high in (("limit", default_limit, 1, max_limit),
                                     ("offset", 0, 0, 10**9)):
        raw = args.get(name)
        if raw is None:
            out.append(default)
            continue
        try:
            value = int(raw)
        except ValueError:
            raise validation_error(name, f"must be an integer, got '{raw[:40]}'") from None
        if not low <= value <= high:
            raise validation_error(name, f"must be between {low} and {high}")
        out.append(value)
    return out[0], out[1]


# --- area of interest ---

def _ring(ring, field: str) -> None:
    if not isinstance(ring, list) or len(ring) < 4:
        raise validation_error(field, "a linear ring must be a list of at least 4 positions")
    for i, pos in enumerate(ring):
        where = f"{field}[{i}]"
        if not isinstance(pos, list) or len(pos) not in (2, 3) \
                or not all(_is_number(c) for c in pos):
            raise validation_error(where, "a position must be [longitude, latitude] numbers")
        lon, lat = pos[0], pos[1]
        if not -180 <= lon <= 180:
            raise validation_error(where, f"longitude {lon} is outside [-180, 180]")
        if not -90 <= lat <= 90:
            raise validation_error(where, f"latitude {lat} is outside [-90, 90]")
    if ring[0][:2] != ring[-1][:2]:
        raise validation_error(field, "a linear ring must be closed (last position = first)")


def _polygon_rings(rings, field: str) -> int:
    if not isinstance(rings, list) or not rings:
        raise validation_error(field, "a polygon must be a non-empty list of linear rings")
    for i, ring in enumerate(rings):
        _ring(ring, f"{field}[{i}]")
    return sum(len(r) for r in rings)


def aoi_geometry(value, field="aoi"):
    """A valid GeoJSON (Multi)Polygon in lon/lat -> shapely geometry, or a 400 saying why."""
    if isinstance(value, dict) and value.get("type") == "Feature":
        value = value.get("geometry")
    if not isinstance(value, dict):
        raise validation_error(field, "must be a GeoJSON Polygon or MultiPolygon object")
    kind, coords = value.get("type"), value.get("coordinates")
    if kind == "Polygon":
        vertices = _polygon_rings(coords, f"{field}.coordinates")
    elif kind == "MultiPolygon":
        if not isinstance(coords, list) or not coords:
            raise validation_error(f"{field}.coordinates", "must be a non-empty list of polygons")
        vertices = sum(_polygon_rings(p, f"{field}.coordinates[{i}]")
                       for i, p in enumerate(coords))
    else:
        raise validation_error(f"{field}.type", "must be 'Polygon' or 'MultiPolygon'")
    if vertices > MAX_VERTICES:
        raise validation_error(field, f"has {vertices} vertices, at most {MAX_VERTICES} allowed")
    try:
        geometry = shape({"type": kind, "coordinates": coords})
    except (ValueError, TypeError, AttributeError) as exc:
        raise validation_error(field, f"is not a readable polygon: {exc}") from None
    if not geometry.is_valid:
        raise validation_error(field, f"is not a valid polygon: {explain_validity(geometry)}")
    for part in getattr(geometry, "geoms", [geometry]):  # a part each side of 180° is fine
        west, _south, east, _north = part.bounds
        if east - west > 180:
            raise validation_error(field, "spans more than 180° of longitude: split an area"
                                          " that crosses the antimeridian into a MultiPolygon")
    return geometry


def polygonal(geometry):
    """Only the surface parts of a clipped shape (an intersection may add lines or points)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon",
                                                                         "MultiPolygon")]
    return unary_union(parts) if parts else Polygon()


def minimum_area(area_km2: float, field="aoi") -> None:
    if area_km2 < MIN_ORDER_KM2:
        raise validation_error(field, f"covers {area_km2:,.1f} km², below the minimum order of"
                                      f" {MIN_ORDER_KM2} km²")


# --- request bodies ---

def production_options(body: dict) -> dict:
    value = body.get("production_options")
    if value is None:
        return dict(DEFAULT_PRODUCTION_OPTIONS)
    require_object(value, "production_options")
    for key in value:
        if key not in PRODUCTION_OPTIONS:
            raise validation_error(f"production_options.{key}",
                                   "unknown option; known: " + ", ".join(PRODUCTION_OPTIONS))
    return {key: choice(value, key, allowed, required=False,
                        default=DEFAULT_PRODUCTION_OPTIONS[key],
                        label=f"production_options.{key}")
            for key, allowed in PRODUCTION_OPTIONS.items()}


def period(body: dict, today: date) -> dict:
    value = body.get("period")
    if value is None:
        raise validation_error("period", "is required: {\"start\": date, \"end\": date}")
    require_object(value, "period")
    start = iso_date(value.get("start"), "period.start")
    end = iso_date(value.get("end"), "period.end")
    if end < start:
        raise validation_error("period.end", "must not be before period.start")
    if end < today:
        raise validation_error("period.end", "is in the past: a programming request acquires"
                                             " new images")
    if start < today:
        raise validation_error("period.start", f"is in the past: acquisitions are planned from"
                                               f" today ({today.isoformat()}) on")
    return {"start": start.isoformat(), "end": end.isoformat()}


# Fields of the other kind of request: refused rather than silently dropped, so a client
# never believes a programming constraint applies to an archive image, or the reverse.
PROGRAMMING_ONLY = ("period", "mode", "max_cloud_cover", "max_incidence")
ARCHIVE_ONLY = ("item_id",)


def only_fields_of(kind_name: str, body: dict) -> None:
    foreign = ARCHIVE_ONLY if kind_name == "programming" else PROGRAMMING_ONLY
    for field in foreign:
        if body.get(field) is not None:
            raise validation_error(field, f"does not apply to a {kind_name} request")


def programming_fields(body: dict, today: date) -> dict:
    """The tasking part of a request: where, when, which sensor, how."""
    return {
        "sensor": choice(body, "sensor", tuple(SENSORS)),
        "period": period(body, today),
        "mode": choice(body, "mode", MODES, required=False, default="mono"),
        "max_cloud_cover": number(body, "max_cloud_cover", 0, 100, 20),
        "max_incidence": number(body, "max_incidence", 0, MAX_INCIDENCE_DEG, 30),
    }


def kind(body: dict) -> str:
    return choice(body, "kind", tuple(KINDS))

"""STAC item search: parameters (GET strings or POST JSON) checked into one `Search`, run as SQL.

Footprints are prefiltered by the R*Tree; shapely checks `intersects` polygons exactly and
`cql2` evaluates what the SQL could not express, both only on the prefiltered rows.
Every invalid parameter is a 400 naming it (errors.stac_error).
"""
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone

import shapely
import shapely.errors
from shapely.geometry import shape

from . import stac_store
from .errors import stac_error
from .stac_filter import Filter, parse_filter
from .stac_flavour import plain_item_text

DEFAULT_LIMIT = 10
DEFAULT_SORT = [("i.datetime", "DESC"), ("i.id", "ASC")]
_FMT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass
class Search:
    bbox: tuple | None = None            # (west, south, east, north)
    intersects: object = None            # shapely geometry
    start: str | None = None             # normalised datetimes, inclusive
    end: str | None = None
    ids: list = field(default_factory=list)
    collections: list = field(default_factory=list)
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    sortby: list = field(default_factory=lambda: list(DEFAULT_SORT))
    filter: Filter | None = None
    text_groups: list = field(default_factory=list)  # [[(term, required: bool)]]
    fields: tuple | None = None          # (include paths, exclude paths) of the fields ext.
    plain_items: bool = False            # the flavour serves items without DINAMIS fields


# ---------- parameters ----------

def parse(params: dict, known_collections: list[str], flavour, from_query: bool) -> Search:
    """Check every search parameter; `params` holds GET query strings (`from_query`) or
    POST JSON values. `flavour` (stac_flavour) decides what an unknown collection, `q`
    and a filter outside the queryables do."""
    s = Search(plain_items=flavour.plain_items)
    if flavour.is_pgstac and not from_query:
        _check_pgstac_post_types(params)
    if params.get("bbox") not in (None, "") and params.get("intersects") not in (None, ""):
        raise stac_error(400, "intersects", "bbox and intersects cannot be used together")
    s.bbox = _parse_bbox(params.get("bbox"), from_query)
    s.intersects = _parse_intersects(params.get("intersects"))
    s.start, s.end = _parse_datetime(params.get("datetime"))
    s.ids = _parse_list(params.get("ids"), "ids")
    s.collections = _parse_list(params.get("collections"), "collections")
    unknown = [c for c in s.collections if c not in known_collections]
    if unknown and flavour.unknown_collection_is_error:
        raise stac_error(400, "collections", f"unknown collection {unknown[0]!r}; "
                         f"known: {', '.join(known_collections)}")
    s.limit = _parse_limit(params.get("limit"), flavour.max_limit)
    s.offset = _parse_token(params.get("token"))
    s.sortby = _parse_sortby(params.get("sortby"), flavour.sort_columns)
    s.filter = parse_filter(params.get("filter"), params.get("filter-lang"), flavour)
    crs = params.get("filter-crs")
    if crs not in (None, "", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                   "http://www.opengis.net/def/crs/EPSG/0/4326"):
        raise stac_error(400, "filter-crs", "only CRS84 (longitude, latitude) is supported")
    if flavour.item_free_text:
        s.text_groups = _parse_q(params.get("q"), from_query)
    s.fields = _parse_fields(params.get("fields"))
    return s


def _check_pgstac_post_types(params: dict) -> None:
    """stac-fastapi-pgstac's POST model: `sortby` is a list of {field, direction} (no
    "-datetime" string), `filter` a CQL2 JSON object (`filter-lang` cql2-json only)."""
    if isinstance(params.get("sortby"), str):
        raise stac_error(400, "sortby", "Input should be a valid list")
    if isinstance(params.get("filter"), str):
        raise stac_error(400, "filter", "Input should be a valid dictionary")
    if params.get("filter-lang") not in (None, "cql2-json"):
        raise stac_error(400, "filter-lang", "Input should be 'cql2-json'")


def _number_list(value, name, from_query):
    """GET: comma-separated numbers, nothing else (no brackets); POST: a JSON array of
    numbers (not a string, not numbers as strings)."""
    if isinstance(value, str) and from_query:
        parts = [p.strip() for p in value.split(",")]
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            raise stac_error(400, name, f"must be comma-separated numbers, not {value!r}")
    elif isinstance(value, list):
        parts = value
        if not all(isinstance(p, (int, float)) and not isinstance(p, bool) for p in parts):
            raise stac_error(400, name, "must contain only numbers")
        numbers = [float(p) for p in parts]
    else:
        raise stac_error(400, name, "must be a JSON array of numbers")
    if len(numbers) != len(parts) or not all(math.isfinite(n) for n in numbers):
        raise stac_error(400, name, "must contain only finite numbers")
    return numbers


def _parse_bbox(value, from_query):
    if value is None or value == "":
        return None
    n = _number_list(value, "bbox", from_query)
    if len(n) == 6:
        n = [n[0], n[1], n[3], n[4]]
    elif len(n) != 4:
        raise stac_error(400, "bbox", f"needs 4 numbers (west,south,east,north) or 6, got {len(n)}")
    west, south, east, north = n
    if south > north:
        raise stac_error(400, "bbox", "south (2nd value) is greater than north (4th value)")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise stac_error(400, "bbox", "latitudes must lie within -90..90")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise stac_error(400, "bbox", "longitudes must lie within -180..180")
    return (west, south, east, north)


def _parse_intersects(value):
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise stac_error(400, "intersects", "must be a GeoJSON geometry (JSON)")
    if not isinstance(value, dict) or value.get("type") not in (
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
            "GeometryCollection"):
        raise stac_error(400, "intersects", "must be a GeoJSON geometry object")
    try:
        geom = shape(value)
    except Exception as err:  # shapely raises several types for malformed coordinates
        raise stac_error(400, "intersects", f"malformed GeoJSON geometry ({type(err).__name__})")
    try:
        if geom.is_empty:
            raise stac_error(400, "intersects", "geometry is empty")
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
    except (ValueError, shapely.errors.ShapelyError) as err:
        raise stac_error(400, "intersects", f"unusable geometry ({type(err).__name__})")
    minx, miny, maxx, maxy = geom.bounds
    if not all(math.isfinite(v) for v in geom.bounds) or miny < -90 or maxy > 90 \
            or minx < -180 or maxx > 180:
        raise stac_error(400, "intersects", "coordinates must be longitude, latitude in degrees")
    shapely.prepare(geom)
    return geom


# RFC 3339 section 5.6 date-time, as stac-fastapi checks it: a time and an offset are
# required, the offset is "Z" or +HH:MM (a bare date, a missing offset or +0100 are not).
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def normalise_instant(text: str, name: str = "datetime") -> str:
    """An RFC 3339 date-time -> 'YYYY-MM-DDTHH:MM:SSZ' in UTC, comparable as text."""
    try:
        if not RFC3339.fullmatch(text):
            raise ValueError(text)
        value = datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        raise stac_error(400, name, f"{text!r} is not an RFC 3339 date-time "
                         "(e.g. 2023-05-01T00:00:00Z)")
    return value.astimezone(timezone.utc).strftime(_FMT)


def _parse_datetime(value):
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        raise stac_error(400, "datetime", "must be a string: an instant or start/end")
    if "/" not in value:
        instant = normalise_instant(value)
        return instant, instant
    parts = value.split("/")
    if len(parts) != 2:
        raise stac_error(400, "datetime", "an interval has exactly one '/' (start/end)")
    open_ = ("", "..")
    start = None if parts[0] in open_ else normalise_instant(parts[0])
    end = None if parts[1] in open_ else normalise_instant(parts[1])
    if start is None and end is None:
        raise stac_error(400, "datetime", "an interval needs at least one end ('../..' is open)")
    if start and end and start > end:
        raise stac_error(400, "datetime", f"start {parts[0]} is after end {parts[1]}")
    return start, end


def _parse_list(value, name):
    if value is None or value == "":
        return []
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [v.strip() for v in value]
    else:
        raise stac_error(400, name, "must be a list of strings")
    if any(not v for v in items):
        raise stac_error(400, name, "contains an empty value")
    return items


def _parse_limit(value, max_limit: int):
    if value is None or value == "":
        return DEFAULT_LIMIT
    try:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError
        limit = int(value)
    except (TypeError, ValueError):
        raise stac_error(400, "limit", f"must be an integer from 1 to {max_limit}")
    if limit < 1:
        raise stac_error(400, "limit", f"must be at least 1 (got {limit})")
    return min(limit, max_limit)


def _parse_token(value):
    if value is None or value == "":
        return 0
    if isinstance(value, str) and value.startswith(("next:", "prev:")) and value[5:].isdigit():
        return int(value[5:])
    raise stac_error(400, "token", "unknown paging token; follow the 'next' link as given")


def _parse_sortby(value, sort_columns: dict):
    if value is None or value == "" or value == []:
        return list(DEFAULT_SORT)
    fields = []
    if isinstance(value, str):
        for part in value.split(","):
            part = part.strip()
            if part.startswith("-"):
                fields.append((part[1:], "desc"))
            else:  # '+' may arrive decoded as a space, already stripped
                fields.append((part.lstrip("+"), "asc"))
    elif isinstance(value, list):
        for entry in value:
            if not isinstance(entry, dict) or not isinstance(entry.get("field"), str):
                raise stac_error(400, "sortby", "each entry needs a 'field' and a 'direction'")
            direction = str(entry.get("direction", "asc")).lower()
            if direction not in ("asc", "desc"):
                raise stac_error(400, "sortby", f"direction must be asc or desc, not {direction!r}")
            fields.append((entry["field"], direction))
    else:
        raise stac_error(400, "sortby", "must be '-datetime,+id' or a list of {field, direction}")
    order = []
    for name, direction in fields:
        column = sort_columns.get(name.removeprefix("properties."))
        if column is None:
            raise stac_error(400, "sortby", f"cannot sort on {name!r}; sortable: "
                             + ", ".join(sort_columns))
        order.append((column, direction.upper()))
    if not any(c == "i.id" for c, _ in order):
        order.append(("i.id", "ASC"))  # a total order keeps pages stable
    return order


def _parse_fields(value):
    """Fields extension: GET `properties.datetime,-assets`; POST {"include", "exclude"}."""
    if value is None or value == "" or value == {}:
        return None
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(",") if p.strip()]
        include = [p.lstrip("+") for p in parts if not p.startswith("-")]
        exclude = [p[1:] for p in parts if p.startswith("-")]
    elif isinstance(value, dict):
        include, exclude = value.get("include") or [], value.get("exclude") or []
        if not all(isinstance(v, list) and all(isinstance(p, str) for p in v)
                   for v in (include, exclude)):
            raise stac_error(400, "fields", "include and exclude must be lists of field names")
    else:
        raise stac_error(400, "fields", "must be {include: [...], exclude: [...]}")
    return tuple(include), tuple(exclude)


def select_fields(item: dict, fields: tuple) -> dict:
    """The item restricted by the fields extension (dotted paths; id and type always kept,
    an exclusion never removes an explicitly included path)."""
    include, exclude = fields
    if include:
        kept = {"type": item.get("type"), "id": item.get("id")}
        for path in include:
            _copy_path(item, kept, path.split("."))
        item = kept
    for path in exclude:
        if path not in include:
            _drop_path(item, path.split("."))
    return item


def _copy_path(source, target, parts):
    if not isinstance(source, dict) or parts[0] not in source:
        return
    if len(parts) == 1:
        target[parts[0]] = source[parts[0]]
        return
    _copy_path(source[parts[0]], target.setdefault(parts[0], {}), parts[1:])


def _drop_path(item, parts):
    for part in parts[:-1]:
        item = item.get(part) if isinstance(item, dict) else None
    if isinstance(item, dict):
        item.pop(parts[-1], None)


def collection_matches(collection: dict, q) -> bool:
    """Collection search free text: any comma-separated term in title, description or
    keywords (case and accents ignored)."""
    if not q:
        return True
    text = fold(" ".join([collection.get("title") or "", collection.get("description") or "",
                          *(collection.get("keywords") or [])]))
    return any(fold(term.strip()) in text for term in str(q).split(",") if term.strip())


def fold(text: str) -> str:
    """Lower case without accents: 'Hérault' and 'herault' match."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _parse_q(value, from_query):
    """Free text (the free-text extension's basic form): GET comma-separated terms, POST an
    array of terms; any term may match. Inside one term every word must match ('+word'
    too), '-word' must not, "quoted phrases" match as a whole."""
    if value is None or value == "" or value == []:
        return []
    if not from_query:
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise stac_error(400, "q", "must be an array of search terms")
        value = ",".join(value)
    if not isinstance(value, str):
        raise stac_error(400, "q", "must be a string of search terms")
    groups = []
    for alternative in value.split(","):
        terms = []
        for token in re.findall(r'[+-]?"[^"]*"|\S+', alternative):
            required = not token.startswith("-")
            token = token.lstrip("+-").strip('"')
            token = fold(token).replace("%", "").replace("_", " ").strip()
            if token:
                terms.append((token, required))
        if terms:
            groups.append(terms)
    if not groups:
        raise stac_error(400, "q", "contains no search term")
    return groups


# ---------- execution ----------

def _where(s: Search):
    """(FROM ... WHERE ... clause, its arguments, whether only the footprint box filters).

    With a box, the R*Tree drives the query (CROSS JOIN keeps that order) and only the
    matching rows of the narrow index table are read."""
    source, where, args = "stac_index i", [], []
    if s.bbox or s.intersects is not None:
        if s.intersects is not None:
            west, south, east, north = s.intersects.bounds
        else:
            west, south, east, north = s.bbox
        boxes = [(west, south, east, north)]
        if west > east:  # crosses the antimeridian
            boxes = [(west, south, 180.0, north), (-180.0, south, east, north)]
        tree = " OR ".join("(f.minx <= ? AND f.maxx >= ? AND f.miny <= ? AND f.maxy >= ?)"
                           for _ in boxes)
        source = "stac_footprints f CROSS JOIN stac_index i ON i.pk = f.pk"
        where.append(f"({tree})")
        for w, so, e, n in boxes:
            args += [e, w, n, so]
    if s.collections:
        where.append(f"i.collection IN ({','.join('?' * len(s.collections))})")
        args += s.collections
    if s.ids:
        where.append(f"i.id IN ({','.join('?' * len(s.ids))})")
        args += s.ids
    if s.start:
        where.append("i.datetime >= ?")
        args.append(s.start)
    if s.end:
        where.append("i.datetime <= ?")
        args.append(s.end)
    if s.filter is not None:
        where += s.filter.sql
        args += s.filter.args
    if s.text_groups:
        alternatives = []
        for terms in s.text_groups:
            parts = []
            for term, required in terms:
                parts.append("i.search_text LIKE ?" if required else "i.search_text NOT LIKE ?")
                args.append(f"%{term}%")
            alternatives.append("(" + " AND ".join(parts) + ")")
        where.append("(" + " OR ".join(alternatives) + ")")
    box_only = source != "stac_index i" and len(where) == 1
    return source, (" WHERE " + " AND ".join(where) if where else ""), args, box_only


def _needs_python(s: Search) -> bool:
    return s.intersects is not None or (s.filter is not None and s.filter.needs_python)


def _python_match(s: Search, text: str) -> bool:
    item = json.loads(plain_item_text(text) if s.plain_items else text)
    if s.intersects is not None:
        try:
            if not s.intersects.intersects(shape(item["geometry"])):
                return False
        except Exception:
            return False
    return s.filter is None or not s.filter.needs_python or s.filter.matches(item)


def run(conn, s: Search) -> tuple[list[str], int]:
    """(item JSON texts of the requested page, number matched)."""
    source, where, args, box_only = _where(s)
    order = ", ".join(f"{c} {d}" for c, d in s.sortby)
    if not _needs_python(s):
        count_from = "stac_footprints f" if box_only else source  # the R*Tree alone counts
        matched = conn.execute(f"SELECT COUNT(*) FROM {count_from}{where}", args).fetchone()[0]
        pks = [r[0] for r in conn.execute(
            f"SELECT i.pk FROM {source}{where} ORDER BY {order} LIMIT ? OFFSET ?",
            args + [s.limit, s.offset])]
        return stac_store.item_texts(conn, pks), matched
    page, matched = [], 0
    for (text,) in conn.execute(f"SELECT d.json FROM {source} JOIN stac_items d "
                                f"ON d.pk = i.pk{where} ORDER BY {order}", args):
        if _python_match(s, text):
            if s.offset <= matched < s.offset + s.limit:
                page.append(text)
            matched += 1
    return page, matched


_INTERVALS = {"year": (4, "-01-01T00:00:00Z"), "month": (7, "-01T00:00:00Z"),
              "day": (10, "T00:00:00Z")}


def datetime_frequency(conn, s: Search, interval: str = "month") -> tuple[list[dict], int]:
    """Buckets of item counts per month (or year/day), and the number matched."""
    if interval not in _INTERVALS:
        raise stac_error(400, "datetime_frequency_interval",
                         f"must be one of {', '.join(_INTERVALS)}")
    width, suffix = _INTERVALS[interval]
    source, where, args, _ = _where(s)
    counts: dict[str, int] = {}
    if not _needs_python(s):
        for key, n in conn.execute(f"SELECT substr(i.datetime, 1, {width}) k, COUNT(*)"
                                   f" FROM {source}{where} GROUP BY k ORDER BY k", args):
            counts[key] = n
    else:
        for text, dt in conn.execute(f"SELECT d.json, i.datetime FROM {source} JOIN "
                                     f"stac_items d ON d.pk = i.pk{where}", args):
            if _python_match(s, text):
                counts[dt[:width]] = counts.get(dt[:width], 0) + 1
    buckets = [{"key": key + suffix, "data_type": "frequency_distribution", "frequency": n}
               for key, n in sorted(counts.items())]
    return buckets, sum(counts.values())

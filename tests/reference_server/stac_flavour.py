"""Which STAC API the reference server plays: the rich "dinamis" one, or a stock "pgstac".

The real DINAMIS catalogue runs stac-fastapi-pgstac. What a stock deployment of it
answers, read from stac-fastapi, stac-fastapi-pgstac and pgstac themselves, and checked
against a real one (stac-fastapi-pgstac 7.2.0 on pgstac 0.10.0: `make pgstac-check`):
- conformance: the core classes, sort v1.1.0 without sortables (no sortables client is
  configured), filter v1.0.0-rc.2, fields, query, and free text only for *collection*
  search; no aggregation, no free text on item search (a `q` there is silently ignored);
- queryables: pgstac's JSON Schema listing only id, datetime and geometry, with
  `additionalProperties: true` (a filter on any other property is accepted; it matches
  only items that carry it); a sort on such a property orders its values as text;
- a POST search takes `sortby` only as a list and `filter` only as CQL2 JSON;
- an unknown collection in a search is an empty result, not an error;
- `numberMatched` is absent unless pgstac's `context` setting is on;
- request validation errors are FastAPI's: 400 with `{"detail": [{type, loc, msg, input}]}`
  for a POST body, `{"detail": "Invalid parameters provided ..."}` for GET parameters;
  a missing resource is stac-fastapi's `{"code": "NotFoundError", "description": ...}`;
- items carry what an ingest of Airbus products has: core STAC, eo, proj, file,
  processing; nothing DINAMIS-specific (no `dinamis:*`, no viewing angles).
The footprint-only collection (`airbus-archive`) has no `item_assets` there, so nothing but
its items' assets tells that it is orderable.

The "dinamis" flavour stays the richer deployment the plugin also meets: aggregation, free
text, sortables, DINAMIS properties, numberMatched always, STAC-style errors.
Both flavours are strict where the STAC API spec is: RFC 3339 datetimes only, bboxes of
numbers only.
"""
import json
from dataclasses import dataclass
from functools import lru_cache

FLAVOURS = ("dinamis", "pgstac")

_STAC = "https://api.stacspec.org"
_OGC = "http://www.opengis.net/spec"
_CORE = [
    f"{_STAC}/v1.0.0/core",
    f"{_STAC}/v1.0.0/collections",
    f"{_STAC}/v1.0.0/ogcapi-features",
    f"{_STAC}/v1.0.0/item-search",
    f"{_OGC}/ogcapi-features-1/1.0/conf/core",
    f"{_OGC}/ogcapi-features-1/1.0/conf/oas30",
    f"{_OGC}/ogcapi-features-1/1.0/conf/geojson",
]
_CQL2 = [
    f"{_OGC}/cql2/1.0/conf/cql2-text",
    f"{_OGC}/cql2/1.0/conf/cql2-json",
    f"{_OGC}/cql2/1.0/conf/basic-cql2",
]

DINAMIS_CONFORMANCE = _CORE + [
    f"{_STAC}/v1.1.0/item-search#sort",
    f"{_STAC}/v1.1.0/item-search#sortables",
    f"{_STAC}/v1.1.0/ogcapi-features#sort",
    f"{_OGC}/ogcapi-features-5/1.0/conf/sortables",
    f"{_STAC}/v1.0.0/item-search#filter",
    f"{_STAC}/v1.0.0/ogcapi-features#filter",
    f"{_STAC}/v1.0.0/item-search#fields",
    f"{_STAC}/v1.0.0-rc.1/item-search#free-text",
    f"{_STAC}/v0.3.0/aggregation",
    f"{_OGC}/ogcapi-features-3/1.0/conf/filter",
    f"{_OGC}/ogcapi-features-3/1.0/conf/features-filter",
    *_CQL2,
    f"{_OGC}/cql2/1.0/conf/advanced-comparison-operators",
    f"{_OGC}/cql2/1.0/conf/basic-spatial-functions",
    f"{_OGC}/cql2/1.0/conf/temporal-functions",
    f"{_OGC}/ogcapi-features-8/1.0/conf/free-text",
]

# As stac-fastapi 6.x builds it for stac-fastapi-pgstac's default extensions (sorted, as
# stac-fastapi returns them).
PGSTAC_CONFORMANCE = sorted(set(_CORE + [
    f"{_STAC}/v1.0.0/item-search#query",
    f"{_STAC}/v1.0.0/ogcapi-features#query",
    f"{_STAC}/v1.1.0/item-search#sort",
    f"{_STAC}/v1.1.0/ogcapi-features#sort",
    f"{_STAC}/v1.0.0/item-search#fields",
    f"{_STAC}/v1.0.0/ogcapi-features#fields",
    f"{_STAC}/v1.0.0-rc.2/item-search#filter",
    f"{_OGC}/ogcapi-features-3/1.0/conf/filter",
    f"{_OGC}/ogcapi-features-3/1.0/conf/features-filter",
    *_CQL2,
    f"{_STAC}/v1.0.0-rc.1/collection-search",
    f"{_OGC}/ogcapi-common-2/1.0/conf/simple-query",
    f"{_STAC}/v1.0.0-rc.1/collection-search#free-text",
    f"{_STAC}/v1.0.0-rc.1/collection-search#filter",
    f"{_STAC}/v1.0.0-rc.1/collection-search#fields",
    f"{_STAC}/v1.0.0-rc.1/collection-search#query",
    f"{_STAC}/v1.1.0/collection-search#sort",
]))

_NUMBER = {"type": "number"}
_STRING = {"type": "string"}

DINAMIS_QUERYABLES = {
    "id": {"title": "Item id", "type": "string"},
    "collection": {"title": "Collection id", "type": "string"},
    "geometry": {"title": "Footprint", "$ref": "https://geojson.org/schema/Geometry.json"},
    "datetime": {"title": "Acquisition time", "type": "string", "format": "date-time"},
    "platform": {"title": "Platform", **_STRING,
                 "enum": ["SPOT-1", "SPOT-2", "SPOT-3", "SPOT-4", "SPOT-5", "SPOT-6", "SPOT-7",
                          "PHR1A", "PHR1B", "PNEO3", "PNEO4"]},
    "constellation": {"title": "Constellation", **_STRING,
                      "enum": ["spot", "pleiades", "pleiades-neo"]},
    "instruments": {"title": "Instruments", "type": "array", "items": _STRING},
    "gsd": {"title": "Ground sample distance (m)", **_NUMBER, "minimum": 0},
    "eo:cloud_cover": {"title": "Cloud cover (%)", **_NUMBER, "minimum": 0, "maximum": 100},
    "view:incidence_angle": {"title": "Incidence angle (degrees)", **_NUMBER,
                             "minimum": 0, "maximum": 90},
    "view:azimuth": {"title": "Viewing azimuth (degrees)", **_NUMBER,
                     "minimum": 0, "maximum": 360},
    "view:sun_elevation": {"title": "Sun elevation (degrees)", **_NUMBER},
    "proj:epsg": {"title": "EPSG code of the data", "type": "integer"},
    "processing:level": {"title": "Processing level", **_STRING},
    "dinamis:availability": {"title": "Downloadable or orderable", **_STRING,
                             "enum": ["downloadable", "orderable"]},
    "dinamis:stereo_group": {"title": "Stereo pair/triplet group id", **_STRING},
    "dinamis:place": {"title": "Nearest place name", **_STRING},
    "dinamis:department": {"title": "Department or territory", **_STRING},
    "dinamis:country": {"title": "Country", **_STRING},
    "keywords": {"title": "Keywords", "type": "array", "items": _STRING},
}

# pgstac's queryables as its migrations seed them (pgstac 0.10, read from a real one): id,
# datetime and geometry only; every other property is filterable (`additionalProperties`)
# but listed nowhere, and sorts as text (pgstac has no type for it: 9.9 before 83.5).
PGSTAC_QUERYABLES = {
    "id": {"$ref": "https://schemas.stacspec.org/v1.0.0/item-spec/json-schema/item.json"
                   "#/definitions/core/allOf/2/properties/id",
           "title": "Item ID", "description": "Item identifier"},
    "datetime": {"type": "string", "title": "Acquired", "format": "date-time",
                 "pattern": "(\\+00:00|Z)$", "description": "Datetime"},
    "geometry": {"$ref": "https://geojson.org/schema/Feature.json#/properties/geometry",
                 "title": "Item Geometry", "description": "Item Geometry"},
}

# Comparisons on these properties become SQL on indexed item columns, and these are the
# properties one can sort on. A flavour lists only what its items carry.
_SQL_COLUMNS = {"eo:cloud_cover": "i.cloud_cover", "view:incidence_angle": "i.incidence_angle",
                "datetime": "i.datetime", "collection": "i.collection", "id": "i.id",
                "platform": "i.platform", "dinamis:availability": "i.availability"}
_SORT_COLUMNS = {"datetime": "i.datetime", "eo:cloud_cover": "i.cloud_cover",
                 "view:incidence_angle": "i.incidence_angle", "id": "i.id",
                 "collection": "i.collection", "platform": "i.platform"}
_NOT_IN_PLAIN_ITEMS = ("dinamis:availability", "view:incidence_angle")


@dataclass(frozen=True)
class Flavour:
    name: str
    conformance: tuple
    queryables: dict
    additional_properties: bool   # a filter may name properties outside the queryables
    sql_columns: dict
    sort_columns: dict
    aggregation: bool
    item_free_text: bool          # `q` on item search (else ignored, as FastAPI does)
    sortables: bool
    unknown_collection_is_error: bool
    max_limit: int
    plain_items: bool             # items and collections without DINAMIS-specific fields
    fastapi_errors: bool

    @property
    def is_pgstac(self) -> bool:
        return self.name == "pgstac"


DINAMIS = Flavour(
    name="dinamis", conformance=tuple(DINAMIS_CONFORMANCE), queryables=DINAMIS_QUERYABLES,
    additional_properties=False, sql_columns=_SQL_COLUMNS, sort_columns=_SORT_COLUMNS,
    aggregation=True, item_free_text=True, sortables=True, unknown_collection_is_error=True,
    max_limit=1000, plain_items=False, fastapi_errors=False)

PGSTAC = Flavour(
    name="pgstac", conformance=tuple(PGSTAC_CONFORMANCE), queryables=PGSTAC_QUERYABLES,
    additional_properties=True,
    sql_columns={k: v for k, v in _SQL_COLUMNS.items() if k not in _NOT_IN_PLAIN_ITEMS},
    sort_columns={k: (v if k in PGSTAC_QUERYABLES else f"CAST({v} AS TEXT)")
                  for k, v in _SORT_COLUMNS.items() if k not in _NOT_IN_PLAIN_ITEMS},
    aggregation=False, item_free_text=False, sortables=False,
    unknown_collection_is_error=False, max_limit=10000, plain_items=True,
    fastapi_errors=True)


def flavour_named(name: str) -> Flavour:
    return PGSTAC if name == "pgstac" else DINAMIS


def queryables_schema(flavour: Flavour, url: str, title: str) -> dict:
    if flavour.is_pgstac:
        return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": url,
                "type": "object", "title": "STAC Queryables.",
                "properties": flavour.queryables, "additionalProperties": True}
    return {"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": url,
            "type": "object", "title": title, "properties": flavour.queryables,
            "additionalProperties": False}


def sortables_schema(flavour: Flavour, url: str) -> dict:
    properties = {name: flavour.queryables.get(name, {"type": "string"})
                  for name in flavour.sort_columns}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url,
            "type": "object", "title": "Sortables", "properties": properties,
            "additionalProperties": False}


# ---------- plain items and collections (what a stock ingest carries) ----------

def _dinamis_specific(name: str) -> bool:
    return name.startswith(("dinamis:", "view:"))


@lru_cache(maxsize=20000)
def plain_item_text(text: str) -> str:
    """An item's stored JSON without DINAMIS-specific properties (and the view extension)."""
    item = json.loads(text)
    item["properties"] = {k: v for k, v in item["properties"].items()
                          if not _dinamis_specific(k)}
    item["stac_extensions"] = [e for e in item.get("stac_extensions", [])
                               if "/view/" not in e]
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def plain_collection(collection: dict) -> dict:
    collection = {k: v for k, v in collection.items() if not _dinamis_specific(k)}
    collection["summaries"] = {k: v for k, v in (collection.get("summaries") or {}).items()
                               if not _dinamis_specific(k)}
    if "data" not in {role for asset in (collection.get("item_assets") or {}).values()
                      for role in asset.get("roles", [])}:
        collection.pop("item_assets", None)  # footprint-only: its metadata says nothing
        collection["stac_extensions"] = [e for e in collection.get("stac_extensions", [])
                                         if "item-assets" not in e]
    return collection


# ---------- errors as FastAPI (stac-fastapi) answers them ----------

def fastapi_error_body(status: int, body: dict, method: str, request_json) -> dict:
    """The pgstac flavour's answer for one of our STAC errors (`{code, description,
    parameter, reason}`): request validation as FastAPI reports it (stac-fastapi turns its
    422 into a 400), a missing resource as stac-fastapi's NotFoundError."""
    parameter, reason = body.get("parameter"), body.get("reason") or body.get("description")
    if status == 404:
        if parameter == "path":
            return {"detail": "Not Found"}
        return {"code": "NotFoundError", "description": reason}
    if status != 400 or not parameter:
        return body
    if method == "POST":
        value = request_json.get(parameter) if isinstance(request_json, dict) else None
        return {"detail": [{"type": "value_error", "loc": ["body", parameter],
                            "msg": f"Value error, {reason}", "input": value}],
                "body": request_json}
    return {"detail": f"Invalid parameters provided: {parameter}: {reason}"}

"""OpenAPI 3.0 description of the STAC API (the landing page's `service-desc`)."""


def _param(name, description, schema=None, style=None):
    p = {"name": name, "in": "query", "required": False, "description": description,
         "schema": schema or {"type": "string"}}
    if style:
        p.update(style=style, explode=False)
    return p


_SEARCH_PARAMS = [
    _param("bbox", "west,south,east,north in degrees",
           {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 6}, "form"),
    _param("intersects", "GeoJSON geometry (JSON text)"),
    _param("datetime", "instant or interval start/end, open ends as '..'"),
    _param("ids", "item ids", {"type": "array", "items": {"type": "string"}}, "form"),
    _param("collections", "collection ids", {"type": "array", "items": {"type": "string"}},
           "form"),
    _param("limit", "items per page (1..1000; larger values are clamped)",
           {"type": "integer", "minimum": 1}),
    _param("sortby", "e.g. -datetime,+id"),
    _param("filter", "CQL2 filter"),
    _param("filter-lang", "cql2-text (default) or cql2-json",
           {"type": "string", "enum": ["cql2-text", "cql2-json"]}),
    _param("q", "free text over place names and keywords"),
    _param("fields", "fields extension: e.g. properties.datetime,-assets"),
    _param("token", "paging token from a next link"),
]

_ERROR = {"description": "invalid parameter", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"code": {"type": "string"},
                                     "description": {"type": "string"},
                                     "parameter": {"type": "string"},
                                     "reason": {"type": "string"}}}}}}


def _get(summary, params=(), content="application/json"):
    return {"get": {"summary": summary, "parameters": list(params), "responses": {
        "200": {"description": "OK", "content": {content: {"schema": {"type": "object"}}}},
        "400": _ERROR, "404": _ERROR}}}


def openapi(base: str, flavour) -> dict:
    search_body = {"type": "object", "properties": {
        "bbox": {"type": "array", "items": {"type": "number"}},
        "intersects": {"type": "object"}, "datetime": {"type": "string"},
        "ids": {"type": "array", "items": {"type": "string"}},
        "collections": {"type": "array", "items": {"type": "string"}},
        "limit": {"type": "integer", "minimum": 1},
        "sortby": {"type": "array", "items": {"type": "object"}},
        "filter": {"type": "object"}, "filter-lang": {"type": "string"},
        "q": {"type": "array", "items": {"type": "string"}},
        "fields": {"type": "object"}, "token": {"type": "string"}}}
    params = [p for p in _SEARCH_PARAMS if flavour.item_free_text or p["name"] != "q"]
    if not flavour.item_free_text:
        del search_body["properties"]["q"]
    search = _get("Search items", params, "application/geo+json")
    search["post"] = {"summary": "Search items (JSON body)",
                      "requestBody": {"content": {"application/json": {"schema": search_body}}},
                      "responses": search["get"]["responses"]}
    aggregate = _get("Aggregate a search (datetime_frequency, total_count)", [
        _param("aggregations", "comma-separated aggregation names"),
        _param("datetime_frequency_interval", "month (default), year or day",
               {"type": "string", "enum": ["month", "year", "day"]}), *params])
    cid = {"name": "collectionId", "in": "path", "required": True, "schema": {"type": "string"}}
    iid = {"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "DINAMIS STAC API (reference server)", "version": "1.0.0"},
        "servers": [{"url": f"{base}/stac"}],
        "paths": {
            "/": _get("Landing page"),
            "/conformance": _get("Conformance classes"),
            "/queryables": _get("Queryables", content="application/schema+json"),
            "/collections": _get("Collections"),
            "/collections/{collectionId}": {"get": {**_get("Collection")["get"],
                                                    "parameters": [cid]}},
            "/collections/{collectionId}/items": {"get": {
                **_get("Items", content="application/geo+json")["get"],
                "parameters": [cid, *[p for p in params if p["name"] != "collections"]]}},
            "/collections/{collectionId}/items/{itemId}": {"get": {
                **_get("Item", content="application/geo+json")["get"],
                "parameters": [cid, iid]}},
            "/search": search,
            **({"/aggregate": aggregate, "/aggregations": _get("Available aggregations")}
               if flavour.aggregation else {}),
            **({"/sortables": _get("Sortables", content="application/schema+json")}
               if flavour.sortables else {}),
        },
    }

"""STAC API 1.0 at /stac/: landing page, collections, items, search, queryables, sortables,
aggregation; as the "dinamis" or the "pgstac" flavour (stac_flavour) behaves.

Public, like the web catalogue: searching needs no account; only asset downloads are
signed. Responses are assembled from the stored item texts (see stac_store).
"""
import json
from functools import wraps
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, g, jsonify, request

from . import stac_flavour, stac_search, stac_store
from .errors import ApiError, stac_error
from .stac_flavour import queryables_schema, sortables_schema

bp = Blueprint("stac_api", __name__)

STAC_VERSION = "1.0.0"
GEOJSON = "application/geo+json"
JSON = "application/json"
SCHEMA_JSON = "application/schema+json"
QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
SORTABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/sortables"
PGSTAC_COLLECTIONS_LIMIT = 10


def pooled(view):
    """Run the view with a pooled catalogue connection (warm cache), returned afterwards."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        with stac_store.reader(current_app.config["DINAMIS"].db_path) as conn:
            g.stac_conn = conn
            try:
                return view(*args, **kwargs)
            finally:
                g.pop("stac_conn", None)
    return wrapper


def get_db():
    return g.stac_conn


def _base() -> str:
    return current_app.config["DINAMIS"].base_url


def _json(obj, status=200, mimetype=JSON) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False), status=status, mimetype=mimetype)


def _link(rel, path, type_=JSON, **extra) -> dict:
    return {"rel": rel, "href": f"{_base()}/stac{path}", "type": type_, **extra}


def _expand(text: str) -> str:
    return stac_store.expand_hrefs(text, current_app.config["DINAMIS"])


def _config():
    return current_app.config["DINAMIS"]


def _flavour() -> stac_flavour.Flavour:
    return stac_flavour.flavour_named(_config().stac_flavour)


@bp.errorhandler(ApiError)
def _api_error(err: ApiError):
    """STAC's `{code, description, parameter}`, or FastAPI's answers in the pgstac flavour."""
    body = err.body
    if _flavour().fastapi_errors:
        body = stac_flavour.fastapi_error_body(err.status, err.body, request.method,
                                               request.get_json(silent=True))
    response = jsonify(body)
    response.status_code = err.status
    response.headers.update(err.headers)
    return response


def _not_in_this_flavour():
    return ApiError(404, {"code": "NotFound", "description": "no such endpoint here",
                          "parameter": "path", "reason": "not found"})


# ---------- landing, conformance, service description ----------

@bp.get("/")
@pooled
def landing():
    conn = get_db()
    flavour = _flavour()
    links = [
        _link("self", "/"), _link("root", "/"),
        _link("service-desc", "/api", "application/vnd.oai.openapi+json;version=3.0"),
        _link("conformance", "/conformance"),
        _link("data", "/collections"),
        _link("search", "/search", GEOJSON, method="GET"),
        _link("search", "/search", GEOJSON, method="POST"),
        _link(QUERYABLES_REL, "/queryables", SCHEMA_JSON, method="GET"),
    ]
    if flavour.sortables:
        links.append(_link(SORTABLES_REL, "/sortables", SCHEMA_JSON))
    if flavour.aggregation:
        links += [_link("aggregate", "/aggregate", JSON, method="GET"),
                  _link("aggregate", "/aggregate", JSON, method="POST"),
                  _link("aggregations", "/aggregations")]
    links += [_link("child", f"/collections/{cid}", title=cid)
              for cid in stac_store.collection_ids(conn)]
    return _json({
        "type": "Catalog", "stac_version": STAC_VERSION, "id": "dinamis",
        "title": "DINAMIS catalogue (reference server)",
        "description": "Very-high-resolution optical imagery for French public research and "
                       "public actors: SPOT 6/7, Pléiades, Pléiades Neo, SPOT World Heritage, "
                       "and the orderable Airbus archive.",
        "conformsTo": list(flavour.conformance), "links": links,
    })


@bp.get("/conformance")
def conformance():
    return _json({"conformsTo": list(_flavour().conformance)})


@bp.get("/api")
def service_desc():
    from .stac_openapi import openapi
    return _json(openapi(_base(), _flavour()),
                 mimetype="application/vnd.oai.openapi+json;version=3.0")


# ---------- collections and items ----------

def _collection_json(text: str) -> str:
    text = _expand(text)
    if _flavour().plain_items:
        text = json.dumps(stac_flavour.plain_collection(json.loads(text)), ensure_ascii=False)
    return text


@bp.get("/collections")
@pooled
def collections():
    texts = [_collection_json(t) for t in stac_store.collection_texts(get_db())]
    links = [_link("self", "/collections"), _link("root", "/"), _link("parent", "/")]
    if not _flavour().is_pgstac:
        return Response('{"collections":[' + ",".join(texts) + '],"links":'
                        + json.dumps(links) + "}", mimetype=JSON)
    # stac-fastapi-pgstac's collection search: offset paging (10 a page), free text `q`.
    found = [t for t in texts if stac_search.collection_matches(
        json.loads(t), request.args.get("q"))]
    limit = _positive_int("limit", PGSTAC_COLLECTIONS_LIMIT)
    offset = _positive_int("offset", 0, minimum=0)
    page = found[offset:offset + limit]
    if offset + limit < len(found):
        args = {**request.args.to_dict(), "limit": limit, "offset": offset + limit}
        links.append({"rel": "next", "type": JSON, "method": "GET",
                      "href": f"{_base()}/stac/collections?{urlencode(args)}"})
    return Response('{"collections":[' + ",".join(page) + '],"links":' + json.dumps(links)
                    + f',"numberMatched":{len(found)},"numberReturned":{len(page)}}}',
                    mimetype=JSON)


def _positive_int(name: str, default: int, minimum: int = 1) -> int:
    value = request.args.get(name)
    if value in (None, ""):
        return default
    if not value.isdigit() or int(value) < minimum:
        raise stac_error(400, name, f"must be an integer of at least {minimum}")
    return int(value)


def _collection_or_404(conn, collection_id) -> str:
    text = stac_store.collection_text(conn, collection_id)
    if text is None:
        raise stac_error(404, "collectionId", f"Collection {collection_id} does not exist.",
                         code="NotFound")
    return text


@bp.get("/collections/<collection_id>")
@pooled
def collection(collection_id):
    return Response(_collection_json(_collection_or_404(get_db(), collection_id)),
                    mimetype=JSON)


@bp.get("/collections/<collection_id>/queryables")
@pooled
def collection_queryables(collection_id):
    _collection_or_404(get_db(), collection_id)
    url = f"{_base()}/stac/collections/{collection_id}/queryables"
    return _json(queryables_schema(_flavour(), url, f"Queryables of {collection_id}"),
                 mimetype=SCHEMA_JSON)


@bp.get("/queryables")
def queryables():
    return _json(queryables_schema(_flavour(), f"{_base()}/stac/queryables",
                                   "DINAMIS queryables"), mimetype=SCHEMA_JSON)


@bp.get("/sortables")
def sortables():
    if not _flavour().sortables:
        raise _not_in_this_flavour()
    return _json(sortables_schema(_flavour(), f"{_base()}/stac/sortables"),
                 mimetype=SCHEMA_JSON)


@bp.get("/collections/<collection_id>/items")
@pooled
def collection_items(collection_id):
    conn = get_db()
    _collection_or_404(conn, collection_id)
    params = request.args.to_dict()
    if "collections" in params:
        raise stac_error(400, "collections", "not allowed here: the path names the collection")
    params["collections"] = collection_id
    search = stac_search.parse(params, stac_store.collection_ids(conn), _flavour(),
                               from_query=True)
    return _item_collection(conn, search, f"/collections/{collection_id}/items", get_args=True)


@bp.get("/collections/<collection_id>/items/<item_id>")
@pooled
def item(collection_id, item_id):
    conn = get_db()
    _collection_or_404(conn, collection_id)
    text = stac_store.item_text(conn, collection_id, item_id)
    if text is None:
        raise stac_error(404, "itemId", f"Item {item_id} in Collection {collection_id} does "
                         "not exist.", code="NotFound")
    return Response(_expand(_item_text(text)), mimetype=GEOJSON)


def _item_text(text: str, fields=None) -> str:
    if _flavour().plain_items:
        text = stac_flavour.plain_item_text(text)
    if fields:
        text = json.dumps(stac_search.select_fields(json.loads(text), fields),
                          ensure_ascii=False, separators=(",", ":"))
    return text


# ---------- search and aggregation ----------

def _post_body() -> dict:
    body = request.get_json(silent=True)
    if body is None and request.content_length in (None, 0) and not request.data:
        return {}
    if not isinstance(body, dict):
        raise stac_error(400, "body", "must be a JSON object of search parameters")
    return body


def _parse(params, from_query: bool):
    conn = get_db()
    return conn, stac_search.parse(params, stac_store.collection_ids(conn), _flavour(),
                                   from_query)


@bp.get("/search")
@pooled
def search_get():
    conn, search = _parse(request.args.to_dict(), from_query=True)
    return _item_collection(conn, search, "/search", get_args=True)


@bp.post("/search")
@pooled
def search_post():
    body = _post_body()
    conn, search = _parse(body, from_query=False)
    return _item_collection(conn, search, "/search", get_args=False, body=body)


def _item_collection(conn, search, path, get_args, body=None) -> Response:
    texts, matched = stac_search.run(conn, search)
    flavour = _flavour()
    links = [_link("self", path, GEOJSON), _link("root", "/")]
    next_offset = search.offset + len(texts)
    if texts and next_offset < matched:
        links.append(_paging_link("next", path, get_args, body, next_offset))
    if flavour.is_pgstac and search.offset > 0:
        links.append(_paging_link("prev", path, get_args, body,
                                  max(search.offset - search.limit, 0)))
    counts = f'"numberReturned":{len(texts)}'
    if not flavour.is_pgstac or _config().stac_context:  # pgstac's `context` setting
        counts = f'"numberMatched":{matched},' + counts
    features = ",".join(_item_text(t, search.fields) for t in texts)
    head = '{"type":"FeatureCollection","features":['
    tail = f'],"links":{json.dumps(links, ensure_ascii=False)},{counts}}}'
    return Response(head + _expand(features) + tail, mimetype=GEOJSON)


def _paging_link(rel: str, path: str, get_args: bool, body, offset: int) -> dict:
    token = f"{rel}:{offset}"
    if get_args:
        args = request.args.to_dict(flat=False)
        args["token"] = [token]
        href = f"{_base()}/stac{path}?{urlencode(args, doseq=True)}"
        return {"rel": rel, "href": href, "type": GEOJSON, "method": "GET"}
    link = {"rel": rel, "href": f"{_base()}/stac{path}", "type": GEOJSON, "method": "POST"}
    if _flavour().is_pgstac:  # the whole body again, as stac-fastapi-pgstac links it
        return {**link, "body": {**(body or {}), "token": token}}
    return {**link, "body": {"token": token}, "merge": True}


@bp.get("/aggregations")
def aggregations():
    if not _flavour().aggregation:
        raise _not_in_this_flavour()
    return _json({"aggregations": [
        {"name": "datetime_frequency", "data_type": "frequency_distribution",
         "description": "item counts per month (datetime_frequency_interval=month|year|day)"},
        {"name": "total_count", "data_type": "integer"},
    ], "links": [_link("self", "/aggregations"), _link("root", "/")]})


@bp.get("/aggregate")
@pooled
def aggregate_get():
    return _aggregate(request.args.to_dict(), from_query=True)


@bp.post("/aggregate")
@pooled
def aggregate_post():
    return _aggregate(_post_body(), from_query=False)


def _aggregate(params, from_query: bool) -> Response:
    if not _flavour().aggregation:
        raise _not_in_this_flavour()
    wanted = params.pop("aggregations", "datetime_frequency")
    if isinstance(wanted, str):
        wanted = [w.strip() for w in wanted.split(",") if w.strip()]
    if not isinstance(wanted, list) or not wanted:
        raise stac_error(400, "aggregations", "must name at least one aggregation")
    for name in wanted:
        if name not in ("datetime_frequency", "total_count"):
            raise stac_error(400, "aggregations", f"unknown aggregation {name!r}; "
                             "available: datetime_frequency, total_count")
    interval = params.pop("datetime_frequency_interval", "month")
    conn, search = _parse(params, from_query)
    buckets, matched = stac_search.datetime_frequency(conn, search, interval)
    result = []
    for name in wanted:
        if name == "datetime_frequency":
            result.append({"name": name, "data_type": "frequency_distribution",
                           "buckets": buckets})
        else:
            result.append({"name": name, "data_type": "integer", "value": matched})
    return _json({"type": "AggregationCollection", "aggregations": result,
                  "numberMatched": matched,
                  "links": [_link("self", "/aggregate"), _link("root", "/")]})

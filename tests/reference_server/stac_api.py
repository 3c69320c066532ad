"""STAC API 1.0 at /stac/: landing page, collections, items, search, queryables, aggregation.

Public, like the web catalogue: searching needs no account; only asset downloads are
signed. Responses are assembled from the stored item texts (see stac_store).
"""
import json
from functools import wraps
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, g, request

from . import stac_search, stac_store
from .errors import stac_error
from .stac_filter import queryables_schema

bp = Blueprint("stac_api", __name__)

STAC_VERSION = "1.0.0"
GEOJSON = "application/geo+json"
JSON = "application/json"
QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
CONFORMANCE = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/collections",
    "https://api.stacspec.org/v1.0.0/ogcapi-features",
    "https://api.stacspec.org/v1.0.0/item-search",
    "https://api.stacspec.org/v1.0.0/item-search#sort",
    "https://api.stacspec.org/v1.0.0/ogcapi-features#sort",
    "https://api.stacspec.org/v1.0.0/item-search#filter",
    "https://api.stacspec.org/v1.0.0/ogcapi-features#filter",
    "https://api.stacspec.org/v1.0.0-rc.1/item-search#free-text",
    "https://api.stacspec.org/v0.3.0/aggregation",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
    "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
    "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
    "http://www.opengis.net/spec/ogcapi-features-8/1.0/conf/free-text",
]


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


# ---------- landing, conformance, service description ----------

@bp.get("/")
@pooled
def landing():
    conn = get_db()
    links = [
        _link("self", "/"), _link("root", "/"),
        _link("service-desc", "/api", "application/vnd.oai.openapi+json;version=3.0"),
        _link("conformance", "/conformance"),
        _link("data", "/collections"),
        _link("search", "/search", GEOJSON, method="GET"),
        _link("search", "/search", GEOJSON, method="POST"),
        _link(QUERYABLES_REL, "/queryables", "application/schema+json"),
        _link("aggregate", "/aggregate", JSON, method="GET"),
        _link("aggregate", "/aggregate", JSON, method="POST"),
        _link("aggregations", "/aggregations"),
    ]
    links += [_link("child", f"/collections/{cid}", title=cid)
              for cid in stac_store.collection_ids(conn)]
    return _json({
        "type": "Catalog", "stac_version": STAC_VERSION, "id": "dinamis",
        "title": "DINAMIS catalogue (reference server)",
        "description": "Very-high-resolution optical imagery for French public research and "
                       "public actors: SPOT 6/7, Pléiades, Pléiades Neo, SPOT World Heritage, "
                       "and the orderable Airbus archive.",
        "conformsTo": CONFORMANCE, "links": links,
    })


@bp.get("/conformance")
def conformance():
    return _json({"conformsTo": CONFORMANCE})


@bp.get("/api")
def service_desc():
    from .stac_openapi import openapi
    return _json(openapi(_base()), mimetype="application/vnd.oai.openapi+json;version=3.0")


# ---------- collections and items ----------

@bp.get("/collections")
@pooled
def collections():
    texts = stac_store.collection_texts(get_db())
    body = ('{"collections":[' + ",".join(texts) + '],"links":'
            + json.dumps([_link("self", "/collections"), _link("root", "/"),
                          _link("parent", "/")]) + "}")
    return Response(_expand(body), mimetype=JSON)


def _collection_or_404(conn, collection_id) -> str:
    text = stac_store.collection_text(conn, collection_id)
    if text is None:
        raise stac_error(404, "collectionId", f"no collection {collection_id!r}", code="NotFound")
    return text


@bp.get("/collections/<collection_id>")
@pooled
def collection(collection_id):
    return Response(_expand(_collection_or_404(get_db(), collection_id)), mimetype=JSON)


@bp.get("/collections/<collection_id>/queryables")
@pooled
def collection_queryables(collection_id):
    _collection_or_404(get_db(), collection_id)
    url = f"{_base()}/stac/collections/{collection_id}/queryables"
    return _json(queryables_schema(url, f"Queryables of {collection_id}"),
                 mimetype="application/schema+json")


@bp.get("/queryables")
def queryables():
    return _json(queryables_schema(f"{_base()}/stac/queryables", "DINAMIS queryables"),
                 mimetype="application/schema+json")


@bp.get("/collections/<collection_id>/items")
@pooled
def collection_items(collection_id):
    conn = get_db()
    _collection_or_404(conn, collection_id)
    params = request.args.to_dict()
    if "collections" in params:
        raise stac_error(400, "collections", "not allowed here: the path names the collection")
    params["collections"] = collection_id
    search = stac_search.parse(params, stac_store.collection_ids(conn))
    return _item_collection(conn, search, f"/collections/{collection_id}/items", get_args=True)


@bp.get("/collections/<collection_id>/items/<item_id>")
@pooled
def item(collection_id, item_id):
    conn = get_db()
    _collection_or_404(conn, collection_id)
    text = stac_store.item_text(conn, collection_id, item_id)
    if text is None:
        raise stac_error(404, "itemId", f"no item {item_id!r} in {collection_id}", code="NotFound")
    return Response(_expand(text), mimetype=GEOJSON)


# ---------- search and aggregation ----------

def _post_body() -> dict:
    body = request.get_json(silent=True)
    if body is None and request.content_length in (None, 0) and not request.data:
        return {}
    if not isinstance(body, dict):
        raise stac_error(400, "body", "must be a JSON object of search parameters")
    return body


def _parse(params):
    conn = get_db()
    return conn, stac_search.parse(params, stac_store.collection_ids(conn))


@bp.get("/search")
@pooled
def search_get():
    conn, search = _parse(request.args.to_dict())
    return _item_collection(conn, search, "/search", get_args=True)


@bp.post("/search")
@pooled
def search_post():
    body = _post_body()
    conn, search = _parse(body)
    return _item_collection(conn, search, "/search", get_args=False, body=body)


def _item_collection(conn, search, path, get_args, body=None) -> Response:
    texts, matched = stac_search.run(conn, search)
    links = [_link("self", path, GEOJSON), _link("root", "/")]
    next_offset = search.offset + len(texts)
    if texts and next_offset < matched:
        token = f"next:{next_offset}"
        if get_args:
            args = request.args.to_dict(flat=False)
            args["token"] = [token]
            href = f"{_base()}/stac{path}?{urlencode(args, doseq=True)}"
            links.append({"rel": "next", "href": href, "type": GEOJSON, "method": "GET"})
        else:
            links.append({"rel": "next", "href": f"{_base()}/stac{path}", "type": GEOJSON,
                          "method": "POST", "body": {"token": token}, "merge": True})
    head = '{"type":"FeatureCollection","features":['
    tail = (f'],"links":{json.dumps(links, ensure_ascii=False)},'
            f'"numberMatched":{matched},"numberReturned":{len(texts)}}}')
    return Response(head + _expand(",".join(texts)) + tail, mimetype=GEOJSON)


@bp.get("/aggregations")
def aggregations():
    return _json({"aggregations": [
        {"name": "datetime_frequency", "data_type": "frequency_distribution",
         "description": "item counts per month (datetime_frequency_interval=month|year|day)"},
        {"name": "total_count", "data_type": "integer"},
    ], "links": [_link("self", "/aggregations"), _link("root", "/")]})


@bp.get("/aggregate")
@pooled
def aggregate_get():
    params = request.args.to_dict()
    return _aggregate(params)


@bp.post("/aggregate")
@pooled
def aggregate_post():
    return _aggregate(_post_body())


def _aggregate(params) -> Response:
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
    conn, search = _parse(params)
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

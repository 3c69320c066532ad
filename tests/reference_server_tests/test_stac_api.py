"""The STAC API over real HTTP, as pystac-client and the plugin use it (session server)."""
import json
from datetime import datetime

import pystac_client
import pytest
import requests
from shapely.geometry import box, mapping, shape


def stac(server, path=""):
    return server.url("/stac/" + path.lstrip("/"))


def get_search(server, **params):
    r = requests.get(stac(server, "search"), params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def post_search(server, body):
    r = requests.post(stac(server, "search"), json=body, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.fixture
def client(server):
    return pystac_client.Client.open(stac(server))


# ---------- landing page, conformance, collections ----------

def test_landing_page_has_the_links_pystac_client_expects(server):
    body = requests.get(stac(server), timeout=10).json()
    rels = {(l["rel"], l.get("method")) for l in body["links"]}
    for rel in ("self", "root", "service-desc", "conformance", "data",
                "http://www.opengis.net/def/rel/ogc/1.0/queryables", "aggregations"):
        assert any(r == rel for r, _ in rels), rel
    assert ("search", "GET") in rels and ("search", "POST") in rels
    assert ("aggregate", "GET") in rels and ("aggregate", "POST") in rels
    conformance = requests.get(stac(server, "conformance"), timeout=10).json()["conformsTo"]
    assert conformance == body["conformsTo"]
    for suffix in ("/core", "/collections", "/ogcapi-features", "/item-search",
                   "/item-search#sort", "/item-search#filter", "#free-text", "/aggregation",
                   "conf/cql2-text", "conf/cql2-json"):
        assert any(uri.endswith(suffix) for uri in conformance), suffix
    desc = requests.get(next(l["href"] for l in body["links"] if l["rel"] == "service-desc"),
                        timeout=10)
    assert desc.status_code == 200 and desc.json()["openapi"].startswith("3.0")


def test_pystac_client_lists_the_dinamis_collections(client):
    # Not SORT: stock pystac-client 0.9.1 knows only v1.0.x classes and this server
    # advertises sort v1.1.0, as current stac-fastapi does (the plugin's vendored copy is
    # patched for it: tests/plugin/test_vendoring.py).
    for name in ("CORE", "ITEM_SEARCH", "COLLECTIONS", "FEATURES", "FILTER"):
        assert client.conforms_to(name), name
    collections = {c.id: c for c in client.get_collections()}
    assert {"spot-6-7-drs", "pleiades", "pleiades-neo", "spot-world-heritage",
            "airbus-archive"} <= set(collections)
    spot = collections["spot-6-7-drs"]
    assert {"src_xs", "src_pan", "thumbnail"} <= set(spot.extra_fields["item_assets"])
    assert spot.extent.temporal.intervals[0][0].year >= 2012
    assert collections["airbus-archive"].extra_fields["dinamis:availability"] == "orderable"


def test_collection_items_and_single_item(server):
    r = requests.get(stac(server, "collections/pleiades/items"), params={"limit": 5}, timeout=10)
    page = r.json()
    assert r.status_code == 200 and page["numberReturned"] == 5
    assert all(f["collection"] == "pleiades" for f in page["features"])
    nxt = next(l for l in page["links"] if l["rel"] == "next")
    page2 = requests.get(nxt["href"], timeout=10).json()
    assert not {f["id"] for f in page["features"]} & {f["id"] for f in page2["features"]}
    one = page["features"][0]
    r = requests.get(stac(server, f"collections/pleiades/items/{one['id']}"), timeout=10)
    assert r.status_code == 200 and r.json() == one
    for path in ("collections/nope", "collections/nope/items", "collections/pleiades/items/nope"):
        r = requests.get(stac(server, path), timeout=10)
        assert r.status_code == 404 and r.json()["code"] == "NotFound", path


def test_items_carry_the_dinamis_properties(server):
    feats = get_search(server, limit=1000)["features"]
    by_collection = {}
    for f in feats:
        by_collection.setdefault(f["collection"], []).append(f)
    assert len(by_collection) == 5
    for f in feats:
        p = f["properties"]
        for key in ("datetime", "platform", "instruments", "gsd", "eo:cloud_cover",
                    "view:incidence_angle", "view:azimuth", "proj:epsg", "processing:level",
                    "dinamis:availability", "dinamis:place", "keywords"):
            assert key in p, (f["id"], key)
        assert 0 <= p["eo:cloud_cover"] <= 100 and 0 <= p["view:incidence_angle"] <= 30
        thumb = f["assets"]["thumbnail"]
        assert thumb["type"] == "image/png" and "thumbnail" in thumb["roles"]
        assert "/s3/dinamis-quicklooks/" in thumb["href"]
        if p["dinamis:availability"] == "downloadable":
            xs = f["assets"]["src_xs"]
            assert "/s3/dinamis-catalogue/" in xs["href"]
            assert xs["file:checksum"].startswith("1220") and len(xs["file:checksum"]) == 68
            assert xs["file:size"] > 0 and len(xs["proj:bbox"]) == 4
        else:
            assert f["collection"] == "airbus-archive"
            assert set(f["assets"]) == {"thumbnail"}
    years = {cid: [int(f["properties"]["datetime"][:4]) for f in fs]
             for cid, fs in by_collection.items()}
    assert min(years["pleiades-neo"]) >= 2021
    assert max(years["spot-world-heritage"]) <= 2015
    assert any(f["properties"].get("dinamis:stereo_group") for f in feats)


# ---------- search ----------

def test_bbox_datetime_ids_and_collections_filter(server):
    bbox = [3.0, 43.0, 4.5, 44.0]
    feats = get_search(server, bbox=",".join(map(str, bbox)), limit=100)["features"]
    assert feats
    for f in feats:
        w, s, e, n = f["bbox"]
        assert w <= bbox[2] and e >= bbox[0] and s <= bbox[3] and n >= bbox[1]
    body = get_search(server, datetime="2015-01-01T00:00:00Z/2018-12-31T23:59:59Z", limit=200)
    assert body["numberMatched"] > 0
    assert all("2015" <= f["properties"]["datetime"][:4] <= "2018" for f in body["features"])
    older = get_search(server, datetime="../1999-12-31T23:59:59Z", limit=200)
    newer = get_search(server, datetime="2000-01-01T00:00:00Z/..", limit=1)
    total = get_search(server, limit=1)["numberMatched"]
    assert older["numberMatched"] + newer["numberMatched"] == total
    assert {f["collection"] for f in older["features"]} == {"spot-world-heritage"}
    instant = older["features"][0]["properties"]["datetime"]
    assert [f["properties"]["datetime"] for f in
            get_search(server, datetime=instant)["features"]][0] == instant
    ids = [f["id"] for f in feats[:3]]
    assert {f["id"] for f in get_search(server, ids=",".join(ids))["features"]} == set(ids)
    coll = get_search(server, collections="pleiades,pleiades-neo", limit=100)["features"]
    assert {f["collection"] for f in coll} == {"pleiades", "pleiades-neo"}


def test_intersects_is_exact_not_just_the_bounding_box(server):
    # Far from Lambert-93's central meridian (3 E), square scenes are visibly tilted
    # quadrilaterals in longitude/latitude: their bbox corners lie outside the footprint.
    f = get_search(server, bbox="-5,47,-2,49", collections="spot-6-7-drs,spot-world-heritage",
                   limit=1)["features"][0]
    footprint = shape(f["geometry"])
    outside = box(*f["bbox"]).difference(footprint.buffer(1e-5))
    assert outside.area > 0
    probe = mapping(outside.representative_point())
    inside = mapping(footprint.representative_point())
    assert f["id"] in ids_of(post_search(server, {"intersects": inside, "limit": 1000}))
    assert f["id"] not in ids_of(post_search(server, {"intersects": probe, "limit": 1000}))
    by_get = get_search(server, intersects=json.dumps(inside), limit=1000)
    assert f["id"] in ids_of(by_get)
    far = {"type": "Polygon", "coordinates": [[[-40, -40], [-39, -40], [-39, -39], [-40, -40]]]}
    assert post_search(server, {"intersects": far})["numberMatched"] == 0


def ids_of(page):
    return [feature["id"] for feature in page["features"]]


def test_sortby_get_and_post(server, client):
    asc = get_search(server, sortby="+eo:cloud_cover,-datetime", limit=50)["features"]
    clouds = [f["properties"]["eo:cloud_cover"] for f in asc]
    assert clouds == sorted(clouds)
    desc = post_search(server, {"sortby": [{"field": "properties.view:incidence_angle",
                                            "direction": "desc"}], "limit": 50})["features"]
    angles = [f["properties"]["view:incidence_angle"] for f in desc]
    assert angles == sorted(angles, reverse=True)
    default = get_search(server, limit=50)["features"]
    dts = [f["properties"]["datetime"] for f in default]
    assert dts == sorted(dts, reverse=True)
    items = list(client.search(sortby="-id", max_items=30, limit=10).items())
    assert [i.id for i in items] == sorted((i.id for i in items), reverse=True)
    items = list(client.search(sortby=["+datetime"], max_items=10, method="GET").items())
    assert [i.datetime for i in items] == sorted(i.datetime for i in items)


def test_filter_cql2_text_and_json_with_pystac_client(client):
    text = client.search(filter="eo:cloud_cover < 10 AND platform = 'SPOT-6'",
                         filter_lang="cql2-text", method="GET", max_items=500)
    found = list(text.items())
    assert found and all(i.properties["eo:cloud_cover"] < 10 and
                         i.properties["platform"] == "SPOT-6" for i in found)
    assert text.matched() == len(found)
    as_json = client.search(filter={"op": "and", "args": [
        {"op": "<", "args": [{"property": "eo:cloud_cover"}, 10]},
        {"op": "=", "args": [{"property": "platform"}, "SPOT-6"]}]}, method="POST",
        max_items=500)
    assert sorted(i.id for i in as_json.items()) == sorted(i.id for i in found)
    # Needs evaluation beyond SQL: LIKE, IN, arrays, spatial, temporal.
    advanced = client.search(filter="platform LIKE 'PHR%' AND dinamis:availability IN "
                                    "('downloadable') AND S_INTERSECTS(geometry, "
                                    "POLYGON((-5 41, 10 41, 10 52, -5 52, -5 41))) AND "
                                    "datetime >= TIMESTAMP('2016-01-01T00:00:00Z')",
                             method="GET", max_items=500)
    hits = list(advanced.items())
    assert hits and all(i.properties["platform"].startswith("PHR")
                        and i.datetime.year >= 2016 for i in hits)
    assert advanced.matched() == len(hits)


def test_queryables_are_json_schema(server):
    for path in ("queryables", "collections/pleiades/queryables"):
        r = requests.get(stac(server, path), timeout=10)
        schema = r.json()
        assert r.status_code == 200 and schema["type"] == "object"
        assert schema["$schema"].startswith("https://json-schema.org/")
        for name in ("eo:cloud_cover", "view:incidence_angle", "platform", "datetime",
                     "dinamis:availability"):
            assert name in schema["properties"], name


def test_free_text_q_over_places_and_keywords(server):
    hits = get_search(server, q="Hérault", limit=200)
    assert hits["numberMatched"] > 0
    assert all("Hérault" in f["properties"]["keywords"] for f in hits["features"])
    folded = get_search(server, q="herault", limit=1)["numberMatched"]
    assert folded == hits["numberMatched"]
    either = get_search(server, q="Hérault,Gironde", limit=1)["numberMatched"]
    gironde = get_search(server, q="gironde", limit=1)["numberMatched"]
    assert either == hits["numberMatched"] + gironde
    both = post_search(server, {"q": ["hérault orderable"], "limit": 200})["features"]
    assert all(f["properties"]["dinamis:availability"] == "orderable" for f in both)
    terms = post_search(server, {"q": ["Hérault", "gironde"], "limit": 1})["numberMatched"]
    assert terms == either
    r = requests.post(stac(server, "search"), json={"q": "Hérault"}, timeout=10)
    assert r.status_code == 400 and r.json()["parameter"] == "q"  # POST takes an array
    assert get_search(server, q="xyzzy-nowhere")["numberMatched"] == 0


def test_aggregation_buckets_sum_to_number_matched(server):
    params = {"bbox": "-5,42,8,51", "collections": "spot-6-7-drs,pleiades"}
    matched = get_search(server, limit=1, **params)["numberMatched"]
    r = requests.get(stac(server, "aggregate"),
                     params={"aggregations": "datetime_frequency", **params}, timeout=10)
    assert r.status_code == 200, r.text
    agg = r.json()["aggregations"][0]
    assert agg["name"] == "datetime_frequency"
    assert sum(b["frequency"] for b in agg["buckets"]) == matched > 0
    for b in agg["buckets"]:
        assert b["data_type"] == "frequency_distribution"
        assert datetime.strptime(b["key"], "%Y-%m-%dT%H:%M:%SZ").day == 1
    body = {"aggregations": ["datetime_frequency"], "filter": "eo:cloud_cover < 20",
            "filter-lang": "cql2-text", "datetime": "2013-01-01T00:00:00Z/.."}
    r = requests.post(stac(server, "aggregate"), json=body, timeout=10)
    buckets = r.json()["aggregations"][0]["buckets"]
    matched = post_search(server, {k: v for k, v in body.items() if k != "aggregations"})
    assert sum(b["frequency"] for b in buckets) == matched["numberMatched"]
    assert all(b["key"] >= "2013" for b in buckets)


def test_limit_is_clamped_to_the_maximum(server):
    body = get_search(server, limit=5000)
    assert body["numberReturned"] == min(1000, body["numberMatched"])


# ---------- invalid parameters: 400 naming the parameter ----------

BAD_GET = [
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "1,2,3,x"}, "bbox"),
    ({"bbox": "0,50,1,40"}, "bbox"),
    ({"bbox": "0,40,1,50", "intersects": '{"type":"Point","coordinates":[0,45]}'}, "intersects"),
    ({"intersects": "{not json"}, "intersects"),
    ({"intersects": '{"type":"Polygon","coordinates":[[1,2]]}'}, "intersects"),
    ({"datetime": "yesterday"}, "datetime"),
    ({"datetime": "2020-13-01T00:00:00Z"}, "datetime"),
    ({"datetime": "2021-01-01T00:00:00Z/2020-01-01T00:00:00Z"}, "datetime"),
    ({"datetime": "../.."}, "datetime"),
    ({"datetime": "2020-01-01"}, "datetime"),
    ({"datetime": "2020-01-01T00:00:00"}, "datetime"),
    ({"datetime": "2020-01-01T00:00:00+0100"}, "datetime"),
    ({"datetime": "2020-01-01/2020-02-01T00:00:00Z"}, "datetime"),
    ({"bbox": "[0,40,1,50]"}, "bbox"),
    ({"collections": "pleiades,not-a-collection"}, "collections"),
    ({"limit": "0"}, "limit"),
    ({"limit": "-3"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"filter": "eo:cloud_cover <"}, "filter"),
    ({"filter": "no_such_property = 3"}, "filter"),
    ({"filter": "eo:cloud_cover < 3", "filter-lang": "sql"}, "filter-lang"),
    ({"sortby": "-gsd"}, "sortby"),
    ({"token": "garbage"}, "token"),
]


@pytest.mark.parametrize("params,parameter", BAD_GET, ids=[p for _, p in BAD_GET])
def test_invalid_get_parameters_answer_400_naming_them(server, params, parameter):
    r = requests.get(stac(server, "search"), params=params, timeout=10)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["parameter"] == parameter and body["code"] == "InvalidParameterValue"
    assert body["reason"] and parameter in body["description"]


BAD_POST = [
    ({"bbox": [1, 2, 3]}, "bbox"),
    ({"bbox": "nope"}, "bbox"),
    ({"bbox": "0,40,1,50"}, "bbox"),
    ({"bbox": "[0,40,1,50]"}, "bbox"),
    ({"bbox": ["0", "40", "1", "50"]}, "bbox"),
    ({"datetime": "2020-01-01"}, "datetime"),
    ({"datetime": "2020-01-01T00:00:00+0100/.."}, "datetime"),
    ({"limit": 0}, "limit"),
    ({"limit": 2.5}, "limit"),
    ({"collections": "x"}, "collections"),
    ({"collections": [1, 2]}, "collections"),
    ({"datetime": 2020}, "datetime"),
    ({"sortby": [{"field": "gsd", "direction": "asc"}]}, "sortby"),
    ({"sortby": [{"field": "datetime", "direction": "sideways"}]}, "sortby"),
    ({"filter": {"op": "nonsense"}}, "filter"),
    ({"intersects": {"type": "Polygon"}}, "intersects"),
    ({"q": 5}, "q"),
]


@pytest.mark.parametrize("body,parameter", BAD_POST, ids=[p for _, p in BAD_POST])
def test_invalid_post_bodies_answer_400_naming_the_parameter(server, body, parameter):
    r = requests.post(stac(server, "search"), json=body, timeout=10)
    assert r.status_code == 400, r.text
    assert r.json()["parameter"] == parameter


@pytest.mark.parametrize("data", ["not json", "[1, 2]", '"text"'])
def test_non_json_post_body_is_a_400(server, data):
    r = requests.post(stac(server, "search"), data=data,
                      headers={"Content-Type": "application/json"}, timeout=10)
    assert r.status_code == 400 and r.json()["parameter"] == "body"


def test_collection_items_check_their_parameters(server):
    base = stac(server, "collections/pleiades/items")
    for params, parameter in (({"collections": "pleiades-neo"}, "collections"),
                              ({"limit": "0"}, "limit"), ({"bbox": "1,2"}, "bbox")):
        r = requests.get(base, params=params, timeout=10)
        assert r.status_code == 400 and r.json()["parameter"] == parameter


def test_unknown_aggregation_is_a_400(server):
    r = requests.get(stac(server, "aggregate"), params={"aggregations": "cloud_histogram"},
                     timeout=10)
    assert r.status_code == 400 and r.json()["parameter"] == "aggregations"


def test_search_needs_no_account(server):
    r = requests.get(stac(server, "search"), params={"limit": 1}, timeout=10)
    assert r.status_code == 200 and "Authorization" not in json.dumps(dict(r.headers))


@pytest.mark.parametrize("sql_form,python_form", [
    ("platform IN ('SPOT-6','SPOT-7') AND eo:cloud_cover <= 30",
     "(platform = 'SPOT-6' OR platform = 'SPOT-7') AND NOT eo:cloud_cover > 30"),
    ("dinamis:availability <> 'orderable' AND view:incidence_angle < 12.5",
     "NOT (dinamis:availability = 'orderable') AND view:incidence_angle + 0 < 12.5"),
    ("datetime >= TIMESTAMP('2019-06-01T00:00:00Z') AND collection = 'pleiades'",
     "T_AFTER(datetime, TIMESTAMP('2019-05-31T23:59:59Z')) AND collection LIKE 'pleiades'"),
])
def test_sql_lifted_filters_agree_with_cql2_evaluation(server, sql_form, python_form):
    """Simple comparisons run as SQL, the rest through cql2: both must select the same items."""
    lifted = get_search(server, filter=sql_form, limit=1000)
    evaluated = get_search(server, filter=python_form, limit=1000)
    assert lifted["numberMatched"] > 0
    assert ids_of(lifted) == ids_of(evaluated)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_free_text_through_pystac_client(client, method):
    # pystac-client 0.9.1 has no `q` on Client.search or ItemSearch: set the parameter.
    search = client.search(method=method, max_items=300, limit=20)
    search._parameters["q"] = "Gironde" if method == "GET" else ["Gironde"]
    found = list(search.items())
    assert found and all("Gironde" in i.properties["keywords"] for i in found)
    assert search.matched() == len(found)

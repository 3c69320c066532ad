"""The pgstac flavour answers as a stock stac-fastapi-pgstac (the real DINAMIS catalogue)
does, and both flavours are as strict as the STAC API spec asks."""
import pystac_client
import pytest
import requests


def stac(server, path=""):
    return server.url("/stac/" + path.lstrip("/"))


def post(server, body, path="search"):
    return requests.post(stac(server, path), json=body, timeout=30)


def ids_of(page):
    return [feature["id"] for feature in page["features"]]


# ---------- what a stock stac-fastapi-pgstac advertises ----------

def test_conformance_is_stac_fastapi_pgstacs(pgstac_server):
    landing = requests.get(stac(pgstac_server), timeout=10).json()
    conformance = landing["conformsTo"]
    assert conformance == sorted(conformance)  # stac-fastapi sorts them
    assert "https://api.stacspec.org/v1.1.0/item-search#sort" in conformance
    assert "https://api.stacspec.org/v1.0.0-rc.2/item-search#filter" in conformance
    assert "https://api.stacspec.org/v1.0.0/item-search#fields" in conformance
    assert "https://api.stacspec.org/v1.0.0-rc.1/collection-search#free-text" in conformance
    assert not [uri for uri in conformance if "item-search#free-text" in uri
                or "aggregation" in uri or "sortables" in uri]
    rels = {link["rel"] for link in landing["links"]}
    assert not rels & {"aggregate", "aggregations",
                       "http://www.opengis.net/def/rel/ogc/1.0/sortables"}
    for path in ("aggregate", "aggregations", "sortables"):
        r = requests.get(stac(pgstac_server, path), timeout=10)
        assert r.status_code == 404 and r.json() == {"detail": "Not Found"}, path


def test_queryables_allow_other_properties(pgstac_server):
    schema = requests.get(stac(pgstac_server, "queryables"), timeout=10).json()
    assert schema["additionalProperties"] is True
    assert "$ref" in schema["properties"]["id"] and "type" not in schema["properties"]["id"]
    assert set(schema["properties"]) == {"id", "datetime", "geometry"}  # pgstac 0.10's seed
    # Outside the queryables, yet accepted: a numeric comparison on a number property.
    clear = post(pgstac_server, {"filter": {"op": "<=", "args": [
        {"property": "eo:cloud_cover"}, 9.5]}, "limit": 1000}).json()["features"]
    assert clear and all(f["properties"]["eo:cloud_cover"] <= 9.5 for f in clear)
    assert any(f["properties"]["eo:cloud_cover"] < 1 for f in clear)
    # Outside the queryables, yet accepted: it matches the items that carry the property.
    r = post(pgstac_server, {"filter": {"op": ">", "args": [{"property": "gsd"}, 1]},
                             "limit": 100})
    assert r.status_code == 200 and r.json()["features"]
    assert all(f["properties"]["gsd"] > 1 for f in r.json()["features"])
    nobody = post(pgstac_server, {"filter": {"op": "=", "args": [
        {"property": "dinamis:availability"}, "orderable"]}})
    assert nobody.status_code == 200 and nobody.json()["features"] == []


def test_a_property_outside_the_queryables_sorts_as_text(pgstac_server):
    """pgstac knows no type for it, so it orders the JSON values' text: 9.9 before 83.5."""
    body = {"sortby": [{"field": "properties.eo:cloud_cover", "direction": "desc"}],
            "limit": 1000}
    clouds = [f["properties"]["eo:cloud_cover"] for f in post(pgstac_server, body).json()[
        "features"]]
    assert clouds == sorted(clouds, key=str, reverse=True) != sorted(clouds, reverse=True)
    body["sortby"] = [{"field": "properties.datetime", "direction": "desc"}]  # listed
    dates = [f["properties"]["datetime"] for f in post(pgstac_server, body).json()["features"]]
    assert dates == sorted(dates, reverse=True)


def test_items_carrying_a_property_are_found_with_is_null(pgstac_server):
    def having(name):
        return post(pgstac_server, {"filter": {"op": "not", "args": [
            {"op": "isNull", "args": [{"property": name}]}]}, "limit": 1}).json()["features"]
    assert having("eo:cloud_cover") and not having("view:incidence_angle")


@pytest.mark.parametrize("body, field", [
    ({"sortby": "-datetime"}, "sortby"),
    ({"filter": "eo:cloud_cover <= 5", "filter-lang": "cql2-text"}, "filter"),
    ({"filter": {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 5]},
      "filter-lang": "cql2-text"}, "filter-lang")])
def test_a_post_search_takes_only_pgstacs_types(pgstac_server, body, field):
    """stac-fastapi-pgstac's POST model: sortby a list, filter CQL2 JSON (GET takes text)."""
    r = post(pgstac_server, body)
    assert r.status_code == 400 and r.json()["detail"][0]["loc"] == ["body", field]
    get = requests.get(stac(pgstac_server, "search"), timeout=10, params={
        "sortby": "-datetime", "filter": "eo:cloud_cover <= 5", "filter-lang": "cql2-text"})
    assert get.status_code == 200 and get.json()["features"]


def test_items_and_collections_carry_nothing_dinamis_specific(pgstac_server):
    features = post(pgstac_server, {"limit": 1000}).json()["features"]
    assert len(features) == 300
    for feature in features:
        names = set(feature["properties"])
        assert not [n for n in names if n.startswith(("dinamis:", "view:"))], feature["id"]
        assert {"datetime", "platform", "eo:cloud_cover", "gsd"} <= names
    assert any(set(f["assets"]) == {"thumbnail"} for f in features)  # footprint only
    collections = requests.get(stac(pgstac_server, "collections"), timeout=10).json()
    by_id = {c["id"]: c for c in collections["collections"]}
    assert "item_assets" not in by_id["airbus-archive"]
    assert "src_xs" in by_id["spot-6-7-drs"]["item_assets"]
    assert not [k for c in by_id.values() for k in [*c, *c["summaries"]]
                if k.startswith("dinamis:")]


def test_unknown_collection_is_an_empty_result(pgstac_server):
    for r in (post(pgstac_server, {"collections": ["no-such-collection"]}),
              requests.get(stac(pgstac_server, "search"),
                            params={"collections": "no-such-collection"}, timeout=10)):
        assert r.status_code == 200
        assert r.json()["features"] == [] and r.json()["numberReturned"] == 0
    r = requests.get(stac(pgstac_server, "collections/no-such-collection/items"), timeout=10)
    assert r.status_code == 404
    assert r.json() == {"code": "NotFoundError",
                        "description": "Collection no-such-collection does not exist."}


def test_free_text_on_item_search_is_ignored(pgstac_server):
    everything = ids_of(post(pgstac_server, {"limit": 50}).json())
    assert ids_of(post(pgstac_server, {"q": ["xyzzy-nowhere"], "limit": 50}).json()) == everything
    r = requests.get(stac(pgstac_server, "search"), params={"q": "xyzzy", "limit": 50},
                     timeout=10)
    assert ids_of(r.json()) == everything
    found = requests.get(stac(pgstac_server, "collections"), params={"q": "Airbus"},
                         timeout=10).json()
    assert [c["id"] for c in found["collections"]] == ["airbus-archive"]


def test_number_matched_only_with_pgstacs_context_setting(pgstac_server):
    body = {"limit": 5, "collections": ["pleiades"]}
    assert "numberMatched" not in post(pgstac_server, body).json()
    pgstac_server.set_config(stac_context=1)
    try:
        assert post(pgstac_server, body).json()["numberMatched"] > 5
    finally:
        pgstac_server.set_config(stac_context=0)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_paging_follows_next_links_without_counts(pgstac_server, method):
    client = pystac_client.Client.open(stac(pgstac_server))
    search = client.search(method=method, limit=40, collections=["pleiades", "airbus-archive"],
                           sortby="-datetime")
    pages = list(search.pages_as_dicts())
    assert len(pages) > 1 and all("numberMatched" not in p for p in pages)
    ids = [f["id"] for p in pages for f in p["features"]]
    assert len(ids) == len(set(ids))
    one_page = post(pgstac_server, {"limit": 1000,
                                    "collections": ["pleiades", "airbus-archive"]}).json()
    assert sorted(ids) == sorted(ids_of(one_page))
    second = requests.post(stac(pgstac_server, "search"), json={"limit": 40}, timeout=10)
    link = next(l for l in second.json()["links"] if l["rel"] == "next")
    if method == "POST":
        assert link["body"] == {"limit": 40, "token": "next:40"} and "merge" not in link


def test_collections_are_paged_ten_at_a_time(pgstac_server):
    first = requests.get(stac(pgstac_server, "collections"), params={"limit": 2},
                         timeout=10).json()
    assert first["numberMatched"] == 5 and first["numberReturned"] == 2
    nxt = next(l for l in first["links"] if l["rel"] == "next")
    second = requests.get(nxt["href"], timeout=10).json()
    assert [c["id"] for c in second["collections"]] == ["pleiades-neo", "spot-world-heritage"]
    client = pystac_client.Client.open(stac(pgstac_server))
    assert len(list(client.get_collections())) == 5


def test_fields_extension_returns_only_what_is_asked(pgstac_server):
    page = post(pgstac_server, {"limit": 3, "fields": {
        "include": ["properties.datetime", "collection"]}}).json()
    for feature in page["features"]:
        assert set(feature) == {"type", "id", "collection", "properties"}
        assert set(feature["properties"]) == {"datetime"}
    r = requests.get(stac(pgstac_server, "search"),
                     params={"limit": 3, "fields": "-assets,-links"}, timeout=10)
    assert all("assets" not in f and "geometry" in f for f in r.json()["features"])


def test_validation_errors_are_fastapis(pgstac_server):
    r = post(pgstac_server, {"datetime": "2020-01-01", "limit": 1})
    assert r.status_code == 400
    detail = r.json()["detail"]
    assert detail[0]["loc"] == ["body", "datetime"] and detail[0]["input"] == "2020-01-01"
    assert "RFC 3339" in detail[0]["msg"] and detail[0]["type"] == "value_error"
    r = requests.get(stac(pgstac_server, "search"), params={"bbox": "1,2,3"}, timeout=10)
    assert r.status_code == 400 and r.json()["detail"].startswith(
        "Invalid parameters provided: bbox:")


# ---------- strictness the STAC API spec asks for, in both flavours ----------

@pytest.mark.parametrize("value", ["2023-05-01", "2023-05-01T00:00:00",
                                   "2023-05-01T00:00:00+0100", "2023-05-01T00:00+01:00",
                                   "2023-05-01T00:00:00Z/2023-06-01"])
def test_datetimes_must_be_rfc_3339(stac_server, value):
    assert post(stac_server, {"datetime": value}).status_code == 400
    r = requests.get(stac(stac_server, "search"), params={"datetime": value}, timeout=10)
    assert r.status_code == 400


@pytest.mark.parametrize("value", ["2023-05-01T00:00:00Z", "2023-05-01t10:00:00.5z",
                                   "2023-05-01T12:00:00+02:00/..",
                                   "../2023-05-01T00:00:00-03:30"])
def test_rfc_3339_datetimes_are_accepted(stac_server, value):
    assert post(stac_server, {"datetime": value}).status_code == 200
    r = requests.get(stac(stac_server, "search"), params={"datetime": value}, timeout=10)
    assert r.status_code == 200


def test_an_offset_is_applied(stac_server):
    first = post(stac_server, {"sortby": [{"field": "datetime", "direction": "asc"}],
                               "limit": 1}).json()["features"][0]
    moment = first["properties"]["datetime"]  # e.g. 1986-05-02T10:12:00Z
    hour = int(moment[11:13])
    shifted = f"{moment[:11]}{hour + 2:02d}{moment[13:-1]}+02:00"  # the same instant
    found = post(stac_server, {"datetime": shifted, "ids": [first["id"]]}).json()
    assert ids_of(found) == [first["id"]]


@pytest.mark.parametrize("body", [{"bbox": "3,43,4,44"}, {"bbox": "[3,43,4,44]"},
                                  {"bbox": ["3", "43", "4", "44"]},
                                  {"bbox": [3, 43, 4, True]}])
def test_a_post_bbox_is_numbers_only(stac_server, body):
    assert post(stac_server, body).status_code == 400


def test_a_get_bbox_is_comma_separated_numbers(stac_server):
    ok = requests.get(stac(stac_server, "search"), params={"bbox": "3,43,4,44"}, timeout=10)
    assert ok.status_code == 200
    for bad in ("[3,43,4,44]", "3;43;4;44", "3, 43, 4, x"):
        r = requests.get(stac(stac_server, "search"), params={"bbox": bad}, timeout=10)
        assert r.status_code == 400, bad


def test_a_filter_outside_the_queryables_follows_additional_properties(stac_server):
    schema = requests.get(stac(stac_server, "queryables"), timeout=10).json()
    assert "title" not in schema["properties"]  # every item has a title property
    r = post(stac_server, {"filter": {"op": "<>", "args": [{"property": "title"}, ""]},
                           "limit": 5})
    if schema["additionalProperties"]:
        assert r.status_code == 200 and len(r.json()["features"]) == 5
    else:
        assert r.status_code == 400


def test_an_outage_while_asking_items_is_not_taken_for_no_cloud_cover(pgstac_server):
    """A 503 on the probe fails the capabilities read (to be read again), instead of
    silently dropping cloud cover for the session; once the server is back it is found."""
    from dinamis.core.catalogue import Catalogue
    from dinamis.core.errors import ServerError
    from dinamis.core.http import new_http_session
    from dinamis.core.profiles import local_reference
    pgstac_server.set_faults(error_rate=1.0, error_status=503, paths=["/stac/search"])
    catalogue = Catalogue(local_reference(pgstac_server.base_url),
                          new_http_session(retries=0))
    with pytest.raises(ServerError):
        catalogue.capabilities()
    pgstac_server.clear_faults()
    assert catalogue.capabilities().can_filter_on("eo:cloud_cover")

"""Paging through more than 1,000 items with pystac-client, GET and POST, on a 1,500-item server."""
import pystac_client
import pytest
import requests

from tests.server_process import ServerProcess


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("stac-paging") / "data"
    server = ServerProcess(data, items=1500, real_cogs=1, cog_size=256).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def client(big_server):
    return pystac_client.Client.open(big_server.url("/stac/"))


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_pystac_client_pages_through_every_item(client, method):
    search = client.search(method=method, limit=250)
    assert search.matched() == 1500
    pages = list(search.pages_as_dicts())
    assert len(pages) == 6 and all(p["numberMatched"] == 1500 for p in pages)
    ids = [f["id"] for p in pages for f in p["features"]]
    assert len(ids) == len(set(ids)) == 1500
    dts = [f["properties"]["datetime"] for p in pages for f in p["features"]]
    assert dts == sorted(dts, reverse=True)


def test_paging_keeps_every_parameter(client):
    search = client.search(method="GET", limit=100, bbox=[-5, 42, 8, 51],
                           datetime="2012-01-01T00:00:00Z/..", sortby="+eo:cloud_cover",
                           filter="view:incidence_angle < 20", collections=["spot-6-7-drs",
                                                                           "pleiades"])
    matched = search.matched()
    assert 100 < matched < 1500
    items = list(search.items_as_dicts())
    assert len(items) == matched
    clouds = [i["properties"]["eo:cloud_cover"] for i in items]
    assert clouds == sorted(clouds)
    assert all(i["properties"]["view:incidence_angle"] < 20 for i in items)
    assert {i["collection"] for i in items} == {"spot-6-7-drs", "pleiades"}
    post = client.search(method="POST", limit=100, bbox=[-5, 42, 8, 51],
                         datetime="2012-01-01T00:00:00Z/..", sortby="+eo:cloud_cover",
                         filter={"op": "<", "args": [{"property": "view:incidence_angle"}, 20]},
                         collections=["spot-6-7-drs", "pleiades"])
    assert [i["id"] for i in post.items_as_dicts()] == [i["id"] for i in items]


def test_next_links_carry_the_parameters(big_server):
    params = {"limit": 7, "collections": "pleiades", "sortby": "-datetime", "q": "France"}
    page = requests.get(big_server.url("/stac/search"), params=params, timeout=10).json()
    nxt = next(l for l in page["links"] if l["rel"] == "next")
    for key in ("limit=7", "collections=pleiades", "sortby=-datetime", "q=France", "token="):
        assert key in nxt["href"], key
    body = {"limit": 7, "collections": ["pleiades"]}
    page = requests.post(big_server.url("/stac/search"), json=body, timeout=10).json()
    nxt = next(l for l in page["links"] if l["rel"] == "next")
    assert nxt["method"] == "POST" and nxt["merge"] is True and "token" in nxt["body"]
    second = requests.post(nxt["href"], json={**body, **nxt["body"]}, timeout=10).json()
    assert second["numberReturned"] == 7
    assert not {f["id"] for f in page["features"]} & {f["id"] for f in second["features"]}


def test_last_page_has_no_next_link(big_server):
    page = requests.get(big_server.url("/stac/search"),
                        params={"limit": 1000, "token": "next:1000"}, timeout=10).json()
    assert page["numberReturned"] == 500
    assert not [l for l in page["links"] if l["rel"] == "next"]


def test_aggregation_over_the_whole_catalogue(big_server):
    r = requests.get(big_server.url("/stac/aggregate"),
                     params={"aggregations": "datetime_frequency,total_count"}, timeout=10)
    freq, total = r.json()["aggregations"]
    assert sum(b["frequency"] for b in freq["buckets"]) == total["value"] == 1500
    assert freq["buckets"][0]["key"] >= "1986-01-01T00:00:00Z"
    assert freq["buckets"][-1]["key"] <= "2025-12-01T00:00:00Z"

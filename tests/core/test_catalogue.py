"""Catalogue against the reference STAC API: filters return the right items, pages are
fetched lazily, errors name the parameter, and signed results open in GDAL."""
from datetime import datetime

import pytest
import requests

from dinamis.core import signed_url
from dinamis.core.catalogue import Catalogue
from dinamis.core.errors import DinamisError, InvalidRequest, ServiceUnreachable
from dinamis.core.http import new_http_session
from dinamis.core.search_params import InvalidSearch, SearchParameters
from dinamis.core.signer import Signer
from tests.core.conftest import login_as

FRANCE = (-5.5, 41.0, 10.0, 51.5)


@pytest.fixture
def catalogue(server):
    return Catalogue(server.url("/stac/"), new_http_session())


def search_requests(server) -> int:
    return server.counters()["requests_by_path"].get("/stac/search", 0)


def raw_matched(server, body) -> int:
    return requests.post(server.url("/stac/search"), json={**body, "limit": 1},
                         timeout=10).json()["numberMatched"]


def overlaps(bbox, area):
    return bbox[0] <= area[2] and area[0] <= bbox[2] and bbox[1] <= area[3] and area[1] <= bbox[3]


def test_collections_are_listed_from_the_api(server, catalogue):
    listed = [c.id for c in catalogue.collections()]
    raw = requests.get(server.url("/stac/collections"), timeout=10).json()["collections"]
    assert listed == [c["id"] for c in raw]
    assert len(listed) >= 2


def test_combined_filters_return_matching_items_sorted(server, catalogue):
    area = (2.5, 42.5, 5.0, 44.5)
    params = SearchParameters(bbox=area, start="2015-01-01", end="2025-12-31",
                              max_cloud_cover=30, availability="downloadable",
                              sortby="-datetime", limit=20)
    found = catalogue.search(params).items()
    assert found, "the seed should have downloadable items around Montpellier since 2015"
    dates = [item.datetime for item in found]
    assert dates == sorted(dates, reverse=True)
    for item in found:
        props = item.properties
        assert overlaps(item.bbox, area)
        assert datetime(2015, 1, 1).date() <= item.datetime.date() <= datetime(2025, 12, 31).date()
        assert props["eo:cloud_cover"] <= 30
        assert props["dinamis:availability"] == "downloadable"
    assert len(found) == raw_matched(server, {
        "bbox": list(area), "datetime": "2015-01-01T00:00:00Z/2025-12-31T23:59:59Z",
        "filter-lang": "cql2-json", "filter": {"op": "and", "args": [
            {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30]},
            {"op": "=", "args": [{"property": "dinamis:availability"}, "downloadable"]}]}})


def test_orderable_and_incidence_filters(catalogue):
    found = catalogue.search(SearchParameters(availability="orderable", max_incidence_angle=15,
                                              max_items=30)).items()
    assert found
    assert all(i.properties["dinamis:availability"] == "orderable" for i in found)
    assert all(i.properties["view:incidence_angle"] <= 15 for i in found)


def test_free_text_finds_a_place(catalogue):
    found = catalogue.search(SearchParameters(text="Montpellier", max_items=50)).items()
    assert found
    assert all("Montpellier" in (i.properties["dinamis:place"], *i.properties["keywords"])
               for i in found)


def test_collection_filter_and_ascending_sort(catalogue):
    first = catalogue.collections()[0].id
    found = catalogue.search(SearchParameters(collections=[first], sortby="datetime",
                                              max_items=15)).items()
    assert found and all(i.collection_id == first for i in found)
    assert [i.datetime for i in found] == sorted(i.datetime for i in found)


def test_pages_are_fetched_only_when_read(server, catalogue):
    search = catalogue.search(SearchParameters(limit=10))
    assert search_requests(server) == 0
    pages = search.pages()
    first = next(pages)
    assert len(first.items) == 10 and search_requests(server) == 1
    next(pages)
    assert search_requests(server) == 2
    server.reset_counters()
    assert len(catalogue.search(SearchParameters(limit=10)).items(25)) == 25
    assert search_requests(server) == 3


def test_max_items_caps_the_results(catalogue):
    assert len(catalogue.search(SearchParameters(limit=7, max_items=12)).items()) == 12


def test_matched_is_the_servers_count(server, catalogue):
    params = SearchParameters(bbox=FRANCE, max_cloud_cover=10)
    assert catalogue.search(params).matched() == raw_matched(server, {
        "bbox": list(FRANCE), "filter-lang": "cql2-json",
        "filter": {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 10]}})


def test_monthly_counts_add_up_to_matched(catalogue):
    params = SearchParameters(availability="downloadable", start="2020-01-01")
    counts = catalogue.monthly_counts(params)
    assert counts and all(len(month) == 7 and month >= "2020-01" for month in counts)
    assert sum(counts.values()) == catalogue.search(params).matched()


def test_unknown_collection_is_rejected_naming_the_parameter(catalogue):
    with pytest.raises(InvalidRequest) as caught:
        catalogue.search(SearchParameters(collections=["no-such-collection"])).matched()
    message = str(caught.value)
    assert "collections" in message and "no-such-collection" in message
    assert "Traceback" not in message


def test_invalid_parameters_fail_before_any_request(server, catalogue):
    with pytest.raises(InvalidSearch, match="cloud cover"):
        catalogue.search(SearchParameters(max_cloud_cover=300))
    assert search_requests(server) == 0


def test_unreachable_api_is_reported_in_words():
    offline = Catalogue("http://127.0.0.1:9/stac/", new_http_session(retries=0))
    with pytest.raises(ServiceUnreachable) as caught:
        offline.collections()
    assert "Cannot reach the DINAMIS service at http://127.0.0.1:9/stac/" in str(caught.value)


def test_a_non_stac_address_is_reported_as_such(server):
    wrong = Catalogue(server.url("/signing/openapi.json"), new_http_session())
    with pytest.raises(DinamisError) as caught:
        wrong.search(SearchParameters()).matched()
    assert "/signing/openapi.json" in str(caught.value)


# --- signed results --------------------------------------------------------------------

def real_cog_item(server, catalogue):
    """A downloadable item whose src_pan file really exists in the object store."""
    for item in catalogue.search(SearchParameters(availability="downloadable",
                                                  limit=100)):
        href = item.assets.get("src_pan") and item.assets["src_pan"].href
        if href and (server.data_dir / "objects" / href.split("/s3/", 1)[1]).exists():
            return item
    pytest.fail("no downloadable item with a real COG in the reference catalogue")


@pytest.fixture(scope="module")
def alice(reference_server):
    return login_as(reference_server, "alice")


def test_signed_catalogue_items_open_in_gdal(server, alice):
    from osgeo import gdal
    gdal.UseExceptions()
    plain = Catalogue(server.url("/stac/"), new_http_session())
    item = real_cog_item(server, plain)
    signer = Signer(alice.http, alice.profile.signing_url)
    signed = Catalogue(alice.profile, alice.http, signer=signer)
    found = signed.search(SearchParameters(collections=[item.collection_id],
                                           bbox=item.bbox, limit=100)).items()
    same = next(i for i in found if i.id == item.id)
    href = same.assets["src_pan"].href
    assert signed_url.is_signed(href) and signed_url.unsigned(href) == item.assets["src_pan"].href
    dataset = gdal.Open("/vsicurl/" + href)
    assert dataset.RasterXSize > 0 and dataset.GetRasterBand(1).Checksum() >= 0
    with pytest.raises(RuntimeError):
        gdal.Open("/vsicurl/" + item.assets["src_pan"].href)  # unsigned: refused


def test_signer_is_a_pystac_client_modifier(server, alice):
    from dinamis._vendor.pystac_client import Client
    signer = Signer(alice.http, alice.profile.signing_url)
    client = Client.open(server.url("/stac/"), modifier=signer)
    items = list(client.search(max_items=5, limit=5).items())
    assert len(items) == 5
    data_hrefs = [a.href for i in items for k, a in i.assets.items() if k.startswith("src_")]
    assert data_hrefs and all(signed_url.is_signed(h) for h in data_hrefs)
    assert server.counters()["sign_requests"] == 1  # the page signed in one batch


def test_monthly_counts_is_none_where_aggregation_is_not_offered(tmp_path):
    # A static STAC catalogue (a file): no aggregation link, no conformance classes.
    root = tmp_path / "catalog.json"
    root.write_text('{"type": "Catalog", "id": "static", "stac_version": "1.0.0", '
                    '"description": "A static catalogue", "links": []}')
    static = Catalogue(str(root), new_http_session())
    assert static.monthly_counts(SearchParameters()) is None
    with pytest.raises(DinamisError, match="STAC item search"):
        static.search(SearchParameters()).matched()


def test_items_by_id_in_the_order_asked_unknown_ids_left_out(server, catalogue):
    known = [f["id"] for f in requests.post(server.url("/stac/search"), json={"limit": 150},
                                            timeout=30).json()["features"]]
    wanted = known[120:150] + ["no-such-item"] + known[:90]
    server.reset_counters()
    found = catalogue.items_by_id(wanted)
    assert [item["id"] for item in found] == known[120:150] + known[:90]
    assert server.counters()["requests_by_path"]["/stac/search"] == 2  # 100 ids a request

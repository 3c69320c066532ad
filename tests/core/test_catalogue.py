"""Catalogue against the reference STAC API in both its flavours (the rich "dinamis" one
and a stock stac-fastapi-pgstac, as the real catalogue runs): filters return the right
items, pages are fetched lazily, counts are never wrong, what the catalogue cannot do is
said, and signed results open in GDAL.

Both servers are seeded alike (same seed, same size), so the rich server's numberMatched
and aggregation are the ground truth for searches run on either."""
import json
import warnings
from datetime import datetime

import pytest
import requests

from dinamis.core import signed_url
from dinamis.core.catalogue import Catalogue
from dinamis.core.errors import (DinamisError, EndpointInvalid, SearchNotSupported,
                                 ServiceUnreachable, UnknownCollection)
from dinamis.core.http import new_http_session
from dinamis.core.profiles import local_reference
from dinamis.core.search_params import InvalidSearch, SearchParameters
from dinamis.core.signer import Signer
from tests.core.conftest import login_as

FRANCE = (-5.5, 41.0, 10.0, 51.5)
CLOUD_AT_MOST_30 = {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30.0]}


@pytest.fixture
def catalogue(stac_server):
    """A catalogue whose capabilities are read (as the dock does first), counters reset:
    on pgstac reading them costs a search per unlisted criterion (carried_properties)."""
    catalogue = Catalogue(local_reference(stac_server.base_url), new_http_session())
    catalogue.capabilities()
    stac_server.reset_counters()
    return catalogue


@pytest.fixture
def truth(reference_server):
    """numberMatched from the rich server for a raw search body (the ground truth)."""
    def matched(body=None):
        r = requests.post(reference_server.url("/stac/search"),
                          json={**(body or {}), "limit": 1}, timeout=10)
        r.raise_for_status()
        return r.json()["numberMatched"]
    return matched


def true_availability(reference_server, ids) -> dict:
    r = requests.post(reference_server.url("/stac/search"),
                      json={"ids": list(ids), "limit": 1000}, timeout=10)
    return {f["id"]: f["properties"]["dinamis:availability"] for f in r.json()["features"]}


def search_requests(server) -> int:
    return server.counters()["requests_by_path"].get("/stac/search", 0)


def overlaps(bbox, area):
    return bbox[0] <= area[2] and area[0] <= bbox[2] and bbox[1] <= area[3] and area[1] <= bbox[3]


def is_pgstac(server) -> bool:
    return "aggregation" not in str(requests.get(server.url("/stac/conformance"),
                                                 timeout=10).json())


def test_collections_are_listed_from_the_api(stac_server, catalogue):
    listed = [c.id for c in catalogue.collections()]
    raw = requests.get(stac_server.url("/stac/collections"), params={"limit": 100},
                       timeout=10).json()["collections"]
    assert listed == [c["id"] for c in raw]
    assert catalogue.capabilities().collection_ids == tuple(listed) and len(listed) >= 2


def test_capabilities_follow_the_conformance_classes(stac_server, catalogue):
    caps = catalogue.capabilities()
    pgstac = is_pgstac(stac_server)
    assert caps.item_search and caps.filter and caps.sort and caps.fields
    assert caps.free_text is caps.aggregation is (not pgstac)
    assert caps.any_property_accepted is pgstac
    assert caps.can_filter_on("eo:cloud_cover") and caps.can_sort_on("-datetime")
    assert caps.can_filter_on("view:incidence_angle") is (not pgstac)
    assert caps.can_filter_on("dinamis:availability") is (not pgstac)
    assert caps.queryable("eo:cloud_cover").type == "number"  # pgstac: its items have it
    assert caps.queryable("datetime").type == "datetime"
    assert caps.queryable("id").type == (None if pgstac else "string")  # pgstac: a $ref
    assert caps.sortables_listed is (not pgstac)
    # pgstac orders a property its queryables do not list as text: 9.9 before 83.5
    assert ("eo:cloud_cover" in caps.sortables) is (not pgstac)
    assert "gsd" not in caps.sortables
    availability = {c.id: c.availability for c in caps.collections}
    assert availability["spot-6-7-drs"] == "downloadable"
    assert availability["airbus-archive"] == (None if pgstac else "orderable")


def test_combined_filters_return_matching_items_sorted(stac_server, catalogue, truth):
    area = (2.5, 42.5, 5.0, 44.5)
    params = SearchParameters(bbox=area, start="2015-01-01", end="2025-12-31",
                              max_cloud_cover=30, availability="downloadable",
                              sortby="-datetime", limit=20)
    search = catalogue.search(params, strict=True)
    found = search.items()
    assert found, "the seed should have downloadable items around Montpellier since 2015"
    dates = [item.datetime for item in found]
    assert dates == sorted(dates, reverse=True)
    for item in found:
        assert overlaps(item.bbox, area)
        assert datetime(2015, 1, 1).date() <= item.datetime.date() <= datetime(2025, 12, 31).date()
        assert item.properties["eo:cloud_cover"] <= 30
        assert catalogue.item_availability(item) == "downloadable"
    expected = truth({"bbox": list(area), "datetime": "2015-01-01T00:00:00Z/2025-12-31T23:59:59Z",
                      "filter-lang": "cql2-json", "filter": {"op": "and", "args": [
                          CLOUD_AT_MOST_30, {"op": "=", "args": [
                              {"property": "dinamis:availability"}, "downloadable"]}]}})
    assert len(found) == expected
    count = search.count()
    assert count.lower <= expected and (count.upper is None or expected <= count.upper)


def test_availability_is_derived_where_items_do_not_state_it(reference_server, stac_server,
                                                             catalogue):
    items = catalogue.search(SearchParameters(limit=300)).items()
    assert len(items) == 300
    stated = true_availability(reference_server, [i.id for i in items])
    derived = {i.id: catalogue.item_availability(i) for i in items}
    assert derived == stated
    assert {"downloadable", "orderable"} == set(derived.values())


@pytest.mark.parametrize("availability", ["orderable", "downloadable"])
def test_availability_filter_keeps_exactly_the_right_items(stac_server, catalogue, truth,
                                                           availability):
    search = catalogue.search(SearchParameters(availability=availability, limit=20))
    ids = [i.id for i in search.items()]
    assert len(ids) == len(set(ids)) == truth({"filter": {"op": "=", "args": [
        {"property": "dinamis:availability"}, availability]}})
    count = search.count()
    assert count.lower <= len(ids) and (count.upper is None or len(ids) <= count.upper)
    if is_pgstac(stac_server):  # the server cannot filter: not an exact count
        assert search.plan.availability_route == "items" and count.exact is None
        assert "bounds" in " ".join(search.plan.notes())


def test_availability_by_collection_needs_no_request(stac_server, catalogue):
    search = catalogue.search(SearchParameters(availability="orderable",
                                               collections=["spot-6-7-drs", "pleiades"]))
    if is_pgstac(stac_server):
        assert search.plan.empty and search.plan.availability_route == "collections"
    assert search.count().exact == 0 and search.items() == []
    if is_pgstac(stac_server):
        assert search_requests(stac_server) == 0


def test_incidence_filter_only_where_the_catalogue_offers_it(stac_server, catalogue):
    params = SearchParameters(availability="orderable", max_incidence_angle=15, max_items=30)
    if catalogue.capabilities().can_filter_on("view:incidence_angle"):
        found = catalogue.search(params, strict=True).items()
        assert found and all(i.properties["view:incidence_angle"] <= 15 for i in found)
        return
    with pytest.raises(SearchNotSupported) as caught:
        catalogue.search(params, strict=True)
    assert "incidence angle" in str(caught.value) and "view:incidence_angle" in str(caught.value)
    lenient = catalogue.search(params)
    assert [s.name for s in lenient.plan.skipped] == ["max_incidence_angle"]
    assert lenient.plan.notes()[0] == lenient.plan.skipped[0].reason
    assert len(lenient.items()) == 30  # the rest of the search still runs


def test_free_text_only_where_item_search_offers_it(stac_server, catalogue, truth):
    params = SearchParameters(text="Montpellier, Nîmes", max_items=100)
    if not catalogue.capabilities().free_text:
        with pytest.raises(SearchNotSupported, match="Free text search is not available"):
            catalogue.search(params)
        assert search_requests(stac_server) == 0
        return
    found = catalogue.search(params).items()
    places = {i.properties["dinamis:place"] for i in found}
    assert places == {"Montpellier", "Nîmes"}  # either term, as the extension says
    assert len(found) == truth({"q": ["Montpellier"]}) + truth({"q": ["Nîmes"]})


def test_collection_filter_and_ascending_sort(catalogue):
    first = catalogue.collections()[0].id
    found = catalogue.search(SearchParameters(collections=[first], sortby="datetime",
                                              max_items=15)).items()
    assert found and all(i.collection_id == first for i in found)
    assert [i.datetime for i in found] == sorted(i.datetime for i in found)


def test_sorting_only_on_sortable_fields(stac_server, catalogue):
    if is_pgstac(stac_server):  # it would sort cloud cover as text: not offered
        with pytest.raises(SearchNotSupported, match="eo:cloud_cover"):
            catalogue.search(SearchParameters(sortby="-eo:cloud_cover"), strict=True)
    else:
        clouds = [i.properties["eo:cloud_cover"] for i in catalogue.search(
            SearchParameters(sortby="-eo:cloud_cover", max_items=40), strict=True).items()]
        assert clouds == sorted(clouds, reverse=True)
    with pytest.raises(SearchNotSupported, match="gsd"):
        catalogue.search(SearchParameters(sortby="gsd"), strict=True)
    lenient = catalogue.search(SearchParameters(sortby="gsd", max_items=5))
    assert [s.name for s in lenient.plan.skipped] == ["sortby"]
    assert len(lenient.items()) == 5


def test_no_conformance_warning_on_current_servers(catalogue):
    from dinamis._vendor.pystac_client.warnings import PystacClientWarning
    with warnings.catch_warnings():
        warnings.simplefilter("error", PystacClientWarning)
        search = catalogue.search(SearchParameters(sortby="-datetime", max_cloud_cover=50,
                                                   max_items=15, limit=5))
        assert len(search.items()) == 15
        assert search.monthly_counts(max_requests=2, page_size=5).requests >= 1


def test_pages_are_fetched_only_when_read(stac_server, catalogue):
    search = catalogue.search(SearchParameters(limit=10))
    assert search_requests(stac_server) == 0
    pages = search.pages()
    first = next(pages)
    assert len(first.items) == 10 and search_requests(stac_server) == 1
    next(pages)
    assert search_requests(stac_server) == 2
    stac_server.reset_counters()
    counted = catalogue.search(SearchParameters(limit=10))
    counted.count()
    assert len(counted.items(25)) == 25
    assert search_requests(stac_server) == 3  # the count's page is the first page


def test_max_items_caps_the_results(catalogue):
    assert len(catalogue.search(SearchParameters(limit=7, max_items=12)).items()) == 12


def test_counts_are_exact_or_honest_bounds(stac_server, catalogue, truth):
    params = SearchParameters(bbox=FRANCE, max_cloud_cover=30, limit=20)
    expected = truth({"bbox": list(FRANCE), "filter": CLOUD_AT_MOST_30})
    assert expected > 20
    count = catalogue.search(params).count()
    if is_pgstac(stac_server):  # no numberMatched: what the first page proves
        assert (count.kind, count.lower, count.upper) == ("at_least", 20, None)
        assert count.text() == "at least 20 images"
        stac_server.set_config(stac_context=1)  # pgstac's context setting on
        try:
            count = catalogue.search(params).count()
        finally:
            stac_server.set_config(stac_context=0)
    assert count.exact == expected and count.text() == f"{expected} images"
    small = catalogue.search(SearchParameters(bbox=FRANCE, max_cloud_cover=30, limit=1000))
    assert small.count().exact == expected  # one page holds them all: exact anyway


def test_monthly_counts_are_complete_and_say_how(stac_server, catalogue, reference_server):
    params = SearchParameters(availability="downloadable", start="2020-01-01")
    counts = catalogue.monthly_counts(params)
    expected = aggregated(reference_server, {
        "datetime": "2020-01-01T00:00:00Z/..", "filter": {"op": "=", "args": [
            {"property": "dinamis:availability"}, "downloadable"]}})
    assert dict(counts) == expected and counts.complete
    assert all(len(month) == 7 and month >= "2020-01" for month in counts)
    assert counts.route == ("paging" if is_pgstac(stac_server) else "aggregation")
    assert counts.text() in ("Counted by the catalogue.",
                             f"Counted from the dates of all {counts.total()} matching images.")


def test_a_single_image_is_counted_in_plain_words():
    from dinamis.core.monthly_counts import PAGING, from_buckets
    one = from_buckets({"2006-11": 1}, PAGING, requests=1, images_read=1)
    assert one.text() == "Counted from the date of the only matching image."  # not "all 1"


def test_monthly_counts_by_month_searches_where_the_server_counts(pgstac_server,
                                                                  reference_server):
    catalogue = Catalogue(local_reference(pgstac_server.base_url), new_http_session())
    params = SearchParameters(start="2020-01-01", end="2020-12-31")
    expected = aggregated(reference_server, {
        "datetime": "2020-01-01T00:00:00Z/2020-12-31T23:59:59Z"})
    assert sum(expected.values()) > 12  # more pages of one than months
    pgstac_server.set_config(stac_context=1)
    try:
        counts = catalogue.monthly_counts(params, max_requests=12, page_size=1)
    finally:
        pgstac_server.set_config(stac_context=0)
    assert counts.route == "month_searches" and counts.complete and counts.requests == 12
    assert dict(counts) == expected


def test_monthly_counts_stop_within_their_budget_and_say_so(stac_server, catalogue,
                                                            reference_server):
    stac_server.reset_counters()
    counts = catalogue.search(SearchParameters(availability="orderable")).monthly_counts(
        max_requests=2, page_size=5)
    if not is_pgstac(stac_server):
        assert counts.route == "aggregation" and counts.complete
        return
    assert counts.route == "paging" and not counts.complete and counts.requests == 2
    assert search_requests(stac_server) <= 3  # the count's first page, then 2 pages
    assert counts.images_read == 10 and counts.total() == 10
    expected = aggregated(reference_server, {"filter": {"op": "=", "args": [
        {"property": "dinamis:availability"}, "orderable"]}})
    whole = {m: n for m, n in expected.items() if m >= counts.complete_from}
    assert {m: n for m, n in counts.items() if m >= counts.complete_from} == whole
    assert counts.complete_from in counts.text() and "incomplete" in counts.text()


def aggregated(reference_server, body) -> dict:
    r = requests.post(reference_server.url("/stac/aggregate"),
                      json={**body, "aggregations": ["datetime_frequency"]}, timeout=10)
    r.raise_for_status()
    return {b["key"][:7]: b["frequency"] for b in r.json()["aggregations"][0]["buckets"]}


def test_unknown_collection_is_named_with_the_existing_ones(stac_server, catalogue):
    with pytest.raises(UnknownCollection) as caught:
        catalogue.search(SearchParameters(collections=["pleiades", "no-such-collection"]))
    message = str(caught.value)
    assert 'no collection "no-such-collection"' in message
    assert "spot-6-7-drs, pleiades, pleiades-neo" in message
    assert search_requests(stac_server) == 0


def test_invalid_parameters_fail_before_any_request(stac_server, catalogue):
    with pytest.raises(InvalidSearch, match="cloud cover"):
        catalogue.search(SearchParameters(max_cloud_cover=300))
    assert search_requests(stac_server) == 0


def test_unreachable_api_is_reported_in_words():
    offline = Catalogue("http://127.0.0.1:9/stac/", new_http_session(retries=0))
    with pytest.raises(ServiceUnreachable) as caught:
        offline.collections()
    assert "Cannot reach the DINAMIS service at http://127.0.0.1:9/stac/" in str(caught.value)


def test_a_non_stac_address_is_reported_as_such(server):
    wrong = Catalogue(server.url("/signing/openapi.json"), new_http_session())
    with pytest.raises(DinamisError) as caught:
        wrong.search(SearchParameters()).count()
    assert "/signing/openapi.json" in str(caught.value)


def test_a_static_catalogue_cannot_be_searched_or_counted(tmp_path):
    # A static STAC catalogue (a file): no search link, no conformance classes.
    root = tmp_path / "catalog.json"
    root.write_text('{"type": "Catalog", "id": "static", "stac_version": "1.0.0", '
                    '"description": "A static catalogue", "links": []}')
    static = Catalogue(str(root), new_http_session())
    assert not static.capabilities().item_search
    for attempt in (lambda: static.search(SearchParameters()),
                    lambda: static.monthly_counts(SearchParameters())):
        with pytest.raises(EndpointInvalid, match="STAC item search"):
            attempt()


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
    signer = Signer(alice.http, alice.profile.signing_url, alice.profile.is_storage_url)
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
    signer = Signer(alice.http, alice.profile.signing_url, alice.profile.is_storage_url)
    client = Client.open(server.url("/stac/"), modifier=signer)
    items = list(client.search(max_items=5, limit=5).items())
    assert len(items) == 5
    data_hrefs = [a.href for i in items for k, a in i.assets.items() if k.startswith("src_")]
    assert data_hrefs and all(signed_url.is_signed(h) for h in data_hrefs)
    assert server.counters()["sign_requests"] == 1  # the page signed in one batch


def test_items_by_id_in_the_order_asked_unknown_ids_left_out(stac_server, catalogue):
    known = [f["id"] for f in requests.post(stac_server.url("/stac/search"),
                                            json={"limit": 150}, timeout=30).json()["features"]]
    wanted = known[120:150] + ["no-such-item"] + known[:90]
    stac_server.reset_counters()
    found = catalogue.items_by_id(wanted)
    assert [item["id"] for item in found] == known[120:150] + known[:90]
    assert stac_server.counters()["requests_by_path"]["/stac/search"] == 2  # 100 ids each


@pytest.mark.parametrize("availability", [None, "orderable"])
def test_reduced_pages_give_the_same_items_reduced_one_by_one(stac_server, catalogue,
                                                              availability):
    """The dock's way: each item reduced as it is parsed; the same items in the same order
    as pages_as_dicts, the same count, no more requests; the kept first page let go."""
    params = SearchParameters(availability=availability, limit=40, max_items=130)
    stac_server.reset_counters()
    plain = catalogue.search(params)
    count = plain.count()
    expected = [f["id"] for page in plain.pages_as_dicts() for f in page["features"]]
    plain_requests = search_requests(stac_server)
    assert 0 < len(expected) <= 130

    def reduce(item):
        return item["id"], json.dumps(item)

    stac_server.reset_counters()
    search = catalogue.search(params)
    assert search.count() == count
    reduced = [row for page in search.reduced_pages(reduce) for row in page["features"]]
    assert [item_id for item_id, _text in reduced] == expected
    assert all(json.loads(text)["id"] == item_id for item_id, text in reduced)
    assert search.count() == count and search._first is None
    assert search_requests(stac_server) == plain_requests
    stac_server.reset_counters()
    fresh = catalogue.search(params)  # no count first: the hook reads the first page
    assert [r[0] for page in fresh.reduced_pages(reduce) for r in page["features"]] == \
        expected
    assert fresh.count() == count and search_requests(stac_server) == plain_requests


def test_reduced_pages_ask_for_the_next_page_early_with_the_same_requests(stac_server,
                                                                           catalogue):
    """Without max_items the next page is requested while the current one is parsed
    (its link read from the end of the text, or from the parsed page on pgstac): the same
    items, the same number of requests."""
    params = SearchParameters(limit=60, bbox=FRANCE)
    stac_server.reset_counters()
    expected = [f["id"] for page in catalogue.search(params).pages_as_dicts()
                for f in page["features"]]
    plain_requests = search_requests(stac_server)
    assert len(expected) > 3 * 60
    stac_server.reset_counters()
    search = catalogue.search(params)
    ids = [item_id for page in search.reduced_pages(lambda item: item["id"])
           for item_id in page["features"]]
    assert ids == expected and search_requests(stac_server) == plain_requests

"""The dock's search pipeline (qgis_glue.footprint_search) against the reference server:
every matched item becomes one feature of one layer, pages load on demand, stereo groups
are found across pages, and the layer fills while the main thread keeps running."""
import pytest
import requests

from tests.qgis.conftest import wait_until


def stac_search(server, **body):
    response = requests.post(server.url("/stac/search"), json=body, timeout=30)
    response.raise_for_status()
    return response.json()


@pytest.fixture
def make_search(local_profile, qgis_app):
    from dinamis.core.catalogue import Catalogue
    from dinamis.qgis_glue.footprint_search import FootprintSearch
    from dinamis.qgis_glue.footprints import new_footprint_layer
    from dinamis.qgis_glue.plugin_session import new_glue_http_session
    from dinamis.qgis_glue.tasks import TaskRunner
    runner = TaskRunner()
    made = []

    def make(params, page_size=100):
        catalogue = Catalogue(local_profile.stac_url, new_glue_http_session())
        layer = new_footprint_layer("footprints")
        search = FootprintSearch(catalogue, params, layer, runner, page_size=page_size)
        made.append((search, layer))
        return search, layer
    yield make
    for search, _layer in made:
        search.cancel()
    runner.wait_all(10)


def test_every_matched_item_is_one_feature(make_search, server):
    from dinamis.core.search_params import SearchParameters
    bbox = (-1.0, 43.0, 5.0, 47.0)
    expected = stac_search(server, bbox=list(bbox), limit=1)["numberMatched"]
    assert 30 < expected < 300
    search, layer = make_search(SearchParameters(bbox=bbox), page_size=50)
    assert search.fetch(1000)
    assert wait_until(lambda: search.state != "running", timeout=60)
    assert search.state == "done", search.error
    assert search.matched == expected
    assert layer.featureCount() == expected == len(search.items)
    assert search.exhausted
    ids = {f["id"] for f in layer.getFeatures()}
    assert len(ids) == expected
    assert layer.extent().intersects(__import__("qgis.core").core.QgsRectangle(*bbox))


def test_load_more_continues_where_it_stopped(make_search, server):
    from dinamis.core.search_params import SearchParameters
    total = stac_search(server, limit=1)["numberMatched"]
    search, layer = make_search(SearchParameters(sortby="-datetime"), page_size=40)
    search.fetch(40)
    assert wait_until(lambda: search.state != "running" and search.can_fetch, timeout=30)
    assert layer.featureCount() == 40 and not search.exhausted and search.matched == total
    search.fetch(80)
    assert wait_until(lambda: search.state != "running" and search.can_fetch, timeout=30)
    assert layer.featureCount() == 120
    expected = [f["id"] for f in stac_search(server, limit=120, sortby="-datetime")["features"]]
    assert [item["id"] for item in search.items] == expected  # no page lost or repeated


def test_stereo_groups_found_across_pages(make_search, server):
    """With pages of 7, partners of a stereo pair usually arrive in different pages; the
    features already on the map get their group afterwards."""
    from dinamis.core.search_params import SearchParameters
    search, layer = make_search(SearchParameters(sortby="id"), page_size=7)
    search.fetch(400)
    assert wait_until(lambda: search.state != "running", timeout=60)
    named = {}
    for item in search.items:
        group = item["properties"].get("dinamis:stereo_group")
        if group:
            named.setdefault(group, set()).add(item["id"])
    assert named, "the test catalogue has stereo groups"
    by_feature = {}
    for feature in layer.getFeatures():
        if feature["stereo_group"]:
            by_feature.setdefault(feature["stereo_group"], set()).add(feature["id"])
    assert sorted(map(sorted, by_feature.values())) == sorted(map(sorted, named.values()))


def test_stop_keeps_what_arrived_and_a_later_load_loses_nothing(make_search, server):
    from dinamis.core.search_params import SearchParameters
    search, layer = make_search(SearchParameters(sortby="id"), page_size=20)
    server.set_faults(latency_ms=200, paths=["/stac/search"])
    try:
        search.fetch(10000)
        assert wait_until(lambda: len(search.items) >= 40, timeout=30)
        search.cancel()
        assert search.state == "cancelled"
        assert wait_until(lambda: search.can_fetch, timeout=30)
    finally:
        server.clear_faults()
    kept = len(search.items)
    assert 40 <= kept < search.matched and layer.featureCount() == kept
    search.fetch(10000)
    assert wait_until(lambda: search.state == "done", timeout=60)
    ids = [item["id"] for item in search.items]
    assert len(ids) == len(set(ids)) == search.matched == layer.featureCount()
    expected = [f["id"] for f in stac_search(server, limit=1000, sortby="id")["features"]]
    assert ids == expected  # in order: no page lost or repeated around the stop

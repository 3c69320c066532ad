"""Pages parsed feature by feature give exactly what json.loads gives, and bad text
fails as json.loads fails. (What it is for, a UI thread that keeps running while a
search loads, is measured by tests/bench/bench_dock.py.)"""
import json

import pytest
import requests

from dinamis.core import json_pages


def big_page(n=400, **extra):
    features = [{"type": "Feature", "id": f"I{i}", "properties": {
        "datetime": "2023-05-01T10:00:00Z", "note": 'a "features": [1, 2] inside',
        "list": [1, 2.5, None, True, {"x": "é"}]}, "geometry": None, "assets": {}}
        for i in range(n)]
    return {"type": "FeatureCollection", "links": [{"rel": "next", "body": {
        "features": ["not", "these"]}}], "features": features, "numberMatched": n, **extra}


@pytest.mark.parametrize("indent", [None, 2])
def test_same_result_as_json_loads(indent):
    text = json.dumps(big_page(), indent=indent, ensure_ascii=False)
    assert len(text) > json_pages._SMALL
    assert json_pages.loads(text) == json.loads(text)


def test_a_real_page_of_the_reference_server(server):
    text = requests.post(server.url("/stac/search"), json={"limit": 250}, timeout=30).text
    assert len(text) > json_pages._SMALL
    assert json_pages.loads(text) == json.loads(text)


@pytest.mark.parametrize("text", [
    json.dumps(big_page())[:-1],             # truncated
    json.dumps(big_page()) + " x",           # trailing data
    json.dumps(big_page()).replace(",", ";", 1),
    "[" + json.dumps(big_page()) + "]",      # not an object: read whole
])
def test_bad_or_other_text_behaves_as_json_loads(text):
    try:
        expected = json.loads(text)
    except ValueError as error:
        with pytest.raises(type(error)):
            json_pages.loads(text)
    else:
        assert json_pages.loads(text) == expected



def test_each_feature_keeps_its_own_text():
    text = json.dumps(big_page(2000), ensure_ascii=False)
    assert len(text) > json_pages._SMALL
    features = json_pages.loads(text)["features"]
    assert all(json.loads(feature.raw) == feature for feature in features)
    assert features[0].raw in text


def test_a_deep_copy_keeps_the_text():
    import copy
    page = json_pages.loads(json.dumps(big_page(2000), ensure_ascii=False))
    copied = copy.deepcopy(page)
    assert copied == page and copied["features"][0] is not page["features"][0]
    assert copied["features"][0].raw == page["features"][0].raw


@pytest.mark.parametrize("n", [3, 400])  # one json.loads, and feature by feature
def test_a_feature_hook_replaces_each_feature_as_it_is_parsed(n):
    text = json.dumps(big_page(n), ensure_ascii=False)
    seen = []

    def reduce(feature):
        seen.append(feature)
        return None if feature["id"].endswith("7") else feature["id"]

    page = json_pages.loads(text, feature_hook=reduce)
    expected = json.loads(text)
    assert seen == expected["features"]
    assert page["features"] == [f["id"] for f in expected["features"]
                                if not f["id"].endswith("7")]
    assert {k: v for k, v in page.items() if k != "features"} == \
        {k: v for k, v in expected.items() if k != "features"}


def test_a_feature_hook_error_is_raised_as_it_is_not_taken_for_bad_json():
    text = json.dumps(big_page())

    def broken(_feature):
        raise KeyError("mine")

    with pytest.raises(KeyError, match="mine"):
        json_pages.loads(text, feature_hook=broken)


def test_the_next_link_is_read_from_the_end_of_a_page_written_links_last():
    page = big_page(50)
    links_last = {k: page[k] for k in ("type", "features", "links", "numberMatched")}
    assert json_pages.trailing_next_link(json.dumps(links_last)) == page["links"][0]
    assert json_pages.trailing_next_link(json.dumps(links_last, indent=2)) == page["links"][0]
    last = dict(links_last, links=[{"rel": "self", "href": "x"}])
    assert json_pages.trailing_next_link(json.dumps(last)) is None


def test_a_page_written_links_first_is_left_to_the_parser():
    """pgstac writes links before features; each item's own links come last: never taken
    for the page's."""
    page = big_page(50)
    for feature in page["features"]:
        feature["links"] = [{"rel": "next", "href": "an item's link, not the page's"}]
    links_first = {k: page[k] for k in ("type", "links", "numberMatched", "features")}
    assert json_pages.trailing_next_link(json.dumps(links_first)) is None
    assert json_pages.trailing_next_link('{"features": [], "links": [') is None

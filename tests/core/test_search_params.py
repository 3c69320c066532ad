"""SearchParameters: validation in plain words, pystac-client keywords, JSON round trip."""
import json
from datetime import date, datetime, timezone

import pytest

from dinamis.core.errors import DinamisError
from dinamis.core.search_params import InvalidSearch, SearchParameters


def test_default_parameters_are_valid_and_search_everything():
    params = SearchParameters()
    assert params.validate() == []
    assert params.to_pystac_kwargs() == {}


def test_full_parameters_become_pystac_client_keywords():
    params = SearchParameters(collections=["spot-6-7-drs"], bbox=(3.7, 43.5, 4.0, 43.7),
                              start="2023-01-01", end=date(2023, 6, 30), max_cloud_cover=20,
                              max_incidence_angle=25, availability="downloadable",
                              text="Montpellier", sortby="-datetime", limit=50, max_items=120)
    assert params.validate() == []
    kwargs = params.to_pystac_kwargs()
    assert kwargs["collections"] == ["spot-6-7-drs"]
    assert kwargs["bbox"] == [3.7, 43.5, 4.0, 43.7]
    assert kwargs["datetime"] == "2023-01-01T00:00:00Z/2023-06-30T23:59:59.999999Z"
    assert kwargs["filter_lang"] == "cql2-json"
    assert kwargs["filter"] == {"op": "and", "args": [
        {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20.0]},
        {"op": "<=", "args": [{"property": "view:incidence_angle"}, 25.0]},
        {"op": "=", "args": [{"property": "dinamis:availability"}, "downloadable"]}]}
    assert kwargs["q"] == "Montpellier"
    assert kwargs["sortby"] == "-datetime"
    assert kwargs["limit"] == 50 and kwargs["max_items"] == 120
    assert "intersects" not in kwargs


def test_open_ended_dates_use_double_dots():
    assert SearchParameters(start="2023-01-01").datetime_interval() == "2023-01-01T00:00:00Z/.."
    assert SearchParameters(end="2020-12-31").datetime_interval() == \
        "../2020-12-31T23:59:59.999999Z"
    moment = datetime(2023, 5, 1, 12, 30, tzinfo=timezone.utc)
    assert SearchParameters(start=moment).datetime_interval() == "2023-05-01T12:30:00Z/.."


def test_single_filter_is_not_wrapped_in_and():
    assert SearchParameters(max_cloud_cover=10).cql2_filter() == {
        "op": "<=", "args": [{"property": "eo:cloud_cover"}, 10.0]}
    assert SearchParameters(availability="all").cql2_filter() is None


def test_geometry_becomes_intersects():
    polygon = {"type": "Polygon", "coordinates": [[[3, 43], [4, 43], [4, 44], [3, 43]]]}
    params = SearchParameters(geometry=polygon)
    assert params.validate() == []
    assert params.to_pystac_kwargs() == {"intersects": polygon}


@pytest.mark.parametrize("kwargs, words", [
    ({"bbox": (4.0, 43.5, 3.7, 43.7)}, "west (4.0) is east of its east (3.7)"),
    ({"bbox": (3.7, 43.7, 4.0, 43.5)}, "south (43.7) is above its north (43.5)"),
    ({"bbox": (3.7, 43.5, 200, 43.7)}, "longitudes between -180 and 180"),
    ({"bbox": (3.7, -95, 4.0, 43.7)}, "latitudes between -90 and 90"),
    ({"bbox": (3.7, 43.5, 4.0)}, "four numbers"),
    ({"bbox": ("a", 43.5, 4.0, 43.7)}, "four numbers"),
    ({"start": "2024-01-01", "end": "2023-01-01"}, "start date is after the end date"),
    ({"start": "2023-13-45"}, "\"2023-13-45\" is not a date"),
    ({"max_cloud_cover": 101}, "cloud cover must be a number between 0 and 100"),
    ({"max_cloud_cover": "lots"}, "cloud cover must be a number between 0 and 100"),
    ({"max_incidence_angle": 91}, "incidence angle must be a number between 0 and 90"),
    ({"max_incidence_angle": -1}, "incidence angle must be a number between 0 and 90"),
    ({"availability": "free"}, "not \"free\""),
    ({"limit": 0}, "page size must be a whole number between 1 and 10000"),
    ({"max_items": 0}, "maximum number of results"),
    ({"sortby": "-"}, "Sort by needs a property name"),
    ({"collections": 5}, "list of collection ids"),
    ({"geometry": {"type": "Polygon"}}, "GeoJSON geometry"),
    ({"bbox": (3, 43, 4, 44), "geometry": {"type": "Point", "coordinates": [3, 43]}},
     "not both"),
])
def test_bad_input_is_reported_in_words(kwargs, words):
    problems = SearchParameters(**kwargs).validate()
    assert any(words in problem for problem in problems), problems


def test_check_raises_a_dinamis_error_listing_every_problem():
    params = SearchParameters(max_cloud_cover=150, availability="nope")
    with pytest.raises(InvalidSearch) as caught:
        params.check()
    assert isinstance(caught.value, DinamisError) and isinstance(caught.value, ValueError)
    assert len(caught.value.problems) == 2
    assert "cloud cover" in str(caught.value) and "nope" in str(caught.value)


def test_round_trip_through_json():
    params = SearchParameters(collections=["a", "b"], bbox=(3.7, 43.5, 4.0, 43.7),
                              start=date(2023, 1, 1), end="2023-12-31T12:00:00Z",
                              max_cloud_cover=15.5, availability="orderable",
                              text="Hérault", sortby="+datetime", limit=20, max_items=40)
    stored = json.loads(json.dumps(params.to_dict()))
    back = SearchParameters.from_dict(stored)
    assert back.to_pystac_kwargs() == params.to_pystac_kwargs()
    assert back.to_dict() == stored
    assert back.bbox == (3.7, 43.5, 4.0, 43.7)


def test_from_dict_ignores_unknown_keys_and_normalises():
    back = SearchParameters.from_dict({"collections": "a, b", "availability": " Downloadable ",
                                       "from_a_future_version": 1})
    assert back.collections == ["a", "b"]
    assert back.availability == "downloadable"
    assert back.validate() == []

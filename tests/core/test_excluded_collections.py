"""Collections excluded from a search ("all but these", as the web catalogue offers) on
both STAC flavours: the catalogue lists its collections and searches the others."""
import pytest
import requests

from dinamis.core.catalogue import Catalogue
from dinamis.core.http import new_http_session
from dinamis.core.profiles import local_reference
from dinamis.core.search_params import InvalidSearch, SearchParameters


@pytest.fixture
def catalogue(stac_server):
    return Catalogue(local_reference(stac_server.base_url), new_http_session())


def test_excluded_collections_are_not_searched(catalogue, reference_server):
    search = catalogue.search(SearchParameters(exclude_collections=["airbus-archive",
                                                                    "pleiades"], limit=1000))
    found = {item["collection"] for page in search.pages_as_dicts()
             for item in page["features"]}
    assert found == {"spot-6-7-drs", "pleiades-neo", "spot-world-heritage"}
    every = requests.post(reference_server.url("/stac/search"), timeout=10, json={
        "collections": sorted(found), "limit": 1}).json()["numberMatched"]
    assert sum(1 for page in search.pages_as_dicts() for _ in page["features"]) == every


def test_excluding_from_chosen_collections(catalogue):
    search = catalogue.search(SearchParameters(collections=["pleiades", "pleiades-neo"],
                                               exclude_collections=["pleiades"]))
    assert search.plan.kwargs["collections"] == ["pleiades-neo"]


def test_excluding_everything_is_said_not_searched(catalogue):
    ids = [c.id for c in catalogue.collections()]
    with pytest.raises(InvalidSearch, match="Every collection is excluded"):
        catalogue.search(SearchParameters(exclude_collections=ids))


def test_exclusions_survive_a_round_trip_and_need_resolving():
    params = SearchParameters.from_dict(SearchParameters(
        exclude_collections="airbus-archive, pleiades").to_dict())
    assert params.exclude_collections == ["airbus-archive", "pleiades"]
    assert params.resolved(["pleiades", "spot-6-7-drs", "airbus-archive"]).collections == [
        "spot-6-7-drs"]
    with pytest.raises(ValueError):  # a programmer's mistake: never silently "everything"
        params.to_pystac_kwargs()

"""The first page a search keeps (read once for the count, served again as the first page
of results) is not spoiled by whoever uses the pages: pystac objects, changed dicts."""
import pytest

from dinamis.core.catalogue import Catalogue
from dinamis.core.http import new_http_session
from dinamis.core.profiles import local_reference
from dinamis.core.search_params import SearchParameters


@pytest.fixture
def catalogue(stac_server):
    return Catalogue(local_reference(stac_server.base_url), new_http_session())


def test_pages_used_in_every_way_leave_the_first_page_whole(catalogue):
    search = catalogue.search(SearchParameters(limit=50, max_items=120))
    count = search.count()
    first_ids = [f["id"] for f in next(iter(search.pages_as_dicts()))["features"]]
    items = search.items()  # pystac objects made from the same pages
    assert [i.id for i in items][:50] == first_ids and len(items) == 120
    for page in search.pages_as_dicts():  # a caller changing what it got
        for feature in page["features"]:
            feature.pop("properties")
            feature["assets"] = {}
        page.pop("links", None)
    assert search.count() == count
    again = next(iter(search.pages_as_dicts()))["features"]
    assert [f["id"] for f in again] == first_ids
    assert all(f["properties"] and f["assets"] for f in again)

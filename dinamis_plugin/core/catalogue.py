"""`Catalogue`: the DINAMIS STAC API through pystac-client, on our own HTTP session.

Searches are lazy: nothing is fetched until pages are read, one page per request, so a
search matching 50,000 items costs one request per page actually shown. Collections are
listed from the API (no id is hard-coded). Failures come out as `DinamisError`s: the
server's reason naming the bad parameter, or "cannot reach the service".
"""
import json
import threading
from contextlib import contextmanager
from typing import Dict, Iterator, List, Optional

import requests

from .._vendor import pystac
from .._vendor.pystac_client import Client, ConformanceClasses
from .._vendor.pystac_client.errors import ClientTypeError
from .._vendor.pystac_client.exceptions import APIError
from .._vendor.pystac_client.item_search import ItemSearch
from .._vendor.pystac_client.warnings import DoesNotConformTo
from .errors import (DinamisError, EndpointInvalid, NotFound, ServerError,
                     ServiceUnreachable)
from .i18n import tr
from .search_params import SearchParameters
from .stac_io import SessionStacIO, StacRequestFailed

AGGREGATION_CONFORMANCE = "aggregation"
IDS_PER_SEARCH = 100


@contextmanager
def stac_errors(url: str):
    """Turn pystac-client and requests failures inside the block into `DinamisError`s."""
    try:
        yield
    except DinamisError:
        raise
    except StacRequestFailed as exc:
        raise exc.error from None
    except APIError as exc:
        if isinstance(exc.__context__, requests.RequestException):
            raise ServiceUnreachable(url) from None
        raise ServerError(getattr(exc, "status_code", None) or 0) from None
    except requests.RequestException:
        raise ServiceUnreachable(url) from None
    except (ClientTypeError, pystac.STACError, pystac.STACTypeError,
            pystac.errors.RequiredPropertyMissing, json.JSONDecodeError):
        raise EndpointInvalid(url, tr("a STAC API")) from None
    except DoesNotConformTo:  # raised, not warned, when search is not offered
        raise EndpointInvalid(url, tr("STAC item search")) from None


class Catalogue:
    """The STAC API of one DINAMIS deployment.

    `stac_url` is the API root (or pass an `EndpointProfile`); `http` the session to send
    through (plain for public search, `DinamisSession.http` when logged in). With a
    `signer`, every item and collection read comes with signed asset hrefs (this needs an
    active account: searching alone does not).
    """

    def __init__(self, stac_url, http: requests.Session, signer=None):
        self.stac_url = getattr(stac_url, "stac_url", stac_url)
        self.http = http
        self.signer = signer
        self._stac_io = SessionStacIO(http)
        self._client: Optional[Client] = None
        self._lock = threading.Lock()

    def client(self) -> Client:
        """The pystac-client `Client` (opened once, on first use)."""
        with self._lock:
            if self._client is None:
                with stac_errors(self.stac_url):
                    self._client = Client.open(self.stac_url, stac_io=self._stac_io,
                                               modifier=self.signer)
            return self._client

    def collections(self) -> List["pystac.Collection"]:
        """Every collection the API lists, in its order."""
        client = self.client()
        with stac_errors(self.stac_url):
            return list(client.get_collections())

    def search(self, params: SearchParameters) -> "CatalogueSearch":
        """A lazy search (nothing is requested yet); raises InvalidSearch on bad params."""
        params.check()
        return CatalogueSearch(self, params)

    def items_by_id(self, ids, collections=()) -> List[dict]:
        """The items with these ids (STAC item dicts, in the order of `ids`; ids the API
        does not know are left out), by item search: one request per 100 ids."""
        ids = list(dict.fromkeys(str(i) for i in ids if i))
        found: Dict[str, dict] = {}
        for start in range(0, len(ids), IDS_PER_SEARCH):
            chunk = ids[start:start + IDS_PER_SEARCH]
            with stac_errors(self.stac_url):
                search = self.client().search(ids=chunk, collections=list(collections) or None,
                                              limit=len(chunk), max_items=len(chunk))
                for page in search.pages_as_dicts():
                    found.update((f.get("id"), f) for f in page.get("features") or [])
        return [found[i] for i in ids if i in found]

    def monthly_counts(self, params: SearchParameters) -> Optional[Dict[str, int]]:
        """{"YYYY-MM": number of items} for the search, from the aggregation extension;
        None when the API does not offer it."""
        params.check()
        client = self.client()
        links = client.get_links("aggregate")
        conforms = any(AGGREGATION_CONFORMANCE in uri for uri in client.get_conforms_to())
        if not links and not conforms:
            return None
        link = next((k for k in links if (k.extra_fields.get("method") or "GET").upper()
                     == "POST"), links[0] if links else None)
        href = link.href if link is not None else _join(self.stac_url, "aggregate")
        method = ((link.extra_fields.get("method") if link is not None else None)
                  or "POST").upper()
        search = self._item_search(params, method=method)
        parameters = dict(search.get_parameters())
        parameters.pop("limit", None)
        parameters["aggregations"] = ("datetime_frequency" if method == "GET"
                                      else ["datetime_frequency"])
        parameters["datetime_frequency_interval"] = "month"
        try:
            with stac_errors(href):
                answer = self._stac_io.read_json(href, method=method, parameters=parameters)
        except NotFound:  # advertised but not there: treat as not offered
            return None
        return _monthly_buckets(answer)

    def _item_search(self, params: SearchParameters, method: str = "POST") -> ItemSearch:
        client = self.client()
        link = client.get_single_link("search")
        if link is None and not client.conforms_to(ConformanceClasses.ITEM_SEARCH):
            raise EndpointInvalid(self.stac_url, tr("STAC item search"))
        href = link.href if link is not None else _join(self.stac_url, "search")
        kwargs = params.to_pystac_kwargs()
        text = kwargs.pop("q", None)  # ItemSearch (pystac-client 0.9) has no `q` argument
        with stac_errors(self.stac_url):
            search = ItemSearch(href, method=method, client=client, stac_io=self._stac_io,
                                modifier=self.signer, **kwargs)
        if text:
            search._parameters["q"] = text  # sent as is, in the POST body or the GET query
        return search


class CatalogueSearch:
    """One search: `matched()`, lazy `pages()`, `items(n)`; iterating yields pystac Items."""

    def __init__(self, catalogue: Catalogue, params: SearchParameters):
        self.catalogue = catalogue
        self.params = params
        self._search: Optional[ItemSearch] = None

    def _item_search(self) -> ItemSearch:
        if self._search is None:
            self._search = self.catalogue._item_search(self.params)
        return self._search

    def matched(self) -> Optional[int]:
        """How many items the whole search matches (numberMatched), None if not reported."""
        search = self._item_search()
        with stac_errors(search.url):
            return search.matched()

    def pages_as_dicts(self) -> Iterator[dict]:
        """One FeatureCollection dict per page, fetched only when the previous one is used."""
        search = self._item_search()
        pages = search.pages_as_dicts()
        while True:
            with stac_errors(search.url):
                page = next(pages, None)
            if page is None:
                return
            yield page

    def pages(self) -> Iterator["pystac.ItemCollection"]:
        """One pystac ItemCollection per page (lazy, like `pages_as_dicts`)."""
        for page in self.pages_as_dicts():
            yield pystac.ItemCollection.from_dict(page, preserve_dict=False)

    def __iter__(self) -> Iterator["pystac.Item"]:
        for page in self.pages():
            yield from page.items

    def items(self, max_items: Optional[int] = None) -> List["pystac.Item"]:
        """The first `max_items` items (all of them, up to the search's max_items, if None)."""
        found = []
        for item in self:
            if max_items is not None and len(found) >= max_items:
                break
            found.append(item)
        return found

    def item_collection(self, max_items: Optional[int] = None) -> "pystac.ItemCollection":
        return pystac.ItemCollection(self.items(max_items))


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def _monthly_buckets(answer: dict) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for aggregation in answer.get("aggregations") or []:
        if aggregation.get("name") != "datetime_frequency":
            continue
        for bucket in aggregation.get("buckets") or []:
            key = str(bucket.get("key", ""))[:7]
            counts[key] = counts.get(key, 0) + int(bucket.get("frequency", 0))
    return dict(sorted(counts.items()))

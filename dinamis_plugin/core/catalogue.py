"""`Catalogue`: the DINAMIS STAC API through pystac-client, on our own HTTP session.

The catalogue first learns what its STAC API offers (`capabilities()`: conformance
classes, queryables, sortables, collections, read once) and plans each search from it
(`search_plan`): the real catalogue is a stock stac-fastapi-pgstac, which answers an
unknown collection, an unsupported `q` or a filter on a missing property with a
plausible-looking result instead of an error.

Searches are lazy: nothing is fetched until pages are read, one page per request, so a
search matching 50,000 items costs one request per page actually shown; the first page
also gives the count (`count()`, a range when the server does not say). Failures come out
as `DinamisError`s: the server's reason naming the bad parameter, or "cannot reach the
service".
"""
import copy
import json
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Callable, Dict, Iterator, List, Optional

import requests

from .._vendor import pystac
from .._vendor.pystac import Link
from .._vendor.pystac_client import Client
from .._vendor.pystac_client._utils import call_modifier
from .._vendor.pystac_client.errors import ClientTypeError
from .._vendor.pystac_client.exceptions import APIError
from .._vendor.pystac_client.item_search import ItemSearch
from .._vendor.pystac_client.warnings import DoesNotConformTo
from . import capabilities as caps_module
from . import json_pages
from . import monthly_counts as monthly
from .availability import item_availability
from .capabilities import CatalogueCapabilities
from .carried_properties import carried_queryables
from .counts import SearchCount
from .errors import (DinamisError, EndpointInvalid, NotFound, ServerError,
                     ServiceUnreachable)
from .i18n import tr
from .monthly_counts import MonthlyCounts
from .search_params import SearchParameters
from .search_plan import SearchPlan, plan_search
from .stac_io import SessionStacIO, StacRequestFailed

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

    `stac_url` is the API root, or an `EndpointProfile` (its storage hosts then tell which
    data assets are signable, which availability needs); `http` the session to send
    through (plain for public search, `DinamisSession.http` when logged in). With a
    `signer`, every item and collection read comes with signed asset hrefs (this needs an
    active account: searching alone does not).
    """

    def __init__(self, stac_url, http: requests.Session, signer=None):
        self.profile = stac_url if hasattr(stac_url, "stac_url") else None
        self.stac_url = getattr(stac_url, "stac_url", stac_url)
        self.http = http
        self.signer = signer
        self._stac_io = SessionStacIO(http)
        self._client: Optional[Client] = None
        self._capabilities: Optional[CatalogueCapabilities] = None
        self._lock = threading.Lock()
        self._capabilities_lock = threading.Lock()

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

    def capabilities(self, refresh: bool = False) -> CatalogueCapabilities:
        """What this catalogue offers (read once, then cached; `refresh` reads it again)."""
        with self._capabilities_lock:
            if self._capabilities is None or refresh:
                self._capabilities = self._read_capabilities()
            return self._capabilities

    def _read_capabilities(self) -> CatalogueCapabilities:
        client = self.client()
        links = [link.to_dict() for link in client.links]
        conforms_to = list(client.get_conforms_to())
        if not conforms_to and _href(links, "conformance"):
            conforms_to = self._read_json(_href(links, "conformance")).get("conformsTo") or []
        flags = caps_module.from_conformance(conforms_to, links)
        queryables, any_property, carried = (), False, ()
        if flags["filter"]:
            schema = self._read_optional(_href(links, caps_module.QUERYABLES_REL)
                                         or _join(self.stac_url, "queryables"))
            queryables, any_property = caps_module.queryables_from_schema(schema)
            if any_property:  # a stock pgstac lists almost nothing: ask its items
                carried = carried_queryables(lambda body: self._read_json(
                    self._search_href(), method="POST", parameters=body), queryables)
        sortables, listed = (), False
        if flags["sort"]:
            if caps_module.sortables_published(conforms_to, links):
                schema = self._read_optional(_href(links, caps_module.SORTABLES_REL)
                                             or _join(self.stac_url, "sortables"))
                sortables, listed = caps_module.sortables_from_schema(schema), bool(schema)
            if not listed:  # not `carried`: pgstac sorts an unlisted property as text
                sortables = caps_module.inferred_sortables(queryables)
        collections = tuple(caps_module.collection_info(
            c.to_dict(include_self_link=False, transform_hrefs=False))
            for c in self.collections())
        return CatalogueCapabilities(**flags, queryables=queryables + carried,
                                     any_property_accepted=any_property,
                                     sortables=sortables, sortables_listed=listed,
                                     collections=collections)

    def search(self, params: SearchParameters, strict: bool = False) -> "CatalogueSearch":
        """A search planned for this catalogue; no search request is sent yet (the
        capabilities are read once). Raises InvalidSearch on bad parameters,
        UnknownCollection, SearchNotSupported for free text the catalogue lacks, and,
        with `strict`, for any criterion it cannot apply (else skipped: `plan.skipped`)."""
        params.check()
        caps = self.capabilities()
        if not caps.item_search:
            raise EndpointInvalid(self.stac_url, tr("STAC item search"))
        if params.exclude_collections:  # "all but these": the STAC API needs the list
            params = params.resolved(list(caps.collection_ids))
        return CatalogueSearch(self, params, plan_search(params, caps, strict))

    def monthly_counts(self, params: SearchParameters, strict: bool = False,
                       max_requests: int = monthly.DEFAULT_MAX_REQUESTS,
                       page_size: int = monthly.PAGE_SIZE) -> MonthlyCounts:
        """Images per month for the search, by the cheapest route this catalogue offers
        (see monthly_counts); at most `max_requests` requests."""
        return self.search(params, strict).monthly_counts(max_requests, page_size)

    def item_availability(self, item) -> Optional[str]:
        """"downloadable", "orderable" or None for an item (dict or pystac Item) of this
        catalogue: its own assets first, its collection's metadata otherwise."""
        item_dict = item if isinstance(item, dict) else item.to_dict(
            include_self_link=False, transform_hrefs=False)
        collection = self.capabilities().collection(str(item_dict.get("collection") or ""))
        return item_availability(item_dict, self.profile, collection)

    def items_by_id(self, ids, collections=()) -> List[dict]:
        """The items with these ids (STAC item dicts, in the order of `ids`; ids the API
        does not know are left out), by item search: one request per 100 ids."""
        ids = list(dict.fromkeys(str(i) for i in ids if i))
        found: Dict[str, dict] = {}
        for start in range(0, len(ids), IDS_PER_SEARCH):
            chunk = ids[start:start + IDS_PER_SEARCH]
            body = {"ids": chunk, "limit": len(chunk)}
            if collections:
                body["collections"] = sorted(set(collections))
            page = self._read_json(self._search_href(), method="POST", parameters=body)
            found.update((f.get("id"), f) for f in page.get("features") or []
                         if isinstance(f, dict))
        return [found[i] for i in ids if i in found]

    # --- requests -------------------------------------------------------------------
    def _read_json(self, href, method: str = "GET", parameters=None,
                   feature_hook=None) -> dict:
        """A STAC document; with `feature_hook`, a page whose features are what it returns
        for each (json_pages.loads)."""
        with stac_errors(href if isinstance(href, str) else self.stac_url), \
                self._stac_io.features_reduced(feature_hook):
            return self._stac_io.read_json(href, method=method, parameters=parameters)

    def _read_optional(self, href: str) -> dict:
        """An advertised document that may be missing after all (404: empty)."""
        try:
            return self._read_json(href)
        except NotFound:
            return {}

    def _search_href(self) -> str:
        links = [link.to_dict() for link in self.client().links]
        post = [link for link in links if link.get("rel") == "search"
                and (link.get("method") or "GET").upper() == "POST"]
        return (post[0]["href"] if post else _href(links, "search")
                or _join(self.stac_url, "search"))

    def _parameters(self, kwargs: dict, free_text=None) -> dict:
        """The POST body pystac-client's ItemSearch makes of these keyword arguments."""
        with stac_errors(self.stac_url):
            search = ItemSearch(self._search_href(), method="POST", client=self.client(),
                                stac_io=self._stac_io, **kwargs)
        parameters = copy.deepcopy(search.get_parameters())
        if free_text:  # ItemSearch (pystac-client 0.9) has no `q` argument
            parameters["q"] = free_text
        return parameters


class CatalogueSearch:
    """One planned search: `count()`, lazy `pages()`, `items(n)`, `monthly_counts()`;
    iterating yields pystac Items. `plan` says what is applied, and how."""

    def __init__(self, catalogue: Catalogue, params: SearchParameters, plan: SearchPlan):
        self.catalogue = catalogue
        self.params = params
        self.plan = plan
        self._first = None
        self._count: Optional[SearchCount] = None
        self._lock = threading.Lock()

    # --- counting -----------------------------------------------------------------------
    def count(self) -> SearchCount:
        """How many images the whole search matches, as far as the catalogue says: exact,
        or bounds (`numberMatched` absent, availability checked item by item). Reads the
        first page (kept for the first page of `pages()`)."""
        if self.plan.empty:
            return SearchCount.exactly(0)
        if self._count is None:
            page = self._first_page(copied=False)
            features = page.get("features") or []
            self._count = self._count_of(page, len(self._kept(features)), len(features))
        return self._count

    def _count_of(self, page: dict, kept: int, returned: int) -> SearchCount:
        """The count a first page of `returned` items tells, `kept` of them being this
        search's."""
        total = number_matched(page)
        last_page = not returned or _next_link(page) is None
        if self.plan.client_availability is None:
            if total is not None:
                return SearchCount.exactly(total)
            return SearchCount.exactly(kept) if last_page else SearchCount(kept, None)
        if last_page:
            return SearchCount.exactly(kept)
        return SearchCount(kept, total)

    def matched(self) -> Optional[int]:
        """The exact number of matching images, or None when it is not known exactly."""
        return self.count().exact

    def monthly_counts(self, max_requests: int = monthly.DEFAULT_MAX_REQUESTS,
                       page_size: int = monthly.PAGE_SIZE) -> MonthlyCounts:
        """Images per month (see monthly_counts for the routes), in at most
        `max_requests` requests (`page_size` images a page when reading dates); the
        result says its route and whether it is complete."""
        if self.plan.empty:
            return MonthlyCounts()
        caps = self.catalogue.capabilities()
        if caps.aggregation and self.plan.client_availability is None:
            found = self._aggregated()
            if found is not None:
                return found
        total = number_matched(self._first_page(copied=False))
        if self.plan.client_availability is None and total:
            months = self._months()
            needed = monthly.pages_needed(total, page_size)
            paging_fits = needed <= max_requests and (months is None or needed <= len(months))
            if not paging_fits and months is not None and len(months) <= max_requests:
                return self._counted_by_month(months, max_requests, page_size)
        return self._counted_by_paging(max_requests, page_size)

    def _aggregated(self) -> Optional[MonthlyCounts]:
        client = self.catalogue.client()
        links = [link.to_dict() for link in client.links if link.rel == "aggregate"]
        post = [link for link in links if (link.get("method") or "GET").upper() == "POST"]
        href = (post or links)[0]["href"] if links else _join(self.catalogue.stac_url,
                                                              "aggregate")
        method = "POST" if post or not links else "GET"
        parameters = self._body()
        parameters.pop("limit", None)
        if method == "GET":
            parameters = _as_get(parameters)
        parameters["aggregations"] = (["datetime_frequency"] if method == "POST"
                                      else "datetime_frequency")
        parameters["datetime_frequency_interval"] = "month"
        try:
            answer = self.catalogue._read_json(href, method=method, parameters=parameters)
        except NotFound:  # advertised but not there: count another way
            return None
        return monthly.from_buckets(monthly.aggregation_buckets(answer), monthly.AGGREGATION,
                                    requests=1)

    def _months(self):
        """The months the search spans, from its dates or its collections' extents."""
        start, end = self.params.time_range()
        caps = self.catalogue.capabilities()
        searched = [caps.collection(c) for c in (self.plan.kwargs.get("collections")
                                                 or caps.collection_ids)]
        searched = [c for c in searched if c is not None]
        if start is None:
            starts = [_parse_instant(c.start) for c in searched]
            start = min(starts) if starts and None not in starts else None
        if end is None:
            ends = [_parse_instant(c.end) for c in searched]
            end = max(ends) if ends and None not in ends else datetime.now(timezone.utc)
        if start is None or start > end:
            return None
        return monthly.months_between(start, end)

    def _counted_by_month(self, months, max_requests, page_size) -> MonthlyCounts:
        counts = {}
        for requests_made, (first, last, key) in enumerate(months, start=1):
            page = self.catalogue._read_json(
                self.catalogue._search_href(), method="POST",
                parameters=self._body(datetime=f"{_iso(first)}/{_iso(last)}", limit=1))
            found = number_matched(page)
            if found is None:  # the server stopped counting: read dates instead
                return self._counted_by_paging(max(max_requests - requests_made, 1),
                                               page_size)
            counts[key] = found
        return monthly.from_buckets(counts, monthly.MONTH_SEARCHES, requests=len(months))

    def _counted_by_paging(self, max_requests: int, page_size: int) -> MonthlyCounts:
        caps = self.catalogue.capabilities()
        overrides = {"limit": page_size}
        newest_first = caps.can_sort_on("datetime")
        if newest_first:
            overrides["sortby"] = "-datetime"
        if caps.fields:
            wanted = ["properties.datetime", "properties.start_datetime", "collection"]
            if self.plan.client_availability:
                wanted += ["assets", "properties.dinamis:availability"]
            overrides["fields"] = wanted
        counts, read, requests_made, complete = {}, 0, 0, True
        oldest = None
        for page in self._raw_pages(self._body(**overrides)):
            requests_made += 1
            for feature in self._kept(page.get("features") or []):
                month = monthly.month_of(feature)
                if month:
                    counts[month] = counts.get(month, 0) + 1
                    oldest = month if oldest is None else min(oldest, month)
                read += 1
            if requests_made >= max_requests and _next_link(page) is not None:
                complete = False
                break
        complete_from = monthly.next_month(oldest) if not complete and newest_first \
            and oldest else None
        return monthly.from_buckets(counts, monthly.PAGING, requests=requests_made,
                                    complete=complete, complete_from=complete_from,
                                    images_read=read)

    # --- pages --------------------------------------------------------------------------
    def pages_as_dicts(self) -> Iterator[dict]:
        """One FeatureCollection dict per page, fetched only when the previous one is used.
        Pages hold only the images the search keeps (availability checked here when the
        catalogue cannot filter on it) and stop at `max_items`."""
        if self.plan.empty:
            return
        max_items = self.params.max_items
        given = 0
        for page in self._raw_pages(self._body(), first=self._first_page):
            features = self._kept(page.get("features") or [])
            if max_items is not None:
                features = features[:max_items - given]
            page["features"] = features
            page["numberReturned"] = len(features)
            if self.plan.client_availability:  # the server's count is not this search's
                page.pop("numberMatched", None)
                page.pop("context", None)
            if not features:
                continue
            call_modifier(self.catalogue.signer, page)
            given += len(features)
            yield page
            if max_items is not None and given >= max_items:
                return

    def reduced_pages(self, reduce: Callable[[dict], Any]) -> Iterator[dict]:
        """`pages_as_dicts`, each item replaced by what `reduce(item)` returns (None: left
        out) as soon as it is parsed: a page of item dicts never lives whole, so Python's
        garbage collector is not handed tens of thousands of objects per page (a full
        collection holds the GIL, and QGIS's UI waits). For long searches kept as plain
        values. `reduce` runs on the reading thread and must not change the item. Items are
        reduced unsigned (a footprint needs no signature): not for a signing catalogue,
        whose pages `pages_as_dicts` signs whole. The first page kept for `count()` is reduced and let go (the count is kept). Without
        max_items, each next page is asked for while the current one is parsed
        (`_pages_ahead`)."""
        if self.plan.empty:
            return
        if self.catalogue.signer is not None:
            raise ValueError("reduced_pages reduces unsigned items: use pages_as_dicts on "
                             "a signing catalogue")
        wanted = self.plan.client_availability

        def hook(item):
            if wanted and self.catalogue.item_availability(item) != wanted:
                return None
            return reduce(item)

        max_items, given = self.params.max_items, 0
        pages = self._raw_pages(self._body(), first=lambda: self._first_reduced(hook),
                                feature_hook=hook) if max_items is not None else \
            self._pages_ahead(self._body(), lambda: self._first_reduced(hook), hook)
        for page in pages:
            features = page.get("features") or []
            if max_items is not None:
                features = features[:max_items - given]
            page["features"] = features
            page["numberReturned"] = len(features)
            if wanted:
                page.pop("numberMatched", None)
                page.pop("context", None)
            if not features:
                continue
            given += len(features)
            yield page
            if max_items is not None and given >= max_items:
                return

    def _first_reduced(self, hook) -> dict:
        """The first page for `reduced_pages`: the kept one, reduced and let go, else read
        with the hook; either way the count it tells is kept."""
        with self._lock:
            first, self._first = self._first, None
        if first is not None:
            features = first.get("features") or []
            if self._count is None:
                self._count = self._count_of(first, len(self._kept(features)), len(features))
            reduced = [hook(f) for f in features]
            return dict(first, features=[r for r in reduced if r is not None])
        returned = []

        def counted(item):
            returned.append(None)
            return hook(item)
        page = self.catalogue._read_json(self.catalogue._search_href(), method="POST",
                                         parameters=self._body(), feature_hook=counted)
        if self._count is None:
            features = page.get("features") or []
            self._count = self._count_of(page, len(features), len(returned))
        return page

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

    # --- plumbing -----------------------------------------------------------------------
    def _body(self, **overrides) -> dict:
        kwargs = dict(self.plan.kwargs)
        if self.params.max_items is not None and self.plan.client_availability is None \
                and "limit" in kwargs and "limit" not in overrides:
            kwargs["limit"] = min(kwargs["limit"], self.params.max_items)
        kwargs.update(overrides)
        return self.catalogue._parameters(kwargs, self.plan.free_text)

    def _first_page(self, copied: bool = True) -> dict:
        """The first page of this search (one request, then kept); a copy unless the
        caller only reads it (a page of hundreds of items is long to copy)."""
        with self._lock:
            if self._first is None:
                self._first = self.catalogue._read_json(
                    self.catalogue._search_href(), method="POST", parameters=self._body())
            if not copied:
                return self._first
            if self.catalogue.signer is not None:  # signing rewrites asset hrefs in place
                return copy.deepcopy(self._first)
            return _fresh_page(self._first)

    def _raw_pages(self, parameters: dict, first=None, feature_hook=None) -> Iterator[dict]:
        """The server's pages, following `next` links (a POST link carries its body);
        `feature_hook` as in `Catalogue._read_json`."""
        href = self.catalogue._search_href()
        page = first() if first else self.catalogue._read_json(
            href, method="POST", parameters=parameters, feature_hook=feature_hook)
        while page.get("features") or (feature_hook is not None and _next_link(page)):
            yield page
            link = _next_link(page)
            if link is None:
                return
            page = self.catalogue._read_json(Link.from_dict(link), parameters=parameters,
                                             feature_hook=feature_hook)

    def _pages_ahead(self, parameters: dict, first, feature_hook) -> Iterator[dict]:
        """`_raw_pages`, each next page requested (on a thread of its own) as soon as the
        current page's text has arrived, before it is parsed: its "next" link is read from
        the end of the text where the server writes links after features (stac-fastapi
        does), else from the parsed page. The server prepares a page while the previous
        one is parsed; the pages, and the requests, are the same."""
        from concurrent.futures import ThreadPoolExecutor
        pool = ThreadPoolExecutor(1, thread_name_prefix="dinamis-next-page")

        def text_of(link):
            with stac_errors(self.catalogue.stac_url):
                return self.catalogue._stac_io.read_text(Link.from_dict(link),
                                                         parameters=parameters)

        try:
            page = first()
            link = _next_link(page)
            pending = pool.submit(text_of, link) if link else None
            while page.get("features") or (feature_hook is not None and link):
                yield page
                if pending is None:
                    return
                text = pending.result()
                early = json_pages.trailing_next_link(text)
                pending = pool.submit(text_of, early) if early else None
                with stac_errors(self.catalogue.stac_url), \
                        self.catalogue._stac_io.features_reduced(feature_hook):
                    page = self.catalogue._stac_io.json_loads(text)
                link = _next_link(page)
                if link != early:  # read otherwise at the end of the text: ask again
                    pending = pool.submit(text_of, link) if link else None
        finally:
            pool.shutdown(wait=False)  # a request under way ends on its own

    def _kept(self, features: list) -> list:
        wanted = self.plan.client_availability
        if not wanted:
            return list(features)
        return [f for f in features if self.catalogue.item_availability(f) == wanted]


def number_matched(page: dict) -> Optional[int]:
    """numberMatched of a page (STAC API 1.0, or the older context extension), else None."""
    value = page.get("numberMatched")
    if value is None:
        value = (page.get("context") or {}).get("matched")
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def _next_link(page: dict) -> Optional[dict]:
    return next((link for link in page.get("links") or [] if link.get("rel") == "next"), None)


def _href(links, rel: str) -> Optional[str]:
    return next((link.get("href") for link in links if link.get("rel") == rel), None)


def _fresh_page(page: dict) -> dict:
    """A copy of a page whose top-level keys, and each feature's, can be changed freely
    (pages_as_dicts and pystac's Item.from_dict do only that); nested values are shared.
    A deep copy of a page of 1,000 items costs a tenth of a second."""
    return dict(page, features=[copy.copy(f) for f in page.get("features") or []])


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def _as_get(parameters: dict) -> dict:
    """A POST body as GET query parameters (lists comma-joined, objects as JSON)."""
    query = {}
    for key, value in parameters.items():
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            query[key] = ",".join(str(v) for v in value)
        elif isinstance(value, (dict, list)):
            query[key] = json.dumps(value)
        else:
            query[key] = value
    return query


def _parse_instant(text) -> Optional[datetime]:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

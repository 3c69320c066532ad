"""`Signer`: turns asset hrefs into presigned urls, cheaply and safely.

Only urls on the deployment's object storage (`EndpointProfile.is_storage_url`: hosts under
`meso.umontpellier.fr` for DINAMIS) are sent for signing, as the DINAMIS SDK does; public
thumbnails and foreign links are used as they are. The request is the current SDK's:
`POST {signing}sign_urls` with the JSON body `{"urls": [...], "duration_seconds": N}`,
answered by `{"hrefs": {url: signed}, "expiry": ...}` (`request_signatures`).

The signing service takes at most 64 urls a request, so the signer batches; a signed url
lives for hours, so it caches per url and re-signs only when the remaining lifetime drops
under a margin; an url that is already signed (e.g. saved in a QGIS project) is kept as it
is while fresh, and renewed from its unsigned form when near expiry. Several threads (QGIS
tasks, the renderer) may sign at once: a url being signed by one caller is waited for, not
requested twice.

Like planetary_computer's `sign_inplace`, a `Signer` is a pystac-client modifier:
`Client.open(stac_url, modifier=signer)` returns items whose assets are signed.

Signed urls are secrets: nothing here logs them or puts them in an error message.
"""
import copy
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, Dict, Iterable, List, Optional

import requests

from . import signed_url
from .errors import ServerError, error_from_response
from .http import reaching
from .i18n import tr

MAX_URLS_PER_REQUEST = 64
DEFAULT_EXPIRY_MARGIN_SECONDS = 30 * 60
DEFAULT_TIMEOUT = (10, 60)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class _Signed:
    url: str
    expiry: datetime
    lifetime: timedelta


class _InFlight:
    """A url one caller is signing; others wait on `done` instead of asking again."""

    def __init__(self):
        self.done = threading.Event()


def request_signatures(http: requests.Session, signing_url: str, urls: List[str],
                       duration_seconds: Optional[int] = None, **request_kwargs):
    """({url: signed url} for every one of `urls`, the service's expiry or None), from one
    `sign_urls` request (at most 64 urls). `request_kwargs` go to `http.post` (e.g.
    explicit `headers` and `auth`). Raises the service's refusal as a `DinamisError`."""
    body = {"urls": list(urls)}
    if duration_seconds is not None:
        body["duration_seconds"] = int(duration_seconds)
    endpoint = signing_url + "sign_urls"
    request_kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
    with reaching(endpoint):  # signing changes nothing: safe to send again after a hiccup
        response = http.post(endpoint, json=body, retry_safe=True, **request_kwargs)
    if not response.ok:
        raise error_from_response(response)
    try:
        answer = response.json()
        hrefs = answer["hrefs"]
        expiry = _parse_iso(answer.get("expiry"))
    except (ValueError, KeyError, TypeError):
        hrefs = None
    if not isinstance(hrefs, dict):
        raise ServerError(response.status_code,
                          tr("The signing service sent an answer that is not a list of "
                             "signed urls."))
    if not all(isinstance(hrefs.get(url), str) for url in urls):
        raise ServerError(response.status_code,
                          tr("The signing service did not sign every url it was given."))
    return {url: hrefs[url] for url in urls}, expiry


class Signer:
    """Signs DINAMIS asset urls through the signing service, with a per-url cache.

    `http` is an authenticated `requests.Session` (DinamisSession.http); `signing_url` the
    service root ending with "/"; `is_storage_url(url)` tells which urls need a signature
    (the profile's `is_storage_url`): every other url is returned as it is, unsent.
    `duration_seconds` asks for that lifetime (None: the service's default, 8 h). A url is
    re-signed when less than `expiry_margin_seconds` (at most half its lifetime, so
    short-lived signatures are still reused) remains.
    """

    def __init__(self, http: requests.Session, signing_url: str,
                 is_storage_url: Callable[[str], bool],
                 duration_seconds: Optional[int] = None,
                 expiry_margin_seconds: int = DEFAULT_EXPIRY_MARGIN_SECONDS,
                 clock: Callable[[], datetime] = _utc_now):
        self.http = http
        self.signing_url = signing_url if signing_url.endswith("/") else signing_url + "/"
        self.is_storage_url = is_storage_url
        self.duration_seconds = duration_seconds
        self.expiry_margin = timedelta(seconds=max(0, expiry_margin_seconds))
        self._clock = clock
        self._lock = threading.Lock()
        self._cache: Dict[str, _Signed] = {}
        self._in_flight: Dict[str, _InFlight] = {}

    # --- urls -------------------------------------------------------------------------
    def sign_url(self, url: str) -> str:
        """One signed url for `url` (see `sign_urls`)."""
        return self.sign_urls([url])[url]

    def sign_urls(self, urls: Iterable[str]) -> Dict[str, str]:
        """{url: signed url} for every url, asking the service only for what is not fresh.

        A url outside the storage (a public thumbnail, a foreign link) maps to itself, as
        does a url that is already signed and fresh; one near expiry maps to a new signature
        of its unsigned form.
        """
        urls = list(dict.fromkeys(urls))
        result: Dict[str, str] = {}
        wanted: Dict[str, List[str]] = {}  # unsigned url -> the given urls it answers
        now = self._clock()
        for url in urls:
            if not self.is_storage_url(url):
                result[url] = url
            elif signed_url.is_signed(url):
                expiry = signed_url.expiry_of(url)
                lifetime = signed_url.lifetime_of(url)
                if expiry and lifetime is not None and not self._near_expiry(expiry, lifetime,
                                                                             now):
                    result[url] = url
                    continue
                wanted.setdefault(signed_url.unsigned(url), []).append(url)
            else:
                wanted.setdefault(url, []).append(url)
        signed = self._signed_for(list(wanted))
        for base, originals in wanted.items():
            for original in originals:
                result[original] = signed[base]
        return result

    def expiry_of(self, url: str) -> Optional[datetime]:
        """When a signed url stops working (UTC); None for an url that is not signed."""
        return signed_url.expiry_of(url)

    def clear_cache(self) -> None:
        """Forget every signature (e.g. after logging out or switching account)."""
        with self._lock:
            self._cache.clear()

    # --- STAC objects -------------------------------------------------------------------
    def sign(self, obj):
        """A signed copy of `obj`: a url (str), pystac Item / ItemCollection / Asset /
        Collection, a STAC dict (Item, FeatureCollection, Collection), or a list of those.
        Only asset hrefs are signed, all of them in one go (batched by 64)."""
        if isinstance(obj, str):
            return self.sign_url(obj)
        if isinstance(obj, (list, tuple)):
            return self.sign_inplace([o if isinstance(o, str) else _copy_of(o) for o in obj])
        return self.sign_inplace(_copy_of(obj))

    def sign_inplace(self, obj):
        """Sign `obj`'s asset hrefs in place and return it (a str is returned signed; the
        urls in a list are replaced by their signed form)."""
        if isinstance(obj, str):
            return self.sign_url(obj)
        parts = obj if isinstance(obj, list) else [obj]
        holders = [h for part in parts if not isinstance(part, str)
                   for h in _asset_holders(part)]
        hrefs = [h["href"] if isinstance(h, dict) else h.href for h in holders]
        texts = [part for part in parts if isinstance(part, str)]
        signed = self.sign_urls([h for h in hrefs if _signable(h)] + texts)
        for holder, href in zip(holders, hrefs):
            if href in signed:
                if isinstance(holder, dict):
                    holder["href"] = signed[href]
                else:
                    holder.href = signed[href]
        if isinstance(obj, list):
            obj[:] = [signed[part] if isinstance(part, str) else part for part in obj]
        return obj

    def __call__(self, obj):
        """pystac-client `modifier`: signs items, pages and collections in place."""
        self.sign_inplace(obj)
        return None

    # --- internals ----------------------------------------------------------------------
    def _near_expiry(self, expiry: datetime, lifetime: timedelta, now: datetime) -> bool:
        margin = min(self.expiry_margin, lifetime / 2)
        return now >= expiry - margin

    def _fresh(self, url: str, now: datetime) -> Optional[str]:
        entry = self._cache.get(url)
        if entry and not self._near_expiry(entry.expiry, entry.lifetime, now):
            return entry.url
        return None

    def _signed_for(self, urls: List[str]) -> Dict[str, str]:
        """Signed urls for unsigned `urls`: cached, awaited from another caller, or fetched."""
        result: Dict[str, str] = {}
        pending = list(urls)
        while pending:
            mine: Dict[str, _InFlight] = {}
            theirs: List[_InFlight] = []
            waiting_for: List[str] = []
            with self._lock:
                now = self._clock()
                for url in pending:
                    fresh = self._fresh(url, now)
                    if fresh is not None:
                        result[url] = fresh
                    elif url in self._in_flight:
                        theirs.append(self._in_flight[url])
                        waiting_for.append(url)
                    else:
                        mine[url] = self._in_flight[url] = _InFlight()
            if mine:
                result.update(self._fetch(mine))
            for flight in theirs:
                flight.done.wait()
            # Urls another caller was signing: normally cached now; if its request failed,
            # the next round makes this caller ask for them itself.
            pending = waiting_for
        return result

    def _fetch(self, flights: Dict[str, _InFlight]) -> Dict[str, str]:
        """Ask the service for the urls this caller holds, in batches, caching each batch."""
        urls = list(flights)
        result: Dict[str, str] = {}
        try:
            for start in range(0, len(urls), MAX_URLS_PER_REQUEST):
                batch = urls[start:start + MAX_URLS_PER_REQUEST]
                signed = self._request(batch)
                with self._lock:
                    self._cache.update(signed)
                    self._release(batch, flights)
                result.update((url, entry.url) for url, entry in signed.items())
            return result
        finally:
            with self._lock:  # on error, let waiters retry by themselves
                self._release(urls, flights)

    def _release(self, urls: List[str], flights: Dict[str, _InFlight]) -> None:
        for url in urls:
            if self._in_flight.get(url) is flights[url]:
                del self._in_flight[url]
            flights[url].done.set()

    def _request(self, batch: List[str]) -> Dict[str, _Signed]:
        hrefs, service_expiry = request_signatures(self.http, self.signing_url, batch,
                                                   self.duration_seconds)
        now = self._clock()
        signed: Dict[str, _Signed] = {}
        for url, value in hrefs.items():
            # Unknown expiry: usable now, never reused from the cache.
            expiry = signed_url.expiry_of(value) or service_expiry or now
            lifetime = signed_url.lifetime_of(value) or max(expiry - now, timedelta(0))
            signed[url] = _Signed(value, expiry, lifetime)
        return signed


def _parse_iso(value) -> Optional[datetime]:
    if not value:
        return None
    text = str(value).replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _signable(href) -> bool:
    return isinstance(href, str) and href.startswith(("http://", "https://"))


def _copy_of(obj):
    clone = getattr(obj, "clone", None)
    if callable(clone):  # pystac objects (Item, Asset, ItemCollection, Collection)
        return clone()
    return copy.deepcopy(obj)


def _asset_holders(obj):
    """Every object whose href is an asset href in `obj` (pystac Assets or asset dicts).

    Duck-typed, so pystac objects from the vendored copy and from another copy (a script's
    own pystac) are both understood.
    """
    if isinstance(obj, dict):
        if isinstance(obj.get("features"), list):
            for feature in obj["features"]:
                if isinstance(feature, dict):
                    yield from _asset_dicts(feature)
        else:
            yield from _asset_dicts(obj)
    elif isinstance(getattr(obj, "assets", None), dict):  # Item, Collection
        yield from obj.assets.values()
    elif isinstance(getattr(obj, "items", None), list):  # ItemCollection
        for item in obj.items:
            yield from item.assets.values()
    elif type(obj).__name__ == "Asset" and hasattr(obj, "href"):
        yield obj
    elif hasattr(obj, "get_children"):
        return  # a catalog (pystac-client calls modifiers on it too): no assets
    else:
        raise TypeError(tr("Cannot sign an object of type {type}: give a url, a STAC item, "
                           "item collection, asset or collection.").format(
                               type=type(obj).__name__))


def _asset_dicts(stac_dict: dict):
    assets = stac_dict.get("assets")
    if isinstance(assets, dict):
        for asset in assets.values():
            if isinstance(asset, dict) and "href" in asset:
                yield asset



"""DINAMIS from Python: the QGIS Python console, a notebook or a script.

    >>> import dinamis
    >>> dinamis.login()                      # prints a code and opens the browser
    >>> found = dinamis.search(bbox=(3.7, 43.5, 4.0, 43.7), start="2023-01-01",
    ...                        max_cloud=20, availability="downloadable")
    >>> found.count()                        # how many items (exact, or "at least N")
    >>> items = found.items(10)              # the first 10, as pystac Items
    >>> signed = dinamis.sign(items)         # asset hrefs GDAL and QGIS can open
    >>> from osgeo import gdal                # stream a window of the COG, nothing saved
    >>> gdal.Open("/vsicurl/" + signed[0].assets["src_xs"].href).ReadAsArray(0, 0, 256, 256)
    >>> dinamis.add_to_map(items[:3], assets="src_xs")   # in QGIS: streamed map layers

Inside QGIS the console is the plugin's: it follows the profile chosen in the DINAMIS
account panel from the start, and a login typed here opens the panel's login window and
returns at once (the plugin attaches itself in `console_host` and shares its session
through `_set_session`). Elsewhere the login is kept in the system keyring (or in memory
when there is none).
Errors are `dinamis.DinamisError`, whose message says what to do.
No qgis import here: this module runs in plain Python too.
"""
import threading
import webbrowser
from typing import List, Optional

from .console_host import current as _console_host
from .core.account import Account
from .core.catalogue import Catalogue, CatalogueSearch
from .core.errors import DinamisError, LoginRequired
from .core.i18n import tr
from .core.profiles import BUILTIN_PROFILES, DINAMIS, EndpointProfile, local_reference
from .core.search_params import SearchParameters
from .core.signer import Signer

__all__ = ["use_profile", "use_local_reference", "login", "logout", "whoami", "collections",
           "capabilities", "search", "sign", "signer", "session", "add_to_map",
           "download", "download_clipped", "SearchParameters", "DinamisError"]


class _Context:
    """The console's current profile, login, signer and catalogue (created on first use)."""

    def __init__(self):
        self.lock = threading.RLock()
        self.profile: EndpointProfile = DINAMIS
        self.secret_store = None
        self.session = None
        self.signer: Optional[Signer] = None
        self.catalogue: Optional[Catalogue] = None

    def reset(self, profile: EndpointProfile, secret_store=None, session=None, signer=None):
        with self.lock:
            self.profile = profile
            if secret_store is not None:
                self.secret_store = secret_store
            self.session, self.signer, self.catalogue = session, signer, None


_context = _Context()


def _default_secret_store():
    from .core.secrets import KeyringSecretStore, MemorySecretStore, keyring_usable
    return KeyringSecretStore() if keyring_usable() else MemorySecretStore()


def _set_session(dinamis_session, signer: Optional[Signer] = None) -> None:
    """Share the plugin's login (and its signer's cache) with the console. For the plugin;
    None detaches it (the console then makes its own session for the same profile)."""
    if dinamis_session is None:
        _context.reset(_context.profile)
        return
    _context.reset(dinamis_session.profile, dinamis_session.secret_store, dinamis_session,
                   signer)


def _shared_session():
    """The session the console uses now, if any (for the plugin's Processing algorithms)."""
    return _context.session


def use_profile(profile, secret_store=None) -> EndpointProfile:
    """Work with another DINAMIS deployment: an `EndpointProfile` or a built-in name.

        >>> dinamis.use_profile("DINAMIS")        # the real services (the default)

    Logs nothing out: each profile keeps its own login in the keyring. Inside QGIS this
    switches the DINAMIS plugin to one of its profiles (the panel follows);
    `secret_store` is then the plugin's.
    """
    host = _console_host()
    if host is not None:
        return host.use_profile(profile)
    if not isinstance(profile, EndpointProfile):
        wanted = str(profile).strip().lower()
        found = [p for p in BUILTIN_PROFILES if p.name.lower() == wanted]
        if not found:
            raise DinamisError(tr("Unknown DINAMIS profile \"{name}\". Known profiles: "
                                  "{names}; or pass an EndpointProfile.").format(
                                      name=profile,
                                      names=", ".join(p.name for p in BUILTIN_PROFILES)))
        profile = found[0]
    problems = profile.validate()
    if problems:
        raise DinamisError(" ".join(problems))
    _context.reset(profile, secret_store)
    return profile


def use_local_reference(base_url: str = "http://127.0.0.1:8765",
                        secret_store=None) -> EndpointProfile:
    """Work with the local reference server (`make serve`), e.g. for a demo or a test.

        >>> dinamis.use_local_reference("http://127.0.0.1:8765")
    """
    return use_profile(local_reference(base_url), secret_store)


def session():
    """The current `DinamisSession` (resumes a login kept in the keyring, if any)."""
    from .core.session import DinamisSession

    host = _console_host()
    with _context.lock:
        if _context.session is None and host is not None:
            _context.session = host.session()  # the plugin's, for its active profile
        if _context.session is None:
            if _context.secret_store is None:
                _context.secret_store = _default_secret_store()
            created = DinamisSession(_context.profile, _context.secret_store)
            try:
                created.restore()
            except DinamisError:
                pass  # a stale stored login: the user logs in again
            _context.session = created
        return _context.session


def _print_code(device) -> None:
    print(tr("To log in to DINAMIS, open {url} and enter the code {code} (the page should "
             "open by itself). Waiting for your approval...").format(
                 url=device.verification_uri, code=device.user_code))


def login(api_key: Optional[str] = None, secret_key: Optional[str] = None,
          open_browser: bool = True, on_code=None, cancel_event=None) -> Account:
    """Log in to DINAMIS and return the account.

    Without arguments: the device flow. A code is printed and the login page opens in
    your browser; approve there, and this call returns. With an API key pair (created in
    the DINAMIS account panel, "API keys…"), no browser is needed; the key is then kept
    in the system keyring, so later scripts on this machine (same profile) are logged in:

        >>> dinamis.login()
        >>> dinamis.login(api_key="AK...", secret_key="...")

    Inside QGIS (the Python console) the login runs in the DINAMIS account panel's login
    window and this call returns None at once, so QGIS never freezes while you approve;
    `dinamis.whoami()` tells who is logged in once it is done.

    `on_code(device)` replaces the printing/browser step (tools and tests use it);
    `cancel_event` (a threading.Event) stops waiting when set.
    """
    if (api_key is None) != (secret_key is None):
        raise DinamisError(tr("Give both the API key's access key and its secret key, or "
                              "neither to log in with your browser."))
    host = _console_host()
    if host is not None and host.login(api_key, secret_key):
        print(tr("The DINAMIS login continues in the DINAMIS account panel: approve it in "
                 "your browser. dinamis.whoami() tells who is logged in once it is done.")
              if api_key is None else
              tr("Checking the API key; the DINAMIS account panel shows the result."))
        _clear_signatures()
        return None
    current = session()
    if api_key is not None:
        current.login_api_key(api_key, secret_key)
    else:
        def show(device):
            if on_code is not None:
                on_code(device)
                return
            _print_code(device)
            if open_browser:
                try:
                    webbrowser.open(device.browser_url)
                except Exception:  # no browser here: the printed url is enough
                    pass
        current.login_device(show, cancel_event)
    _clear_signatures()  # they belong to the previous login
    if host is not None:
        host.session_changed()  # the panel shows this login too
    return current.account()


def _clear_signatures() -> None:
    with _context.lock:
        if _context.signer is not None:
            _context.signer.clear_cache()


def logout() -> None:
    """Forget the login, here and in the keyring (inside QGIS: the plugin's login)."""
    host = _console_host()
    if host is None or not host.logout():
        session().logout()
        if host is not None:
            host.session_changed()
    _clear_signatures()


def whoami() -> Account:
    """The logged-in account: name, entity, category, status (`.status_message()`).

    Only `username`, `name` and `email` are sure to be known: DINAMIS may not state the
    entity, category or status at login (None then; the status is learned from the
    services' answers inside QGIS). Inside QGIS: the account the DINAMIS panel shows.
    """
    host = _console_host()
    account = host.account() if host is not None else None
    if account is not None:
        return account
    current = session()
    if not current.is_logged_in:
        raise LoginRequired()
    return current.account()


def _catalogue() -> Catalogue:
    with _context.lock:
        if _context.catalogue is None:
            current = session()
            _context.catalogue = Catalogue(current.profile, current.http)
        return _context.catalogue


def collections() -> list:
    """The catalogue's collections (pystac Collections), listed from the STAC API.

        >>> [c.id for c in dinamis.collections()]
    """
    return _catalogue().collections()


_ALIASES = {"max_cloud": "max_cloud_cover", "cloud": "max_cloud_cover",
            "max_incidence": "max_incidence_angle", "intersects": "geometry", "q": "text",
            "collection": "collections"}


def search(params: Optional[SearchParameters] = None, **criteria) -> "SearchResult":
    """Search the catalogue (no login needed). Nothing is fetched until you ask.

    Criteria (all optional): collections ("id" or a list), bbox (west, south, east,
    north in degrees), geometry (GeoJSON), start / end ("2023-01-01", date or datetime),
    max_cloud (0-100), max_incidence (0-90 degrees), availability ("all",
    "downloadable", "orderable"), text (free text: place, sensor, keyword),
    sortby ("-datetime": newest first), limit (page size), max_items.

    A criterion the catalogue cannot apply (free text, or a filter on a property it does
    not offer: `dinamis.capabilities()` says what it offers) is an error, never silently
    dropped; an unknown collection id is an error naming the collections that exist.

        >>> found = dinamis.search(bbox=(3.7, 43.5, 4.0, 43.7), start="2023-01-01",
        ...                        max_cloud=20)
        >>> found.count(), found.items(5)
        >>> for item in found: print(item.id, item.properties.get("eo:cloud_cover"))
    """
    if params is None:
        params = _parameters_from(criteria)
    elif criteria:
        raise DinamisError(tr("Give either a SearchParameters or keyword criteria, not both."))
    return SearchResult(_catalogue().search(params, strict=True))


def capabilities():
    """What the catalogue offers: free text, filters (its queryables), sorting, counts...

        >>> dinamis.capabilities().free_text, [q.name for q in dinamis.capabilities().queryables]
    """
    return _catalogue().capabilities()


def _parameters_from(criteria: dict) -> SearchParameters:
    values = {}
    known = set(SearchParameters.__dataclass_fields__)
    for name, value in criteria.items():
        field_name = _ALIASES.get(name, name)
        if field_name not in known:
            raise DinamisError(tr("Unknown search criterion \"{name}\". Use: {names}.").format(
                name=name, names="collections, bbox, geometry, start, end, max_cloud, "
                                 "max_incidence, availability, text, sortby, limit, "
                                 "max_items"))
        values[field_name] = value
    if isinstance(values.get("collections"), str):
        values["collections"] = [values["collections"]]
    return SearchParameters(**values)


class SearchResult:
    """A lazy catalogue search: `matched()`, `items(n)`, iteration, `pages()`."""

    def __init__(self, search: CatalogueSearch):
        self._search = search
        self.params = search.params

    def count(self):
        """How many items match: a `SearchCount` (`str()` says e.g. "at least 10 images";
        `.exact` is the number when the catalogue gave it). Reads the first page only."""
        return self._search.count()

    def matched(self) -> Optional[int]:
        """How many items match exactly, or None when the catalogue does not say
        (`count()` then gives bounds)."""
        return self._search.matched()

    def items(self, max_items: Optional[int] = None) -> List:
        """The first `max_items` items (or all, up to the search's max_items)."""
        return self._search.items(max_items)

    def item_collection(self, max_items: Optional[int] = None):
        """The items as a pystac ItemCollection (what `sign` and stackstac take)."""
        return self._search.item_collection(max_items)

    def pages(self):
        """pystac ItemCollections, one per page, fetched as you iterate."""
        return self._search.pages()

    def monthly_counts(self, max_requests: int = 24):
        """{"YYYY-MM": count} for the whole search, a read-only mapping: from the
        catalogue's aggregation where it has one, else by one search per month or by
        reading the images' dates, in at most `max_requests` requests. `.complete` says
        whether every image was counted, `.text()` how the counts were made.

            >>> counts = found.monthly_counts(); dict(counts), counts.complete
        """
        return self._search.monthly_counts(max_requests)

    def __iter__(self):
        return iter(self._search)

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.params.to_dict().items()
                 if v not in (None, "", [], "all")}
        return f"<dinamis search {shown}>"


def signer() -> Signer:
    """The console's `Signer` (its cache is shared by every `sign` call), also usable as a
    pystac-client modifier:

        >>> from pystac_client import Client
        >>> client = Client.open(stac_url, modifier=dinamis.signer())
    """
    host = _console_host()
    with _context.lock:
        if _context.signer is None and host is not None:
            _context.signer = host.signer()  # the plugin's: one cache for map and console
        if _context.signer is None:
            current = session()
            _context.signer = Signer(current.http, current.profile.signing_url,
                                     current.profile.is_storage_url)
        return _context.signer


def sign(obj):
    """A signed copy of `obj`: a url, a pystac Item / ItemCollection / Asset, a STAC dict,
    a list of those, or a `search(...)` result (all its items, as an ItemCollection).
    Needs a login with an active account. Signed urls work for 8 hours; keep them secret.

        >>> dinamis.sign("https://.../SPOT6_XS.tif")
        >>> signed = dinamis.sign(dinamis.search(bbox=(3.7, 43.5, 4.0, 43.7), max_items=5))
    """
    current_signer = signer()
    if not session().is_logged_in:
        raise LoginRequired()
    if isinstance(obj, SearchResult):
        obj = obj.item_collection()
    return current_signer.sign(obj)


def _items_of(items) -> list:
    """Item dicts from a search result, ItemCollection, Items, dicts or item ids."""
    from .core.download_plan import as_dict
    if isinstance(items, SearchResult):
        items = items.item_collection()
    if isinstance(items, (str, dict)) or hasattr(items, "assets"):
        items = [items]
    items = list(getattr(items, "items", items))
    ids = [i for i in items if isinstance(i, str)]
    found = [as_dict(i) for i in items if not isinstance(i, str)]
    if ids:
        fetched = _catalogue().items_by_id(ids)
        missing = sorted(set(ids) - {item.get("id") for item in fetched})
        if missing:
            raise DinamisError(tr("Not in the catalogue: {ids}.").format(ids=", ".join(missing)))
        found += fetched
    return found


def _console_progress(progress) -> None:
    print(f"\r{progress.done_bytes / 1e6:,.1f} / {progress.total_bytes / 1e6:,.1f} MB, "
          f"{progress.rate / 1e6:,.1f} MB/s", end="", flush=True)


def download(items, folder, assets=(), pattern: str = "{item}/{file}", workers: int = 4,
             mode: str = "resume", progress: bool = True, on_file_done=None):
    """Download the data files of `items` into `folder`; returns a `DownloadReport`.

    `items`: a `search(...)` result, pystac Items or an ItemCollection, STAC dicts, or item
    ids. Files are fetched `workers` at a time, resumed from `.part` files, checked against
    the catalogue's size and checksum; `mode` "resume" (default: skip verified files),
    "skip" (keep files already there unchecked) or "overwrite". Run it again to fetch only
    what is missing or failed (the folder's dinamis-downloads.json says what happened).
    `on_file_done(result)` is called for each finished file (from a worker thread).

        >>> report = dinamis.download(dinamis.search(bbox=..., max_items=5), "images")
        >>> [(r.request.path.name, r.status, r.checksum_status) for r in report.results]
    """
    from .core.download_plan import pattern_problem, plan
    from .core.downloads import Downloader
    from .core.http import new_http_session
    problem = pattern_problem(pattern)
    if problem:
        raise DinamisError(problem)
    current = session()
    if not current.is_logged_in:
        raise LoginRequired()
    requests_ = plan(_items_of(items), folder, [assets] if isinstance(assets, str) else assets,
                     pattern)
    with new_http_session(retries=0) as http:
        report = Downloader(http, signer(), workers=workers, mode=mode,
                            on_progress=_console_progress if progress else None,
                            on_file_done=on_file_done).run(requests_, folder)
    if progress:
        print()
    if report.error is not None:
        raise report.error
    return report


def download_clipped(items, folder, area, area_crs: str = "EPSG:4326", assets=(),
                     pattern: str = "{item}/{file}", target_crs: Optional[str] = None,
                     resolution: Optional[float] = None, resampling: str = "bilinear",
                     cog: bool = True, workers: int = 2):
    """Download only the part of each image covering `area`; returns a `DownloadReport`.

    `area`: a (west, south, east, north) box or WKT, in `area_crs`. With `target_crs`
    (e.g. "EPSG:2154") or `resolution` (its units) the window is reprojected/resampled;
    otherwise the pixels are the original ones. Writes Cloud-Optimized GeoTIFFs (`cog`)
    or GeoTIFFs, reading only the tiles the window needs.

        >>> dinamis.download_clipped(items, "clips", area=(3.87, 43.60, 3.89, 43.62))
    """
    from .core.clip import Area, Clipper, ClipOptions, COG, GTIFF, vsicurl_source
    from .core.download_plan import pattern_problem, plan
    problem = pattern_problem(pattern)
    if problem:
        raise DinamisError(problem)
    if not session().is_logged_in:
        raise LoginRequired()
    if isinstance(area, (tuple, list)) and len(area) == 4:
        west, south, east, north = (float(v) for v in area)
        area = (f"POLYGON(({west} {south},{east} {south},{east} {north},{west} {north},"
                f"{west} {south}))")
    options = ClipOptions(target_crs=target_crs, resolution=resolution,
                          resampling=resampling, driver=COG if cog else GTIFF)
    requests_ = plan(_items_of(items), folder, [assets] if isinstance(assets, str) else assets,
                     pattern)
    gdal_source = vsicurl_source
    if _console_host() is not None:  # in QGIS: GDAL through QGIS's proxy and CAs, as the
        from .qgis_glue import gdal_streaming  # Processing algorithm and the layers do
        gdal_streaming.prepare_for([r.href for r in requests_])
        gdal_source = gdal_streaming.vsicurl_path
    return Clipper(signer(), Area(str(area), area_crs), options, workers,
                   gdal_source=gdal_source).run(requests_, folder=folder)


def add_to_map(items, assets=None, mosaic: bool = False):
    """Stream images into the QGIS map (in QGIS's Python console): each image file of the
    items becomes a layer in natural colour, named after platform, date and file, with the
    item's metadata; `mosaic=True` makes one layer of the same file of all the items.

        >>> found = dinamis.search(bbox=(3.7, 43.5, 4.0, 43.7), availability="downloadable")
        >>> dinamis.add_to_map(found.items(3), assets="src_xs")
        >>> dinamis.add_to_map(found.items(5), assets="src_xs", mosaic=True)

    `items`: pystac Items, STAC item dicts, one of them, or a `search(...)` result (all
    its items). `assets`: an asset key or a list of them (None: every image file).
    Returns at once, a QGIS task: the layers appear when it is done. They stay signed as
    long as QGIS is open and are saved unsigned in projects, signed again on opening.
    Needs a login with an active account.
    """
    try:
        from qgis.core import QgsApplication
        inside_qgis = QgsApplication.instance() is not None
    except ImportError:
        inside_qgis = False
    if not inside_qgis:
        raise DinamisError(tr("add_to_map works inside QGIS (its Python console). Elsewhere, "
                              "sign the items with dinamis.sign(items) and open the signed "
                              "hrefs with GDAL (\"/vsicurl/\" + href)."))
    current_signer = signer()
    if not session().is_logged_in:
        raise LoginRequired()
    items = _items_of(items)  # also ids, as download() takes them
    if isinstance(assets, str):
        assets = [assets]
    from .qgis_glue.stream_layers import add_items_to_map

    def done(result):
        names = ", ".join(layer.name() for layer in result.layers)
        print(tr("DINAMIS: added {names}").format(names=names) if names
              else tr("DINAMIS: no image added."))
        for problem in result.problems:
            print(tr("DINAMIS: {problem}").format(problem=problem))

    return add_items_to_map(list(items), current_signer, assets=assets, mosaic=mosaic,
                            on_done=done,
                            on_error=lambda message: print(tr("DINAMIS: {problem}").format(
                                problem=message)))


# Requests for new imagery: projects, draft, estimate, submit, my_requests, follow,
# messages, reply (dinamis_plugin/api_requests.py).
from . import api_requests as _api_requests  # noqa: E402
from .api_requests import (draft, estimate, follow, messages, my_requests,  # noqa: E402,F401
                           new_project, projects, reply, submit)

__all__ += _api_requests.__all__

"""Requests for new imagery from Python: projects, drafts, estimates, filing, following.

Re-exported by `dinamis.api` (so `dinamis.projects()`, `dinamis.submit(...)`), with the
console's login and profile:

    >>> import dinamis
    >>> dinamis.projects()
    >>> area = (3.6, 43.5, 3.9, 43.7)                     # west, south, east, north
    >>> dinamis.estimate(area, sensor="pleiades")       # DINAMIS's quote: km², free, paid, €
    >>> d = dinamis.draft(project_id="2026-001-SCI", sensor="pleiades", aoi=area,
    ...                   period=("2026-06-01", "2026-09-30"), mode="stereo")
    >>> filed = dinamis.submit(d)        # again after a network error: never filed twice
    >>> watch = dinamis.follow()         # then, now and then: watch.poll()
    >>> dinamis.messages(filed.id); dinamis.reply(filed.id, "Thanks!")

No qgis import at module level: this runs in plain Python too. Only an estimate without
a demand manager (the real DINAMIS today) computes the area locally, which needs QGIS.
"""
from datetime import date, timedelta
from typing import List, Optional

from .core.aoi_geojson import oriented
from .core.demand_drafts import RequestDraft
from .core.demand_models import DemandRequest, Message, Project
from .core.demand_watch import StatusChange, StatusWatcher
from .core.demands import DemandClient, DemandsUnavailable
from .core.errors import DinamisError, LoginRequired
from .core.i18n import tr

__all__ = ["projects", "new_project", "draft", "estimate", "submit", "my_requests",
           "follow", "messages", "reply"]


def _client() -> DemandClient:
    """The logged-in console's demand manager (DemandsUnavailable, then LoginRequired)."""
    from .api import session
    current = session()
    client = DemandClient.for_session(current)
    if not current.is_logged_in:
        raise LoginRequired()
    return client


def _aoi(aoi) -> dict:
    """A GeoJSON (Multi)Polygon from a GeoJSON dict/Feature, a (west, south, east, north)
    tuple, or a QgsGeometry in lon/lat."""
    if isinstance(aoi, dict):
        return oriented(aoi)
    if isinstance(aoi, (tuple, list)) and len(aoi) == 4:
        west, south, east, north = (float(v) for v in aoi)
        return oriented({"type": "Polygon", "coordinates": [[
            [west, south], [east, south], [east, north], [west, north], [west, south]]]})
    as_json = getattr(aoi, "asJson", None)
    if as_json is not None:
        import json
        return oriented(json.loads(as_json()))
    raise DinamisError(tr("Give the area of interest as GeoJSON, as (west, south, east, "
                          "north) in degrees, or as a QgsGeometry in longitude/latitude."))


def projects() -> List[Project]:
    """Your projects (a referent's: the entity's)."""
    return _client().projects()


def new_project(title: str, start_date: str, end_date: str, description: str,
                themes=(), objectives: str = "", methodology: str = "",
                expected_results: str = "", prior_publications=()) -> Project:
    """Create a project; scientific accounts also give objectives, methodology and
    expected results."""
    fields = {"title": title, "start_date": str(start_date), "end_date": str(end_date),
              "description": description, "themes": list(themes),
              "prior_publications": list(prior_publications)}
    for name, value in (("objectives", objectives), ("methodology", methodology),
                        ("expected_results", expected_results)):
        if value:
            fields[name] = value
    return _client().create_project(fields)


def draft(kind: str = "programming", aoi=None, period=None, **fields) -> RequestDraft:
    """A request being prepared (kept in this Python session; the dock keeps its own).

    Fields: project_id, sensor, item_id (archive), aoi (GeoJSON, bbox tuple or QgsGeometry),
    period=(start, end), mode ("mono", "stereo", "tristereo"), max_cloud_cover,
    max_incidence, production_options (dict), note.
    """
    made = RequestDraft(kind=kind, **fields)
    if aoi is not None:
        made.aoi = _aoi(aoi)
    if isinstance(period, dict):
        period = (period.get("start"), period.get("end"))
    if period is not None:
        made.period_start, made.period_end = (str(v)[:10] for v in period)
    return made


def estimate(aoi, sensor: str = "pleiades", kind: str = "programming", item_id=None):
    """What DINAMIS would charge for an area: its quote (area km², `quota_km2` free,
    `paid_km2`, `price_eur`, `warning`), computed by the demand manager from your quotas.

    Where the deployment has no demand manager, the ellipsoidal area computed here (with
    QGIS's geometry classes) as a core `Estimate` without prices.
    """
    geojson = _aoi(aoi)
    try:
        client = _client()
    except DemandsUnavailable:
        return _local_estimate(geojson, kind)
    start = date.today() + timedelta(days=7)  # any future period: the price ignores it
    end = start + timedelta(days=90)
    body = {"kind": kind, "sensor": sensor, "aoi": geojson,
            "period": {"start": start.isoformat(), "end": end.isoformat()}}
    if kind == "archive":
        body = {"kind": kind, "item_id": item_id, "aoi": geojson}
    return client.quote(body)


def _local_estimate(geojson: dict, kind: str):
    from .core.demand_estimate import estimate as split
    try:
        from .qgis_glue.aoi import AoiChecker, geometry_from_geojson
    except ImportError:
        raise DinamisError(tr("These DINAMIS services have no demand manager, and computing "
                              "the area here needs QGIS: run this in the QGIS Python "
                              "console.")) from None
    check = AoiChecker().check(geometry_from_geojson(geojson))
    if check.errors:
        raise DinamisError(" ".join(p.message for p in check.errors))
    return split(check.area_km2, kind)


def submit(request, attempts: int = 4) -> DemandRequest:
    """File a draft (from `draft()`) or a request body. Safe to call again after an error:
    the draft keeps the body and idempotency key of its first attempt, so DINAMIS never
    files it twice."""
    client = _client()
    if isinstance(request, dict):
        request = draft(**{k: v for k, v in request.items() if k != "submit"})
    if request.request_id and not request.pending_submit:
        raise DinamisError(tr("This draft was filed already as {id}; make a new draft for "
                              "another request.").format(id=request.request_id))
    frozen = request.freeze_submission(request.body())
    result = client.submit(frozen["body"], frozen["key"], attempts=attempts)
    request.pending_submit = None
    request.request_id = result.request.id
    return result.request


def my_requests(status: Optional[str] = None) -> List[DemandRequest]:
    """Your requests (a referent's: the entity's), optionally of one status."""
    return _client().requests(status)


class Follower:
    """Status changes of your requests since the last `poll()` (or since `follow()`)."""

    def __init__(self, client: DemandClient, request_id: Optional[str] = None):
        self.client = client
        self.request_id = request_id
        self.watcher = StatusWatcher()
        self.watcher.update(self._current())

    def _current(self) -> List[DemandRequest]:
        if self.request_id:
            return [self.client.request(self.request_id)]
        return self.client.requests()

    def poll(self) -> List[StatusChange]:
        """The changes since the previous poll: `change.request`, `.old_status`,
        `.new_status`, `.sentence()`."""
        return self.watcher.update(self._current())


def follow(request_id: Optional[str] = None) -> Follower:
    """Watch your requests (or one): `follow().poll()` lists what changed since."""
    return Follower(_client(), request_id)


def messages(request_id: str) -> List[Message]:
    """The thread of a request between you and DINAMIS, oldest first."""
    return _client().messages(request_id)


def reply(request_id: str, text: str) -> Message:
    """Write to DINAMIS in a request's thread."""
    return _client().post_message(request_id, text)

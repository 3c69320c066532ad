"""`SearchParameters`: one description of a catalogue search for the dock, Processing and
the console, so a search saved from one can be replayed in another.

It checks itself (`validate()` gives translated, actionable problems instead of an HTTP
400 later) and speaks pystac-client (`to_pystac_kwargs()`), with cloud cover, incidence
angle and availability expressed as CQL2-JSON clauses. What a given catalogue can apply
of them is decided by `search_plan.plan_search` from its capabilities.
"""
import math
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timezone
from typing import List, Optional, Tuple

from .errors import DinamisError
from .i18n import tr

AVAILABILITIES = ("all", "downloadable", "orderable")
CLOUD_COVER = "eo:cloud_cover"
INCIDENCE_ANGLE = "view:incidence_angle"
# The numeric criteria: (SearchParameters field, the item property it filters on).
CRITERIA = (("max_cloud_cover", CLOUD_COVER), ("max_incidence_angle", INCIDENCE_ANGLE))
AVAILABILITY = "dinamis:availability"
MAX_PAGE_SIZE = 10000


@dataclass
class SearchParameters:
    """What to search. Every field is optional; the default searches everything.

    `bbox` is (west, south, east, north) in degrees (EPSG:4326); `geometry` a GeoJSON
    geometry dict; give one or the other. `start`/`end` are dates or datetimes (or ISO
    strings), either may be open. `sortby` is e.g. "-datetime" (newest first).
    `limit` is the page size; `max_items` caps the total. `exclude_collections` leaves
    collections out (of `collections`, or of every collection when that is empty): the
    catalogue resolves it against its list of collections (`resolved()`).
    """

    collections: List[str] = field(default_factory=list)
    exclude_collections: List[str] = field(default_factory=list)
    bbox: Optional[Tuple[float, float, float, float]] = None
    geometry: Optional[dict] = None
    start: object = None
    end: object = None
    max_cloud_cover: Optional[float] = None
    max_incidence_angle: Optional[float] = None
    availability: str = "all"
    text: str = ""
    sortby: Optional[str] = None
    limit: Optional[int] = None
    max_items: Optional[int] = None

    def __post_init__(self):
        self.collections = _id_list(self.collections)
        self.exclude_collections = _id_list(self.exclude_collections)
        if self.bbox is not None and not isinstance(self.bbox, str):
            try:
                self.bbox = tuple(self.bbox)
            except TypeError:
                pass  # validate() reports it
        self.availability = str(self.availability or "all").strip().lower()
        self.text = str(self.text or "").strip()

    # --- checking -------------------------------------------------------------------
    def validate(self) -> List[str]:
        """Translated problems with these parameters; empty when the search can run."""
        problems = []
        problems += self._bbox_problems()
        if self.bbox is not None and self.geometry is not None:
            problems.append(tr("Give either a rectangle (bbox) or a geometry, not both."))
        if self.geometry is not None and not _is_geojson_geometry(self.geometry):
            problems.append(tr("The geometry must be a GeoJSON geometry with a \"type\" and "
                               "\"coordinates\" (e.g. a Polygon)."))
        problems += self._date_problems()
        problems += _range_problem(self.max_cloud_cover, 0, 100,
                                   tr("The maximum cloud cover must be a number between 0 and "
                                      "100 (percent)."))
        problems += _range_problem(self.max_incidence_angle, 0, 90,
                                   tr("The maximum incidence angle must be a number between 0 "
                                      "and 90 (degrees)."))
        if self.availability not in AVAILABILITIES:
            problems.append(tr("Availability must be \"all\", \"downloadable\" or "
                               "\"orderable\", not \"{value}\".").format(
                                   value=self.availability))
        for ids in (self.collections, self.exclude_collections):
            if not isinstance(ids, list):
                problems.append(tr("Collections must be a list of collection ids."))
            elif any(not c for c in ids):
                problems.append(tr("A collection id is empty."))
        if self.sortby is not None and not str(self.sortby).strip(" +-"):
            problems.append(tr("Sort by needs a property name, e.g. \"-datetime\" for the "
                               "newest first."))
        if self.limit is not None and not (_is_int(self.limit)
                                           and 1 <= self.limit <= MAX_PAGE_SIZE):
            problems.append(tr("The page size must be a whole number between 1 and "
                               "10000."))
        if self.max_items is not None and not (_is_int(self.max_items) and self.max_items >= 1):
            problems.append(tr("The maximum number of results must be a whole number of at "
                               "least 1."))
        return problems

    def _bbox_problems(self) -> List[str]:
        if self.bbox is None:
            return []
        try:
            west, south, east, north = (float(v) for v in self.bbox)
        except (TypeError, ValueError):
            return [tr("The rectangle (bbox) must be four numbers: west, south, east, north "
                       "in degrees.")]
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            return [tr("The rectangle (bbox) must be four numbers: west, south, east, north "
                       "in degrees.")]
        problems = []
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            problems.append(tr("The rectangle's west and east must be longitudes between -180 "
                               "and 180 degrees."))
        if not (-90 <= south <= 90 and -90 <= north <= 90):
            problems.append(tr("The rectangle's south and north must be latitudes between -90 "
                               "and 90 degrees."))
        if south > north:
            problems.append(tr("The rectangle's south ({south}) is above its north ({north}): "
                               "give west, south, east, north.").format(south=south,
                                                                         north=north))
        if west > east:
            problems.append(tr("The rectangle's west ({west}) is east of its east ({east}): "
                               "give west, south, east, north.").format(west=west, east=east))
        return problems

    def _date_problems(self) -> List[str]:
        problems = []
        bounds = {}
        for name, value, label in (("start", self.start, tr("start date")),
                                   ("end", self.end, tr("end date"))):
            try:
                bounds[name] = _as_datetime(value, end_of_day=(name == "end"))
            except ValueError:
                problems.append(tr("The {label} \"{value}\" is not a date: use YYYY-MM-DD.")
                                .format(label=label, value=value))
        start, end = bounds.get("start"), bounds.get("end")
        if start and end and start > end:
            problems.append(tr("The start date is after the end date."))
        return problems

    def check(self) -> None:
        """Raise `InvalidSearch` (a DinamisError listing every problem) if not valid."""
        problems = self.validate()
        if problems:
            raise InvalidSearch(problems)

    def resolved(self, known_collections: List[str]) -> "SearchParameters":
        """A copy whose excluded collections are folded into `collections` (the STAC API
        has no "every collection but these"); raises InvalidSearch if none is left."""
        if not self.exclude_collections:
            return self
        kept = [c for c in (self.collections or known_collections)
                if c not in self.exclude_collections]
        if not kept:
            raise InvalidSearch([tr("Every collection is excluded: include at least one.")])
        return replace(self, collections=kept, exclude_collections=[])

    # --- pystac-client ------------------------------------------------------------------
    def time_range(self) -> Tuple[Optional[datetime], Optional[datetime]]:
        """(start, end) as UTC datetimes, None for an open end; a plain end date covers
        its whole day."""
        return _as_datetime(self.start), _as_datetime(self.end, end_of_day=True)

    def datetime_interval(self) -> Optional[str]:
        """The STAC datetime interval "start/end" with ".." for an open end, or None."""
        start, end = self.time_range()
        if start is None and end is None:
            return None
        return f"{_iso(start) if start else '..'}/{_iso(end) if end else '..'}"

    def filter_clauses(self) -> dict:
        """{property: CQL2-JSON clause} for cloud cover, incidence angle and availability
        (only those set). The catalogue sends those its STAC API can filter on."""
        clauses = {}
        if self.max_cloud_cover is not None:
            clauses[CLOUD_COVER] = {"op": "<=", "args": [{"property": CLOUD_COVER},
                                                         float(self.max_cloud_cover)]}
        if self.max_incidence_angle is not None:
            clauses[INCIDENCE_ANGLE] = {"op": "<=", "args": [{"property": INCIDENCE_ANGLE},
                                                             float(self.max_incidence_angle)]}
        if self.availability in ("downloadable", "orderable"):
            clauses[AVAILABILITY] = {"op": "=", "args": [{"property": AVAILABILITY},
                                                         self.availability]}
        return clauses

    def cql2_filter(self) -> Optional[dict]:
        """Cloud cover, incidence angle and availability as one CQL2-JSON filter (or None)."""
        return all_of(list(self.filter_clauses().values()))

    def to_pystac_kwargs(self) -> dict:
        """Keyword arguments for pystac-client's search (only the ones that are set).

        Free text comes as `q`, which pystac-client 0.9's `ItemSearch` has no argument for:
        `Catalogue` sends it itself; pop it before calling `Client.search` directly.
        """
        if self.exclude_collections:
            # a programmer's mistake, not the user's: Catalogue.search resolves them
            raise ValueError("excluded collections must first be resolved against the "
                             "catalogue's collections (SearchParameters.resolved())")
        kwargs = {}
        if self.collections:
            kwargs["collections"] = list(self.collections)
        if self.bbox is not None:
            kwargs["bbox"] = [float(v) for v in self.bbox]
        if self.geometry is not None:
            kwargs["intersects"] = self.geometry
        interval = self.datetime_interval()
        if interval:
            kwargs["datetime"] = interval
        cql2 = self.cql2_filter()
        if cql2:
            kwargs["filter"] = cql2
            kwargs["filter_lang"] = "cql2-json"
        if self.text:
            kwargs["q"] = self.text
        if self.sortby:
            kwargs["sortby"] = str(self.sortby).strip()
        if self.limit is not None:
            kwargs["limit"] = int(self.limit)
        if self.max_items is not None:
            kwargs["max_items"] = int(self.max_items)
        return kwargs

    # --- storage ------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """JSON-safe form for settings, Processing and saved searches."""
        data = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("start", "end"):
                value = _date_text(value)
            elif f.name == "bbox" and value is not None:
                value = list(value)
            elif f.name in ("collections", "exclude_collections"):
                value = list(value)
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "SearchParameters":
        """Inverse of `to_dict`; unknown keys (from newer versions) are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in dict(data or {}).items() if k in known}
        if values.get("bbox") is not None:
            values["bbox"] = tuple(values["bbox"])
        return cls(**values)


def all_of(clauses: List[dict]) -> Optional[dict]:
    """One CQL2-JSON filter requiring every clause (None for none)."""
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"op": "and", "args": list(clauses)}


class InvalidSearch(DinamisError, ValueError):
    """Parameters that cannot make a search; `str()` lists the problems in plain words."""

    def __init__(self, problems: List[str]):
        self.problems = list(problems)
        DinamisError.__init__(self, tr("The search cannot run: {problems}").format(
            problems=" ".join(self.problems)))


def _id_list(value):
    """Collection ids from a list or a comma-separated string (anything else is kept for
    validate() to report)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [c for c in value.split(",") if c.strip()]
    if isinstance(value, (list, tuple)):
        return [str(c).strip() for c in value]
    return value


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _range_problem(value, low, high, message) -> List[str]:
    if value is None:
        return []
    if isinstance(value, bool):
        return [message]
    try:
        number = float(value)
    except (TypeError, ValueError):
        return [message]
    return [] if math.isfinite(number) and low <= number <= high else [message]


def _is_geojson_geometry(geometry) -> bool:
    if not isinstance(geometry, dict):
        return False
    if geometry.get("type") == "GeometryCollection":
        return isinstance(geometry.get("geometries"), list)
    return isinstance(geometry.get("type"), str) and isinstance(geometry.get("coordinates"),
                                                                list)


def _as_datetime(value, end_of_day: bool = False) -> Optional[datetime]:
    """A UTC datetime from a date, datetime or ISO text; a plain date covers its whole day."""
    if value is None or value == "" or value == "..":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time.max if end_of_day else time.min)
    elif isinstance(value, str):
        text = value.strip()
        if len(text) == 10:  # YYYY-MM-DD
            return _as_datetime(date.fromisoformat(text), end_of_day)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    else:
        raise ValueError(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _iso(moment: datetime) -> str:
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"


def _date_text(value) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)

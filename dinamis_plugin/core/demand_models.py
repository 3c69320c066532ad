"""What the demand manager talks about: projects, requests, quotes, history, messages.

Plain data read from the API's JSON (every field beyond the ids optional, so a server
that adds or omits fields does not break the plugin), plus the words a user reads for a
status. The enumerations a form offers (sensors, modes, production options, the minimum
order) come from the server's `options`, never from constants here.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .i18n import tr
from .search_params import SearchParameters

# Statuses after which nothing happens any more (the watcher stops caring about them).
FINAL_STATUSES = ("rejected", "closed", "withdrawn")
# Statuses in which the requester may still edit the request.
EDITABLE_STATUSES = ("draft", "changes_requested")


def _float(value) -> Optional[float]:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    return "" if value is None else str(value)


def status_label(status: str) -> str:
    """A status in the user's language."""
    labels = {
        "draft": tr("Draft"),
        "submitted": tr("Submitted"),
        "under_instruction": tr("Under instruction"),
        "changes_requested": tr("Changes requested"),
        "accepted": tr("Accepted"),
        "rejected": tr("Rejected"),
        "in_production": tr("In production"),
        "delivered": tr("Delivered"),
        "closed": tr("Closed"),
        "withdrawn": tr("Withdrawn"),
    }
    return labels.get(status, status or tr("Unknown"))


def status_explanation(status: str) -> str:
    """One plain sentence about what a status means for the requester, and what comes next."""
    explanations = {
        "draft": tr("Saved on DINAMIS but not submitted yet: submit it when it is ready."),
        "submitted": tr("Filed: DINAMIS will examine it."),
        "under_instruction": tr("DINAMIS is examining it (arbitration)."),
        "changes_requested": tr("DINAMIS asks you to change it: read the messages, edit it, "
                                "then submit it again."),
        "accepted": tr("Accepted: the images will be acquired or produced."),
        "rejected": tr("Rejected: the messages say why."),
        "in_production": tr("The images are being acquired or produced."),
        "delivered": tr("Delivered: the images are in the DINAMIS catalogue."),
        "closed": tr("Closed."),
        "withdrawn": tr("You withdrew it."),
    }
    return explanations.get(status, "")


def kind_label(kind: str) -> str:
    return {"archive": tr("Archive"), "programming": tr("Programming")}.get(kind, kind or "")


def mode_label(mode: str) -> str:
    return {"mono": tr("Mono"), "stereo": tr("Stereo"),
            "tristereo": tr("Tri-stereo")}.get(mode, mode or "")


@dataclass(frozen=True)
class Sensor:
    id: str
    code: str
    label: str


@dataclass(frozen=True)
class Options:
    """The choices a request form offers, as the server lists them (`GET options`)."""

    kinds: Tuple[str, ...] = ()
    modes: Tuple[str, ...] = ()
    statuses: Tuple[str, ...] = ()
    sensors: Tuple[Sensor, ...] = ()
    production_options: Dict[str, Tuple[Tuple[str, ...], str]] = field(default_factory=dict)
    max_incidence_deg: Optional[float] = None
    min_order_km2: Optional[float] = None
    max_aoi_vertices: Optional[int] = None

    @classmethod
    def from_dict(cls, data: dict) -> "Options":
        sensors = tuple(Sensor(_text(s.get("id")), _text(s.get("code")),
                               _text(s.get("label") or s.get("id")))
                        for s in data.get("sensors") or [] if isinstance(s, dict) and s.get("id"))
        production = {}
        for name, spec in (data.get("production_options") or {}).items():
            if isinstance(spec, dict):
                values = tuple(str(v) for v in spec.get("values") or [])
                default = str(spec.get("default") or (values[0] if values else ""))
                production[str(name)] = (values, default)
        vertices = data.get("max_aoi_vertices")
        return cls(kinds=tuple(data.get("kinds") or ()), modes=tuple(data.get("modes") or ()),
                   statuses=tuple(data.get("statuses") or ()), sensors=sensors,
                   production_options=production,
                   max_incidence_deg=_float(data.get("max_incidence_deg")),
                   min_order_km2=_float(data.get("min_order_km2")),
                   max_aoi_vertices=int(vertices) if isinstance(vertices, int) else None)

    def sensor_label(self, sensor_id: str) -> str:
        for sensor in self.sensors:
            if sensor.id == sensor_id:
                return sensor.label
        return sensor_id or ""

    def default_production_options(self) -> Dict[str, str]:
        return {name: default for name, (_values, default) in self.production_options.items()}


@dataclass(frozen=True)
class QuotaRule:
    """One line of the public quota and price table (`GET quota-rules`)."""

    year: int
    category: str
    sensor: str
    sensor_label: str
    free_km2: float
    archive_eur_per_km2: float
    programming_eur_per_km2: float
    min_order_km2: Optional[float] = None
    note: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "QuotaRule":
        return cls(year=int(data.get("year") or 0), category=_text(data.get("category")),
                   sensor=_text(data.get("sensor")),
                   sensor_label=_text(data.get("sensor_label") or data.get("sensor")),
                   free_km2=_float(data.get("free_km2")) or 0.0,
                   archive_eur_per_km2=_float(data.get("archive_eur_per_km2")) or 0.0,
                   programming_eur_per_km2=_float(data.get("programming_eur_per_km2")) or 0.0,
                   min_order_km2=_float(data.get("min_order_km2")),
                   note=_text(data.get("note")))


@dataclass(frozen=True)
class Quote:
    """How DINAMIS splits an area: the part the free quota covers, the paid rest, its price."""

    area_km2: float
    quota_km2: float
    paid_km2: float
    eur_per_km2: float
    price_eur: float
    remaining_quota_km2: Optional[float] = None
    over_quota: bool = False
    currency: str = "EUR"
    warning: Optional[str] = None

    @classmethod
    def from_dict(cls, data: dict) -> "Quote":
        paid = _float(data.get("paid_km2")) or 0.0
        return cls(area_km2=_float(data.get("area_km2")) or 0.0,
                   quota_km2=_float(data.get("quota_km2")) or 0.0, paid_km2=paid,
                   eur_per_km2=_float(data.get("eur_per_km2")) or 0.0,
                   price_eur=_float(data.get("price_eur")) or 0.0,
                   remaining_quota_km2=_float(data.get("remaining_quota_km2")),
                   over_quota=bool(data.get("over_quota", paid > 0)),
                   currency=_text(data.get("currency") or "EUR"),
                   warning=data.get("warning") or None)


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    actor: str
    from_status: Optional[str]
    to_status: str
    comment: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "HistoryEntry":
        return cls(at=_text(data.get("at")), actor=_text(data.get("actor")),
                   from_status=data.get("from"), to_status=_text(data.get("to")),
                   comment=_text(data.get("comment")))


@dataclass(frozen=True)
class Message:
    id: int
    at: str
    author: str
    author_role: str  # "requester" or "dinamis"
    text: str

    @classmethod
    def from_dict(cls, data: dict) -> "Message":
        return cls(id=int(data.get("id") or 0), at=_text(data.get("at")),
                   author=_text(data.get("author")), author_role=_text(data.get("author_role")),
                   text=_text(data.get("text")))


PROJECT_FIELDS = ("title", "themes", "start_date", "end_date", "description", "objectives",
                  "methodology", "expected_results", "prior_publications")
SCIENCE_FIELDS = ("objectives", "methodology", "expected_results")


@dataclass(frozen=True)
class Project:
    """A project requests belong to. Science projects also state objectives, methodology,
    expected results and prior publications."""

    id: str
    title: str = ""
    themes: Tuple[str, ...] = ()
    start_date: str = ""
    end_date: str = ""
    description: str = ""
    objectives: str = ""
    methodology: str = ""
    expected_results: str = ""
    prior_publications: Tuple[str, ...] = ()
    owner: str = ""
    entity: str = ""
    category: str = ""
    created_at: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "Project":
        return cls(id=_text(data.get("id")), title=_text(data.get("title")),
                   themes=tuple(str(t) for t in data.get("themes") or ()),
                   start_date=_text(data.get("start_date")),
                   end_date=_text(data.get("end_date")),
                   description=_text(data.get("description")),
                   objectives=_text(data.get("objectives")),
                   methodology=_text(data.get("methodology")),
                   expected_results=_text(data.get("expected_results")),
                   prior_publications=tuple(str(p) for p in data.get("prior_publications") or ()),
                   owner=_text(data.get("owner")), entity=_text(data.get("entity")),
                   category=_text(data.get("category")), created_at=_text(data.get("created_at")))

    def fields(self) -> dict:
        """The editable fields, as the API takes them (empty science fields left out)."""
        out = {"title": self.title, "themes": list(self.themes),
               "start_date": self.start_date, "end_date": self.end_date,
               "description": self.description,
               "prior_publications": list(self.prior_publications)}
        for name in SCIENCE_FIELDS:
            if getattr(self, name):
                out[name] = getattr(self, name)
        return out

    def display_name(self) -> str:
        return f"{self.id} — {self.title}" if self.title else self.id


@dataclass(frozen=True)
class DemandRequest:
    """A request for new imagery as the server holds it (with its quote and history)."""

    id: str
    project_id: str
    kind: str
    sensor: str
    status: str
    owner: str = ""
    entity: str = ""
    created_at: str = ""
    updated_at: str = ""
    item_id: Optional[str] = None
    aoi: Optional[dict] = None
    aoi_bbox: Optional[Tuple[float, float, float, float]] = None
    period: Optional[Dict[str, str]] = None
    mode: Optional[str] = None
    max_cloud_cover: Optional[float] = None
    max_incidence: Optional[float] = None
    production_options: Dict[str, str] = field(default_factory=dict)
    note: str = ""
    product_type: str = ""
    quote: Optional[Quote] = None
    history: Tuple[HistoryEntry, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> "DemandRequest":
        bbox = data.get("aoi_bbox")
        quote = Quote.from_dict(data) if "area_km2" in data else None
        return cls(id=_text(data.get("id")), project_id=_text(data.get("project_id")),
                   kind=_text(data.get("kind")), sensor=_text(data.get("sensor")),
                   status=_text(data.get("status")), owner=_text(data.get("owner")),
                   entity=_text(data.get("entity")), created_at=_text(data.get("created_at")),
                   updated_at=_text(data.get("updated_at")), item_id=data.get("item_id"),
                   aoi=data.get("aoi") if isinstance(data.get("aoi"), dict) else None,
                   aoi_bbox=tuple(float(v) for v in bbox) if isinstance(bbox, list)
                   and len(bbox) == 4 else None,
                   period=data.get("period") if isinstance(data.get("period"), dict) else None,
                   mode=data.get("mode"), max_cloud_cover=_float(data.get("max_cloud_cover")),
                   max_incidence=_float(data.get("max_incidence")),
                   production_options=dict(data.get("production_options") or {}),
                   note=_text(data.get("note")), product_type=_text(data.get("product_type")),
                   quote=quote,
                   history=tuple(HistoryEntry.from_dict(h) for h in data.get("history") or []
                                 if isinstance(h, dict)))

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def area_km2(self) -> Optional[float]:
        return self.quote.area_km2 if self.quote else None

    def catalogue_search(self) -> SearchParameters:
        """The catalogue search that finds what this request delivered: downloadable images
        over its area (and, for a programming request, acquired in its period)."""
        programming = self.kind == "programming"
        period = self.period or {}
        return SearchParameters(
            geometry=self.aoi, bbox=self.aoi_bbox if self.aoi is None else None,
            start=period.get("start") if programming else None,
            end=period.get("end") if programming else None,
            max_cloud_cover=self.max_cloud_cover if programming else None,
            availability="downloadable", sortby="-datetime")


def page_items(body) -> List[dict]:
    """The `items` of a paged answer (tolerates a bare list)."""
    items = body.get("items") if isinstance(body, dict) else body
    return [i for i in items or [] if isinstance(i, dict)]

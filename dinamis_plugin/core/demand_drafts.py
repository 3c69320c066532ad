"""Requests being prepared, kept on this computer until DINAMIS has them.

A `RequestDraft` is everything the user chose or drew so far, including an area that is
not valid yet (the drawing is never lost). `DraftStore` keeps a profile's drafts in one
JSON file written atomically in the background as the user edits, so a crash or a
restart of QGIS reopens the draft where it was.

Submitting is made safe here too: the first press of Submit freezes the exact body and
an idempotency key into the draft (`pending_submit`), written to disk before anything
is sent. Every retry, even after a restart, sends that same body with that same key, so
DINAMIS files the request once however often the connection drops.
"""
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List, Optional

from .aoi_geojson import oriented
from .local_files import background_writer, dumps, read_json

FILE_NAME = "drafts.json"
FORMAT_VERSION = 1


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _default_start() -> str:
    return (date.today() + timedelta(days=7)).isoformat()


def _default_end() -> str:
    return (date.today() + timedelta(days=97)).isoformat()


@dataclass
class RequestDraft:
    """A request for new imagery being prepared (archive or programming)."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    kind: str = "programming"
    project_id: str = ""
    sensor: str = ""
    item_id: str = ""
    item_label: str = ""
    aoi: Optional[dict] = None  # GeoJSON geometry, lon/lat, exactly as drawn
    aoi_source: str = ""  # how the area was made, for the user ("drawn", a layer, a file)
    period_start: str = field(default_factory=_default_start)
    period_end: str = field(default_factory=_default_end)
    mode: str = "mono"
    max_cloud_cover: float = 20.0
    max_incidence: float = 30.0
    production_options: Dict[str, str] = field(default_factory=dict)
    note: str = ""
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    pending_submit: Optional[dict] = None  # {"key", "body", "since"} until DINAMIS answers
    request_id: str = ""  # the request DINAMIS filed from this draft
    edits_request: str = ""  # a request sent back for changes that this draft edits

    @classmethod
    def editing(cls, request) -> "RequestDraft":
        """A draft of the changes to a request DINAMIS sent back (a core DemandRequest)."""
        period = request.period or {}
        draft = cls(kind=request.kind, project_id=request.project_id, sensor=request.sensor,
                    item_id=request.item_id or "", aoi=request.aoi,
                    aoi_source=request.id, mode=request.mode or "mono",
                    production_options=dict(request.production_options), note=request.note,
                    edits_request=request.id)
        if period.get("start"):
            draft.period_start, draft.period_end = period["start"], period.get("end", "")
        if request.max_cloud_cover is not None:
            draft.max_cloud_cover = request.max_cloud_cover
        if request.max_incidence is not None:
            draft.max_incidence = request.max_incidence
        return draft

    def is_blank(self) -> bool:
        """Nothing of the user's in it yet: no area, no image, no note, nothing filed."""
        return not (self.aoi or self.item_id or self.note.strip() or self.pending_submit
                    or self.edits_request or self.request_id)

    def changes(self, aoi: Optional[dict] = None) -> dict:
        """The PATCH body of an edited request: the fields a request may change."""
        body = self.body(aoi)
        editable = ("aoi", "production_options", "note") + (
            ("item_id",) if self.kind == "archive" else
            ("period", "mode", "max_cloud_cover", "max_incidence"))
        return {k: v for k, v in body.items() if k in editable}

    @classmethod
    def from_dict(cls, data: dict) -> "RequestDraft":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict:
        return asdict(self)

    def body(self, aoi: Optional[dict] = None, submit: bool = True) -> dict:
        """The API body of this draft; `aoi` is the checked area to send (default: as
        drawn, rings wound as GeoJSON wants)."""
        area = aoi if aoi is not None else (oriented(self.aoi) if self.aoi else None)
        body = {"kind": self.kind}
        if self.project_id:
            body["project_id"] = self.project_id
        if self.kind == "archive":
            if self.item_id:
                body["item_id"] = self.item_id
            if self.sensor:
                body["sensor"] = self.sensor
        else:
            body.update(sensor=self.sensor, mode=self.mode,
                        period={"start": self.period_start, "end": self.period_end},
                        max_cloud_cover=self.max_cloud_cover, max_incidence=self.max_incidence)
        if area is not None:
            body["aoi"] = area
        if self.production_options:
            body["production_options"] = dict(self.production_options)
        if self.note:
            body["note"] = self.note
        body["submit"] = submit
        return body

    def freeze_submission(self, body: dict) -> dict:
        """Fix the body and key every (re)try of this submission sends; returns it."""
        if self.pending_submit is None:
            self.pending_submit = {"key": "dinamis-qgis-" + uuid.uuid4().hex, "body": body,
                                   "since": now_iso()}
        return self.pending_submit


class DraftStore:
    """A profile's drafts in `<folder>/drafts.json`, saved in the background on each change."""

    def __init__(self, folder, writer=None):
        self.path = Path(folder) / FILE_NAME
        self._writer = writer or background_writer()
        data = read_json(self.path) or {}
        self._drafts: Dict[str, RequestDraft] = {}
        for raw in (data.get("drafts") or {}).values():
            if isinstance(raw, dict):
                draft = RequestDraft.from_dict(raw)
                self._drafts[draft.id] = draft
        self._current: Optional[str] = data.get("current")

    def drafts(self) -> List[RequestDraft]:
        """Newest first."""
        return sorted(self._drafts.values(), key=lambda d: d.updated_at, reverse=True)

    def get(self, draft_id: str) -> Optional[RequestDraft]:
        return self._drafts.get(draft_id)

    def current(self) -> Optional[RequestDraft]:
        return self._drafts.get(self._current) if self._current else None

    def save(self, draft: RequestDraft, make_current: bool = True) -> None:
        """Keep `draft` (a copy of its state now); the file is rewritten in the background."""
        draft.updated_at = now_iso()
        self._drafts[draft.id] = RequestDraft.from_dict(draft.to_dict())
        if make_current:
            self._current = draft.id
        self._write()

    def delete(self, draft_id: str) -> None:
        self._drafts.pop(draft_id, None)
        if self._current == draft_id:
            self._current = None
        self._write()

    def flush(self, timeout: float = 10.0) -> bool:
        return self._writer.flush(timeout)

    def _write(self) -> None:
        data = {"version": FORMAT_VERSION, "current": self._current,
                "drafts": {d.id: d.to_dict() for d in self._drafts.values()}}
        self._writer.write(self.path, dumps(data))

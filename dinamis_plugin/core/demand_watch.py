"""Noticing that requests moved along: the status last seen, per request, across restarts.

`StatusWatcher.update(requests)` compares a fresh list with what was seen before and
returns the changes (a request accepted while QGIS was closed is announced at the next
start). Requests seen for the first time are remembered silently: the user filed them
here, or, for a referent, a colleague did. The last seen statuses live in a small JSON
file of the profile's folder, written atomically.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from .demand_models import DemandRequest, status_label
from .i18n import tr
from .local_files import background_writer, dumps, read_json

FILE_NAME = "request-statuses.json"


@dataclass(frozen=True)
class StatusChange:
    request: DemandRequest
    old_status: str

    @property
    def new_status(self) -> str:
        return self.request.status

    def sentence(self) -> str:
        """What the message bar says."""
        return tr("Request {id}: {old} → {new}.").format(
            id=self.request.id, old=status_label(self.old_status),
            new=status_label(self.new_status))


class StatusWatcher:
    """Last seen status per request id; `folder` None keeps them in memory only."""

    def __init__(self, folder=None, writer=None):
        self.path: Optional[Path] = Path(folder) / FILE_NAME if folder is not None else None
        self._writer = writer or background_writer()
        data = read_json(self.path) if self.path is not None else None
        seen = (data or {}).get("statuses") or {}
        self.seen: Dict[str, str] = {str(k): str(v) for k, v in seen.items()}

    def update(self, requests: Iterable[DemandRequest]) -> List[StatusChange]:
        changes = []
        fresh = {}
        for request in requests:
            fresh[request.id] = request.status
            old = self.seen.get(request.id)
            if old is not None and old != request.status:
                changes.append(StatusChange(request, old))
        if fresh != {k: v for k, v in self.seen.items() if k in fresh}:
            self.seen.update(fresh)
            if self.path is not None:
                self._writer.write(self.path, dumps({"statuses": self.seen}))
        return changes

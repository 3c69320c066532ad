"""One catalogue search filling one footprint layer, without ever stalling the UI.

Pages are fetched and parsed in a QgsTask, which also reduces each item to plain values
(its record, its footprint's WKB, its JSON text: item_store) and finds stereo groups;
the main thread only makes the QGIS features and adds them, in small slices, each tick
bounded by `TICK_BUDGET_S`, so QGIS keeps painting and answering while 10,000 footprints
arrive. The worker stays at most `MAX_QUEUED_PAGES` ahead: items waiting as dicts are
objects Python's garbage collector walks. The search stays open after a load:
`fetch(n)` continues it where it stopped (the next page link): "Load more".

The results are kept in arrival order in `items` (an ItemStore), with their feature ids
in `fids` and their stereo groups in `groups`, for the results list.
"""
import logging
import threading
import time
from collections import deque
from typing import Dict, List, Optional

from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.i18n import tr
from ..core.stereo import StereoGrouper
from . import footprints, item_store
from .item_store import ItemStore

LOG = logging.getLogger("dinamis")

SLICE = 50  # footprints built and added at once on the main thread
TICK_BUDGET_S = 0.010  # main-thread time per tick before yielding to the event loop
REPAINT_EVERY_S = 0.4  # while filling; once more at the end
MAX_QUEUED_PAGES = 2  # fetched ahead of the footprints being built
# Pages as large as the load asks, up to what STAC servers commonly allow: fewer requests
# (each a round trip and the server's own work); the page reader (core.json_pages) lets
# the UI run between features, so a large page does not hold Python's GIL.
MAX_PAGE_SIZE = 1000

IDLE, RUNNING, DONE, FAILED, CANCELLED = "idle", "running", "done", "failed", "cancelled"


class _Page:
    """A fetched page made plain on the worker: (record, wkb, text) per item, the stereo
    groups it set or changed, and how far the main thread has got through it."""

    __slots__ = ("rows", "groups", "done")

    def __init__(self, rows, groups):
        self.rows, self.groups, self.done = rows, groups, 0


class FootprintSearch(QObject):
    """Fetches a search's items into `layer`; `fetch(n)` loads n more (about, by pages)."""

    items_added = pyqtSignal(int, int)  # first and last index in `items`
    planned = pyqtSignal()  # the catalogue's plan and count are known (`notes`, `count`)
    groups_changed = pyqtSignal(list)  # indexes whose stereo group changed
    state_changed = pyqtSignal()
    _page_ready = pyqtSignal()  # emitted on the worker thread, delivered on the main one
    _planned = pyqtSignal(object, object)  # (SearchCount, notes), worker -> main thread

    def __init__(self, catalogue, params, layer, runner, page_size: int = 500, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.params = params
        self.layer = layer
        self.runner = runner
        self.page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
        self.items = ItemStore()  # item dicts on demand, records for the list
        self.fids: List[int] = []
        self.index_of: Dict[str, int] = {}
        self.groups: Dict[str, str] = {}
        self.availability: Dict[str, Optional[str]] = {}
        self.count = None  # a core.counts.SearchCount once the first page is read
        self.notes: List[str] = []  # what this catalogue cannot apply, in words
        self.state = IDLE
        self.error = ""
        self.exhausted = False
        self.started_at = 0.0
        self.seconds = 0.0  # from start to the last feature added of the last load
        self._search = None
        self._pages = None
        self._grouper = StereoGrouper()
        self._fields = footprints.footprint_fields()
        self._inbox = deque()
        self._task = None
        self._task_over = True
        self._last_repaint = 0.0
        self._drain_scheduled = False
        self._page_ready.connect(self._schedule_drain)
        self._planned.connect(self._on_planned)
        layer.willBeDeleted.connect(self._layer_gone)

    # --- public -------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.state == RUNNING

    @property
    def matched(self) -> Optional[int]:
        """How many items match, when known exactly."""
        return self.count.exact if self.count is not None else None

    @property
    def can_fetch(self) -> bool:
        """False while a load runs or winds down, at the end, or without a layer."""
        return self._task_over and not self.exhausted and self.layer is not None

    def fetch(self, count: int) -> bool:
        """Load about `count` more items (whole pages) in the background; False if it
        cannot start now (see `can_fetch`). Raises InvalidSearch for bad parameters."""
        if not self.can_fetch:
            return False
        self.params.check()  # bad parameters are said at once, before any request
        self.state, self.error = RUNNING, ""
        self.started_at = time.perf_counter()
        self._task_over = False
        self.state_changed.emit()
        self._task = self.runner.run(tr("Searching the DINAMIS catalogue"),
                                     lambda cancel: self._work(cancel, int(count)),
                                     self._task_done, self._task_failed)
        return True

    def cancel(self) -> None:
        """Stop fetching (what has arrived stays on the map)."""
        task, self._task = self._task, None
        if task is not None:
            try:
                task.cancel()
            except RuntimeError:  # already deleted by the task manager
                pass
        if self.running:  # pages already fetched are still added (none is lost)
            self._finish(CANCELLED)

    def item(self, index: int) -> dict:
        return self.items[index]

    def availability_of(self, item: dict) -> Optional[str]:
        """"downloadable", "orderable" or None, as the catalogue tells it (kept)."""
        item_id = item.get("id")
        if item_id not in self.availability:
            self.availability[item_id] = self.catalogue.item_availability(item)
        return self.availability[item_id]

    def item_id(self, index: int) -> str:
        return self.items.record(index)[footprints.ID]

    def group_members(self, group: str) -> List[int]:
        return [i for i, record in enumerate(self.items.records())
                if self.groups.get(record[footprints.ID]) == group]

    # --- worker thread ---------------------------------------------------------------
    def _work(self, cancel: threading.Event, count: int) -> bool:
        """Fetch pages until `count` items arrived; True when the search has no more."""
        if self._search is None:  # planning reads the catalogue's capabilities (once)
            params = self.params
            if params.limit is None:
                from dataclasses import replace
                params = replace(params, limit=self.page_size)
            self._search = self.catalogue.search(params)
            self._planned.emit(self._search.count(), self._search.plan.notes())
        if self._pages is None:
            self._pages = self._search.pages_as_dicts()
        fetched = 0
        while fetched < count:
            while len(self._inbox) >= MAX_QUEUED_PAGES:  # let the main thread catch up:
                if cancel.wait(0.01):                    # fetched items waiting as dicts
                    return False                         # are many objects for the GC
            if cancel.is_set():
                return False
            page = next(self._pages, None)
            if page is None:
                return True
            items = page.get("features") or []
            rows = [(footprints.record_of(item, self.availability_of(item)),
                     footprints.footprint_wkb(item.get("geometry")), item_store.compact(item))
                    for item in items]
            self._inbox.append(_Page(rows, self._grouper.add(items)))
            del items  # only plain values wait in the inbox
            self._page_ready.emit()
            fetched += len(rows)
            if not rows or not any(link.get("rel") == "next"
                                    for link in page.get("links") or []):
                return True
        return False

    # --- main thread -----------------------------------------------------------------
    def _on_planned(self, count, notes) -> None:
        self.count, self.notes = count, list(notes)
        self.planned.emit()
        self.state_changed.emit()

    def _task_done(self, exhausted) -> None:
        self._task = None
        self._task_over = True
        self.exhausted = bool(exhausted)
        self._after_task()

    def _task_failed(self, message: str) -> None:
        self._task = None
        self._task_over = True
        if self.state == RUNNING:
            self.error = message
        self._after_task()

    def _after_task(self) -> None:
        self._schedule_drain()
        if self.state != RUNNING:  # cancelled: the UI may offer to load again now
            self.state_changed.emit()

    def _schedule_drain(self) -> None:
        if not self._drain_scheduled:
            self._drain_scheduled = True
            QTimer.singleShot(0, self._drain)

    def _drain(self) -> None:
        """Turn fetched items into footprints for at most TICK_BUDGET_S, then yield."""
        self._drain_scheduled = False
        if self.layer is None:
            self._inbox.clear()
            return
        deadline = time.perf_counter() + TICK_BUDGET_S
        added_any = False
        while self._inbox and time.perf_counter() < deadline:
            page = self._inbox[0]
            if page.done == 0 and page.groups:
                self._regroup(page.groups)
            part = page.rows[page.done:page.done + SLICE]
            page.done += len(part)
            if page.done >= len(page.rows):
                self._inbox.popleft()
            if part:
                self._add(part)
                added_any = True
        if added_any:
            self.layer.updateExtents()
            now = time.perf_counter()
            if now - self._last_repaint > REPAINT_EVERY_S:
                self._last_repaint = now
                self.layer.triggerRepaint()
        if self._inbox:
            self._schedule_drain()
        elif self._task_over and self.state == RUNNING:
            self._finish(FAILED if self.error else DONE)

    def _regroup(self, groups: Dict[str, str]) -> None:
        """Stereo groups a page set or changed: footprints already added are updated."""
        changed, updates = [], {}
        for item_id, group in groups.items():
            self.groups[item_id] = group
            index = self.index_of.get(item_id)
            if index is not None:
                changed.append(index)
                updates[self.fids[index]] = {footprints.STEREO_INDEX: group}
        if updates:
            self.layer.dataProvider().changeAttributeValues(updates)
        if changed:
            self.groups_changed.emit(changed)

    def _add(self, rows: List[tuple]) -> None:
        fields, groups = self._fields, self.groups
        features = [footprints.record_feature(record, wkb, fields, groups.get(record[0]))
                    for record, wkb, _text in rows]
        ok, features = self.layer.dataProvider().addFeatures(features)
        if not ok:
            LOG.warning("footprints not added: %s", self.layer.dataProvider().lastError())
        first = len(self.items)
        for (record, _wkb, text), feature in zip(rows, features):
            self.index_of[record[footprints.ID]] = self.items.append(text, record)
            self.fids.append(feature.id())
        if len(self.items) > first:
            self.items_added.emit(first, len(self.items) - 1)

    def _finish(self, state: str) -> None:
        self.state = state
        if self.exhausted and state == DONE:  # every match is here: the count is exact
            from ..core.counts import SearchCount
            self.count = SearchCount.exactly(len(self.items))
        elif self.count is not None and len(self.items) > self.count.lower:
            from ..core.counts import SearchCount
            self.count = SearchCount(len(self.items), self.count.upper)
        self.seconds = time.perf_counter() - self.started_at
        if self.layer is not None:
            self.layer.updateExtents()
            self.layer.triggerRepaint()
        self.state_changed.emit()

    def _layer_gone(self) -> None:
        """The user removed the layer: stop, and keep nothing pointing at it."""
        self.layer = None
        self.cancel()

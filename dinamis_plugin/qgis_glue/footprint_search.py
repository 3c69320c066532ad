"""One catalogue search filling one footprint layer, without ever stalling the UI.

Pages are fetched and parsed off the main thread, each item reduced as soon as it is
parsed (CatalogueSearch.reduced_pages: a page of item dicts never lives whole, which
spares QGIS full garbage collections) to plain values (its record and its JSON text:
item_store), its stereo group and its QGIS feature (QgsFeature is a plain value, safe on
any thread); the next page is asked for while the current one is parsed. The main thread
only adds them, a slice per `addFeatures` call, each tick bounded by `TICK_BUDGET_S`, so
QGIS keeps painting and answering while 10,000 footprints arrive. Per-feature work stays
off the main thread on purpose: each PyQt call releases Python's GIL, and while the
worker computes, getting it back can cost the main thread a thread-switch interval (5 ms)
per call. The worker stays at most `MAX_QUEUED_PAGES` ahead (what waits is memory, and
objects the garbage collector walks). The search stays open after a load:
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

SLICE = 250  # footprints added at once (one addFeatures) on the main thread
TICK_BUDGET_S = 0.010  # main-thread time per tick before yielding to the event loop
REPAINT_EVERY_S = 0.4  # while filling; once more at the end
# The results list and the map link hear of new items at most this often while pages wait
# (and whenever none does): each announcement makes the list lay itself out and call back
# into Python many times.
ANNOUNCE_EVERY_S = 0.25
MAX_QUEUED_PAGES = 2  # fetched ahead of the footprints being built
# Pages as large as the load asks, up to what STAC servers commonly allow: fewer requests
# (each a round trip and the server's own work); the page reader (core.json_pages) lets
# the UI run between features, so a large page does not hold Python's GIL.
MAX_PAGE_SIZE = 1000

IDLE, RUNNING, DONE, FAILED, CANCELLED = "idle", "running", "done", "failed", "cancelled"


class _Page:
    """A fetched page made plain: (record, JSON text) per item, its features apart (so
    that the rows are tuples of plain values, which the garbage collector skips), the
    stereo groups it set or changed, and how far the main thread has got through it."""

    __slots__ = ("rows", "features", "groups", "done")

    def __init__(self, rows, features, groups):
        self.rows, self.features, self.groups, self.done = rows, features, groups, 0


class FootprintSearch(QObject):
    """Fetches a search's items into `layer`; `fetch(n)` loads n more (about, by pages)."""

    items_added = pyqtSignal(int, int)  # first and last index in `items` (see `announced`)
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
        self.announced = 0  # items told through items_added (the rest follow shortly)
        self.index_of: Dict[str, int] = {}
        self.groups: Dict[str, str] = {}
        self.availability: Dict[str, Optional[str]] = {}
        self.count = None  # a core.counts.SearchCount once the first page is read
        self.notes: List[str] = []  # what this catalogue cannot apply, in words
        self.state = IDLE
        self.error = ""
        self.exhausted = False
        self._search = None
        self._pages = None
        self._grouper = StereoGrouper()
        self._worker_groups: Dict[str, str] = {}  # the groups as the worker knows them
        self._fields = footprints.footprint_fields()
        self._inbox = deque()
        self._task = None
        self._task_over = True
        self._planned_sent = False
        self._carried = None  # a page that came after Stop, for the next load
        self._last_repaint = 0.0
        self._last_announce = 0.0
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
            self._pages = self._search.reduced_pages(self._row)
        fetched = 0
        while fetched < count:
            while len(self._inbox) >= MAX_QUEUED_PAGES:  # let the main thread catch up
                if cancel.wait(0.01):
                    return False
            if cancel.is_set():
                return False
            page, self._carried = self._carried or next(self._pages, None), None
            if not self._planned_sent:  # the first page told the count
                self._planned_sent = True
                self._planned.emit(self._search.count(), self._search.plan.notes())
            if page is None:
                return True
            if cancel.is_set():  # stopped while it came: the next load starts with it
                self._carried = page
                return False
            has_next = any(link.get("rel") == "next" for link in page.get("links") or [])
            rows = page.get("features") or []
            del page
            groups = {}
            for row in rows:
                if row[3]:
                    groups.update(row[3])
            self._inbox.append(_Page([row[:2] for row in rows], [row[2] for row in rows],
                                     groups))
            self._page_ready.emit()
            fetched += len(rows)
            if not rows or not has_next:
                return True
            del rows  # only the inbox's plain rows and features stay
        return False

    def _row(self, item: dict) -> tuple:
        """(record, JSON text, footprint feature, stereo groups it set or changed) of an
        item as soon as it is parsed (CatalogueSearch.reduced_pages): its dict is not
        kept. Worker thread."""
        changed = self._grouper.add((item,))
        if changed:
            self._worker_groups.update(changed)
        record = footprints.record_of(item, self.availability_of(item))
        feature = footprints.record_feature(
            record, footprints.footprint_wkb(item.get("geometry")), self._fields,
            self._worker_groups.get(record[footprints.ID]))
        return record, item_store.compact(item), feature, changed or None

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
            start, page.done = page.done, min(page.done + SLICE, len(page.rows))
            if page.done >= len(page.rows):
                self._inbox.popleft()
            if page.done > start:
                self._add(page.rows[start:page.done], page.features[start:page.done])
                added_any = True
        if added_any:
            self.layer.updateExtents()
            now = time.perf_counter()
            if now - self._last_repaint > REPAINT_EVERY_S:
                self._last_repaint = now
                self.layer.triggerRepaint()
            if now - self._last_announce > ANNOUNCE_EVERY_S or not self._inbox:
                self._announce()
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

    def _add(self, rows: List[tuple], features: list) -> None:
        """One addFeatures for a slice of features built on the worker."""
        provider = self.layer.dataProvider()
        ok, features = provider.addFeatures(features)
        if not ok:
            LOG.warning("footprints not added: %s", provider.lastError())
            return
        for record, text in rows:
            self.index_of[record[footprints.ID]] = self.items.append(text, record)
        self.fids.extend(_feature_ids(features))

    def _announce(self) -> None:
        """Tell the list and the map link of the items added since the last time."""
        self._last_announce = time.perf_counter()
        first, self.announced = self.announced, len(self.items)
        if self.announced > first:
            self.items_added.emit(first, self.announced - 1)

    def _finish(self, state: str) -> None:
        self._announce()
        self.state = state
        if self.exhausted and state == DONE:  # every match is here: the count is exact
            from ..core.counts import SearchCount
            self.count = SearchCount.exactly(len(self.items))
        elif self.count is not None and len(self.items) > self.count.lower:
            from ..core.counts import SearchCount
            self.count = SearchCount(len(self.items), self.count.upper)
        if self.layer is not None:
            self.layer.updateExtents()
            self.layer.triggerRepaint()
        self.state_changed.emit()

    def _layer_gone(self) -> None:
        """The user removed the layer: stop, and keep nothing pointing at it."""
        self.layer = None
        self.cancel()


def _feature_ids(features) -> List[int]:
    """The ids a provider gave to features it just added: consecutive for the memory
    provider (two calls instead of one per feature), else read one by one."""
    if not features:
        return []
    first, last = features[0].id(), features[-1].id()
    if last - first == len(features) - 1:
        return list(range(first, last + 1))
    return [feature.id() for feature in features]

"""The DINAMIS catalogue dock: filters, area of interest, chips, the matched count and
paging, the monthly timeline, the results list and one footprint layer per search.

The dock wires widgets together and owns the search's lifecycle; the work happens
elsewhere: `FootprintSearch` (pages in a task, footprints added in chunks),
`ThumbnailLoader`, `MapLink` (list <-> map), `ResultActions` (context menus),
`search_project` (the last search kept with the project). Searching needs no login.
"""
import logging
from typing import Optional

from qgis.core import QgsProject, QgsSettings
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget
from qgis.PyQt.QtCore import QLocale, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (QAction, QActionGroup, QCheckBox, QHBoxLayout, QLabel,
                                 QMenu, QProgressBar, QPushButton, QToolButton, QVBoxLayout,
                                 QWidget)

from ..core.errors import DinamisError
from ..core.i18n import tr
from ..qgis_glue import search_area as areas
from ..qgis_glue import footprint_search, footprints, search_project
from ..qgis_glue.footprints import new_footprint_layer
from ..qgis_glue.tasks import TaskRunner
from ..qgis_glue.thumbnails import ThumbnailLoader
from .aoi_picker import AoiPicker
from .chips import ChipsBar
from .map_link import MapLink
from .result_actions import ResultActions
from .results_model import ResultsModel
from .results_view import ResultsView
from .search_form import AREA, SearchForm, as_date
from .timeline import TimelineWidget

LOG = logging.getLogger("dinamis")
OBJECT_NAME = "DinamisCatalogueDock"
LOAD_SIZE_KEY = "dinamis/results_per_load"
LOAD_SIZES = (100, 500, 1000, 5000)
DEFAULT_LOAD_SIZE = 500
LOAD_ALL_LIMIT = 10000
FOLLOW_DELAY_MS = 800


class CatalogueDock(QgsDockWidget):
    """Dock "DINAMIS catalogue"."""

    archive_requested = pyqtSignal(dict)  # an orderable item: "Request this archive"
    search_started = pyqtSignal()
    search_settled = pyqtSignal()  # a load ended (done, failed or cancelled)

    def __init__(self, iface, controller=None, parent=None):
        super().__init__(tr("DINAMIS catalogue"), parent)
        self.setObjectName(OBJECT_NAME)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.controller = controller
        self.runner = TaskRunner()
        self.profile = None
        self.catalogue = None
        self.search: Optional[footprint_search.FootprintSearch] = None
        self.layer = None
        self.last_search = None  # (SearchParameters, SearchArea) of the last search run
        self.collections_loaded = False
        self._viewer = None
        self._timeline_generation = 0
        self._viewer_row = -1
        self.capabilities = None  # core CatalogueCapabilities of the catalogue in use
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(FOLLOW_DELAY_MS)
        self._follow_timer.timeout.connect(self.run_search)

        self.loader = ThumbnailLoader(parent=self)
        self.model = ResultsModel(self.loader, self)
        self._build()
        self.map_link = MapLink(self.canvas, self.results, self)
        self.result_actions = ResultActions(self, self.runner, iface.messageBar(), self)
        self.result_actions.archive_requested.connect(self.archive_requested)

        project = QgsProject.instance()
        project.writeProject.connect(self._write_project)
        project.readProject.connect(self._read_project)
        project.layersWillBeRemoved.connect(self._layers_removed)
        self.canvas.contextMenuAboutToShow.connect(self._canvas_menu)
        if controller is not None:
            controller.changed.connect(self._profile_maybe_changed)
        self._update_status()
        self._read_project()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        self.filters_box = QgsCollapsibleGroupBox(tr("Filters"))
        self.filters_box.setObjectName("filtersBox")
        filters = QVBoxLayout(self.filters_box)
        self.form = SearchForm()
        self.form.submitted.connect(self.run_search)
        filters.addWidget(self.form)

        self.aoi_picker = AoiPicker(self.iface, self.runner)
        self.aoi_picker.changed.connect(self._aoi_changed)
        self.aoi_picker.failed.connect(self._show_error)
        filters.addWidget(self.aoi_picker)

        buttons = QHBoxLayout()
        self.search_button = QPushButton(tr("Search"))
        self.search_button.setObjectName("searchButton")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.run_search)
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.setToolTip(tr("Clear every filter and the area"))
        self.reset_button.clicked.connect(self.reset_filters)
        self.follow_check = QCheckBox(tr("Follow the map"))
        self.follow_check.setObjectName("followMap")
        self.follow_check.setToolTip(tr("Search again for the map extent whenever the map "
                                        "is panned or zoomed"))
        self.follow_check.toggled.connect(self.set_follow_map)
        self.more_button = QToolButton()
        self.more_button.setText("⋯")
        self.more_button.setToolTip(tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(self._more_menu())
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.follow_check, 1)
        buttons.addWidget(self.more_button)
        filters.addLayout(buttons)
        layout.addWidget(self.filters_box)

        self.chips = ChipsBar()
        self.chips.removed.connect(self.remove_filter)
        self.chips.set_chips([])
        layout.addWidget(self.chips)

        status_row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        status_row.addWidget(self.status_label, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("searchProgress")
        self.progress.setMaximumWidth(90)
        self.progress.setTextVisible(False)
        status_row.addWidget(self.progress)
        self.cancel_button = QPushButton(tr("Stop"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_search)
        status_row.addWidget(self.cancel_button)
        layout.addLayout(status_row)

        self.notes_label = QLabel()
        self.notes_label.setObjectName("planNotes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: palette(dark); font-style: italic;")
        self.notes_label.hide()
        layout.addWidget(self.notes_label)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error_label)

        self.timeline = TimelineWidget()
        self.timeline.period_clicked.connect(self.narrow_to_period)
        layout.addWidget(self.timeline)

        self.results = ResultsView(self.model)
        self.results.activated_row.connect(self._row_activated)
        self.results.menu_requested.connect(self._results_menu)
        layout.addWidget(self.results, 1)

        more_row = QHBoxLayout()
        self.more_results_button = QPushButton()
        self.more_results_button.setObjectName("loadMoreButton")
        self.more_results_button.clicked.connect(lambda: self.load_more(self.load_size()))
        self.all_results_button = QPushButton()
        self.all_results_button.setObjectName("loadAllButton")
        self.all_results_button.clicked.connect(lambda: self.load_more(LOAD_ALL_LIMIT))
        more_row.addWidget(self.more_results_button)
        more_row.addWidget(self.all_results_button)
        more_row.addStretch(1)
        layout.addLayout(more_row)
        self.setWidget(body)

    def _more_menu(self) -> QMenu:
        menu = QMenu(self)
        sizes = menu.addMenu(tr("Results per load"))
        group = QActionGroup(sizes)
        for size in LOAD_SIZES:
            action = QAction(QLocale().toString(size), sizes)
            action.setCheckable(True)
            action.setChecked(size == self.load_size())
            action.triggered.connect(lambda _c=False, s=size: QgsSettings().setValue(
                LOAD_SIZE_KEY, s))
            group.addAction(action)
            sizes.addAction(action)
        self.keep_action = menu.addAction(tr("Keep these footprints (the next search makes "
                                             "a new layer)"), self.keep_layer)
        menu.addAction(tr("Clear the quicklook cache"), self._clear_cache)
        return menu

    # --- catalogue ----------------------------------------------------------------------
    def load_size(self) -> int:
        value = QgsSettings().value(LOAD_SIZE_KEY, DEFAULT_LOAD_SIZE)
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return DEFAULT_LOAD_SIZE

    def ensure_catalogue(self):
        """The Catalogue of the active profile (searching needs no login)."""
        from ..core.catalogue import Catalogue
        from ..qgis_glue import settings
        from ..qgis_glue.plugin_session import new_glue_http_session
        profile = self.controller.profile if self.controller is not None \
            else settings.active_profile()
        if self.catalogue is None or profile != self.profile:
            self.profile = profile
            self.catalogue = Catalogue(profile, new_glue_http_session())
            self.collections_loaded = False
        return self.catalogue

    def load_collections(self) -> None:
        """List the catalogue's collections and what it can do (a task)."""
        try:
            catalogue = self.ensure_catalogue()
        except DinamisError as error:
            self._show_error(str(error))
            return

        def work(_cancel):
            return catalogue.capabilities()

        def done(caps):
            if catalogue is not self.catalogue:
                return
            self.collections_loaded = True
            self.capabilities = caps
            self.form.set_collections([(c.id, c.title or c.id) for c in caps.collections])
            if self.last_search is not None:
                self.form.set_parameters(self.last_search[0])
            self.form.set_capabilities(caps)

        self.runner.run(tr("Reading the DINAMIS catalogue"), work, done, self._show_error)

    def _profile_maybe_changed(self) -> None:
        if self.controller is not None and self.profile is not None \
                and self.controller.profile != self.profile:
            self.cancel_search()
            self.catalogue = None
            self.load_collections()

    def showEvent(self, event):  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self.collections_loaded:
            self.load_collections()

    # --- the search ---------------------------------------------------------------------
    def current_parameters(self):
        """The form's filters with the area of interest (the map extent taken now)."""
        from dataclasses import replace
        params = self.form.parameters()
        aoi = self.aoi_picker.current()
        if aoi is not None:
            params = replace(params, bbox=aoi.bbox, geometry=aoi.geometry)
        return params

    def run_search(self) -> bool:
        """Search with the current filters; False (and a message) when it cannot start."""
        self._follow_timer.stop()
        self._show_error("")
        params = self.current_parameters()
        problems = params.validate()
        if problems:
            self._show_error(" ".join(problems))
            return False
        try:
            catalogue = self.ensure_catalogue()
        except DinamisError as error:
            self._show_error(str(error))
            return False
        self.cancel_search()
        layer = self._fresh_layer()
        search = footprint_search.FootprintSearch(  # no Qt parent: the last reference
            catalogue, params, layer, self.runner,  # dropped frees an old search
            page_size=min(self.load_size(), footprint_search.MAX_PAGE_SIZE))
        self.search = search
        self.loader.clear_queue()
        self.model.set_search(search)
        self.map_link.attach(search, layer)
        search.state_changed.connect(self._search_state_changed)
        self.last_search = (params, self.aoi)
        self.chips.set_chips(self._chips(params))
        try:
            search.fetch(self.load_size())
        except DinamisError as error:
            self._show_error(str(error))
            self._update_status()
            return False
        self._load_timeline(catalogue, params)
        self.search_started.emit()
        return True

    def search_with(self, params) -> bool:
        """Show `params` (a core SearchParameters: from a request delivered, the console,
        a saved search) in the filters and the area, and search."""
        self.form.set_parameters(params)
        if params.geometry is not None:
            self.set_aoi(areas.SearchArea(areas.POLYGON, tr("Given area"), geometry=params.geometry))
        elif params.bbox is not None:
            self.set_aoi(areas.SearchArea(areas.RECTANGLE, tr("Given area"),
                                  bbox=tuple(float(v) for v in params.bbox)))
        else:
            self.set_aoi(None)
        return self.run_search()

    def load_more(self, count: int) -> None:
        if self.search is not None and self.search.can_fetch:
            self.search.fetch(count)

    def cancel_search(self) -> None:
        if self.search is not None:
            self.search.cancel()

    def _search_state_changed(self) -> None:
        search = self.sender()
        if search is not self.search:
            return
        if search.state == footprint_search.FAILED:
            self._show_error(search.error)
        if not search.running:
            self.search_settled.emit()
        self._update_status()

    def _update_status(self) -> None:
        search = self.search
        running = search is not None and search.running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.search_button.setEnabled(True)
        if search is None:
            self.status_label.setText(tr("Set the filters and the area, then press Search."))
            self.more_results_button.hide()
            self.all_results_button.hide()
            return
        shown, matched = len(search.items), search.matched
        self.notes_label.setText(" ".join(search.notes))
        self.notes_label.setVisible(bool(search.notes))
        if running:
            if matched:
                self.progress.setRange(0, matched)
                self.progress.setValue(min(shown, matched))
            else:
                self.progress.setRange(0, 0)
            self.status_label.setText(tr("Searching… {shown} images so far").format(
                shown=_n(shown)) if matched is None else
                tr("Searching… {shown} of {matched} images").format(shown=_n(shown),
                                                                   matched=_n(matched)))
        elif search.state == footprint_search.FAILED and not shown:
            self.status_label.setText(tr("The search failed."))
        elif matched is None:
            self.status_label.setText(tr("The search matches {count}; {shown} shown.").format(
                count=search.count.text() if search.count is not None
                else tr("an unknown number of images"), shown=_n(shown)))
        elif search.exhausted or shown >= matched:
            self.status_label.setText(tr("{matched} images match; all shown.").format(
                matched=_n(matched)) if matched else tr("No image matches these filters."))
        else:
            self.status_label.setText(tr("{matched} images match; {shown} shown.").format(
                matched=_n(matched), shown=_n(shown)))
        can_more = not running and not search.exhausted and search.can_fetch and \
            (matched is None or shown < matched)
        self.more_results_button.setVisible(can_more)
        self.more_results_button.setText(tr("Load {count} more").format(
            count=_n(self.load_size())))
        remaining = (matched - shown) if matched is not None else None
        self.all_results_button.setVisible(bool(can_more and remaining
                                                and self.load_size() < remaining
                                                <= LOAD_ALL_LIMIT))
        if remaining:
            self.all_results_button.setText(tr("Load all ({count})").format(
                count=_n(remaining)))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    # --- footprint layer ----------------------------------------------------------------
    def _fresh_layer(self):
        """The dock's footprint layer, emptied for a new search (made again if the user
        removed it or kept it)."""
        project = QgsProject.instance()
        if self.layer is not None:
            self.layer.dataProvider().truncate()
            self.layer.removeSelection()
            return self.layer
        layer = new_footprint_layer(tr("DINAMIS footprints"))
        layer.setDisplayExpression("\"platform\" || ' ' || format_date(\"datetime\", "
                                   "'yyyy-MM-dd') || ' (' || \"collection\" || ')'")
        layer.setCustomProperty("dinamis/footprints", True)
        project.addMapLayer(layer, False)
        project.layerTreeRoot().insertLayer(0, layer)
        self.layer = layer
        self.aoi_picker.excluded_layer = layer
        return layer

    def _layers_removed(self, layer_ids) -> None:
        """The user removed the footprint layer (or closed the project): forget it."""
        if self.layer is not None and self.layer.id() in layer_ids:
            self.layer = None

    def keep_layer(self) -> None:
        """Leave the current footprints on the map; the next search makes a new layer."""
        if self.layer is None:
            return
        params = self.last_search[0] if self.last_search else None
        label = ", ".join(text for _key, text in self._chips(params)) if params else ""
        if label:
            self.layer.setName(tr("DINAMIS footprints ({filters})").format(filters=label))
        self.cancel_search()
        self.layer = None

    # --- filters, chips, timeline ---------------------------------------------------------
    def _chips(self, params):
        chips = self.form.chips(params)
        if self.aoi is not None:
            chips.append((AREA, tr("area: {label}").format(label=self.aoi.label)))
        return chips

    def remove_filter(self, key: str) -> None:
        """A chip's cross: clear that filter and search again."""
        if key == AREA:
            self.set_aoi(None)
        else:
            self.form.clear_filter(key)
        self.run_search()

    def reset_filters(self) -> None:
        self.form.reset()
        self.set_aoi(None)

    def narrow_to_period(self, start, end) -> None:
        """A timeline bar was clicked: search that month (or year) only."""
        self.form.set_period(start, end)
        self.run_search()

    def _load_timeline(self, catalogue, params) -> None:
        """Images per month for these filters, by whatever route the catalogue offers
        (its aggregation, one count per month, or reading dates): said under the chart
        when it is not the catalogue's own count."""
        self._timeline_generation += 1
        generation = self._timeline_generation
        self.timeline.set_message(tr("Counting images per month…"))

        def done(counts):
            if generation != self._timeline_generation:
                return
            from ..core.monthly_counts import AGGREGATION
            note = "" if counts.route == AGGREGATION and counts.complete else counts.text()
            self.timeline.set_counts(dict(counts.counts), note, period=_period(params))

        def failed(message):
            if generation == self._timeline_generation:
                self.timeline.set_message(message)

        self.runner.run(tr("Counting DINAMIS images per month"),
                        lambda _cancel: catalogue.monthly_counts(params), done, failed)

    # --- area of interest -----------------------------------------------------------------
    @property
    def aoi(self):
        return self.aoi_picker.aoi

    def set_aoi(self, aoi) -> None:
        self.aoi_picker.set_aoi(aoi)

    def _aoi_changed(self, aoi) -> None:
        """A new area: follow-the-map ends unless the area is the map extent."""
        if aoi is None or aoi.kind != areas.MAP_EXTENT:
            self.follow_check.blockSignals(True)
            self.follow_check.setChecked(False)
            self.follow_check.blockSignals(False)
            self._follow(False)

    # --- follow the map ---------------------------------------------------------------------
    def set_follow_map(self, on: bool) -> None:
        if on:
            self.set_aoi(self.aoi_picker.map_extent_aoi())
        self._follow(on)
        if on:
            self.run_search()

    def _follow(self, on: bool) -> None:
        try:
            self.canvas.extentsChanged.disconnect(self._follow_timer.start)
        except TypeError:
            pass
        if on:
            self.canvas.extentsChanged.connect(self._follow_timer.start)
        else:
            self._follow_timer.stop()

    # --- results ----------------------------------------------------------------------------
    def _row_activated(self, row: int) -> None:
        self.map_link.zoom_to_rows([row])

    def _results_menu(self, rows, global_pos) -> None:
        menu = QMenu(self)
        self.result_actions.populate(menu, rows)
        menu.exec(global_pos)

    def _canvas_menu(self, menu, event) -> None:
        """The map's right-click menu: the results whose footprint is under the mouse."""
        rows = self.map_link.rows_at(event.mapPoint())
        if not rows:
            return
        menu.addSeparator()
        search = self.search
        if len(rows) == 1:
            submenu = menu.addMenu(tr("DINAMIS: {image}").format(image=_item_label(
                search.items.record(rows[0]))))
            self.result_actions.populate(submenu, rows)
            return
        top = menu.addMenu(tr("DINAMIS: {count} images here").format(count=len(rows)))
        every = top.addMenu(tr("All of them"))
        self.result_actions.populate(every, rows)
        top.addSeparator()
        for row in rows[:12]:
            self.result_actions.populate(top.addMenu(_item_label(search.items.record(row))),
                                         [row])

    def show_quicklook(self, row: int) -> None:
        from .quicklook_viewer import QuicklookViewer
        if self._viewer is None:
            self._viewer = QuicklookViewer(self._load_full_quicklook, self)
            self._viewer.step.connect(self._step_quicklook)
            self._viewer.on_map.connect(lambda item: self.result_actions.quicklooks_on_map([item]))
        self._viewer_row = row
        item = self.search.items[row]
        self._viewer.show_item(item, self.search.availability_of(item))
        self._viewer.show()
        self._viewer.raise_()

    def _step_quicklook(self, step: int) -> None:
        """Previous/next in the list's current order."""
        row = self.results.row_at_position(self.model.position_of(self._viewer_row) + step)
        if row >= 0:
            self.map_link.select_rows([row])
            self.show_quicklook(row)

    def _load_full_quicklook(self, url, done, failed) -> None:
        from ..qgis_glue.thumbnails import full_image
        self.runner.run(tr("Loading a DINAMIS quicklook"), lambda _cancel: full_image(url),
                        done, failed)

    def _clear_cache(self) -> None:
        from ..qgis_glue.thumbnails import shared_cache
        cache = shared_cache()
        self.runner.run(tr("Clearing the quicklook cache"), lambda _cancel: cache.clear())

    # --- project --------------------------------------------------------------------------
    def _write_project(self, _document=None) -> None:
        if self.last_search is not None:
            params, aoi = self.last_search
            search_project.write(QgsProject.instance(), params, aoi)

    def _read_project(self, _document=None) -> None:
        restored = search_project.read(QgsProject.instance())
        if restored is None:
            return
        params, aoi = restored
        self.last_search = (params, aoi)
        self.form.set_parameters(params)
        self.set_aoi(aoi)
        self.chips.set_chips(self._chips(params))
        self.status_label.setText(tr("The project's last search is ready: press Search to "
                                     "run it."))

    # --- teardown ---------------------------------------------------------------------------
    def dispose(self) -> None:
        """Plugin unload: stop every task and leave nothing on the canvas."""
        self._follow(False)
        self.cancel_search()
        self.runner.cancel_all()
        self.runner.wait_all(5.0)
        self.loader.close()
        self.map_link.detach()
        self.aoi_picker.dispose()
        project = QgsProject.instance()
        for signal, slot in ((project.writeProject, self._write_project),
                             (project.readProject, self._read_project),
                             (project.layersWillBeRemoved, self._layers_removed),
                             (self.canvas.contextMenuAboutToShow, self._canvas_menu)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        if self.controller is not None:
            try:
                self.controller.changed.disconnect(self._profile_maybe_changed)
            except TypeError:
                pass
        if self._viewer is not None:
            self._viewer.close()


def _item_label(record: tuple) -> str:
    """ "PHR1A 2023-05-01" for a menu, from an item's record."""
    words = (record[footprints.PLATFORM], str(record[footprints.DATETIME] or "")[:10])
    return " ".join(str(w) for w in words if w) or record[footprints.ID]


def _period(params):
    """The search's dates as dates (either may be None), for the timeline's axis."""
    return as_date(params.start), as_date(params.end)


def _n(value: int) -> str:
    return QLocale().toString(int(value))

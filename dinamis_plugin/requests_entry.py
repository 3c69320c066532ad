"""Where requests for new imagery meet the plugin: the menu/toolbar action, the dock, and
the background announcements of status changes in QGIS's message bar.

Part of the plugin shell (beside plugin.py), cheap to create in initGui: Qt only; the
widget modules load when the dock is first shown. The demand service (network, drafts) starts when the
user logs in, so status changes are noticed even while the dock is closed, and when the
dock is first opened. Public for other parts of the plugin:
- `request_archive(item)`: an archive request from an orderable catalogue item (STAC item
  dict, pystac Item or item id): what the catalogue dock's "Request this archive" calls;
- `catalogue_handler`: set it to a callable taking a core SearchParameters (the catalogue
  dock's search) to run a delivered request's search there; until one is set, the
  plugin's Processing search loads the footprints as a temporary layer.
"""
from pathlib import Path

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QPushButton

from .core.i18n import tr

ACTION_NAME = "DinamisRequestsAction"
ICON = Path(__file__).absolute().parent / "resources" / "requests.svg"  # not resolve(): links
ANNOUNCE_SECONDS = 20


class RequestsEntry(QObject):
    def __init__(self, iface, controller, menu, toolbar, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.controller = controller
        self.service = None
        self.dock = None
        self.catalogue_handler = None
        self._search_tasks = []
        self.action = QAction(QIcon(str(ICON)), tr("DINAMIS requests"), iface.mainWindow())
        self.action.setObjectName(ACTION_NAME)
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show or hide the DINAMIS requests panel: projects, requests "
                                  "for new imagery, their status and messages"))
        self.action.toggled.connect(self.set_visible)
        menu.addAction(self.action)
        toolbar.addAction(self.action)
        controller.changed.connect(self._login_changed)

    # --- public ---------------------------------------------------------------------
    def request_archive(self, item) -> None:
        """Open the dock on a new archive request for `item` (dict, pystac Item or id)."""
        self.ensure_dock().request_archive(item)
        self.action.setChecked(True)

    def show_request(self, request_id: str) -> None:
        self.ensure_dock().show_request(request_id)
        self.action.setChecked(True)

    # --- service and dock -----------------------------------------------------------
    def ensure_service(self):
        if self.service is None:
            from .qgis_glue.demand_service import DemandService
            self.service = DemandService(self.controller)
            self.service.status_changed.connect(self.announce)
        return self.service

    def ensure_dock(self):
        if self.dock is None:
            from .gui.requests_dock import RequestsDock
            self.dock = RequestsDock(self.ensure_service(), self.iface, self.iface.mainWindow())
            self.dock.catalogue_search_requested.connect(self.show_in_catalogue)
            self.dock.visibilityChanged.connect(self._visibility_changed)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        return self.dock

    def set_visible(self, visible: bool) -> None:
        if visible:
            self.ensure_dock().show()
            self.dock.raise_()
        elif self.dock is not None:
            self.dock.hide()

    def _visibility_changed(self, visible: bool) -> None:
        if self.action.isChecked() != visible:
            self.action.blockSignals(True)
            self.action.setChecked(visible)
            self.action.blockSignals(False)

    def _login_changed(self) -> None:
        if self.service is None and self.controller.state == "logged_in" \
                and self.controller.profile.demands_url:
            self.ensure_service()

    # --- announcements --------------------------------------------------------------
    def announce(self, change) -> None:
        """A status change noticed in the background, in the message bar, with "Show"."""
        bar = self.iface.messageBar()
        item = bar.createMessage(tr("DINAMIS"), change.sentence())
        button = QPushButton(tr("Show"))
        request_id = change.request.id
        button.clicked.connect(lambda: self.show_request(request_id))
        item.layout().addWidget(button)
        level = Qgis.MessageLevel.Success if change.new_status in ("accepted", "delivered") \
            else Qgis.MessageLevel.Warning if change.new_status in ("rejected",
                                                                    "changes_requested") \
            else Qgis.MessageLevel.Info
        bar.pushWidget(item, level, ANNOUNCE_SECONDS)

    # --- a delivered request's images -------------------------------------------------
    def show_in_catalogue(self, params) -> None:
        if self.catalogue_handler is not None:
            self.catalogue_handler(params)
            return
        self._search_with_processing(params)

    def _search_with_processing(self, params) -> None:
        """Until the catalogue dock exists: the Processing search, footprints as a layer."""
        from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask,
                               QgsProcessingContext, QgsProcessingFeedback, QgsProject)
        from qgis.PyQt.QtCore import QDate, QDateTime, QTime
        from .core.aoi_geojson import bounds

        box = bounds(params.geometry) if params.geometry else params.bbox
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(
            "dinamis:searchcatalogue")
        if algorithm is None or box is None:
            return
        west, south, east, north = box
        values = {"EXTENT": f"{west},{east},{south},{north} [EPSG:4326]",
                  "AVAILABILITY": 1, "OUTPUT": "TEMPORARY_OUTPUT"}
        for name, value in (("START_DATE", params.start), ("END_DATE", params.end)):
            if value:
                values[name] = QDateTime(QDate.fromString(str(value)[:10], "yyyy-MM-dd"),
                                         QTime(0, 0))
        if params.max_cloud_cover is not None:
            values["MAX_CLOUD_COVER"] = params.max_cloud_cover
        context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
        task = QgsProcessingAlgRunnerTask(algorithm, values, context, feedback)

        def executed(ok, results):
            self._search_tasks = [t for t in self._search_tasks if t[0] is not task]
            layer = context.takeResultLayer(results.get("OUTPUT")) if ok else None
            if layer is None:
                self.iface.messageBar().pushMessage(
                    tr("DINAMIS"), tr("The catalogue search for the delivered images failed."),
                    Qgis.MessageLevel.Warning, 10)
                return
            layer.setName(tr("DINAMIS images delivered"))
            QgsProject.instance().addMapLayer(layer)

        task.executed.connect(executed)
        self._search_tasks.append((task, context, feedback, algorithm))
        QgsApplication.taskManager().addTask(task)

    # --- unload ---------------------------------------------------------------------
    def unload(self) -> None:
        try:
            self.controller.changed.disconnect(self._login_changed)
        except TypeError:
            pass
        if self.dock is not None:
            self.dock.dispose()
            self.dock.visibilityChanged.disconnect(self._visibility_changed)
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.service is not None:
            self.service.shutdown()
            self.service.deleteLater()
            self.service = None
        self.action.setParent(None)
        self.action.deleteLater()

"""The dock's "Area" row: what the search covers, and the ways to set it.

The map extent (taken when the search runs), a rectangle or polygon drawn on the map
(the map tools of aoi_tools, shared with requests for new imagery), the selected
features of any layer, a vector file, or anywhere. The area is outlined on the map
(purple, unlike any footprint). `changed(area)` reports every new area (None:
anywhere); `failed(message)` a selection or file that gives none.
"""
from typing import Optional

from qgis.core import Qgis, QgsProject, QgsProviderRegistry, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMenu, QSizePolicy,
                                 QToolButton, QWidget)

from ..core.errors import DinamisError
from ..core.i18n import tr
from ..qgis_glue import search_area as areas
from .aoi_tools import PolygonTool, RectangleTool

# Purple: unlike any footprint (blue downloadable, orange orderable, yellow selected).
OUTLINE = QColor(123, 50, 148)


def area_band(canvas) -> QgsRubberBand:
    """The outline showing the searched area on the map (not a result footprint)."""
    band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
    band.setStrokeColor(OUTLINE)
    band.setFillColor(QColor(0, 0, 0, 0))
    band.setWidth(2)
    band.setLineStyle(Qt.PenStyle.DashDotLine)
    return band


class AoiPicker(QWidget):
    changed = pyqtSignal(object)  # SearchArea or None
    failed = pyqtSignal(str)

    def __init__(self, iface, runner, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.runner = runner
        self.aoi: Optional[areas.SearchArea] = None
        self.excluded_layer = None  # the dock's own footprints: not an area to pick
        self._previous_tool = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Area")))
        self.label = QLabel()
        self.label.setObjectName("aoiLabel")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.label, 1)
        self.button = QToolButton()
        self.button.setObjectName("aoiButton")
        self.button.setText(tr("Set…"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button.setMenu(self.menu)
        row.addWidget(self.button)

        self.band = area_band(self.canvas)
        self.rectangle_tool = RectangleTool(self.canvas)
        self.rectangle_tool.finished.connect(self._rectangle_drawn)
        self.rectangle_tool.cancelled.connect(self._restore_map_tool)
        self.polygon_tool = PolygonTool(self.canvas)
        self.polygon_tool.finished.connect(self._polygon_drawn)
        self.polygon_tool.cancelled.connect(self._restore_map_tool)
        self.canvas.destinationCrsChanged.connect(self._show)
        self._show()

    # --- the area -------------------------------------------------------------------
    def set_aoi(self, aoi: Optional[areas.SearchArea], notify: bool = True) -> None:
        self.aoi = aoi
        if aoi is not None and aoi.simplified:
            self.iface.messageBar().pushMessage(
                tr("DINAMIS"), tr("The area has many vertices: it was simplified for the "
                                  "search (it still covers the same region)."),
                Qgis.MessageLevel.Info, 6)
        self._show()
        if notify:
            self.changed.emit(aoi)

    def map_extent_aoi(self) -> areas.SearchArea:
        return areas.rectangle_area(self.canvas.extent(),
                                    self.canvas.mapSettings().destinationCrs(), areas.MAP_EXTENT)

    def current(self) -> Optional[areas.SearchArea]:
        """The area for a search starting now: the map extent is taken now."""
        if self.aoi is not None and self.aoi.kind == areas.MAP_EXTENT:
            self.set_aoi(self.map_extent_aoi(), notify=False)
        return self.aoi

    def _show(self) -> None:
        self.label.setText(self.aoi.label if self.aoi is not None else tr("anywhere (no area)"))
        self.label.setToolTip(self.label.text())
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        if self.aoi is None or self.aoi.kind == areas.MAP_EXTENT:
            return
        geometry = self.aoi.qgs_geometry()
        if not geometry.isEmpty():
            self.band.setToGeometry(geometry, areas.wgs84())

    # --- the menu -------------------------------------------------------------------
    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        menu.addAction(tr("Map extent"), lambda: self.set_aoi(self.map_extent_aoi()))
        menu.addAction(tr("Draw a rectangle"), lambda: self._use_tool(self.rectangle_tool))
        menu.addAction(tr("Draw a polygon (right-click to finish)"),
                       lambda: self._use_tool(self.polygon_tool))
        layers = [layer for layer in QgsProject.instance().mapLayers().values()
                  if hasattr(layer, "selectedFeatureCount") and layer.selectedFeatureCount()
                  and layer is not self.excluded_layer]
        selected = menu.addMenu(tr("Selected features of a layer"))
        selected.setEnabled(bool(layers))
        if not layers:
            selected.setTitle(tr("Selected features of a layer (select some first)"))
        for layer in sorted(layers, key=lambda lyr: lyr.name().lower()):
            selected.addAction(tr("{layer} ({count} selected)").format(
                layer=layer.name(), count=layer.selectedFeatureCount()),
                lambda lyr=layer: self.use_selection(lyr))
        menu.addAction(tr("From a vector file…"), self._choose_file)
        menu.addSeparator()
        menu.addAction(tr("Anywhere (no area)"), lambda: self.set_aoi(None))

    def use_selection(self, layer) -> None:
        """Read the selected features in a task (a database or web layer is slow)."""
        try:
            read = areas.selection_area_reader(layer)
        except DinamisError as error:
            self.failed.emit(str(error))
            return
        self.runner.run(tr("Reading the area of interest"), lambda _cancel: read(),
                        self.set_aoi, self.failed.emit)

    def use_file(self, path: str) -> None:
        """Read the file in a task (never the UI thread on disk)."""
        self.runner.run(tr("Reading the area of interest"),
                        lambda _cancel: areas.file_area(path), self.set_aoi, self.failed.emit)

    def _from(self, make) -> None:
        try:
            self.set_aoi(make())
        except DinamisError as error:
            self.failed.emit(str(error))

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Area of interest from a vector file"), "",
            QgsProviderRegistry.instance().fileVectorFilters())
        if path:
            self.use_file(path)

    # --- drawing ----------------------------------------------------------------------
    def _use_tool(self, tool) -> None:
        if self.canvas.mapTool() not in (self.rectangle_tool, self.polygon_tool):
            self._previous_tool = self.canvas.mapTool()
        self.canvas.setMapTool(tool)
        self.iface.messageBar().pushMessage(
            tr("DINAMIS"), tr("Draw the area of interest on the map.") if tool is
            self.rectangle_tool else tr("Click the corners of the area; right-click or "
                                        "double-click to finish, Esc to cancel."),
            Qgis.MessageLevel.Info, 5)

    def _restore_map_tool(self) -> None:
        if self.canvas.mapTool() in (self.rectangle_tool, self.polygon_tool):
            if self._previous_tool is not None:
                self.canvas.setMapTool(self._previous_tool)
            else:
                self.canvas.unsetMapTool(self.canvas.mapTool())

    def _rectangle_drawn(self, geometry) -> None:
        self._restore_map_tool()
        self.set_aoi(areas.rectangle_area(geometry.boundingBox(),
                                          self.canvas.mapSettings().destinationCrs()))

    def _polygon_drawn(self, geometry) -> None:
        self._restore_map_tool()
        self._from(lambda: areas.geometry_area(
            geometry, self.canvas.mapSettings().destinationCrs(), areas.POLYGON,
            tr("Drawn polygon")))

    def dispose(self) -> None:
        """Leave nothing on the canvas (plugin unload)."""
        self._restore_map_tool()
        for tool in (self.rectangle_tool, self.polygon_tool):
            tool.dispose()
        scene = self.band.scene()
        if scene is not None:
            scene.removeItem(self.band)
        try:
            self.canvas.destinationCrsChanged.disconnect(self._show)
        except TypeError:
            pass

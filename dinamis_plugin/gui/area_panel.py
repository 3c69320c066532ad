"""The area of interest part of the request form: how the area is made, and what it costs.

Draw a rectangle or a polygon, edit its vertices with QGIS's vertex tool, take the
selected features of any layer, or import a file; export it for the web form. At every
vertex the panel shows the ellipsoidal area, the minimum order, the part the free quota
covers, the paid part and the price (all computed here, instantly), plus the problems of
the area with a button for each fix; once the user pauses, DINAMIS's own quote confirms
the figures. The drawing is never lost: a fix can be undone, and the draft keeps the
area as drawn.
"""
from dataclasses import replace
from pathlib import Path

from qgis.core import QgsGeometry
from qgis.gui import QgsMapTool
from qgis.PyQt import sip
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                                 QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget)

from ..core.demand_estimate import Estimate, estimate
from ..core.i18n import tr
from ..qgis_glue import aoi_files
from ..qgis_glue.aoi import (ERROR, WARNING, AoiCheck, AoiChecker, AoiError,
                             geometry_from_geojson)
from ..qgis_glue.aoi import local_number as number
from ..qgis_glue.aoi_layer import AoiLayer
from ..qgis_glue.tasks import TaskRunner
from .aoi_tools import PolygonTool, RectangleTool
from .widgets import plain_label

WARNING_STYLE = "color: #b00020;"
UNDO_DEPTH = 20
NOTE_STYLE = "color: #8a5a00;"


class AreaPanel(QGroupBox):
    """Area of interest: tools, live estimate, problems and fixes, server confirmation."""

    area_changed = pyqtSignal(object)  # AoiCheck of the new area (drawn, edited, fixed...)

    def __init__(self, iface, parent=None):
        super().__init__(tr("Area of interest"), parent)
        self.iface = iface
        self.checker = AoiChecker()
        self.layer = AoiLayer(self)
        self.runner = TaskRunner()  # files and selections are read off the UI thread
        self.layer.geometry_changed.connect(self._layer_changed)
        self.check = AoiCheck(QgsGeometry())
        self.estimate = Estimate(None)
        self.kind = "programming"
        self.quota = None
        self.sensor_label = ""
        self.no_quota = ""
        self.previous = []  # (area, source) before each change made here, for "Undo"
        self.tool = None  # the drawing tool in use, if any
        self._tools = {}  # tool class -> our one instance of it, kept (see stop_tools)
        self._previous_tool = None  # the map tool to give back after drawing
        self._source_crs = None
        self._problem_keys = None
        self._quiet = False

        layout = QVBoxLayout(self)
        tools = QGridLayout()
        self.rectangle_button = self._tool_button(tr("Rectangle"), tr(
            "Draw a rectangle on the map: press, drag, release."))
        self.polygon_button = self._tool_button(tr("Polygon"), tr(
            "Click the vertices on the map; right-click or double-click to finish, Backspace "
            "removes the last vertex."))
        self.edit_button = self._tool_button(tr("Edit vertices"), tr(
            "Move, add or delete vertices with QGIS's vertex tool (undo with Ctrl+Z)."))
        self.selection_button = QPushButton(tr("From selection"))
        self.selection_button.setToolTip(tr("Use the selected polygons of the active layer (any "
                                            "CRS)."))
        self.file_button = QPushButton(tr("Import…"))
        self.file_button.setToolTip(tr("Read the polygons of a vector file (GeoPackage, "
                                       "shapefile, GeoJSON, KML…)."))
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setToolTip(tr("Save the area as GeoJSON, KML or a zipped shapefile "
                                         "(for the DINAMIS web form)."))
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setToolTip(tr("Back to the area before the last change made here."))
        self.clear_button = QPushButton(tr("Clear"))
        for i, button in enumerate((self.rectangle_button, self.polygon_button,
                                    self.edit_button, self.selection_button, self.file_button,
                                    self.export_button, self.undo_button, self.clear_button)):
            tools.addWidget(button, i // 4, i % 4)
        layout.addLayout(tools)

        self.source_label = plain_label("aoiSourceLabel")
        layout.addWidget(self.source_label)

        figures = QFormLayout()
        self.area_value = plain_label("areaValue")
        self.minimum_value = plain_label("minimumValue")
        self.free_value = plain_label("freeValue")
        self.paid_value = plain_label("paidValue")
        self.price_value = plain_label("priceValue")
        figures.addRow(tr("Area"), self.area_value)
        figures.addRow(tr("Minimum order"), self.minimum_value)
        figures.addRow(tr("Free quota"), self.free_value)
        figures.addRow(tr("Paid part"), self.paid_value)
        figures.addRow(tr("Price"), self.price_value)
        layout.addLayout(figures)

        self.warnings_label = plain_label("estimateWarnings", error=True)
        layout.addWidget(self.warnings_label)
        self.problems_box = QWidget()
        self.problems_layout = QVBoxLayout(self.problems_box)
        self.problems_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problems_box)
        self.server_label = plain_label("serverQuoteLabel")
        self.server_label.hide()
        layout.addWidget(self.server_label)

        self.rectangle_button.clicked.connect(lambda: self.start_drawing(RectangleTool))
        self.polygon_button.clicked.connect(lambda: self.start_drawing(PolygonTool))
        self.edit_button.clicked.connect(self.toggle_vertex_editing)
        self.selection_button.clicked.connect(self.take_selection)
        self.file_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.undo_button.clicked.connect(self.undo)
        self.clear_button.clicked.connect(self.clear)
        self._show()

    @staticmethod
    def _tool_button(text, tip) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        return button

    # --- limits and prices from the server ------------------------------------------
    def set_limits(self, min_order_km2, max_vertices) -> None:
        self.checker.min_order_km2 = min_order_km2
        self.checker.max_vertices = max_vertices
        self.recheck()

    def set_pricing(self, kind: str, quota, sensor_label: str, no_quota: str = "") -> None:
        """The request kind, the user's quota for the sensor (None: unknown, `no_quota`
        says why), the sensor's label."""
        self.kind, self.quota, self.sensor_label = kind, quota, sensor_label
        self.no_quota = no_quota
        self._update_estimate()
        self._show()

    # --- the area -------------------------------------------------------------------
    def geometry(self) -> QgsGeometry:
        return self.layer.geometry()

    def set_area(self, geometry: QgsGeometry, crs=None, source: str = "",
                 remember: bool = True) -> None:
        """Make `geometry` (in `crs`, default lon/lat) the area; the former one can be
        brought back with Undo."""
        try:
            lonlat = self.checker.to_wgs84(geometry, crs) if crs is not None else geometry
        except AoiError as error:
            self.report(str(error))
            return
        if remember:
            self.previous = (self.previous + [(self.geometry(), self.source_label.text())])[
                -UNDO_DEPTH:]
        self.source_label.setText(source)
        self._source_crs = crs
        self.layer.set_geometry(lonlat)

    def restore(self, geometry: QgsGeometry, source: str) -> None:
        """Show a draft's area (lon/lat) without making it an undoable change."""
        self._quiet = True
        try:
            self.previous = []
            self._source_crs = None
            self.source_label.setText(source)
            self.layer.set_geometry(geometry)
        finally:
            self._quiet = False

    def recheck(self) -> None:
        self._layer_changed()

    def _layer_changed(self) -> None:
        self.check = self.checker.check(self.layer.geometry(), self._source_crs)
        self._update_estimate()
        self._show()
        if not self._quiet:
            self.area_changed.emit(self.check)

    def preview(self, geometry_in_canvas_crs) -> None:
        """The estimate of a shape being drawn (not yet the area), at each vertex."""
        crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        try:
            lonlat = self.checker.to_wgs84(geometry_in_canvas_crs, crs)
        except AoiError:
            return
        self.check = self.checker.check(lonlat, crs)
        self._update_estimate()
        self._show()

    def _update_estimate(self) -> None:
        self.estimate = estimate(self.check.area_km2, self.kind, self.quota,
                                 self.checker.min_order_km2, self.sensor_label)

    # --- tools ----------------------------------------------------------------------
    def start_drawing(self, tool_class) -> None:
        self.stop_tools()
        canvas = self.iface.mapCanvas()
        current = canvas.mapTool()
        if current is not None and current not in self._tools.values():
            self._previous_tool = current
        tool = self._tools.get(tool_class)
        if tool is None:
            tool = self._tools[tool_class] = tool_class(canvas)
            tool.changed.connect(self.preview)
            tool.finished.connect(self._drawn)
            tool.cancelled.connect(self._drawing_cancelled)
            tool.activated.connect(lambda tool=tool: self._tool_activated(tool))
            tool.deactivated.connect(self._tool_deactivated)
        canvas.setMapTool(tool)
        self._tool_activated(tool)

    def _tool_activated(self, tool) -> None:
        """One of our tools is the map's (we set it, or QGIS came back to it)."""
        self.tool = tool
        for button, cls in ((self.rectangle_button, RectangleTool),
                            (self.polygon_button, PolygonTool)):
            button.setChecked(isinstance(tool, cls))
        self.report(tr("Drawing: the figures follow each vertex."), error=False)

    def _tool_deactivated(self) -> None:
        """Another map tool was chosen (ours or QGIS's): the shape being drawn is dropped."""
        if self.tool is None:
            return
        self.tool = None
        self.rectangle_button.setChecked(False)
        self.polygon_button.setChecked(False)
        self.recheck()  # the figures of the area again, not of the abandoned shape

    def _drawn(self, geometry) -> None:
        crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        self.set_area(geometry, crs, tr("Drawn on the map"))
        self.stop_tools()

    def _drawing_cancelled(self) -> None:
        self.stop_tools()
        self.recheck()

    def stop_tools(self) -> None:
        """Put the drawing tool away and give the map back the tool it had before.

        QGIS returns to the last non-editing map tool when editing stops, and keeps only a
        plain pointer to it: our tools therefore live as long as the panel, and the map
        gets a tool of its own back (the one it had, else Pan) so QGIS stops pointing at
        ours."""
        canvas = self.iface.mapCanvas()
        if canvas.mapTool() is not None and canvas.mapTool() in self._tools.values():
            pan = self.iface.actionPan()
            if pan is not None:
                pan.trigger()
            previous, self._previous_tool = self._previous_tool, None
            if previous is not None and not sip.isdeleted(previous) \
                    and not previous.flags() & QgsMapTool.Flag.EditTool:
                canvas.setMapTool(previous)
            if canvas.mapTool() in self._tools.values():
                canvas.unsetMapTool(canvas.mapTool())
        self._tool_deactivated()

    def toggle_vertex_editing(self) -> None:
        if self.layer.editing:
            self.layer.finish_editing()
            self.edit_button.setChecked(False)
            return
        if self.geometry().isEmpty():
            self.edit_button.setChecked(False)
            self.report(tr("Draw or import an area first; then its vertices can be edited."))
            return
        self.stop_tools()
        layer = self.layer.start_editing()
        self.iface.setActiveLayer(layer)
        action = self.iface.actionVertexTool()
        if action is not None:
            action.trigger()
        self.edit_button.setChecked(True)

    def take_selection(self) -> None:
        layer = self.iface.activeLayer()
        if layer is not None and layer is self.layer.layer(create=False):
            self.report(tr("Select polygons in another layer: this one is the area itself."))
            return
        try:
            source, ids, crs = aoi_files.selection_source(layer)
        except AoiError as error:
            self.report(str(error))
            return
        name = layer.name()
        self._read(tr("Reading the selected features of \"{layer}\"…").format(layer=name),
                   lambda _cancel: aoi_files.read_selection(source, ids, crs, name),
                   tr("Selected features of \"{layer}\"").format(layer=name))

    def import_file(self, path=None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self, tr("Import an area of interest"), "",
                tr("Vector files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.gml);;All files "
                   "(*)"))
        if not path:
            return
        name = Path(path).name
        self._read(tr("Reading {name}…").format(name=name),
                   lambda _cancel: aoi_files.from_file(path),
                   tr("Imported from {name}").format(name=name))

    def _read(self, reading: str, work, source: str) -> None:
        """Read an area (a file, a layer's selection) in a task: the UI never waits on the
        disk or a database; the area replaces the current one when read (Undo brings it
        back)."""
        self.report(reading, error=False)
        self.selection_button.setEnabled(False)
        self.file_button.setEnabled(False)

        def settled():
            self.selection_button.setEnabled(True)
            self.file_button.setEnabled(True)

        def done(result):
            settled()
            geometry, crs = result
            self.set_area(geometry, crs, source)

        def failed(message):
            settled()
            self.report(message)

        self.runner.run(reading, work, done, failed)

    def export_file(self, path=None) -> str:
        """Write the area for the DINAMIS web form; returns the path written ("" if none)."""
        geometry = self.geometry()
        if self.check.sendable:
            # what DINAMIS would receive (split at the antimeridian if needed)
            geometry = geometry_from_geojson(self.check.geojson())
        if geometry.isEmpty():
            self.report(tr("There is no area to export yet."))
            return ""
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, tr("Export the area of interest"), "dinamis-area.geojson",
                aoi_files.export_filter())
        if not path:
            return ""
        try:
            written = aoi_files.write(geometry, path)
        except AoiError as error:
            self.report(str(error))
            return ""
        self.report(tr("Area saved to {path}").format(path=written), error=False)
        return str(written)

    def apply_fix(self, fix: str) -> None:
        fixed = self.checker.apply_fix(fix, self.geometry())
        self.set_area(fixed, None, self.source_label.text())

    def undo(self) -> None:
        if not self.previous:
            return
        geometry, source = self.previous.pop()
        self.set_area(geometry, None, source, remember=False)
        self._show()

    def clear(self) -> None:
        self.stop_tools()
        self.set_area(QgsGeometry(), None, "")

    def dispose(self) -> None:
        self.runner.cancel_all()
        self.stop_tools()
        if self._tools:  # QGIS's way back from editing must not be a tool deleted now
            pan = self.iface.actionPan()
            if pan is not None:
                pan.trigger()
        for tool in self._tools.values():
            tool.dispose()
            tool.deleteLater()
        self._tools = {}
        self.layer.remove()

    # --- showing --------------------------------------------------------------------
    def report(self, message: str, error: bool = True) -> None:
        self.server_label.setStyleSheet(WARNING_STYLE if error else "")
        self.server_label.setText(message)
        self.server_label.setVisible(bool(message))  # no blank line under the figures

    def show_server_quote(self, quote) -> None:
        """DINAMIS's answer for the area: the figures that count."""
        local = self.estimate
        agree = (local.area_km2 is not None and abs(local.area_km2 - quote.area_km2) < 0.02
                 and (local.price_eur is None or abs(local.price_eur - quote.price_eur) < 0.03))
        if agree:
            text = tr("Confirmed by DINAMIS: {area} km², {price} €.")
        else:
            text = tr("DINAMIS computes {area} km², {price} € (its figures are the ones that "
                      "count).")
        self.report(text.format(area=number(quote.area_km2, 2),
                                price=number(quote.price_eur, 2)), error=False)

    def _show(self) -> None:
        e, check = self.estimate, self.check
        self.area_value.setText(tr("{area} km²").format(area=number(e.area_km2, 1))
                                if e.area_km2 is not None else "—")
        self.minimum_value.setText(tr("{minimum} km²").format(minimum=number(e.min_order_km2))
                                   if e.min_order_km2 is not None else "—")
        if e.remaining_km2 is not None:
            free = tr("{remaining} km² left for {sensor}").format(
                remaining=number(e.remaining_km2), sensor=e.sensor_label)
            if e.quota_km2 is not None and e.area_km2:
                free += " — " + tr("covers {covered} km²").format(covered=number(e.quota_km2))
            self.free_value.setText(free)
        else:
            self.free_value.setText(self.no_quota or "—")
        self.paid_value.setText(tr("{paid} km² at {rate} €/km²").format(
            paid=number(e.paid_km2), rate=number(e.eur_per_km2, 2))
            if e.paid_km2 is not None else "—")
        self.price_value.setText(tr("{price} €").format(price=number(e.price_eur, 2))
                                 if e.price_eur is not None else "—")
        if check.has("below_minimum"):  # said once, beside its "Enlarge" button
            e = replace(e, min_order_km2=None)
        warnings = e.warnings(number)
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))
        self._show_problems(check)
        has_area = not self.geometry().isEmpty()
        self.edit_button.setEnabled(has_area or self.layer.editing)
        self.export_button.setEnabled(has_area)
        self.undo_button.setEnabled(bool(self.previous))
        self.clear_button.setEnabled(has_area)

    def _show_problems(self, check: AoiCheck) -> None:
        """One row per problem, with its fix button; rebuilt only when they change."""
        keys = tuple((p.code, p.message) for p in check.problems) + (self.tool is None,)
        if keys == self._problem_keys:
            return
        self._problem_keys = keys
        while self.problems_layout.count():
            widget = self.problems_layout.takeAt(0).widget()
            widget.hide()  # gone now, not only at the next event loop pass
            widget.deleteLater()
        for problem in check.problems:
            if problem.code == "empty" and self.tool is not None:
                continue
            row = QHBoxLayout()
            label = plain_label(f"problem_{problem.code}")
            label.setText(problem.message)
            if problem.severity == ERROR:
                label.setStyleSheet(WARNING_STYLE)
            elif problem.severity == WARNING:
                label.setStyleSheet(NOTE_STYLE)
            row.addWidget(label, 1)
            if problem.fix:
                button = QPushButton(problem.fix_label)
                button.setObjectName(f"fix_{problem.fix}")
                button.clicked.connect(lambda _checked=False, fix=problem.fix: self.apply_fix(fix))
                row.addWidget(button)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.problems_layout.addWidget(holder)

    def fix_buttons(self) -> dict:
        """{fix code: its QPushButton} of the problems shown (tests, the demo)."""
        return {b.objectName()[4:]: b for b in self.problems_box.findChildren(QPushButton)
                if b.objectName().startswith("fix_")}



"""What ties the results list to the footprint layer on the map: selection both ways,
the hovered row highlighted on the map, zooming to results, and the footprints under
the mouse for the map's context menu."""
from typing import Iterable, List

from qgis.core import (QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsProject,
                       QgsRectangle)
from qgis.gui import QgsHighlight
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtGui import QColor

HIGHLIGHT = QColor(214, 96, 25)
PICK_TOLERANCE_PX = 3


class MapLink(QObject):
    def __init__(self, canvas, view, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.view = view
        self.layer = None
        self.search = None
        self._row_of_fid = {}
        self._syncing = False
        self._highlight = None
        view.selectionModel().selectionChanged.connect(self._list_selection_changed)
        view.hovered.connect(self.highlight_row)

    # --- wiring -----------------------------------------------------------------------
    def attach(self, search, layer) -> None:
        """Follow a new search filling `layer`."""
        self.clear_highlight()
        if self.layer is not None and self.layer is not layer:
            self._disconnect_layer()
        if self.layer is not layer:
            layer.selectionChanged.connect(self._map_selection_changed)
            layer.willBeDeleted.connect(self._layer_gone)
        self.layer = layer
        if self.search is not None:
            self.search.items_added.disconnect(self._items_added)
        self.search = search
        self._row_of_fid = {fid: row for row, fid in enumerate(search.fids[:search.announced])}
        search.items_added.connect(self._items_added)

    def _disconnect_layer(self) -> None:
        try:
            self.layer.selectionChanged.disconnect(self._map_selection_changed)
            self.layer.willBeDeleted.disconnect(self._layer_gone)
        except (TypeError, RuntimeError):
            pass

    def _layer_gone(self) -> None:
        self.clear_highlight()
        self.layer = None

    def _items_added(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._row_of_fid[self.search.fids[row]] = row

    def detach(self) -> None:
        self.clear_highlight()
        if self.layer is not None:
            self._disconnect_layer()
        self.layer = None

    # --- selection --------------------------------------------------------------------
    def fids(self, rows: Iterable[int]) -> List[int]:
        return [self.search.fids[row] for row in rows if 0 <= row < len(self.search.fids)]

    def _list_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None or self.search is None:
            return
        self._syncing = True
        try:
            self.layer.selectByIds(self.fids(self.view.selected_rows()))
        finally:
            self._syncing = False

    def _map_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            rows = [self._row_of_fid[fid] for fid in self.layer.selectedFeatureIds()
                    if fid in self._row_of_fid]
            self.view.select_rows(rows)
        finally:
            self._syncing = False

    def select_rows(self, rows: Iterable[int]) -> None:
        """Select rows in the list, and therefore their footprints on the map."""
        self.view.select_rows(list(rows))

    # --- map ----------------------------------------------------------------------------
    def highlight_row(self, row: int) -> None:
        self.clear_highlight()
        if row < 0 or self.layer is None or self.search is None or row >= len(self.search.fids):
            return
        feature = self.layer.getFeature(self.search.fids[row])
        if not feature.hasGeometry():
            return
        self._highlight = QgsHighlight(self.canvas, feature.geometry(), self.layer)
        self._highlight.setColor(HIGHLIGHT)
        self._highlight.setFillColor(QColor(HIGHLIGHT.red(), HIGHLIGHT.green(),
                                            HIGHLIGHT.blue(), 60))
        self._highlight.setWidth(3)
        self._highlight.show()

    def clear_highlight(self) -> None:
        if self._highlight is not None:
            self._highlight.hide()
            scene = self._highlight.scene()
            if scene is not None:
                scene.removeItem(self._highlight)
            self._highlight = None

    def zoom_to_rows(self, rows: Iterable[int]) -> None:
        if self.layer is None:
            return
        extent = QgsRectangle()
        extent.setMinimal()
        request = QgsFeatureRequest().setFilterFids(self.fids(rows)).setNoAttributes()
        for feature in self.layer.getFeatures(request):
            if feature.hasGeometry():
                extent.combineExtentWith(feature.geometry().boundingBox())
        if extent.isNull():
            return
        transform = QgsCoordinateTransform(self.layer.crs(),
                                           self.canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        extent = transform.transformBoundingBox(extent)
        extent.scale(1.15)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        self.canvas.flashFeatureIds(self.layer, self.fids(rows))

    def rows_at(self, map_point) -> List[int]:
        """Rows whose footprint contains a point of the canvas (canvas CRS)."""
        if self.layer is None or self.search is None:
            return []
        transform = QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(),
                                           self.layer.crs(), QgsProject.instance())
        tolerance = self.canvas.mapUnitsPerPixel() * PICK_TOLERANCE_PX
        area = QgsRectangle(map_point.x() - tolerance, map_point.y() - tolerance,
                            map_point.x() + tolerance, map_point.y() + tolerance)
        try:
            area = transform.transformBoundingBox(area)
        except Exception:  # noqa: BLE001 - a point outside the layer CRS's area of use
            return []
        probe = QgsGeometry.fromRect(area)
        rows = []
        for feature in self.layer.getFeatures(QgsFeatureRequest().setFilterRect(area)
                                              .setNoAttributes()):
            if feature.geometry().intersects(probe) and feature.id() in self._row_of_fid:
                rows.append(self._row_of_fid[feature.id()])
        return sorted(rows)

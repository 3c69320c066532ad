"""The area of interest on the map: a memory layer the user edits with QGIS's own tools.

One layer (lon/lat, EPSG:4326, shown reprojected on any map) holds the drawn area. Its
vertices are edited with QGIS's vertex tool, with QGIS's undo/redo and snapping, and
every change (a vertex moved, added, deleted, an undo) emits `geometry_changed`, so the
estimate follows at each vertex. The layer is only a view: the draft holds the area,
and a layer the user removes is simply made again when needed.
"""
from qgis.core import (QgsFeature, QgsFillSymbol, QgsGeometry, QgsProject, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.i18n import tr

LAYER_PROPERTY = "dinamis/area-of-interest"


def _style(layer: QgsVectorLayer) -> None:
    symbol = QgsFillSymbol.createSimple({"color": "255,140,0,45", "outline_color": "230,90,0",
                                         "outline_width": "0.8", "joinstyle": "round"})
    layer.renderer().setSymbol(symbol)


class AoiLayer(QObject):
    """Owns (at most) one area-of-interest layer in the current project."""

    geometry_changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layer = None

    # --- the layer ------------------------------------------------------------------
    def layer(self, create: bool = True):
        if self._layer is None:
            self._adopt(self._existing() or (self._new() if create else None))
        return self._layer

    @staticmethod
    def _existing():
        """A layer left in the project by an earlier session (e.g. a saved project)."""
        for layer in QgsProject.instance().mapLayers().values():
            if layer.customProperty(LAYER_PROPERTY):
                return layer
        return None

    @staticmethod
    def _new() -> QgsVectorLayer:
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=name:string",
                               tr("DINAMIS area of interest"), "memory")
        layer.setCustomProperty(LAYER_PROPERTY, True)
        _style(layer)
        QgsProject.instance().addMapLayer(layer)
        return layer

    def _adopt(self, layer) -> None:
        self._layer = layer
        if layer is None:
            return
        for signal in (layer.geometryChanged, layer.featureAdded, layer.featureDeleted,
                       layer.afterRollBack, layer.dataChanged):
            signal.connect(self._changed)
        layer.willBeDeleted.connect(self._forget)

    def _forget(self) -> None:
        self._layer = None
        self.geometry_changed.emit()

    def _changed(self, *_args) -> None:
        self.geometry_changed.emit()

    # --- the area -------------------------------------------------------------------
    def geometry(self) -> QgsGeometry:
        """The area now, edits not yet saved included (all features' polygons together)."""
        layer = self.layer(create=False)
        if layer is None:
            return QgsGeometry()
        polygons = []
        for feature in layer.getFeatures():
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            if geometry.isMultipart():
                polygons += geometry.asMultiPolygon()
            else:
                polygons.append(geometry.asPolygon())
        polygons = [p for p in polygons if p]
        if not polygons:
            return QgsGeometry()
        if len(polygons) == 1:
            return QgsGeometry.fromPolygonXY(polygons[0])
        return QgsGeometry.fromMultiPolygonXY(polygons)

    def set_geometry(self, geometry: QgsGeometry) -> None:
        """Replace the area (lon/lat). While the layer is being edited the replacement is
        one undoable edit; otherwise it is written at once. No area and no layer yet: no
        layer is added (an empty one would clutter the project and, as its first layer,
        switch its CRS to WGS 84)."""
        if (geometry.isNull() or geometry.isEmpty()) and self.layer(create=False) is None:
            self.geometry_changed.emit()
            return
        layer = self.layer()
        multi = QgsGeometry(geometry)
        if not multi.isNull() and not multi.isEmpty():
            multi.convertToMultiType()
        if QgsWkbTypes.geometryType(multi.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
            multi = QgsGeometry()
        layer.blockSignals(True)
        try:
            if layer.isEditable():
                layer.beginEditCommand(tr("Replace the area of interest"))
                layer.deleteFeatures(layer.allFeatureIds())
                if not multi.isEmpty():
                    layer.addFeature(self._feature(layer, multi))
                layer.endEditCommand()
            else:
                provider = layer.dataProvider()
                provider.deleteFeatures(layer.allFeatureIds())
                if not multi.isEmpty():
                    provider.addFeatures([self._feature(layer, multi)])
                layer.updateExtents()
        finally:
            layer.blockSignals(False)
        layer.triggerRepaint()
        self.geometry_changed.emit()

    @staticmethod
    def _feature(layer, geometry) -> QgsFeature:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttribute("name", tr("Area of interest"))
        return feature

    # --- editing --------------------------------------------------------------------
    def start_editing(self) -> QgsVectorLayer:
        layer = self.layer()
        if not layer.isEditable():
            layer.startEditing()
        return layer

    def finish_editing(self) -> None:
        layer = self.layer(create=False)
        if layer is not None and layer.isEditable():
            layer.commitChanges()

    @property
    def editing(self) -> bool:
        layer = self.layer(create=False)
        return layer is not None and layer.isEditable()

    def remove(self) -> None:
        """Take the layer off the map (plugin unload); the draft keeps the area."""
        layer, self._layer = self._layer, None
        if layer is not None:
            try:
                layer.willBeDeleted.disconnect(self._forget)
                if layer.isEditable():
                    layer.rollBack()
                QgsProject.instance().removeMapLayer(layer.id())
            except RuntimeError:  # already deleted with its project
                pass

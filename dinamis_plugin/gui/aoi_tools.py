"""Map tools to draw the area of interest: a rectangle (QGIS's own extent tool) or a
polygon (click the vertices, right-click or double-click to finish, Esc to cancel,
Backspace to remove the last vertex). Both report in the canvas CRS; `aoi.py` turns
the result into degrees."""
from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsMapToolExtent, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

# Purple: unlike any footprint (blue downloadable, orange orderable, yellow selected).
OUTLINE = QColor(123, 50, 148)
FILL = QColor(123, 50, 148, 40)


def aoi_band(canvas) -> QgsRubberBand:
    """The outline showing the area of interest on the map (not a result footprint)."""
    band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
    band.setStrokeColor(OUTLINE)
    band.setFillColor(QColor(0, 0, 0, 0))
    band.setWidth(2)
    band.setLineStyle(Qt.PenStyle.DashDotLine)
    return band


class RectangleTool(QgsMapToolExtent):
    """QGIS's rectangle tool; `drawn(QgsRectangle)` once the mouse is released."""

    drawn = pyqtSignal(object)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.extentChanged.connect(self._changed)

    def _changed(self, rectangle):
        if rectangle is not None and not rectangle.isEmpty():
            self.drawn.emit(rectangle)


class PolygonTool(QgsMapTool):
    """Click vertices; right-click or double-click closes the polygon (`drawn(geometry)`)."""

    drawn = pyqtSignal(object)
    cancelled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.points = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.band.setStrokeColor(OUTLINE)
        self.band.setFillColor(FILL)
        self.band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasPressEvent(self, event):  # noqa: N802 - QGIS's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(QgsPointXY(self.toMapCoordinates(event.pos())))
            self._redraw()
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def canvasDoubleClickEvent(self, _event):  # noqa: N802 - QGIS's name
        self.finish()

    def canvasMoveEvent(self, event):  # noqa: N802 - QGIS's name
        if self.points:
            self._redraw(QgsPointXY(self.toMapCoordinates(event.pos())))

    def keyPressEvent(self, event):  # noqa: N802 - QGIS's name
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            self.cancelled.emit()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.points.pop()
            self._redraw()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()

    def finish(self) -> None:
        points = _without_repeats(self.points)
        if len(points) >= 3:
            geometry = QgsGeometry.fromPolygonXY([points + [points[0]]])
            self.reset()
            self.drawn.emit(geometry)

    def reset(self) -> None:
        self.points = []
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self):
        self.reset()
        super().deactivate()

    def _redraw(self, moving=None) -> None:
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for point in self.points + ([moving] if moving is not None else []):
            self.band.addPoint(point, False)
        self.band.show()
        self.band.updatePosition()
        self.band.update()

    def clean(self) -> None:
        """Remove the drawing from the canvas for good (dock closing)."""
        self.reset()
        scene = self.band.scene()
        if scene is not None:
            scene.removeItem(self.band)


def _without_repeats(points):
    kept = []
    for point in points:
        if not kept or point != kept[-1]:
            kept.append(point)
    return kept

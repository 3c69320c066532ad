"""Map tools to draw an area of interest: a rectangle (press, drag, release) or a polygon
(click the vertices; right-click, double-click or Enter to finish; Backspace removes the
last vertex; Esc cancels). Both show a rubber band and report the shape at every vertex
(`changed`), so the estimate follows the drawing; `finished` hands over the final shape.
Shapes are in the map canvas's CRS.
"""
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

OUTLINE = QColor(230, 90, 0)
FILL = QColor(255, 140, 0, 60)


def _rubber_band(canvas) -> QgsRubberBand:
    band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
    band.setStrokeColor(OUTLINE)
    band.setFillColor(FILL)
    band.setWidth(2)
    return band


class _AoiTool(QgsMapTool):
    changed = pyqtSignal(object)  # QgsGeometry (canvas CRS), at every vertex
    finished = pyqtSignal(object)  # QgsGeometry (canvas CRS)
    cancelled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.band = None
        self.setCursor(Qt.CursorShape.CrossCursor)

    def _band(self) -> QgsRubberBand:
        if self.band is None:
            self.band = _rubber_band(self.canvas())
        return self.band

    def clear(self) -> None:
        if self.band is not None:
            self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self) -> None:
        self.clear()
        super().deactivate()

    def dispose(self) -> None:
        if self.band is not None:
            self.canvas().scene().removeItem(self.band)
            self.band = None


class RectangleTool(_AoiTool):
    """Press, drag, release."""

    def __init__(self, canvas):
        super().__init__(canvas)
        self.start = None

    def canvasPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.start = event.mapPoint()

    def canvasMoveEvent(self, event):  # noqa: N802 - Qt's name
        if self.start is not None:
            geometry = self._rectangle(event.mapPoint())
            self._band().setToGeometry(geometry, None)
            self.changed.emit(geometry)

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if self.start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        geometry = self._rectangle(event.mapPoint())
        self.start = None
        self.clear()
        if geometry.area() > 0:
            self.finished.emit(geometry)
        else:
            self.cancelled.emit()

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.start = None
            self.clear()
            self.cancelled.emit()

    def _rectangle(self, end: QgsPointXY) -> QgsGeometry:
        return QgsGeometry.fromRect(QgsRectangle(self.start, end))


class PolygonTool(_AoiTool):
    """Click the vertices; finish with a right-click, a double-click or Enter."""

    def __init__(self, canvas):
        super().__init__(canvas)
        self.points = []
        self._swallow_release = False

    def polygon(self, floating=None) -> QgsGeometry:
        points = self.points + ([floating] if floating is not None else [])
        if len(points) < 3:
            return QgsGeometry()
        return QgsGeometry.fromPolygonXY([points + [points[0]]])

    def add_vertex(self, point: QgsPointXY) -> None:
        self.points.append(QgsPointXY(point))
        self._show()
        self.changed.emit(self.polygon())

    def remove_last_vertex(self) -> None:
        if self.points:
            self.points.pop()
            self._show()
            self.changed.emit(self.polygon())

    def finish(self) -> None:
        geometry = self.polygon()
        self.points = []
        self.clear()
        if geometry.isEmpty():
            self.cancelled.emit()
        else:
            self.finished.emit(geometry)

    def _show(self, floating=None) -> None:
        band = self._band()
        band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for point in self.points + ([floating] if floating is not None else []):
            band.addPoint(point, False)
        band.show()
        band.updatePosition()
        band.update()

    def canvasMoveEvent(self, event):  # noqa: N802 - Qt's name
        if self.points:
            self._show(event.mapPoint())

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if self._swallow_release:  # the release ending a double-click adds nothing
            self._swallow_release = False
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.add_vertex(event.mapPoint())
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def canvasDoubleClickEvent(self, event):  # noqa: N802 - Qt's name
        # Qt: press, release (a vertex), double-click, release: finish on the double-click
        self._swallow_release = True
        self.finish()

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.remove_last_vertex()
        elif key == Qt.Key.Key_Escape:
            self.points = []
            self.clear()
            self.cancelled.emit()

    def deactivate(self) -> None:
        self.points = []
        super().deactivate()

"""Active filters as removable chips, wrapped over as many lines as the dock needs.

`ChipsBar.set_chips([(key, text), ...])` shows one chip per active filter;
clicking a chip's cross emits `removed(key)` (the dock clears that filter and searches
again).
"""
from typing import List, Tuple

from qgis.PyQt.QtCore import QPoint, QRect, QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QLayout, QSizePolicy, QToolButton, QWidget

from ..core.i18n import tr

CHIP_STYLE = """
QToolButton#chip {
    border: 1px solid palette(mid); border-radius: 10px; padding: 1px 6px 1px 8px;
    background: palette(alternate-base);
}
QToolButton#chip:hover { border-color: palette(highlight); }
"""


class FlowLayout(QLayout):
    """Lays widgets left to right, wrapping to a new line when the width runs out."""

    def __init__(self, parent=None, spacing=4):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, index):  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width):  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect):  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self):  # noqa: N802 - Qt's name
        return self.minimumSize()

    def minimumSize(self):  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect, apply: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        spacing = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x, y = rect.x(), y + line_height + spacing
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ChipsBar(QWidget):
    removed = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("chips")
        self.setStyleSheet(CHIP_STYLE)
        self._layout = FlowLayout(self)
        sizing = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizing.setHeightForWidth(True)
        self.setSizePolicy(sizing)
        self._chips: List[QToolButton] = []

    def set_chips(self, chips: List[Tuple[str, str]]) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for key, text in chips:
            chip = QToolButton(self)
            chip.setObjectName("chip")
            chip.setText(f"{text}  ✕")
            chip.setToolTip(tr("Remove this filter and search again"))
            chip.setProperty("filter_key", key)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _checked=False, k=key: self.removed.emit(k))
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self.setVisible(bool(chips))
        self.updateGeometry()

    def keys(self) -> List[str]:
        return [chip.property("filter_key") for chip in self._chips]

    def chip(self, key: str):
        return next((c for c in self._chips if c.property("filter_key") == key), None)

"""Small widgets the DINAMIS panels and dialogs share."""
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtWidgets import QFrame, QLabel, QScrollArea


def plain_label(object_name: str = "", error: bool = False) -> QLabel:
    """A word-wrapped label showing its text as typed: server or user words such as
    "R&D" or "<Aix>" never turn into markup (Qt would guess rich text otherwise)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    if error:
        label.setStyleSheet("color: #b00020;")
    return label


def fit_height(window) -> None:
    """Grow `window` (never shrink it) to the height its layout needs at its width: Qt's
    size hints ignore how tall word-wrapped labels get, so long (French) text is cut."""
    layout = window.layout()
    layout.activate()
    needed = layout.totalHeightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)


class VerticalScrollArea(QScrollArea):
    """Scrolls its content up and down only: as wide as the content needs (buttons are
    long in French), so a short dock scrolls instead of clipping, and never sideways."""

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = (self.widget().minimumSizeHint().width()
                 + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth())
        return QSize(width, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.widget().sizeHint()
        return QSize(max(hint.width(), self.minimumSizeHint().width()), hint.height())

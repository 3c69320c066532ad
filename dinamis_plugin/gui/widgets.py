"""Small widgets the DINAMIS panels and dialogs share."""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel


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

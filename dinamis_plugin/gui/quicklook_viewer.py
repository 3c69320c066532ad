"""The full-size quicklook of one result, with what matters to choose an image, and
previous/next through the results list without going back to it."""
from html import escape

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                                 QPushButton, QSizePolicy, QVBoxLayout)

from ..core.i18n import tr
from .results_model import availability_label
from ..qgis_glue.footprints import thumbnail_href

OBJECT_NAME = "DinamisQuicklookViewer"


class QuicklookViewer(QDialog):
    """Non-modal; `show_item(item)` loads its quicklook through `load(url, done, failed)`."""

    step = pyqtSignal(int)  # -1 previous, +1 next
    on_map = pyqtSignal(dict)  # "Quicklook on map" for the item shown

    def __init__(self, load, parent=None):
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(tr("DINAMIS quicklook"))
        self._load = load
        self.item = None
        self._pixmap = QPixmap()
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("quicklookTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.picture = QLabel()
        self.picture.setObjectName("quicklookPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 320)
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.picture, 1)
        self.details = QLabel()
        self.details.setObjectName("quicklookDetails")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(tr("◀ Previous"))
        self.next_button = QPushButton(tr("Next ▶"))
        self.map_button = QPushButton(tr("Quicklook on map"))
        self.previous_button.clicked.connect(lambda: self.step.emit(-1))
        self.next_button.clicked.connect(lambda: self.step.emit(1))
        self.map_button.clicked.connect(lambda: self.item and self.on_map.emit(self.item))
        for button in (self.previous_button, self.next_button, self.map_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(640, 720)

    def show_item(self, item: dict, availability=None) -> None:
        """Show `item`; `availability` is "downloadable", "orderable" or None."""
        self.item = item
        properties = item.get("properties") or {}
        self.title.setText(f"<b>{escape(str(properties.get('title') or item.get('id')))}</b><br>"
                           f"<small>{escape(str(item.get('id') or ''))}</small>")
        parts = [properties.get("platform"), (properties.get("datetime") or "")[:16]
                 .replace("T", " "), item.get("collection"),
                 availability_label(availability)]
        if isinstance(properties.get("eo:cloud_cover"), (int, float)):
            parts.append(tr("cloud cover {value} %").format(value=properties["eo:cloud_cover"]))
        if isinstance(properties.get("view:incidence_angle"), (int, float)):
            parts.append(tr("incidence {value}°").format(
                value=properties["view:incidence_angle"]))
        self.details.setText(" · ".join(escape(str(p)) for p in parts if p))
        self._pixmap = QPixmap()
        url = thumbnail_href(item)
        if not url:
            self.picture.setText(tr("This image has no quicklook."))
            return
        self.picture.setText(tr("Loading the quicklook…"))
        self._load(url, lambda image, wanted=item: self._loaded(wanted, image),
                   lambda message, wanted=item: self._failed(wanted, message))

    def _loaded(self, item, image) -> None:
        if item is not self.item:
            return
        self._pixmap = QPixmap.fromImage(image)
        self._fit()

    def _failed(self, item, message: str) -> None:
        if item is self.item:
            self.picture.setText(tr("The quicklook could not be loaded: {reason}").format(
                reason=message))

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        self.picture.setPixmap(self._pixmap.scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))


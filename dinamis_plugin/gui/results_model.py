"""The results list's model: one row per item of the current FootprintSearch.

Rows are the search's `items` in arrival order (the search owns them; the model only
counts how many it has announced); a sort proxy orders them by any column. Thumbnails
come from a ThumbnailLoader, asked only for rows the view actually paints.
"""
from html import escape

from qgis.PyQt.QtCore import (QAbstractTableModel, QDateTime, QLocale, QModelIndex,
                              QSortFilterProxyModel, Qt)
from qgis.PyQt.QtGui import QColor, QIcon, QPixmap

from ..core.i18n import tr
from ..qgis_glue.footprints import item_availability, thumbnail_href

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # index in the search's items
THUMBNAIL_URL_ROLE = Qt.ItemDataRole.UserRole + 4

QUICKLOOK, DATE, PLATFORM, CLOUD, INCIDENCE, STEREO, AVAILABILITY, GSD, COLLECTION = range(9)


def column_titles():
    return ["", tr("Date"), tr("Platform"), tr("Cloud"), tr("Angle"), tr("Stereo"),
            tr("Availability"), tr("Resolution"), tr("Collection")]


def availability_label(value) -> str:
    return {"downloadable": tr("Downloadable"), "orderable": tr("To order")}.get(
        value, tr("Unknown"))


class ResultsModel(QAbstractTableModel):
    def __init__(self, loader, parent=None):
        super().__init__(parent)
        self.loader = loader
        self.search = None
        self._count = 0
        self._titles = column_titles()
        self._stereo_labels = {}
        loader.loaded.connect(self._thumbnail_loaded)
        self._row_of_url = {}

    # --- the search ---------------------------------------------------------------
    def set_search(self, search) -> None:
        self.beginResetModel()
        if self.search is not None:
            self.search.items_added.disconnect(self._items_added)
            self.search.groups_changed.disconnect(self._groups_changed)
        self.search = search
        self._count = len(search.items) if search is not None else 0
        self._row_of_url = {}
        self._stereo_labels = {}
        if search is not None:
            search.items_added.connect(self._items_added)
            search.groups_changed.connect(self._groups_changed)
            for row in range(self._count):
                self._remember(row)
        self.endResetModel()

    def _remember(self, row: int) -> None:
        url = thumbnail_href(self.search.items[row])
        if url:
            self._row_of_url.setdefault(url, []).append(row)

    def _items_added(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)
        self._count = last + 1
        for row in range(first, last + 1):
            self._remember(row)
        self.endInsertRows()

    def _groups_changed(self, rows) -> None:
        self._stereo_labels = {}
        for row in rows:
            index = self.index(row, STEREO)
            self.dataChanged.emit(index, index)

    def _thumbnail_loaded(self, url: str, _image) -> None:
        for row in self._row_of_url.get(url, ()):
            index = self.index(row, QUICKLOOK)
            self.dataChanged.emit(index, index)

    # --- Qt model -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._count:
            return None
        row, column = index.row(), index.column()
        item = self.search.items[row]
        properties = item.get("properties") or {}
        if role == ROW_ROLE:
            return row
        if role == ITEM_ROLE:
            return item
        if role == THUMBNAIL_URL_ROLE:
            return thumbnail_href(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, item, properties)
        if role == SORT_ROLE:
            return self._sort_key(column, item, properties)
        if role == Qt.ItemDataRole.DecorationRole and column == QUICKLOOK:
            return self._thumbnail(thumbnail_href(item))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, properties)
        if role == Qt.ItemDataRole.ForegroundRole and column == AVAILABILITY:
            if item_availability(item) == "orderable":
                return QColor(184, 80, 16)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CLOUD, INCIDENCE, GSD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, column, item, properties):
        if column == QUICKLOOK:
            return None
        if column == DATE:
            return _date_text(properties.get("datetime"))
        if column == PLATFORM:
            return properties.get("platform") or ""
        if column == CLOUD:
            return _number_text(properties.get("eo:cloud_cover"), " %")
        if column == INCIDENCE:
            return _number_text(properties.get("view:incidence_angle"), "°")
        if column == GSD:
            return _number_text(properties.get("gsd"), " m", decimals=1)
        if column == AVAILABILITY:
            return availability_label(item_availability(item))
        if column == STEREO:
            group = self.search.groups.get(item["id"])
            return self._stereo_label(group) if group else ""
        if column == COLLECTION:
            return item.get("collection") or ""
        return None

    def _stereo_label(self, group: str) -> str:
        if not self._stereo_labels:
            sizes = {}
            for name in self.search.groups.values():
                sizes[name] = sizes.get(name, 0) + 1
            self._stereo_labels = {name: (tr("pair") if n == 2 else tr("triplet") if n == 3
                                          else tr("{n} views").format(n=n))
                                   for name, n in sizes.items()}
        return self._stereo_labels.get(group, "")

    def _sort_key(self, column, item, properties):
        if column in (QUICKLOOK, DATE):
            return properties.get("datetime") or ""
        if column == CLOUD:
            return _sortable_number(properties.get("eo:cloud_cover"))
        if column == INCIDENCE:
            return _sortable_number(properties.get("view:incidence_angle"))
        if column == GSD:
            return _sortable_number(properties.get("gsd"))
        if column == STEREO:
            return self.search.groups.get(item["id"]) or "~"
        return self._display(column, item, properties) or ""

    def _thumbnail(self, url):
        if not url:
            return None
        image = self.loader.image(url)
        if image is None:
            if not self.loader.has_failed(url):
                self.loader.request([url])  # only rows being painted get here
            return None
        return QIcon(QPixmap.fromImage(image))

    def _tooltip(self, item, properties) -> str:
        lines = [f"<b>{escape(str(item.get('id') or ''))}</b>",
                 escape(str(properties.get("title") or "")),
                 escape(str(properties.get("datetime") or "").replace("T", " ")),
                 tr("Collection: {collection}").format(
                     collection=escape(str(item.get("collection") or "")))]
        return "<br>".join(line for line in lines if line)

    def row_of_item(self, item_id: str):
        if self.search is None:
            return None
        return self.search.index_of.get(item_id)


class ResultsSortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE (dates as text, numbers as numbers, missing values last)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)


def _date_text(value) -> str:
    if not value:
        return ""
    moment = QDateTime.fromString(str(value).replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    if not moment.isValid():
        return str(value)[:10]
    return moment.toUTC().toString("yyyy-MM-dd")


def _number_text(value, unit: str, decimals: int = 0) -> str:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return ""
    return QLocale().toString(float(value), "f", decimals) + unit


def _sortable_number(value) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return float("inf")
    return float(value)


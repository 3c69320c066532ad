"""The results list's model: one row per item of the current FootprintSearch.

Rows are the search's `items` (the search owns them; the model keeps their order): in
the catalogue's own order until the user sorts by a column. Thumbnails come from a
ThumbnailLoader, asked only for rows the view actually paints.
"""
import heapq
from html import escape

from qgis.PyQt.QtCore import QAbstractTableModel, QDateTime, QLocale, QModelIndex, Qt
from qgis.PyQt.QtGui import QColor, QIcon, QPixmap

from ..core.i18n import tr
from ..qgis_glue import footprints as rec

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # index in the search's items

QUICKLOOK, DATE, PLATFORM, CLOUD, INCIDENCE, STEREO, AVAILABILITY, GSD, COLLECTION = range(9)


def column_titles():
    return ["", tr("Date"), tr("Platform"), tr("Cloud"), tr("Angle"), tr("Stereo"),
            tr("Availability"), tr("Resolution"), tr("Collection")]


def availability_label(value) -> str:
    return {"downloadable": tr("Downloadable"), "orderable": tr("To order")}.get(
        value, tr("Unknown"))


class ResultsModel(QAbstractTableModel):
    """Rows are positions in `order` (item indexes); the item index is the "row" the
    rest of the dock speaks of (`ROW_ROLE`, `position_of`)."""

    def __init__(self, loader, parent=None):
        super().__init__(parent)
        self.loader = loader
        self.search = None
        self._count = 0
        self._titles = column_titles()
        self._stereo_labels = {}
        self._row_of_url = {}
        self._sort_column = -1  # -1: arrival order (the catalogue's own order)
        self._descending = False
        self._ascending_keys = []  # sorted (key, item index) for the sort column
        self._order = []  # position -> item index
        self._position = None  # item index -> position, None while they are equal
        loader.loaded.connect(self._thumbnail_loaded)

    # --- the search ---------------------------------------------------------------
    def set_search(self, search) -> None:
        self.beginResetModel()
        if self.search is not None:
            self.search.items_added.disconnect(self._items_added)
            self.search.groups_changed.disconnect(self._groups_changed)
        self.search = search
        self._count = search.announced if search is not None else 0
        self._row_of_url = {}
        self._stereo_labels = {}
        self._order = list(range(self._count))
        self._position = None
        self._ascending_keys = []
        if search is not None:
            search.items_added.connect(self._items_added)
            search.groups_changed.connect(self._groups_changed)
            for row in range(self._count):
                self._remember(row)
            if self._sort_column >= 0:
                self._merge(range(self._count))
        self.endResetModel()

    def _remember(self, row: int) -> None:
        url = self.search.items.record(row)[rec.THUMBNAIL]
        if url:  # tuples of rows, not lists: the garbage collector skips them
            self._row_of_url[url] = self._row_of_url.get(url, ()) + (row,)

    def _items_added(self, first: int, last: int) -> None:
        """New items go at the end, then (when sorted) move into place in one layout
        change: Qt's sort proxy would ask for every compared row's data in Python."""
        self.beginInsertRows(QModelIndex(), self._count, self._count + last - first)
        self._count += last - first + 1
        new = range(first, last + 1)
        self._order.extend(new)
        if self._position is not None:
            self._position.update((row, row) for row in new)
        for row in new:
            self._remember(row)
        self.endInsertRows()
        if self._sort_column >= 0:
            self._relayout(lambda: self._merge(new))

    def _groups_changed(self, rows) -> None:
        self._stereo_labels = {}
        for row in rows:
            index = self.index(self.position_of(row), STEREO)
            self.dataChanged.emit(index, index)

    def _thumbnail_loaded(self, url: str, _image) -> None:
        for row in self._row_of_url.get(url, ()):
            index = self.index(self.position_of(row), QUICKLOOK)
            self.dataChanged.emit(index, index)

    # --- order ----------------------------------------------------------------------
    def position_of(self, row: int) -> int:
        """The list position of item index `row`."""
        return row if self._position is None else self._position.get(row, -1)

    def item_row(self, position: int) -> int:
        return self._order[position]

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):  # Qt's name
        """Header click (or -1: the catalogue's own order)."""
        self._relayout(lambda: self._sort(column, order))

    def _sort(self, column, order) -> None:
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._ascending_keys = []
        if column < 0:
            self._order = list(range(self._count))
            self._position = None
        else:
            self._merge(range(self._count))

    def _merge(self, rows) -> None:
        records = self.search.items.records()
        fresh = sorted((self._sort_key(self._sort_column, records[r]), r) for r in rows)
        self._ascending_keys = list(heapq.merge(self._ascending_keys, fresh))
        ordered = self._ascending_keys[::-1] if self._descending else self._ascending_keys
        self._order = [row for _key, row in ordered]
        self._position = {row: position for position, row in enumerate(self._order)}

    def _relayout(self, change) -> None:
        """Reorder rows keeping the selection and the current row on the same items."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        items = [(self._order[i.row()], i.column()) for i in persistent]
        change()
        self.changePersistentIndexList(
            persistent, [self.index(self.position_of(row), column) for row, column in items])
        self.layoutChanged.emit()

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
        row, column = self._order[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        record = self.search.items.record(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, record)
        if role == Qt.ItemDataRole.DecorationRole and column == QUICKLOOK:
            return self._thumbnail(record[rec.THUMBNAIL])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.ForegroundRole and column == AVAILABILITY:
            if record[rec.AVAILABILITY] == "orderable":
                return QColor(184, 80, 16)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CLOUD, INCIDENCE, GSD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, column, record):
        if column == QUICKLOOK:
            return None
        if column == DATE:
            return _date_text(record[rec.DATETIME])
        if column == PLATFORM:
            return record[rec.PLATFORM] or ""
        if column == CLOUD:
            return _number_text(record[rec.CLOUD], " %")
        if column == INCIDENCE:
            return _number_text(record[rec.INCIDENCE], "°")
        if column == GSD:
            return _number_text(record[rec.GSD], " m", decimals=1)
        if column == AVAILABILITY:
            return availability_label(record[rec.AVAILABILITY])
        if column == STEREO:
            group = self.search.groups.get(record[rec.ID])
            return self._stereo_label(group) if group else ""
        if column == COLLECTION:
            return record[rec.COLLECTION] or ""
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

    def _sort_key(self, column, record):
        if column in (QUICKLOOK, DATE):
            return record[rec.DATETIME] or ""
        if column in (CLOUD, INCIDENCE, GSD):
            value = record[{CLOUD: rec.CLOUD, INCIDENCE: rec.INCIDENCE, GSD: rec.GSD}[column]]
            return float("inf") if value is None else value
        if column == STEREO:
            return self.search.groups.get(record[rec.ID]) or "~"
        return self._display(column, record) or ""

    def _thumbnail(self, url):
        if not url:
            return None
        image = self.loader.image(url)
        if image is None:
            if not self.loader.has_failed(url):
                self.loader.request([url])  # only rows being painted get here
            return None
        return QIcon(QPixmap.fromImage(image))

    def _tooltip(self, record) -> str:
        lines = [f"<b>{escape(record[rec.ID])}</b>",
                 escape(str(record[rec.TITLE] or "")),
                 escape(str(record[rec.DATETIME] or "").replace("T", " ")),
                 tr("Collection: {collection}").format(
                     collection=escape(str(record[rec.COLLECTION] or "")))]
        return "<br>".join(line for line in lines if line)


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

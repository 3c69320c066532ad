"""The results list: a sortable table with quicklook thumbnails, one row per image.

It reports what the dock turns into map actions: `hovered(row)` (-1 when the mouse
leaves), `activated_row(row)` on double-click, `menu_requested(rows, global_pos)`, and
the selection as source rows (`selected_rows()`, `select_rows()`), rows being indexes
into the search's items.
"""
from typing import Iterable, List

from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QHeaderView, QStyledItemDelegate,
                                 QTreeView)

from .results_model import (CLOUD, COLLECTION, DATE, GSD, INCIDENCE, PLATFORM, QUICKLOOK,
                            ROW_ROLE, ResultsModel, ResultsSortProxy)

THUMBNAIL_PX = 56


class _RowDelegate(QStyledItemDelegate):
    """Rows as tall as a thumbnail, loaded or not (the view's heights are uniform)."""

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), THUMBNAIL_PX + 4))


class ResultsView(QTreeView):
    hovered = pyqtSignal(int)
    activated_row = pyqtSignal(int)
    menu_requested = pyqtSignal(list, object)

    def __init__(self, model: ResultsModel, parent=None):
        super().__init__(parent)
        self.setObjectName("results")
        self.source = model
        self.proxy = ResultsSortProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
        self.setItemDelegate(_RowDelegate(self))
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(QUICKLOOK, THUMBNAIL_PX + 8)
        header.resizeSection(DATE, self.fontMetrics().horizontalAdvance("2025-12-31") + 24)
        for column in (CLOUD, INCIDENCE):
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("100 %") + 14)
        header.resizeSection(PLATFORM, self.fontMetrics().horizontalAdvance("SPOT-6") + 16)
        for column in (GSD, COLLECTION):
            self.setColumnHidden(column, True)
        self._hover_row = -1
        self.entered.connect(self._entered)
        self.doubleClicked.connect(lambda index: self.activated_row.emit(self._row(index)))
        self.customContextMenuRequested.connect(self._menu)

    def _row(self, proxy_index) -> int:
        return int(self.proxy.data(proxy_index, ROW_ROLE))

    def _entered(self, proxy_index) -> None:
        row = self._row(proxy_index) if proxy_index.isValid() else -1
        if row != self._hover_row:
            self._hover_row = row
            self.hovered.emit(row)

    def leaveEvent(self, event):  # noqa: N802 - Qt's name
        super().leaveEvent(event)
        if self._hover_row != -1:
            self._hover_row = -1
            self.hovered.emit(-1)

    def _menu(self, pos) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        if not self.selectionModel().isSelected(index):
            self.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.menu_requested.emit(self.selected_rows(), self.viewport().mapToGlobal(pos))

    # --- selection in source rows ---------------------------------------------------
    def selected_rows(self) -> List[int]:
        rows = {self._row(index) for index in self.selectionModel().selectedRows()}
        return sorted(rows)

    def select_rows(self, rows: Iterable[int], scroll: bool = True) -> None:
        """Select exactly these source rows (as few selection ranges as possible)."""
        selection = QItemSelection()
        last_column = self.proxy.columnCount() - 1
        proxy_rows = sorted(self.proxy.mapFromSource(self.source.index(row, 0)).row()
                            for row in rows)
        start = previous = None
        for proxy_row in proxy_rows + [None]:
            if proxy_row is not None and previous is not None and proxy_row == previous + 1:
                previous = proxy_row
                continue
            if start is not None:
                selection.select(self.proxy.index(start, 0),
                                 self.proxy.index(previous, last_column))
            start = previous = proxy_row
        self.selectionModel().select(selection,
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if scroll and proxy_rows:
            self.scrollTo(self.proxy.index(proxy_rows[0], 0))

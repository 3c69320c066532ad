"""The results list: a sortable table with quicklook thumbnails, one row per image.

It reports what the dock turns into map actions: `hovered(row)` (-1 when the mouse
leaves), `activated_row(row)` on double-click, `menu_requested(rows, global_pos)`, and
the selection as source rows (`selected_rows()`, `select_rows()`), rows being indexes
into the search's items.
"""
from typing import Iterable, List

from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from .results_model import (CLOUD, COLLECTION, DATE, GSD, INCIDENCE, PLATFORM, QUICKLOOK,
                            ROW_ROLE, ResultsModel)

THUMBNAIL_PX = 56


class ResultsView(QTableView):
    """A table, not a tree: a tree view lays out every row again (asking the model
    whether each has children) whenever rows are added, which is quadratic."""

    hovered = pyqtSignal(int)
    activated_row = pyqtSignal(int)
    menu_requested = pyqtSignal(list, object)

    def __init__(self, model: ResultsModel, parent=None):
        super().__init__(parent)
        self.setObjectName("results")
        self.source = model
        self.setModel(model)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(THUMBNAIL_PX + 4)  # thumbnails loaded or not
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)  # the catalogue's order until a header is clicked
        self.horizontalHeader().setHighlightSections(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
        self.setMinimumHeight(4 * (THUMBNAIL_PX + 4) + self.fontMetrics().height() + 12)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.horizontalHeader()
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

    def _row(self, index) -> int:
        return int(self.source.data(index, ROW_ROLE))

    def row_at_position(self, position: int) -> int:
        """The item index shown at list position `position`, -1 outside the list."""
        if not 0 <= position < self.source.rowCount():
            return -1
        return self.source.item_row(position)

    def _entered(self, index) -> None:
        row = self._row(index) if index.isValid() else -1
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
        """Select exactly these item rows (as few selection ranges as possible)."""
        selection = QItemSelection()
        last_column = self.source.columnCount() - 1
        positions = sorted(p for p in (self.source.position_of(row) for row in rows) if p >= 0)
        start = previous = None
        for position in positions + [None]:
            if position is not None and previous is not None and position == previous + 1:
                previous = position
                continue
            if start is not None:
                selection.select(self.source.index(start, 0),
                                 self.source.index(previous, last_column))
            start = previous = position
        self.selectionModel().select(selection,
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if scroll and positions:
            self.scrollTo(self.source.index(positions[0], 0))

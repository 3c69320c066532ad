"""What a user can do with results (a row, a selection, or footprints on the map):
zoom to, show the quicklook, quicklook on map, add to map, download, copy ids, select a
stereo pair or triplet, request an orderable archive.

"Add to map" (and "Add as one mosaic") and "Download" are done by other parts of the
plugin (signed streaming, the downloader): they are offered once the plugin connected a
handler (`add_to_map_handler(items, mosaic=False)`, `download_handler(items)`).
"Request this archive" emits `archive_requested(item)` for the request form.
"""
from typing import Callable, List, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QApplication, QMenu

from ..core.i18n import tr
from ..qgis_glue import quicklook_layer
from ..qgis_glue.footprints import AVAILABILITY, ID, THUMBNAIL


class ResultActions(QObject):
    archive_requested = pyqtSignal(dict)
    quicklook_layers_added = pyqtSignal(list)  # the QgsRasterLayers, for tests and the demo

    def __init__(self, dock, runner, message_bar, parent=None):
        super().__init__(parent)
        self.dock = dock
        self.runner = runner
        self.message_bar = message_bar
        self.add_to_map_handler: Optional[Callable[..., None]] = None  # (items, mosaic=)
        self.download_handler: Optional[Callable[[List[dict]], None]] = None

    # --- the menu -------------------------------------------------------------------
    def populate(self, menu: QMenu, rows: List[int]) -> None:
        """Add the actions for these result rows to `menu`."""
        search = self.dock.search
        if search is None or not rows:
            return
        records = [search.items.record(row) for row in rows]
        downloadable = [r for r, rec in zip(rows, records) if rec[AVAILABILITY] != "orderable"]
        orderable = [r for r, rec in zip(rows, records) if rec[AVAILABILITY] == "orderable"]
        with_quicklook = [r for r, rec in zip(rows, records) if rec[THUMBNAIL]]

        def items(which):  # the whole items, read only when an action runs
            return [search.items[row] for row in which]

        menu.addAction(tr("Zoom to"), lambda: self.dock.map_link.zoom_to_rows(rows))
        if len(rows) == 1 and with_quicklook:
            menu.addAction(tr("Show the quicklook"), lambda: self.dock.show_quicklook(rows[0]))
        if with_quicklook:
            menu.addAction(tr("Quicklook on map") if len(with_quicklook) == 1 else
                           tr("Quicklooks on map ({count})").format(count=len(with_quicklook)),
                           lambda: self.quicklooks_on_map(items(with_quicklook)))
        if self.add_to_map_handler is not None and downloadable:
            menu.addAction(tr("Add to map") if len(downloadable) == 1 else
                           tr("Add to map ({count})").format(count=len(downloadable)),
                           lambda: self._call(self.add_to_map_handler, items(downloadable)))
            if len(downloadable) > 1:
                menu.addAction(tr("Add as one mosaic ({count} images)").format(
                    count=len(downloadable)), lambda: self._call(
                        self.add_to_map_handler, items(downloadable), mosaic=True))
        if self.download_handler is not None and downloadable:
            menu.addAction(tr("Download…") if len(downloadable) == 1 else
                           tr("Download ({count})…").format(count=len(downloadable)),
                           lambda: self._call(self.download_handler, items(downloadable)))
        menu.addSeparator()
        ids = [rec[ID] for rec in records]
        menu.addAction(tr("Copy id") if len(ids) == 1 else
                       tr("Copy ids ({count})").format(count=len(ids)),
                       lambda: self.copy_ids(ids))
        groups = {search.groups.get(item_id) for item_id in ids} - {None}
        if groups:
            members = sorted({row for group in groups for row in search.group_members(group)})
            menu.addAction(tr("Select the stereo pair or triplet") if len(groups) == 1 else
                           tr("Select these stereo groups ({count} images)").format(
                               count=len(members)),
                           lambda: self.dock.map_link.select_rows(members))
        if orderable:
            menu.addSeparator()
            menu.addAction(tr("Request this archive…") if len(orderable) == 1 else
                           tr("Request these archives ({count})…").format(count=len(orderable)),
                           lambda: [self.archive_requested.emit(i) for i in items(orderable)])

    # --- actions --------------------------------------------------------------------
    def copy_ids(self, ids: List[str]) -> None:
        QApplication.clipboard().setText("\n".join(ids))

    def quicklooks_on_map(self, items: List[dict]) -> None:
        """Each quicklook georeferenced on its footprint, as raster layers (a task)."""
        quicklook_layer.add_quicklooks(items, self.runner, self._quicklooks_added, self._warn)

    def _quicklooks_added(self, layers) -> None:
        if layers:
            self.quicklook_layers_added.emit(layers)

    def _call(self, handler, items, **options) -> None:
        try:
            handler(items, **options)
        except Exception as error:  # noqa: BLE001 - a message, never a traceback
            from ..qgis_glue.tasks import error_message
            self._warn(error_message(error))

    def _warn(self, message: str) -> None:
        if self.message_bar is not None:
            self.message_bar.pushMessage(tr("DINAMIS"), message, Qgis.MessageLevel.Warning, 8)


"""Downloaded files on the map: a local GeoTIFF is an ordinary raster layer (no signed url
in its source, so a saved project never holds a secret that expires).

Layers are made on the main thread: Processing loads what `load_on_completion` queues once
the algorithm ends; an algorithm running in the background in QGIS's window hands each
file to `ArrivalLoader` as it finishes (the core downloader's `on_file_done`, on its
worker threads), which adds it on the main thread at once; other callers call
`add_downloaded_raster` from the main thread, e.g. in a task's finished callback.
"""
import threading
from pathlib import Path
from typing import Optional

from qgis.core import QgsProcessingContext, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QThread, pyqtSignal


def layer_name(path, name: Optional[str] = None) -> str:
    return name or Path(path).stem


def load_on_completion(context: QgsProcessingContext, path, name: Optional[str] = None):
    """Have Processing add the file to the project once the algorithm has finished."""
    details = QgsProcessingContext.LayerDetails(layer_name(path, name), context.project(),
                                                layer_name(path, name))
    context.addLayerToLoadOnCompletion(str(path), details)


def add_downloaded_raster(path, name: Optional[str] = None,
                          project: Optional[QgsProject] = None) -> Optional[QgsRasterLayer]:
    """Main thread: add the local raster file to the project; None if GDAL cannot read it."""
    layer = QgsRasterLayer(str(path), layer_name(path, name), "gdal")
    if not layer.isValid():
        return None
    (project or QgsProject.instance()).addMapLayer(layer)
    return layer


class ArrivalLoader(QObject):
    """Adds downloaded files to a project one by one as they arrive, from any thread:
    `arrived(path, name)` queues the file; the main thread adds it. `handed` holds the
    paths handed over (Processing must not add them again at the end)."""

    _arrived = pyqtSignal(str, str)
    _released = pyqtSignal()

    def __init__(self, project: QgsProject):
        super().__init__()
        self.project = project
        self.handed = set()
        self._lock = threading.Lock()
        self.moveToThread(QCoreApplication.instance().thread())
        self._arrived.connect(self._add, Qt.ConnectionType.QueuedConnection)
        self._released.connect(self._forget, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def wanted() -> bool:
        """True when running off the main thread in QGIS (a Processing dialog's task):
        there the main thread can add each file as it comes; on the main thread (qgis_process,
        a script) Processing adds them at the end."""
        app = QCoreApplication.instance()
        return app is not None and QThread.currentThread() is not app.thread()

    def arrived(self, path, name: Optional[str] = None) -> None:
        with self._lock:
            self.handed.add(str(path))
        self._arrived.emit(str(path), layer_name(path, name))

    def _add(self, path: str, name: str) -> None:
        add_downloaded_raster(path, name, self.project)

    def _forget(self) -> None:
        _LIVE.discard(self)


_LIVE = set()  # ArrivalLoaders kept until their queued files are added


def arrival_loader(project: QgsProject) -> ArrivalLoader:
    """A new ArrivalLoader kept alive until `release` (its queued files still arrive)."""
    loader = ArrivalLoader(project)
    _LIVE.add(loader)
    return loader


def release(loader: ArrivalLoader) -> None:
    """Let the loader go once the files queued before this call are added (queued too:
    it runs after them on the main thread)."""
    loader._released.emit()

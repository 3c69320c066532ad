"""Downloaded files on the map: a local GeoTIFF is an ordinary raster layer (no signed url
in its source, so a saved project never holds a secret that expires).

Layers are made on the main thread: Processing loads what `load_on_completion` queues once
the algorithm ends; other callers (the catalogue dock) call `add_downloaded_raster` from
the main thread, e.g. in a task's finished callback.
"""
from pathlib import Path
from typing import Optional

from qgis.core import QgsProcessingContext, QgsProject, QgsRasterLayer


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

"""Helpers for the streamed-layer tests: log the plugin in, add items and wait, render a
map to an image and count its painted pixels, read a saved project's text."""
import zipfile
from pathlib import Path

from qgis.core import QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from tests.qgis.conftest import create_api_key, wait_until


def log_in(controller, server, username="alice"):
    """The plugin's controller logged in with a real API key of `username`."""
    key = create_api_key(server, username)
    controller.login_api_key(key["access-key"], key["secret-key"])
    assert wait_until(lambda: controller.state == "logged_in", timeout=30), controller.error
    return controller


def add_and_wait(items, signer, **options):
    """`add_items_to_map` run to its end: the StreamResult (fails on an error message)."""
    from dinamis.qgis_glue.stream_layers import add_items_to_map
    outcome = {}
    add_items_to_map(items, signer, on_done=lambda r: outcome.update(result=r),
                     on_error=lambda m: outcome.update(error=m), **options)
    assert wait_until(lambda: outcome, timeout=60), "adding the items never finished"
    assert "error" not in outcome, outcome["error"]
    return outcome["result"]


def render(layers, size=256, extent=None):
    """The layers drawn by QGIS's parallel renderer (the canvas's renderer) into an image."""
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent or layers[0].extent())
    settings.setOutputSize(QSize(size, size))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def painted_pixels(image, step=4) -> int:
    """How many (sampled) pixels are not transparent."""
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step)
               if QColor.fromRgba(image.pixel(x, y)).alpha() > 0)


def distinct_colours(image, step=8) -> int:
    return len({image.pixel(x, y) for y in range(0, image.height(), step)
                for x in range(0, image.width(), step)})


def saved_text(path: Path) -> str:
    """Everything a saved project holds, as text (every member of a .qgz), once QGIS is
    idle again after saving (as after a click on Save)."""
    QgsApplication.processEvents()
    path = Path(path)
    if path.suffix == ".qgz":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace")
                             for n in archive.namelist())
    return path.read_text("utf-8", "replace")


def reopen(path: Path):
    """Clear the project and read it back from `path`."""
    project = QgsProject.instance()
    project.clear()
    assert project.read(str(path)), project.error()
    return project

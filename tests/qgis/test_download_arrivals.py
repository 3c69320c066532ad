"""The results' Download runs the Processing download in the background (the dialog's
QgsProcessingAlgRunnerTask): with "add to the map", each file is on the map as soon as
it is complete, not all of them at the end, and none is added twice."""
import time
from pathlib import Path

from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProject, QgsRasterLayer)

from tests.qgis.conftest import wait_until
from tests.qgis.test_processing import items_with_files, logged_in_as, processing  # noqa: F401


def start_download(server, ids, folder, feedback, finished):
    """The dialog's way: a QgsProcessingAlgRunnerTask with "add to the map", one file at
    a time, slowly (the first is complete long before the last); (task, context)."""
    algorithm = QgsApplication.processingRegistry().algorithmById("dinamis:downloadimages")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    server.set_faults(throttle_kbps=400, paths=["/s3/dinamis-catalogue/"])
    task = QgsProcessingAlgRunnerTask(algorithm, {
        "IDS": ids, "LOAD": True, "WORKERS": 1, "OUTPUT_FOLDER": str(folder)},
        context, feedback)
    task.executed.connect(lambda ok, results: finished.append(
        (time.monotonic(), ok, results)))
    QgsApplication.taskManager().addTask(task)
    return task, context


def test_each_file_is_on_the_map_as_soon_as_it_is_downloaded(
        processing, local_profile, server, logged_in_as, tmp_path):  # noqa: F811
    logged_in_as("alice")
    files = {name: path for (_c, _i), found in items_with_files(server).items()
             for name, path in found.items()}
    ids = ",".join(item_id for (_c, item_id) in items_with_files(server))
    assert len(files) >= 2
    project = QgsProject.instance()
    added = []  # (time, layer) as the project tells it
    project.layersAdded.connect(lambda layers: added.extend(
        (time.monotonic(), layer) for layer in layers))
    feedback, progress, finished = QgsProcessingFeedback(), [], []
    feedback.progressChanged.connect(progress.append)
    try:
        _task, context = start_download(server, ids, tmp_path / "out", feedback, finished)
        assert wait_until(lambda: finished, timeout=180)
    finally:
        server.clear_faults()
    ended, ok, results = finished[0]
    assert ok and results["DOWNLOADED"] == len(files), results
    assert wait_until(lambda: len(added) == len(files), timeout=10)
    rasters = [layer for _t, layer in added if isinstance(layer, QgsRasterLayer)]
    assert sorted(Path(layer.source()).name for layer in rasters) == sorted(files)
    assert all(layer.isValid() for layer in rasters)
    assert added[0][0] < ended - 0.5  # the first was on the map well before the end
    assert not context.layersToLoadOnCompletion()  # nothing is added a second time
    assert progress and 0 < max(progress) <= 100
    project.removeMapLayers([layer.id() for layer in rasters])


def test_cancelling_a_background_download_keeps_the_files_already_on_the_map(
        processing, local_profile, server, logged_in_as, tmp_path):  # noqa: F811
    logged_in_as("alice")
    total = sum(len(found) for found in items_with_files(server).values())
    ids = ",".join(item_id for (_c, item_id) in items_with_files(server))
    project = QgsProject.instance()
    added = []
    project.layersAdded.connect(added.extend)
    feedback, finished = QgsProcessingFeedback(), []
    try:
        _task, _context = start_download(server, ids, tmp_path / "out", feedback, finished)
        assert wait_until(lambda: added, timeout=120)  # the first file is on the map
        cancelled = time.monotonic()
        feedback.cancel()
        assert wait_until(lambda: finished, timeout=30)
        assert time.monotonic() - cancelled < 5
    finally:
        server.clear_faults()
    assert 1 <= len(added) < total
    assert list((tmp_path / "out").rglob("*.part"))  # the rest stays resumable
    project.removeMapLayers([layer.id() for layer in added])

"""The download algorithms' dialogs as a user opens them from the toolbox: every
parameter has its widget, the help text is there (screenshots in build/)."""
from pathlib import Path

import pytest
from qgis.core import QgsApplication

from tests.qgis.test_processing import processing  # noqa: F401 - fixture

SHOTS = Path(__file__).resolve().parents[2] / "build"


@pytest.mark.parametrize("algorithm_id", ["dinamis:downloadimages", "dinamis:downloadclipped"])
def test_dialog_shows_every_parameter(processing, local_profile, qgis_iface,  # noqa: F811
                                      monkeypatch, algorithm_id):
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.gui import QgsBrowserGuiModel
    browser = QgsBrowserGuiModel()  # pytest-qgis's iface has none; the panel wants one
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    dialog = AlgorithmDialog(algorithm.create())
    dialog.resize(1000, 900)
    panel = dialog.mainWidget()
    shown = set(panel.wrappers)
    wanted = {p.name() for p in algorithm.parameterDefinitions() if not p.isDestination()}
    assert wanted <= shown, wanted - shown
    assert algorithm.shortHelpString() and "DINAMIS" in algorithm.shortHelpString()
    dialog.show()
    QgsApplication.processEvents()
    SHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SHOTS / f"{algorithm_id.split(':')[1]}-dialog.png"))
    dialog.close()

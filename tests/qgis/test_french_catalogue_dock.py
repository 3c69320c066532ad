"""The catalogue dock in French with results and their quicklooks, grabbed to PNG
(build/test-screenshots/catalogue-dock-fr.png) to be looked at: French sentences fit."""
import pytest

from tests.qgis.conftest import wait_until
from tests.qgis.test_catalogue_dock import close_dock, open_dock, settle, shoot
from tests.qgis.test_french_account_screens import french  # noqa: F401 - fixture


@pytest.fixture
def french_dock(french, local_profile, qgis_iface, qgis_canvas, tmp_path,  # noqa: F811
                monkeypatch):
    from dinamis.qgis_glue import thumbnails
    monkeypatch.setattr(thumbnails, "cache_folder", lambda: tmp_path / "quicklooks")
    widget = open_dock(qgis_iface, qgis_canvas)  # made in French: `french` comes first
    yield widget
    close_dock(widget)


def test_the_dock_speaks_french_with_its_results(french_dock, server):
    from dinamis.gui.results_model import QUICKLOOK
    from qgis.PyQt.QtCore import Qt
    dock = french_dock
    assert dock.search_button.text() == "Rechercher"
    dock.run_search()
    settle(dock)
    assert "images" in dock.status_label.text() and "match" not in dock.status_label.text()
    model, view = dock.model, dock.results
    visible = view.viewport().height() // view.rowHeight(0)

    def decorated():
        view.viewport().repaint()
        return all(model.data(model.index(row, QUICKLOOK), Qt.ItemDataRole.DecorationRole)
                   is not None for row in range(visible))
    assert wait_until(decorated, timeout=30)
    shoot(dock, "catalogue-dock-fr.png")

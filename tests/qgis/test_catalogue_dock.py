"""The catalogue dock driven as a user would, against the reference server: filters and
search, the footprint layer against the server's numberMatched, paging, chips, list/map
selection, quicklooks, the timeline, and the search kept with the project."""
from pathlib import Path

import pytest
import requests
from qgis.core import QgsProject, QgsRectangle, QgsCoordinateReferenceSystem

from tests.qgis.conftest import wait_until

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "test-screenshots"


def stac(server, **body):
    response = requests.post(server.url("/stac/search"), json=body, timeout=30)
    response.raise_for_status()
    return response.json()


@pytest.fixture
def dock(local_profile, qgis_iface, qgis_canvas, tmp_path, monkeypatch):
    from dinamis.gui.catalogue_dock import CatalogueDock
    from dinamis.qgis_glue import thumbnails
    monkeypatch.setattr(thumbnails, "cache_folder", lambda: tmp_path / "quicklooks")
    QgsProject.instance().clear()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    qgis_canvas.resize(600, 400)
    widget = CatalogueDock(qgis_iface, None)  # a floating window: shown for real
    widget.resize(420, 900)
    widget.show()
    assert wait_until(lambda: widget.collections_loaded, timeout=30), widget.error_label.text()
    yield widget
    widget.dispose()
    widget.close()
    widget.deleteLater()
    QgsProject.instance().clear()


def settle(dock, timeout=60):
    assert wait_until(lambda: dock.search is not None and not dock.search.running
                      and dock.search.can_fetch or dock.search.exhausted, timeout=timeout)
    assert wait_until(lambda: not dock.search.running, timeout=timeout)


def shoot(widget, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def test_filters_search_and_footprints_match_the_server(dock, server):
    from dinamis.qgis_glue.aoi import rectangle_aoi, WGS84
    bbox = (-1.0, 43.0, 5.0, 47.0)
    dock.form.cloud.setValue(40)
    dock.set_aoi(rectangle_aoi(QgsRectangle(*bbox), WGS84))
    assert dock.run_search()
    settle(dock)
    expected = stac(server, bbox=list(bbox), limit=1, filter={
        "op": "<=", "args": [{"property": "eo:cloud_cover"}, 40.0]},
        **{"filter-lang": "cql2-json"})["numberMatched"]
    assert expected > 10
    assert dock.search.matched == expected
    assert dock.layer.featureCount() == expected
    assert dock.model.rowCount() == expected
    assert all(f["cloud_cover"] <= 40 for f in dock.layer.getFeatures())
    assert set(dock.chips.keys()) == {"cloud", "area"}
    assert "all shown" in dock.status_label.text()
    shoot(dock, "catalogue-dock.png")


def test_thumbnails_appear_for_visible_rows(dock, server):
    from dinamis.gui.results_model import QUICKLOOK
    from qgis.PyQt.QtCore import Qt
    dock.run_search()
    settle(dock)
    view = dock.results
    visible = view.viewport().height() // view.rowHeight(0)

    def decorated():
        view.viewport().repaint()
        return all(view.model().data(view.model().index(row, QUICKLOOK),
                                     Qt.ItemDataRole.DecorationRole) is not None
                   for row in range(visible))
    assert wait_until(decorated, timeout=30)
    assert visible <= len(dock.loader._memory) <= visible + 8  # only rows painted were fetched
    shoot(dock, "catalogue-dock-thumbnails.png")


def test_paging_loads_more_on_demand(dock, server, monkeypatch):
    from qgis.core import QgsSettings
    QgsSettings().setValue("dinamis/results_per_load", 100)
    total = stac(server, limit=1)["numberMatched"]
    assert total > 200
    dock.run_search()
    settle(dock)
    assert dock.layer.featureCount() == 100 == dock.model.rowCount()
    assert dock.search.matched == total
    assert dock.more_results_button.isVisibleTo(dock)
    assert "100" in dock.status_label.text() and str(total) in dock.status_label.text()
    dock.more_results_button.click()
    settle(dock)
    assert dock.layer.featureCount() == 200
    assert dock.all_results_button.isVisibleTo(dock) == (total - 200 > 100)
    dock.load_more(10000)
    settle(dock)
    assert dock.layer.featureCount() == total == dock.model.rowCount()
    assert not dock.more_results_button.isVisibleTo(dock)
    assert len({f["id"] for f in dock.layer.getFeatures()}) == total
    QgsSettings().remove("dinamis/results_per_load")


def test_removing_a_chip_searches_again_without_that_filter(dock, server):
    dock.form.availability.setCurrentIndex(dock.form.availability.findData("orderable"))
    dock.form.cloud.setValue(20)
    dock.run_search()
    settle(dock)
    narrow = dock.search.matched
    assert set(dock.chips.keys()) == {"availability", "cloud"}
    first_search = dock.search
    dock.chips.chip("availability").click()
    assert dock.search is not first_search
    settle(dock)
    assert dock.chips.keys() == ["cloud"]
    assert dock.form.availability.currentData() == "all"
    expected = stac(server, limit=1, filter={"op": "<=", "args": [
        {"property": "eo:cloud_cover"}, 20.0]}, **{"filter-lang": "cql2-json"})["numberMatched"]
    assert dock.search.matched == expected > narrow
    assert dock.layer.featureCount() == min(expected, dock.load_size())


def test_list_and_map_selections_follow_each_other(dock, server):
    dock.run_search()
    settle(dock)
    layer, view = dock.layer, dock.results
    view.select_rows([0, 3, 4])
    assert set(layer.selectedFeatureIds()) == {dock.search.fids[r] for r in (0, 3, 4)}
    layer.selectByIds([dock.search.fids[7], dock.search.fids[9]])
    assert view.selected_rows() == [7, 9]
    layer.removeSelection()
    assert view.selected_rows() == []


def test_stereo_group_is_selected_as_a_group(dock, server):
    from qgis.PyQt.QtWidgets import QMenu
    dock.run_search()
    settle(dock)
    search = dock.search
    row = next(r for r, item in enumerate(search.items) if search.groups.get(item["id"]))
    members = search.group_members(search.groups[search.items[row]["id"]])
    assert len(members) in (2, 3) and row in members
    menu = QMenu()
    dock.result_actions.populate(menu, [row])
    action = next(a for a in menu.actions() if "stereo" in a.text())
    action.trigger()
    assert dock.results.selected_rows() == sorted(members)
    assert len(dock.layer.selectedFeatureIds()) == len(members)


def test_quicklook_on_map_from_the_menu(dock, server):
    from qgis.PyQt.QtWidgets import QMenu
    dock.run_search()
    settle(dock)
    added = []
    dock.result_actions.quicklook_layers_added.connect(added.extend)
    menu = QMenu()
    dock.result_actions.populate(menu, [0, 1])
    next(a for a in menu.actions() if a.text().startswith("Quicklooks on map")).trigger()
    assert wait_until(lambda: len(added) == 2, timeout=30)
    for layer, row in zip(sorted(added, key=lambda lyr: lyr.customProperty("dinamis/item_id")),
                          sorted([0, 1], key=lambda r: dock.search.items[r]["id"])):
        footprint = dock.layer.getFeature(dock.search.fids[row]).geometry().boundingBox()
        extent = layer.extent()
        assert abs(extent.xMinimum() - footprint.xMinimum()) < footprint.width() / 50
        assert abs(extent.yMaximum() - footprint.yMaximum()) < footprint.height() / 50
        assert QgsProject.instance().mapLayer(layer.id()) is layer


def test_the_search_is_kept_with_the_project(dock, server, tmp_path):
    from dinamis.qgis_glue.aoi import rectangle_aoi, WGS84
    dock.form.cloud.setValue(30)
    dock.form.text.setText("Montpellier")
    dock.set_aoi(rectangle_aoi(QgsRectangle(3.0, 43.0, 4.5, 44.0), WGS84))
    dock.run_search()
    settle(dock)
    path = tmp_path / "search.qgz"
    assert QgsProject.instance().write(str(path))
    import zipfile
    with zipfile.ZipFile(path) as archive:
        text = next(archive.read(n) for n in archive.namelist() if n.endswith(".qgs")).decode()
    assert "Montpellier" in text  # the search is there, and nothing secret is
    for secret in ("X-Amz-Signature", "X-Amz-Credential", "access_token", "Bearer"):
        assert secret not in text
    dock.reset_filters()
    assert dock.aoi is None and dock.form.text.text() == ""
    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(path))
    assert dock.form.text.text() == "Montpellier"
    assert dock.form.cloud.value() == 30
    assert dock.aoi is not None and dock.aoi.bbox == (3.0, 43.0, 4.5, 44.0)
    assert "press Search" in dock.status_label.text()
    assert dock.run_search()
    settle(dock)
    assert dock.search.params.text == "Montpellier"

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


def open_dock(qgis_iface, qgis_canvas):
    from dinamis.gui.catalogue_dock import CatalogueDock
    QgsProject.instance().clear()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    qgis_canvas.resize(600, 400)
    widget = CatalogueDock(qgis_iface, None)  # a floating window: shown for real
    widget.resize(420, 900)
    widget.show()
    assert wait_until(lambda: widget.collections_loaded, timeout=30), widget.error_label.text()
    return widget


def close_dock(widget):
    widget.dispose()
    widget.close()
    widget.deleteLater()
    QgsProject.instance().clear()


@pytest.fixture
def quicklook_cache(tmp_path, monkeypatch):
    from dinamis.qgis_glue import thumbnails
    monkeypatch.setattr(thumbnails, "cache_folder", lambda: tmp_path / "quicklooks")


@pytest.fixture
def dock(local_profile, qgis_iface, qgis_canvas, quicklook_cache):
    widget = open_dock(qgis_iface, qgis_canvas)
    yield widget
    close_dock(widget)


@pytest.fixture
def pgstac_dock(pgstac_server, isolated_settings, qgis_iface, qgis_canvas, quicklook_cache):
    """The dock on a catalogue that behaves like a stock stac-fastapi-pgstac."""
    from dinamis.qgis_glue import settings
    settings.set_local_reference_url(pgstac_server.base_url)
    settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
    widget = open_dock(qgis_iface, qgis_canvas)
    yield widget
    close_dock(widget)


def settle(dock, timeout=60):
    assert wait_until(lambda: dock.search is not None and not dock.search.running
                      and dock.search.can_fetch or dock.search.exhausted, timeout=timeout)
    assert wait_until(lambda: not dock.search.running, timeout=timeout)


def shoot(widget, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def test_filters_search_and_footprints_match_the_server(dock, server):
    from dinamis.qgis_glue.search_area import rectangle_area, wgs84
    bbox = (-1.0, 43.0, 5.0, 47.0)
    dock.form.cloud.setValue(40)
    dock.set_aoi(rectangle_area(QgsRectangle(*bbox), wgs84()))
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
    from dinamis.qgis_glue.search_area import rectangle_area, wgs84
    dock.form.cloud.setValue(30)
    dock.form.text.setText("Montpellier")
    dock.set_aoi(rectangle_area(QgsRectangle(3.0, 43.0, 4.5, 44.0), wgs84()))
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


def test_hover_highlights_and_double_click_zooms(dock, server, qgis_canvas):
    from qgis.gui import QgsHighlight
    dock.run_search()
    settle(dock)
    dock.results.hovered.emit(2)
    highlights = [i for i in qgis_canvas.scene().items() if isinstance(i, QgsHighlight)]
    assert len(highlights) == 1 and highlights[0].isVisible()
    dock.results.hovered.emit(-1)
    assert not [i for i in qgis_canvas.scene().items() if isinstance(i, QgsHighlight)]
    qgis_canvas.setExtent(QgsRectangle(-20, 30, 30, 60))
    dock.results.activated_row.emit(5)
    footprint = dock.layer.getFeature(dock.search.fids[5]).geometry().boundingBox()
    extent = qgis_canvas.extent()
    assert extent.contains(footprint)
    assert extent.width() < footprint.width() * 3 or extent.height() < footprint.height() * 3


def test_a_timeline_bar_narrows_the_dates(dock, server):
    dock.run_search()
    settle(dock)
    assert wait_until(lambda: dock.timeline.bars(), timeout=30)
    bars = dock.timeline.bars()
    index = max(range(len(bars)), key=lambda i: bars[i][2])
    start, end, count, _label = bars[index]
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    QTest.mouseClick(dock.timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     dock.timeline.bar_center(index).toPoint())
    settle(dock)
    assert dock.search.params.start == start and dock.search.params.end == end
    assert dock.search.matched == count
    assert {"start", "end"} <= set(dock.chips.keys())
    assert wait_until(lambda: dock.timeline.bars() and all(
        start <= bar[0] <= end for bar in dock.timeline.bars()), timeout=30)
    shoot(dock, "catalogue-dock-timeline.png")


def test_follow_the_map_searches_the_new_extent_once(dock, server, qgis_canvas):
    from dinamis.gui import catalogue_dock
    qgis_canvas.setExtent(QgsRectangle(-5, 42, 8, 51))
    dock.follow_check.setChecked(True)
    settle(dock)
    first = dock.search
    assert dock.aoi.kind == "map" and "area" in dock.chips.keys()
    searches = []
    dock.search_started.connect(lambda: searches.append(dock.search))
    for step in range(5):  # a user panning: five extents in a row
        qgis_canvas.setExtent(QgsRectangle(3 + step * 0.1, 43, 4 + step * 0.1, 44))
    assert wait_until(lambda: searches, timeout=10)
    settle(dock)
    QgsApplication_processEvents(catalogue_dock.FOLLOW_DELAY_MS / 1000 + 0.3)
    assert len(searches) == 1 and searches[0] is not first  # debounced: one search
    extent = qgis_canvas.extent()  # the last one, not one of the extents passed by
    assert dock.search.params.bbox == pytest.approx(
        (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()), abs=1e-5)
    dock.follow_check.setChecked(False)
    qgis_canvas.setExtent(QgsRectangle(0, 45, 1, 46))
    QgsApplication_processEvents(catalogue_dock.FOLLOW_DELAY_MS / 1000 + 0.3)
    assert len(searches) == 1


def QgsApplication_processEvents(seconds):  # noqa: N802 - reads like what it does
    import time
    from qgis.core import QgsApplication
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)


def test_a_catalogue_that_does_not_answer_is_a_message_in_the_dock(dock, server):
    from dinamis.qgis_glue import settings
    settings.set_local_reference_url("http://127.0.0.1:9")  # nothing listens there
    dock.catalogue = None
    assert dock.run_search()
    assert wait_until(lambda: not dock.search.running, timeout=60)
    text = dock.error_label.text()
    assert "Cannot reach the DINAMIS service" in text and "Traceback" not in text
    assert dock.error_label.isVisibleTo(dock)


def test_invalid_filters_are_said_before_any_request(dock, server):
    from datetime import date
    dock.form.set_period(date(2024, 5, 1), date(2023, 1, 1))
    server.reset_counters()
    assert not dock.run_search()
    assert "start date is after the end date" in dock.error_label.text()
    QgsApplication_processEvents(0.3)  # anything sent would have arrived by now
    stac_requests = {p: n for p, n in server.counters()["requests_by_path"].items()
                     if p.startswith("/stac/")}
    assert stac_requests == {}


def test_a_stock_pgstac_catalogue_gives_a_working_dock(pgstac_dock, pgstac_server):
    """No aggregation, no free text on items, no numberMatched, no DINAMIS properties:
    the dock says what is off, searches anyway, shows every result and a timeline."""
    dock = pgstac_dock
    assert not dock.form.text.isEnabled()
    assert not dock.form.incidence.isEnabled()  # pgstac items carry no viewing angle
    hint = dock.form.hint.text()
    assert "free-text" in hint and "incidence angle" in hint and dock.form.hint.isVisibleTo(dock)
    dock.form.availability.setCurrentIndex(dock.form.availability.findData("orderable"))
    assert dock.run_search()
    settle(dock)
    dock.load_more(10000)
    settle(dock)
    assert dock.search.exhausted and dock.layer.featureCount() == len(dock.search.items) > 0
    assert dock.search.matched == len(dock.search.items)  # known exactly once all are read
    assert {f["availability"] for f in dock.layer.getFeatures()} == {"orderable"}
    orderable = requests.post(pgstac_server.url("/stac/search"), timeout=30, json={
        "collections": ["airbus-archive"], "limit": 1000}).json()["features"]
    assert {i["id"] for i in dock.search.items} == {i["id"] for i in orderable}
    assert "all shown" in dock.status_label.text()
    assert wait_until(lambda: dock.timeline.bars(), timeout=60), dock.timeline._message
    assert dock.timeline._note  # says how the months were counted, not by the catalogue
    assert sum(bar[2] for bar in dock.timeline.bars()) == len(dock.search.items)
    shoot(dock, "catalogue-dock-pgstac.png")


def test_free_text_is_never_sent_where_the_catalogue_ignores_it(pgstac_dock, pgstac_server):
    from dinamis.core.search_params import SearchParameters
    dock = pgstac_dock
    dock.form.set_parameters(SearchParameters(text="Montpellier"))  # e.g. a restored search
    assert dock.form.text.text() == "Montpellier" and dock.form.text.isEnabled()  # kept
    assert dock.run_search()
    assert wait_until(lambda: not dock.search.running, timeout=30)
    assert "Free text search is not available" in dock.error_label.text()
    assert dock.layer.featureCount() == 0  # not "everything", silently
    dock.chips.chip("text").click()  # removing the text searches without it
    assert wait_until(lambda: not dock.search.running and dock.search.items, timeout=30)
    assert not dock.form.text.isEnabled() and not dock.error_label.isVisibleTo(dock)


def test_right_click_on_a_footprint_offers_its_actions(dock, server, qgis_canvas):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from qgis.PyQt.QtWidgets import QMenu
    dock.form.availability.setCurrentIndex(dock.form.availability.findData("orderable"))
    dock.run_search()
    settle(dock)
    feature = dock.layer.getFeature(dock.search.fids[0])
    centre = feature.geometry().pointOnSurface().asPoint()
    qgis_canvas.setExtent(feature.geometry().boundingBox().buffered(0.5))
    pixel = qgis_canvas.getCoordinateTransform().transform(QgsPointXY(centre))
    event = QgsMapMouseEvent(qgis_canvas, QEvent.Type.MouseButtonPress,
                             QPoint(int(pixel.x()), int(pixel.y())),
                             Qt.MouseButton.RightButton)
    menu = QMenu()
    qgis_canvas.contextMenuAboutToShow.emit(menu, event)
    submenus = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert submenus and submenus[0].title().startswith("DINAMIS")
    texts = [a.text() for sub in submenus for a in sub.actions()]
    assert any(t.startswith("Request this archive") or t.startswith("Request these")
               for t in texts)
    asked = []
    dock.archive_requested.connect(asked.append)
    dock.result_actions.populate(menu := QMenu(), [0])
    next(a for a in menu.actions() if a.text().startswith("Request this archive")).trigger()
    assert [item["id"] for item in asked] == [dock.search.items[0]["id"]]


def test_area_from_the_selection_of_a_layer_in_another_crs(dock, server):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154", "parcels", "memory")
    square = QgsFeature()
    square.setGeometry(QgsGeometry.fromWkt(  # around Montpellier, in Lambert-93 metres
        "POLYGON((765000 6275000, 775000 6275000, 775000 6285000, 765000 6285000, "
        "765000 6275000))"))
    layer.dataProvider().addFeatures([square])
    QgsProject.instance().addMapLayer(layer)
    layer.selectAll()
    dock.aoi_picker.use_selection(layer)
    assert dock.aoi is None or dock.aoi.kind != "layer"  # read in a task, not at once
    assert wait_until(lambda: dock.aoi is not None and dock.aoi.kind == "layer", timeout=20)
    ring = dock.aoi.geometry["coordinates"][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assert 3.7 < min(lons) < max(lons) < 4.1 and 43.5 < min(lats) < max(lats) < 43.8
    assert dock.run_search()
    settle(dock)
    expected = stac(server, limit=1, intersects=dock.aoi.geometry)["numberMatched"]
    assert dock.search.matched == expected and "area" in dock.chips.keys()
    layer.removeSelection()
    dock.aoi_picker.use_selection(layer)
    assert "No feature is selected" in dock.error_label.text()


def test_area_from_a_vector_file(dock, server, tmp_path):
    import json
    path = tmp_path / "zone.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
            [[1.3, 43.5], [1.6, 43.5], [1.6, 43.7], [1.3, 43.7], [1.3, 43.5]]]}}]}))
    dock.aoi_picker.use_file(str(path))
    assert wait_until(lambda: dock.aoi is not None, timeout=20)
    assert dock.aoi.kind == "file" and dock.aoi.label == "zone.geojson"
    broken = tmp_path / "broken.geojson"
    broken.write_text("not json")
    dock.aoi_picker.use_file(str(broken))
    assert wait_until(lambda: "Cannot read" in dock.error_label.text(), timeout=20)
    assert dock.aoi.label == "zone.geojson"  # the good area is kept


def test_polygon_drawn_on_the_map(dock, server, qgis_canvas):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    qgis_canvas.setExtent(QgsRectangle(0, 42, 8, 48))
    dock.aoi_picker._use_tool(dock.aoi_picker.polygon_tool)
    assert qgis_canvas.mapTool() is dock.aoi_picker.polygon_tool
    tool = dock.aoi_picker.polygon_tool
    to_pixel = qgis_canvas.getCoordinateTransform()
    for lon, lat in ((3.0, 43.0), (5.0, 43.0), (4.0, 45.0)):
        pixel = to_pixel.transform(QgsPointXY(lon, lat))
        tool.canvasReleaseEvent(QgsMapMouseEvent(qgis_canvas, QEvent.Type.MouseButtonRelease,
                                                 QPoint(int(pixel.x()), int(pixel.y())),
                                                 Qt.MouseButton.LeftButton))
    tool.canvasReleaseEvent(QgsMapMouseEvent(qgis_canvas, QEvent.Type.MouseButtonRelease,
                                             QPoint(1, 1), Qt.MouseButton.RightButton))
    assert dock.aoi is not None and dock.aoi.kind == "polygon"
    ring = dock.aoi.geometry["coordinates"][0]
    pixel = qgis_canvas.mapUnitsPerPixel() * 1.5
    assert len(ring) == 4
    assert any(abs(x - 3.0) < pixel and abs(y - 43.0) < pixel for x, y in ring)
    assert any(abs(x - 4.0) < pixel and abs(y - 45.0) < pixel for x, y in ring)
    assert qgis_canvas.mapTool() is not tool  # the previous tool is back


def test_a_search_given_as_parameters_runs_in_the_dock(dock, server):
    from dinamis.core.search_params import SearchParameters
    params = SearchParameters(collections=["pleiades"], bbox=(3.0, 43.0, 5.0, 45.0),
                              start="2020-01-01", max_cloud_cover=50, sortby="+datetime")
    assert dock.search_with(params)
    settle(dock)
    sent = dock.search.params
    assert (sent.collections, sent.bbox, sent.max_cloud_cover, sent.sortby) == (
        ["pleiades"], (3.0, 43.0, 5.0, 45.0), 50.0, "+datetime")
    assert set(dock.chips.keys()) == {"collections:pleiades", "start", "cloud", "area"}
    expected = stac(server, limit=1, collections=["pleiades"], bbox=[3.0, 43.0, 5.0, 45.0],
                    datetime="2020-01-01T00:00:00Z/..", **{"filter-lang": "cql2-json"},
                    filter={"op": "<=", "args": [{"property": "eo:cloud_cover"}, 50.0]})
    assert dock.search.matched == expected["numberMatched"]


def test_stop_ends_the_search_and_offers_more(dock, server):
    server.set_faults(latency_ms=1500, paths=["/stac/search"])
    try:
        dock.run_search()
        assert dock.cancel_button.isVisibleTo(dock)
        dock.cancel_button.click()
        assert dock.search.state == "cancelled" and not dock.cancel_button.isVisibleTo(dock)
        assert wait_until(lambda: dock.search.can_fetch, timeout=30)
    finally:
        server.clear_faults()
    assert dock.more_results_button.isVisibleTo(dock)
    dock.more_results_button.click()
    settle(dock)
    assert dock.search.state == "done" and dock.layer.featureCount() == len(dock.search.items)


def test_kept_footprints_stay_and_the_next_search_makes_a_new_layer(dock, server):
    dock.form.cloud.setValue(10)
    dock.run_search()
    settle(dock)
    kept = dock.layer
    dock.keep_layer()
    assert "clouds" in kept.name()
    dock.form.cloud.setValue(100)
    dock.run_search()
    settle(dock)
    assert dock.layer is not kept and QgsProject.instance().mapLayer(kept.id()) is kept
    assert kept.featureCount() < dock.layer.featureCount()


def test_full_size_quicklook_with_previous_and_next(dock, server):
    dock.run_search()
    settle(dock)
    first = dock.results.row_at_position(0)
    dock.show_quicklook(first)
    viewer = dock._viewer

    def picture_shown():
        pixmap = viewer.picture.pixmap()
        return pixmap is not None and not pixmap.isNull()
    assert wait_until(picture_shown, timeout=30)
    assert dock.search.items[first]["id"] in viewer.title.text()
    viewer.next_button.click()
    second = dock.results.row_at_position(1)
    assert viewer.item is dock.search.items[second]
    assert dock.results.selected_rows() == [second]  # the list and the map follow
    assert wait_until(picture_shown, timeout=30)
    shoot(viewer, "quicklook-viewer.png")
    viewer.close()


def test_sorting_by_a_column_keeps_the_selection(dock, server):
    from qgis.PyQt.QtCore import Qt
    from dinamis.gui.results_model import CLOUD
    from dinamis.qgis_glue import footprints
    dock.run_search()
    settle(dock)
    chosen = [3, 10]
    dock.results.select_rows(chosen)
    dock.results.sortByColumn(CLOUD, Qt.SortOrder.AscendingOrder)
    model = dock.model
    clouds = [dock.search.items.record(model.item_row(p))[footprints.CLOUD]
              for p in range(model.rowCount())]
    known = [c for c in clouds if c is not None]
    assert known == sorted(known) and clouds[:len(known)] == known  # missing values last
    assert dock.results.selected_rows() == chosen
    assert set(dock.layer.selectedFeatureIds()) == {dock.search.fids[r] for r in chosen}
    dock.results.sortByColumn(CLOUD, Qt.SortOrder.DescendingOrder)
    clouds = [dock.search.items.record(model.item_row(p))[footprints.CLOUD]
              for p in range(model.rowCount())]
    assert [c for c in clouds if c is not None] == sorted(known, reverse=True)

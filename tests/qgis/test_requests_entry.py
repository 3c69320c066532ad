"""The requests feature as the plugin wires it: background status announcements in QGIS's
message bar (with a button that opens the request), the public hooks the catalogue dock
uses (`request_archive`, `catalogue_handler`) and the Processing fallback that shows a
delivered request's images until a catalogue dock is there."""
import uuid

from qgis.core import QgsProject

from dinamis.core.demands import DemandClient
from tests.core.conftest import login_as
from tests.qgis.conftest import wait_until
from tests.qgis.requests_helpers import log_in, service_ready
from tests.qgis.test_plugin_shell import plugin_factory  # noqa: F401 - a fixture
from tests.reference_server_tests._demands_client import (catalogue_items, programming,
                                                          square_of_km2)


def file_one(client, km2=300, **extra):
    project = client.create_project({
        "title": "Entry " + uuid.uuid4().hex[:4], "start_date": "2026-01-01",
        "end_date": "2027-12-31", "description": "d", "objectives": "o",
        "methodology": "m", "expected_results": "e"})
    body = {**programming("spot-6-7", square_of_km2(km2, west=3.7, south=43.4)),
            "project_id": project.id, **extra}
    return client.submit(body, uuid.uuid4().hex).request


def logged_in_plugin(plugin_factory, server, tmp_path, monkeypatch):  # noqa: F811
    from dinamis.qgis_glue import demand_service
    monkeypatch.setattr(demand_service, "default_state_base", lambda: tmp_path / "state")
    plugin = plugin_factory()
    plugin.initGui()
    log_in(plugin.controller, server, "alice")
    entry = plugin.requests
    assert wait_until(lambda: entry.service is not None and service_ready(entry.service), 30)
    return plugin, entry


def test_a_status_change_is_announced_with_a_button_to_the_request(
        qgis_iface, plugin_factory, local_profile, server, tmp_path, monkeypatch):  # noqa: F811
    plugin, entry = logged_in_plugin(plugin_factory, server, tmp_path, monkeypatch)
    assert entry.dock is None  # noticed in the background, the panel never opened
    alice = DemandClient.for_session(plugin.controller.session)
    filed = file_one(alice)
    service = entry.service
    service.poll()
    assert wait_until(lambda: any(r.id == filed.id for r in service.requests), 20)
    bar = qgis_iface.messageBar()
    before = len(bar.items())
    DemandClient.for_session(login_as(server, "oscar")).transition(filed.id,
                                                                   "under_instruction")
    service.poll()
    assert wait_until(lambda: len(bar.items()) > before, 20)
    item = bar.items()[-1]
    assert item.text() == f"Request {filed.id}: Submitted → Under instruction."
    from qgis.PyQt.QtWidgets import QPushButton
    show = [b for b in item.findChildren(QPushButton) if b.text() == "Show"][0]
    show.click()
    assert entry.dock is not None and entry.dock.requests.selected_id == filed.id
    assert entry.action.isChecked()


def test_the_catalogue_hooks(qgis_iface, plugin_factory, local_profile, server,  # noqa: F811
                             tmp_path, monkeypatch):
    plugin, entry = logged_in_plugin(plugin_factory, server, tmp_path, monkeypatch)
    item = catalogue_items(server, "orderable", limit=3)[0]
    entry.request_archive(item)  # a STAC item dict, as the catalogue dock has it
    form = entry.dock.form
    assert form.draft.kind == "archive" and form.draft.item_id == item["id"]
    assert entry.dock.tabs.currentWidget() is form

    searches = []
    entry.catalogue_handler = searches.append  # what the catalogue dock will set
    alice = DemandClient.for_session(plugin.controller.session)
    filed = file_one(alice)
    entry.show_in_catalogue(filed.catalogue_search())
    assert searches and searches[0].geometry == filed.aoi

    entry.catalogue_handler = None  # no catalogue dock: the Processing search, as a layer
    entry.show_in_catalogue(filed.catalogue_search())
    assert wait_until(lambda: QgsProject.instance().mapLayersByName(
        "DINAMIS images delivered"), 60)
    layer = QgsProject.instance().mapLayersByName("DINAMIS images delivered")[0]
    assert layer.featureCount() >= 0 and "availability" in layer.fields().names()
    QgsProject.instance().removeMapLayer(layer.id())

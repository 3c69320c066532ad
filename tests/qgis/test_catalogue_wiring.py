"""The catalogue dock as the plugin wires it to the other features: an orderable image's
"Request this archive" opens the request form on it, and a delivered request's images
are searched in the catalogue dock."""
from qgis.PyQt.QtWidgets import QMenu

from tests.qgis.conftest import wait_until
from tests.qgis.test_plugin_shell import plugin_factory  # noqa: F401 - a fixture
from tests.qgis.test_requests_entry import file_one, logged_in_plugin


def test_request_this_archive_and_delivered_images(qgis_iface, plugin_factory,  # noqa: F811
                                                   local_profile, server, tmp_path,
                                                   monkeypatch):
    from dinamis.core.demands import DemandClient
    plugin, entry = logged_in_plugin(plugin_factory, server, tmp_path, monkeypatch)
    plugin.catalogue_action.trigger()
    dock = plugin.catalogue_dock
    if not dock.collections_loaded:  # pytest-qgis's main window is never shown
        dock.load_collections()
    assert wait_until(lambda: dock.collections_loaded, timeout=30)
    dock.form.availability.setCurrentIndex(dock.form.availability.findData("orderable"))
    dock.run_search()
    assert wait_until(lambda: not dock.search.running and dock.search.items, timeout=30)
    menu = QMenu()
    dock.result_actions.populate(menu, [0])
    next(a for a in menu.actions() if a.text().startswith("Request this archive")).trigger()
    assert entry.dock is not None and entry.action.isChecked()
    draft = entry.dock.form.draft
    assert draft.kind == "archive" and draft.item_id == dock.search.item_id(0)

    filed = file_one(DemandClient.for_session(plugin.controller.session))
    entry.show_in_catalogue(filed.catalogue_search())  # "Show the images" of a request
    assert wait_until(lambda: not dock.search.running, timeout=30)
    assert dock.search.params.geometry == filed.aoi
    assert dock.search.params.availability == "downloadable"
    assert dock.aoi is not None and "area" in dock.chips.keys()

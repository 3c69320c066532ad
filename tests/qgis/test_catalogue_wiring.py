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


def open_catalogue(plugin):
    plugin.catalogue_action.trigger()
    dock = plugin.catalogue_dock
    if not dock.collections_loaded:  # pytest-qgis's main window is never shown
        dock.load_collections()
    assert wait_until(lambda: dock.collections_loaded, timeout=30)
    return dock


def streamable_rows(dock, server, count):
    """Search the images whose files really exist; their rows in the results."""
    from dinamis.core.search_params import SearchParameters
    real = server.real_cog_items()[:count]
    collections = sorted({item["collection"] for item in real})
    ids = {item["id"] for item in real}
    lons = [c[0] for item in real for c in item["geometry"]["coordinates"][0]]
    lats = [c[1] for item in real for c in item["geometry"]["coordinates"][0]]
    assert dock.search_with(SearchParameters(collections=collections, bbox=(
        min(lons), min(lats), max(lons), max(lats))))
    assert wait_until(lambda: not dock.search.running, timeout=30)
    dock.load_more(10000)
    assert wait_until(lambda: not dock.search.running, timeout=30)
    rows = [r for r in range(len(dock.search.items)) if dock.search.item_id(r) in ids]
    assert len(rows) == count
    return rows


def action(menu, starts):
    return next(a for a in menu.actions() if a.text().startswith(starts))


def test_add_to_map_and_mosaic_from_the_results(plugin, server, qgis_iface):
    from qgis.core import QgsProject, QgsRasterLayer
    from dinamis.core import layer_sources
    from tests.qgis.streaming_helpers import log_in, painted_pixels, render
    dock = open_catalogue(plugin)
    rows = streamable_rows(dock, server, 2)
    menu = QMenu()
    dock.result_actions.populate(menu, rows[:1])
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    action(menu, "Add to map").trigger()  # logged out: said, nothing added
    from qgis.core import Qgis
    messages = bar.get_messages(Qgis.MessageLevel.Warning)
    assert any("not logged in" in m for m in messages), messages
    log_in(plugin.controller, server)
    rasters = lambda: [lyr for lyr in QgsProject.instance().mapLayers().values()  # noqa: E731
                       if isinstance(lyr, QgsRasterLayer)]
    action(menu, "Add to map").trigger()
    assert wait_until(lambda: rasters(), timeout=60)
    streamed = rasters()
    assert all(layer_sources.signed_urls_in(layer.source()) for layer in streamed)
    assert painted_pixels(render(streamed[:1])) > 1000
    menu = QMenu()
    dock.result_actions.populate(menu, rows)
    before = {lyr.id() for lyr in rasters()}
    action(menu, "Add as one mosaic").trigger()
    assert wait_until(lambda: len(rasters()) > len(before), timeout=60)
    mosaics = [lyr for lyr in rasters() if lyr.id() not in before]
    assert mosaics and all(lyr.name().startswith("Mosaic of 2 images") and lyr.isValid()
                           for lyr in mosaics)


def test_a_data_asset_dropped_from_the_browser_is_streamed(plugin, server):
    from qgis.core import QgsProject, QgsRasterLayer
    from dinamis.core import layer_sources
    from tests.qgis.streaming_helpers import log_in
    log_in(plugin.controller, server)
    dock = open_catalogue(plugin)
    rows = streamable_rows(dock, server, 1)
    provider = plugin.browser_provider
    root = provider.createDataItem("", None)
    search_node = list(root.createChildren())[1]
    image = next(c for c in search_node.createChildren()
                 if c.item["id"] == dock.search.item_id(rows[0]))
    asset = next(a for a in image.createChildren() if a.asset_key == "src_pan")
    provider.drop_handler.handleCustomUriDrop(asset.mimeUris()[0])
    assert wait_until(lambda: [lyr for lyr in QgsProject.instance().mapLayers().values()
                               if isinstance(lyr, QgsRasterLayer)], timeout=60)
    [layer] = [lyr for lyr in QgsProject.instance().mapLayers().values()
               if isinstance(lyr, QgsRasterLayer)]
    assert layer.isValid() and layer_sources.signed_urls_in(layer.source())


def test_add_to_map_failures_are_said_in_the_message_bar(plugin, server, qgis_iface):
    """An image whose file is missing from the store, and a pending account: a sentence
    that says what happened and what to do, no layer, no traceback."""
    from qgis.core import Qgis, QgsProject, QgsRasterLayer
    from tests.qgis.streaming_helpers import log_in
    log_in(plugin.controller, server)
    dock = open_catalogue(plugin)
    real = {item["id"] for item in server.real_cog_items()}
    dock.form.availability.setCurrentIndex(dock.form.availability.findData("downloadable"))
    dock.run_search()
    assert wait_until(lambda: not dock.search.running, timeout=30)
    missing = next(r for r in range(len(dock.search.items))
                   if dock.search.item_id(r) not in real)
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    menu = QMenu()
    dock.result_actions.populate(menu, [missing])
    action(menu, "Add to map").trigger()
    assert wait_until(lambda: bar.get_messages(Qgis.MessageLevel.Warning), timeout=60)
    said = " ".join(bar.get_messages(Qgis.MessageLevel.Warning))
    assert "is not in the DINAMIS storage (any more). Run the search again" in said, said
    assert "X-Amz" not in said and "Signature" not in said  # no signed url in words
    assert "Traceback" not in said
    assert not [lyr for lyr in QgsProject.instance().mapLayers().values()
                if isinstance(lyr, QgsRasterLayer) and lyr.isValid()]


def test_download_opens_the_download_dialog_on_the_chosen_images(
        plugin, server, qgis_iface, monkeypatch):
    import sys
    from qgis.gui import QgsBrowserGuiModel
    if "/usr/share/qgis/python/plugins" not in sys.path:  # Processing, as QGIS loads it
        sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    browser = QgsBrowserGuiModel()  # pytest-qgis's iface has none; the dialog wants one
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    dock = open_catalogue(plugin)
    dock.form.availability.setCurrentIndex(dock.form.availability.findData("downloadable"))
    dock.run_search()
    assert wait_until(lambda: not dock.search.running and dock.search.items, timeout=30)
    menu = QMenu()
    dock.result_actions.populate(menu, [0, 2])
    action(menu, "Download").trigger()
    dialog = plugin.download_dialog
    assert dialog is not None and dialog.isVisible()
    values = dialog.mainWidget().createProcessingParameters()
    assert values["IDS"].split() == [dock.search.item_id(0), dock.search.item_id(2)]
    assert values["LOAD"] is True
    dialog.close()

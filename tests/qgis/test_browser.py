"""The DINAMIS catalogue in QGIS's Browser: collections from the API, their newest images,
the dock's current search, assets, and a drop onto the map adding what the dock adds."""
import pytest
from qgis.core import QgsApplication, QgsProject

from tests.qgis.conftest import wait_until


@pytest.fixture
def plugin(qgis_iface, local_profile, secret_store, tmp_path, monkeypatch):
    import dinamis
    from dinamis.qgis_glue import thumbnails
    monkeypatch.setattr(thumbnails, "cache_folder", lambda: tmp_path / "quicklooks")
    made = dinamis.classFactory(qgis_iface)
    made.secret_store_factory = lambda: secret_store
    made.initGui()
    yield made
    made.unload()
    QgsProject.instance().clear()


def children(item):
    """Populate like the Browser does (createChildren on a worker thread in QGIS)."""
    return list(item.createChildren())


def test_provider_is_registered_with_qgis_until_unload(plugin):
    names = lambda: [p.name() for p in QgsApplication.dataItemProviderRegistry().providers()]
    assert "DINAMIS" in names()
    plugin.unload()
    assert "DINAMIS" not in names()
    plugin.initGui()  # the fixture unloads it again


def test_collections_images_and_assets(plugin, server):
    provider = plugin.browser_provider
    root = provider.createDataItem("", None)
    collections_node, _search_node = children(root)
    collections = children(collections_node)
    assert [c.collection_id for c in collections][:2] == ["spot-6-7-drs", "pleiades"]
    images = children(collections[1])
    assert 1 <= len(images) <= 100
    dates = [i.item["properties"]["datetime"] for i in images]
    assert dates == sorted(dates, reverse=True)
    assets = children(images[0])
    assert {"thumbnail", "src_xs"} <= {a.asset_key for a in assets}
    uri = next(a for a in assets if a.asset_key == "src_xs").mimeUris()[0]
    assert uri.providerKey == "dinamis" and uri.layerType == "custom"
    assert "http" not in uri.uri  # the drag carries no url, signed or not


def test_a_dropped_quicklook_lands_on_its_footprint(plugin, server):
    provider = plugin.browser_provider
    root = provider.createDataItem("", None)
    collections = children(children(root)[0])
    image = children(collections[0])[0]
    thumbnail = next(a for a in children(image) if a.asset_key == "thumbnail")
    before = set(QgsProject.instance().mapLayers())
    provider.drop_handler.handleCustomUriDrop(thumbnail.mimeUris()[0])
    assert wait_until(lambda: set(QgsProject.instance().mapLayers()) - before, timeout=30)
    layer = QgsProject.instance().mapLayer((set(QgsProject.instance().mapLayers())
                                            - before).pop())
    assert layer.customProperty("dinamis/item_id") == image.item["id"]
    west, south, east, north = image.item["bbox"]
    assert abs(layer.extent().xMinimum() - west) < (east - west) / 50
    assert abs(layer.extent().yMaximum() - north) < (north - south) / 50


def test_current_search_lists_the_dock_results(plugin, server, qgis_canvas):
    provider = plugin.browser_provider
    root = provider.createDataItem("", None)
    _collections, search_node = children(root)
    assert children(search_node)[0].name().startswith("No search yet")
    dock = plugin.ensure_catalogue_dock()
    dock.form.text.setText("Montpellier")
    assert dock.run_search()
    assert wait_until(lambda: not dock.search.running, timeout=30)
    listed = [c.item["id"] for c in children(search_node)]
    assert listed == [item["id"] for item in dock.search.items] and listed

"""STAC assets streamed into QGIS from the reference server's object store: real signing,
real GDAL /vsicurl/, real rendering. Natural colour, names, metadata, mosaics; the main
thread reads nothing from the network when the layers are made."""
from urllib.parse import urlsplit

import pytest
from qgis.core import QgsProject

from dinamis.core import layer_sources, signed_url
from tests.qgis.streaming_helpers import (add_and_wait, distinct_colours, log_in,
                                          painted_pixels, render)


@pytest.fixture
def signer(controller, server):
    log_in(controller, server)
    yield controller.signer()
    QgsProject.instance().clear()


@pytest.fixture(scope="module")
def items(reference_server):
    return reference_server.real_cog_items()


def storage_requests(server) -> int:
    return sum(n for path, n in server.counters()["requests_by_path"].items()
               if path.startswith("/s3/dinamis-catalogue/"))


def test_multispectral_asset_is_a_natural_colour_layer(signer, server, items):
    item = items[0]
    result = add_and_wait([item], signer, assets=["src_xs"])
    assert result.problems == []
    [layer] = result.layers
    assert layer.isValid() and QgsProject.instance().mapLayer(layer.id()) is layer
    renderer = layer.renderer()
    assert renderer.type() == "multibandcolor"
    # eo:bands of the reference items: B0 blue, B1 green, B2 red, B3 nir
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (3, 2, 1)
    stretch = renderer.redContrastEnhancement()
    assert 0 < stretch.minimumValue() < stretch.maximumValue() < 65535
    date = item["properties"]["datetime"][:10]
    assert layer.name() == f"{item['properties']['platform']} {date} Multispectral"
    image = render([layer])
    assert painted_pixels(image) > 3000 and distinct_colours(image) > 20
    [url] = layer_sources.signed_urls_in(layer.source())
    assert signed_url.unsigned(url) == item["assets"]["src_xs"]["href"]


def test_panchromatic_asset_is_grey_and_both_assets_by_default(signer, items):
    result = add_and_wait([items[0]], signer)
    by_name = {layer.name().rsplit(" ", 1)[-1]: layer for layer in result.layers}
    assert set(by_name) == {"Multispectral", "Panchromatic"}
    assert by_name["Panchromatic"].renderer().type() == "singlebandgray"
    assert painted_pixels(render([by_name["Panchromatic"]])) > 3000


def test_metadata_carries_properties_licence_and_unsigned_links(signer, items):
    item = items[0]
    [layer] = add_and_wait([item], signer, assets=["src_xs"]).layers
    metadata = layer.metadata()
    assert metadata.identifier() == item["id"]
    assert metadata.parentIdentifier() == item["collection"]
    assert f"eo:cloud_cover: {item['properties']['eo:cloud_cover']}" in metadata.abstract()
    assert item["properties"]["platform"] in metadata.keywords()["platform"]
    assert metadata.licenses() == ["proprietary"]  # from the collection
    assert "CNES" in [c.name for c in metadata.contacts()]
    links = [link.url for link in metadata.links()]
    assert item["assets"]["src_xs"]["href"] in links
    assert not any("Amz" in url for url in links)
    assert layer.customProperty("dinamis/items") == [item["id"]]


def test_layers_are_made_without_reading_the_network_on_the_main_thread(signer, server,
                                                                        items):
    from dinamis.qgis_glue.stream_layers import create_layers, plan_streams
    plan = plan_streams(items[:2], signer, ["src_xs"])  # what the task does
    server.reset_counters()
    result = create_layers(plan)
    assert len(result.layers) == 2 and all(layer.isValid() for layer in result.layers)
    assert storage_requests(server) == 0


def test_mosaic_is_one_layer_that_renders(signer, items):
    result = add_and_wait(items[:3], signer, assets=["src_xs"], mosaic=True)
    [layer] = result.layers
    assert layer.source().startswith("<VRTDataset")
    assert len(layer_sources.signed_urls_in(layer.source())) == 3
    assert layer.name().startswith("Mosaic of 3 images")
    assert layer.renderer().type() == "multibandcolor"
    assert painted_pixels(render([layer])) > 3000
    assert sorted(layer.customProperty("dinamis/items")) == sorted(i["id"] for i in items[:3])


def test_items_without_the_asset_are_reported_not_added(signer, server, items):
    orderable = next(i for i in _all_items(server)
                     if i["properties"].get("dinamis:availability") == "orderable")
    result = add_and_wait([items[0], orderable], signer, assets=["src_xs"])
    assert len(result.layers) == 1
    assert result.problems == [f"{orderable['id']} has no asset \"src_xs\" that can be "
                               "streamed."]


def test_nothing_streamable_is_a_clear_error(signer, server):
    from dinamis.qgis_glue.stream_layers import add_items_to_map
    from tests.qgis.conftest import wait_until
    orderable = next(i for i in _all_items(server)
                     if i["properties"].get("dinamis:availability") == "orderable")
    errors = []
    add_items_to_map([orderable], signer, on_error=errors.append)
    assert wait_until(lambda: errors)
    assert "orderable" in errors[0] and orderable["id"] in errors[0]


def test_storage_paths_get_scoped_gdal_options_and_no_global_auth(signer, server, items):
    from osgeo import gdal
    add_and_wait([items[0]], signer, assets=["src_xs"])
    prefix = f"/vsicurl/{server.base_url}/"
    assert gdal.GetPathSpecificOption(prefix + "s3/x.tif",
                                      "GDAL_DISABLE_READDIR_ON_OPEN") == "EMPTY_DIR"
    assert gdal.GetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN") is None  # not global
    assert gdal.GetPathSpecificOption("/vsicurl/https://other.example.org/a.tif",
                                      "GDAL_DISABLE_READDIR_ON_OPEN") is None
    for option in ("GDAL_HTTP_HEADERS", "GDAL_HTTP_HEADER_FILE", "GDAL_HTTP_AUTH",
                   "GDAL_HTTP_USERPWD", "GDAL_HTTP_BEARER", "GDAL_HTTP_COOKIE"):
        assert gdal.GetConfigOption(option) is None, option
    listing = urlsplit(items[0]["assets"]["src_xs"]["href"]).path.rsplit("/", 1)[0] + "/"
    assert listing not in server.counters()["requests_by_path"]  # no directory listing


def _all_items(server):
    import requests
    return requests.post(server.url("/stac/search"), json={"limit": 300},
                         timeout=30).json()["features"]


def test_console_add_to_map_uses_the_plugins_login(signer, controller, items, capsys):
    import dinamis
    from dinamis import api
    from tests.qgis.conftest import wait_until
    api._set_session(controller.session, signer)
    try:
        dinamis.add_to_map(items[0], assets="src_pan")
        assert wait_until(lambda: len(QgsProject.instance().mapLayers()) == 1, timeout=30)
    finally:
        api._set_session(None)
    [layer] = QgsProject.instance().mapLayers().values()
    assert layer.renderer().type() == "singlebandgray" and painted_pixels(render([layer])) > 3000
    assert "DINAMIS: added" in capsys.readouterr().out

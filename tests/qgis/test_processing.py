"""The Processing algorithm "dinamis:searchcatalogue" in real QGIS Processing, against the
reference server: footprints written to a real GeoPackage, counts checked against the
STAC API answered directly, paging, cancelling, and clear errors."""
import sys

import pytest
import requests
from qgis.core import (QgsApplication, QgsGeometry, QgsProcessingException,
                       QgsProcessingFeedback, QgsRectangle, QgsVectorLayer)

PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


@pytest.fixture(scope="module")
def processing(qgis_app):
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing as processing_module
    from dinamis.processing_provider.provider import DinamisProvider
    provider = DinamisProvider()
    assert QgsApplication.processingRegistry().addProvider(provider)
    yield processing_module
    QgsApplication.processingRegistry().removeProvider(provider)


def stac_matched(server, **body) -> int:
    """numberMatched straight from the server's STAC API, bypassing the plugin."""
    response = requests.post(server.url("/stac/search"), json=dict(body, limit=1), timeout=30)
    response.raise_for_status()
    return response.json()["numberMatched"]


def first_item(server) -> dict:
    response = requests.post(server.url("/stac/search"), json={"limit": 1}, timeout=30)
    response.raise_for_status()
    return response.json()["features"][0]


def read_layer(path):
    layer = QgsVectorLayer(str(path), "footprints", "ogr")
    assert layer.isValid(), path
    return layer


def test_algorithm_is_registered(processing):
    algorithm = QgsApplication.processingRegistry().algorithmById("dinamis:searchcatalogue")
    assert algorithm is not None
    assert algorithm.displayName() == "Search the DINAMIS catalogue"


def test_small_extent_writes_every_matching_footprint(processing, local_profile, server,
                                                      tmp_path):
    west, south, east, north = first_item(server)["bbox"]
    bbox = [west - 0.01, south - 0.01, east + 0.01, north + 0.01]
    expected = stac_matched(server, bbox=bbox)
    assert 1 <= expected < 250
    out = tmp_path / "footprints.gpkg"
    result = processing.run("dinamis:searchcatalogue", {
        "EXTENT": "{},{},{},{} [EPSG:4326]".format(bbox[0], bbox[2], bbox[1], bbox[3]),
        "OUTPUT": str(out)})
    assert result["MATCHED"] == expected
    assert result["COUNT"] == expected
    layer = read_layer(out)
    assert layer.featureCount() == expected
    assert layer.crs().authid() == "EPSG:4326"
    names = layer.fields().names()
    for name in ("id", "collection", "datetime", "platform", "cloud_cover", "incidence",
                 "availability", "thumbnail"):
        assert name in names
    feature = next(layer.getFeatures())
    assert feature["id"] and feature["collection"] and feature["platform"]
    assert feature["thumbnail"].startswith("http")
    assert feature["availability"] in ("downloadable", "orderable")
    search_area = QgsGeometry.fromRect(QgsRectangle(*bbox))
    for feature in layer.getFeatures():
        assert feature.geometry().intersects(search_area), feature["id"]


def test_filters_match_the_api(processing, local_profile, server, tmp_path):
    expected = stac_matched(server, datetime="2023-01-01T00:00:00Z/2024-12-31T23:59:59Z",
                            filter={"op": "and", "args": [
                                {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20.0]},
                                {"op": "=", "args": [{"property": "dinamis:availability"},
                                                     "downloadable"]}]},
                            **{"filter-lang": "cql2-json"})
    out = tmp_path / "filtered.gpkg"
    result = processing.run("dinamis:searchcatalogue", {
        "START_DATE": "2023-01-01", "END_DATE": "2024-12-31", "MAX_CLOUD_COVER": 20,
        "AVAILABILITY": 1, "MAX_ITEMS": 1000, "OUTPUT": str(out)})
    assert result["MATCHED"] == expected == result["COUNT"]
    layer = read_layer(out)
    assert layer.featureCount() == expected
    for feature in layer.getFeatures():
        assert feature["cloud_cover"] <= 20
        assert feature["availability"] == "downloadable"


def test_max_items_across_pages(processing, local_profile, server, tmp_path):
    total = stac_matched(server)
    assert total > 260, "the test server catalogue is smaller than expected"
    out = tmp_path / "many.gpkg"
    result = processing.run("dinamis:searchcatalogue", {"MAX_ITEMS": 260, "OUTPUT": str(out)})
    assert result["MATCHED"] == total
    assert result["COUNT"] == 260
    layer = read_layer(out)
    assert layer.featureCount() == 260
    assert len({f["id"] for f in layer.getFeatures()}) == 260  # pages do not overlap


class CancelAfterFirstPage(QgsProcessingFeedback):
    """The user pressing Cancel while the first page is being written."""

    def setProgress(self, progress):  # noqa: N802 - QGIS's name
        super().setProgress(progress)
        if progress > 0:
            self.cancel()


def test_cancel_stops_between_pages(processing, local_profile, server, tmp_path):
    out = tmp_path / "cancelled.gpkg"
    server.reset_counters()
    result = processing.run("dinamis:searchcatalogue", {"MAX_ITEMS": 600, "OUTPUT": str(out)},
                            feedback=CancelAfterFirstPage())
    assert result["COUNT"] == 250  # one page of 250, the second never requested
    assert read_layer(out).featureCount() == 250


def test_start_after_end_is_a_clear_error(processing, local_profile, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:searchcatalogue", {
            "START_DATE": "2024-06-01", "END_DATE": "2024-01-01",
            "OUTPUT": str(tmp_path / "never.gpkg")})
    assert "The start date is after the end date." in str(error.value)
    assert "Traceback" not in str(error.value)


def test_unknown_collection_is_reported_by_the_server(processing, local_profile, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:searchcatalogue", {
            "COLLECTIONS": "no-such-collection", "OUTPUT": str(tmp_path / "never.gpkg")})
    message = str(error.value)
    print(message)
    assert "collection" in message.lower()
    assert "Traceback" not in message


def test_unreachable_catalogue_is_a_clear_error(processing, isolated_settings, tmp_path):
    from dinamis.qgis_glue import settings
    from tests.server_process import free_port
    settings.set_local_reference_url(f"http://127.0.0.1:{free_port()}")
    settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:searchcatalogue", {"OUTPUT": str(tmp_path / "never.gpkg")})
    assert "127.0.0.1" in str(error.value)

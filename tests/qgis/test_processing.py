"""The Processing algorithm "dinamis:searchcatalogue" in real QGIS Processing, against the
reference server: footprints written to a real GeoPackage, counts checked against the
STAC API answered directly, paging, cancelling, and clear errors."""
import hashlib
import sys

import pytest
import requests
from qgis.core import (NULL, QgsApplication, QgsFeature, QgsGeometry,
                       QgsProcessingException, QgsProcessingFeedback, QgsRectangle,
                       QgsVectorLayer)

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


def test_unknown_collection_is_named(processing, local_profile, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:searchcatalogue", {
            "COLLECTIONS": "no-such-collection", "OUTPUT": str(tmp_path / "never.gpkg")})
    message = str(error.value)
    assert 'The catalogue has no collection "no-such-collection".' in message
    assert "Traceback" not in message


@pytest.fixture
def pgstac_profile(pgstac_server, isolated_settings):
    """The plugin pointed at a stock stac-fastapi-pgstac catalogue (no DINAMIS extras)."""
    from dinamis.qgis_glue import settings
    settings.set_local_reference_url(pgstac_server.base_url)
    settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
    return settings.active_profile()


def test_footprints_from_a_stock_pgstac_catalogue(processing, pgstac_profile, server,
                                                  tmp_path):
    out = tmp_path / "pgstac.gpkg"
    feedback = RecordingFeedback()
    result = processing.run("dinamis:searchcatalogue", {
        "AVAILABILITY": 2, "MAX_ITEMS": 30, "OUTPUT": str(out)}, feedback=feedback)
    assert result["COUNT"] == 30 and result["MATCHED"] == -1  # no numberMatched there
    assert "The search matches at least" in feedback.text
    assert "checked image by image" in feedback.text
    layer = read_layer(out)
    ids = [f["id"] for f in layer.getFeatures()]
    stated = requests.post(server.url("/stac/search"), json={"ids": ids, "limit": 100},
                           timeout=10).json()["features"]
    assert {f["properties"]["dinamis:availability"] for f in stated} == {"orderable"}
    for feature in layer.getFeatures():  # derived: the items do not say it
        assert feature["availability"] == "orderable"
        assert feature["incidence"] is None or feature["incidence"] == NULL


@pytest.mark.parametrize("parameters,words", [
    ({"MAX_INCIDENCE_ANGLE": 10}, "incidence angle filter is not applied"),
    ({"TEXT": "Montpellier"}, "Free text search is not available")])
def test_what_a_stock_pgstac_cannot_do_is_an_error(processing, pgstac_profile, tmp_path,
                                                   parameters, words):
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:searchcatalogue", {**parameters,
                                                   "OUTPUT": str(tmp_path / "never.gpkg")})
    assert words in str(error.value) and "Traceback" not in str(error.value)


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.text = ""

    def pushInfo(self, info):  # noqa: N802 - QGIS's name
        super().pushInfo(info)
        self.text += info + "\n"


def test_unreachable_catalogue_is_a_clear_error(processing, isolated_settings, tmp_path):
    from dinamis.qgis_glue import settings
    from tests.server_process import free_port
    settings.set_local_reference_url(f"http://127.0.0.1:{free_port()}")
    settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:searchcatalogue", {"OUTPUT": str(tmp_path / "never.gpkg")})
    assert "127.0.0.1" in str(error.value)


# --- "Download DINAMIS images" ---------------------------------------------------------
@pytest.fixture
def logged_in_as(server):
    """Log the console/plugin API in as a user through the real device flow."""
    from dinamis import api
    from tests.core.conftest import login_as

    def log_in(username):
        api._set_session(login_as(server, username))
    yield log_in
    api._set_session(None)


def items_with_files(server):
    """{(collection, item id): {file name: path}} of the data files the server really has."""
    found = {}
    for path in sorted((server.data_dir / "objects" / "dinamis-catalogue").rglob("*.tif")):
        collection, item_id = path.relative_to(server.data_dir / "objects" /
                                               "dinamis-catalogue").parts[:2]
        found.setdefault((collection, item_id), {})[path.name] = path
    return found


def footprint_layer(refs):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=id:string&field=collection:string",
                           "footprints", "memory")
    features = []
    for collection, item_id in refs:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([item_id, collection])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(3, 43, 4, 44)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_download_writes_the_signed_files_then_resumes(processing, local_profile, server,
                                                       logged_in_as, tmp_path):
    (collection, item_id), files = next(iter(items_with_files(server).items()))
    logged_in_as("alice")
    params = {"INPUT": footprint_layer([(collection, item_id)]),
              "OUTPUT_FOLDER": str(tmp_path / "images")}
    result = processing.run("dinamis:downloadimages", params)
    assert result["DOWNLOADED"] == len(files) and result["SKIPPED"] == 0
    for name, original in files.items():
        copy = tmp_path / "images" / item_id / name
        assert sha256(copy) == sha256(original)
    assert not list((tmp_path / "images").rglob("*.part"))
    again = processing.run("dinamis:downloadimages", params)
    assert again["DOWNLOADED"] == 0 and again["SKIPPED"] == len(files)


def test_download_needs_a_login(processing, local_profile, tmp_path):
    from dinamis import api
    from dinamis.core.secrets import MemorySecretStore
    api.use_profile(api.local_reference(local_profile.stac_url.rsplit("/stac/", 1)[0]),
                    MemorySecretStore())
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:downloadimages", {
            "INPUT": footprint_layer([("pleiades", "x")]),
            "OUTPUT_FOLDER": str(tmp_path / "images")})
    assert "log in" in str(error.value).lower()


def test_download_with_a_pending_account_says_so(processing, local_profile, server,
                                                 logged_in_as, tmp_path):
    (collection, item_id), _files = next(iter(items_with_files(server).items()))
    logged_in_as("paul")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:downloadimages", {
            "INPUT": footprint_layer([(collection, item_id)]),
            "OUTPUT_FOLDER": str(tmp_path / "images")})
    assert "awaiting validation" in str(error.value)
    assert not (tmp_path / "images" / item_id).exists()


def test_download_from_a_layer_without_ids_says_which_fields(processing, local_profile,
                                                             tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "other", "memory")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:downloadimages", {"INPUT": layer,
                                                  "OUTPUT_FOLDER": str(tmp_path / "images")})
    assert '"id" and "collection"' in str(error.value)


def test_a_download_cut_short_is_never_a_file(processing, local_profile, server,
                                              logged_in_as, tmp_path):
    """A body cut mid-way (urllib3 1.26 would pass it as a short success) is fetched again
    from where it stopped; what is kept is the whole, verified file."""
    (collection, item_id), files = next(iter(items_with_files(server).items()))
    logged_in_as("alice")
    server.set_faults(drop_next=1, paths=["/s3/dinamis-catalogue/"])
    result = processing.run("dinamis:downloadimages", {
        "INPUT": footprint_layer([(collection, item_id)]),
        "OUTPUT_FOLDER": str(tmp_path / "images")})
    assert server.counters()["faults_drop"] == 1
    assert result["DOWNLOADED"] == len(files) and result["FAILED"] == 0
    for name, original in files.items():
        assert sha256(tmp_path / "images" / item_id / name) == sha256(original)
"""The download algorithms in real QGIS Processing against the reference server: verified
batches, injected faults, a corrupt file, a killed run resumed, a model chaining search
and download, qgis_process headless, and clipped downloads checked pixel for pixel."""
import json
import logging.handlers
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import requests
from osgeo import gdal
from qgis.core import (QgsProcessingFeatureSourceDefinition, QgsProcessingFeedback,
                       QgsProcessingModelAlgorithm,
                       QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                       QgsProcessingModelParameter, QgsProcessingParameterExtent,
                       QgsProcessingParameterFolderDestination, QgsVectorLayer)

from tests.core.conftest import server_config  # noqa: F401 - fixture
from tests.qgis.conftest import create_api_key
from tests.qgis.test_processing import (footprint_layer, items_with_files, logged_in_as,  # noqa: F401
                                        processing, sha256)

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.fixture
def out(tmp_path):
    """The download folder (tmp_path also holds the test's QGIS settings)."""
    return tmp_path / "images"


def all_files(server):
    """[(collection, item id, {file name: server path})] of the items with real files."""
    return [(c, i, files) for (c, i), files in items_with_files(server).items()]


def first_real_item(server):
    """(collection, item id, {file name: server path}, bbox) of an item with real files."""
    collection, item_id, files = all_files(server)[0]
    item = requests.get(server.url(f"/stac/collections/{collection}/items/{item_id}"),
                        timeout=10).json()
    return collection, item_id, files, item["bbox"] or _bbox(item["geometry"])


def assert_intact(folder, server, refs=None):
    count = 0
    for collection, item_id, files in all_files(server):
        if refs is not None and (collection, item_id) not in refs:
            continue
        for name, original in files.items():
            copy = Path(folder) / item_id / name
            assert sha256(copy) == sha256(original), copy
            count += 1
    assert not list(Path(folder).rglob("*.part"))
    return count


def report_rows(result):
    layer = QgsVectorLayer(result["OUTPUT_TABLE"], "report", "ogr") \
        if isinstance(result["OUTPUT_TABLE"], str) else result["OUTPUT_TABLE"]
    if isinstance(result["OUTPUT_TABLE"], str) and not layer.isValid():
        from qgis.core import QgsProcessingUtils
        layer = QgsProcessingUtils.mapLayerFromString(result["OUTPUT_TABLE"], None)
    return [{name: f[name] for name in layer.fields().names()} for f in layer.getFeatures()]


def test_batch_from_a_layer_completes_and_every_checksum_verifies(
        processing, local_profile, server, logged_in_as, tmp_path, out):
    logged_in_as("alice")
    refs = [(c, i) for c, i, _files in all_files(server)]
    result = processing.run("dinamis:downloadimages", {
        "INPUT": footprint_layer(refs), "WORKERS": 3, "OUTPUT_FOLDER": str(out),
        "OUTPUT_TABLE": str(tmp_path / "report.gpkg")})
    files = assert_intact(out, server)
    assert result["DOWNLOADED"] == files and result["FAILED"] == 0
    rows = report_rows(result)
    assert len(rows) == files
    assert {r["status"] for r in rows} == {"downloaded"}
    assert {r["checksum"] for r in rows} == {"verified"}
    assert all(Path(r["path"]).stat().st_size == r["size"] for r in rows)


def test_selected_footprints_only(processing, local_profile, server, logged_in_as, out):
    logged_in_as("alice")
    refs = [(c, i) for c, i, _files in all_files(server)]
    layer = footprint_layer(refs)
    layer.selectByIds([next(iter(layer.allFeatureIds()))])
    chosen = next(layer.getSelectedFeatures())
    result = processing.run("dinamis:downloadimages", {
        "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True),
        "OUTPUT_FOLDER": str(out)}, context=_context_with(layer))
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [chosen["id"]]
    assert result["DOWNLOADED"] == assert_intact(out, server,
                                                 {(chosen["collection"], chosen["id"])})


def _context_with(layer):
    from qgis.core import QgsProcessingContext, QgsProject
    project = QgsProject()
    project.addMapLayer(layer, False)
    context = QgsProcessingContext()
    context.setProject(project)
    context._keep = project  # noqa: SLF001 - keep the project alive as long as the context
    return context


def test_twenty_percent_faults_every_file_still_arrives_intact(
        processing, local_profile, server, logged_in_as, server_config, tmp_path, out):
    server_config(access_token_lifetime=3)  # the login's token expires mid-batch
    server.set_config(signature_default_duration=3)  # and signatures on the way
    try:
        logged_in_as("alice")
        ids = "\n".join(i for _c, i, _files in all_files(server))
        server.set_faults(fail_next=1, rate_limit_next=1, drop_next=1, stall_next=1,
                          error_rate=0.05, error_status=500, rate_limit_rate=0.05,
                          drop_rate=0.1, retry_after=1, latency_ms=400, stall_ms=40000,
                          paths=["/s3/dinamis-catalogue/"], seed=3)
        started = time.monotonic()
        feedback = EverythingFeedback()
        logged = logging.handlers.BufferingHandler(100_000)
        logging.getLogger("dinamis").addHandler(logged)
        logging.getLogger("dinamis").setLevel(logging.DEBUG)
        result = processing.run("dinamis:downloadimages", {
            "IDS": ids, "WORKERS": 2, "OUTPUT_FOLDER": str(out),
            "OUTPUT_TABLE": str(tmp_path / "report.csv")}, feedback=feedback)
        elapsed = time.monotonic() - started
    finally:
        server.clear_faults()
        server.set_config(signature_default_duration=8 * 3600)
        logging.getLogger("dinamis").removeHandler(logged)
    counters = server.counters()
    for fault in ("error", "rate_limit", "drop", "stall"):
        assert counters.get(f"faults_{fault}", 0) >= 1, fault
    assert counters.get("object_refused_expired", 0) >= 1
    assert counters["refresh_grants"] >= 1
    assert result["FAILED"] == 0
    assert result["DOWNLOADED"] + result["RESUMED"] == assert_intact(out, server)
    assert elapsed < 40  # the stalled connection did not hang the batch (40 s silence)
    # Retries, re-signing and token refreshes said nothing secret: no signed url, no token,
    # in what Processing showed or in the files it left (manifest, report table).
    # The plugin's log (DEBUG) is checked too: retries and re-signing are logged there.
    shown = feedback.texts + [p.read_text("utf-8", "replace") for p in [tmp_path / "report.csv",
                              *out.glob("*.json")]] + [r.getMessage() for r in logged.buffer]
    assert len(feedback.texts) > 10 and any("retrying" in r.getMessage()
                                            for r in logged.buffer)
    assert [t for t in shown if "X-Amz-Signature" in t or "eyJ" in t] == []


def test_a_file_served_corrupted_is_reported_not_accepted(
        processing, local_profile, server, logged_in_as, tmp_path, out):
    logged_in_as("alice")
    collection, item_id, files = all_files(server)[0]
    name = sorted(files)[0]
    server.set_faults(corrupt_rate=1, paths=[f"/s3/dinamis-catalogue/{collection}/{item_id}/{name}"])
    feedback = WarningsFeedback()
    result = processing.run("dinamis:downloadimages", {
        "IDS": item_id, "OUTPUT_FOLDER": str(out),
        "OUTPUT_TABLE": str(tmp_path / "report.gpkg")}, feedback=feedback)
    assert result["FAILED"] == 1 and result["DOWNLOADED"] == len(files) - 1
    assert not (out / item_id / name).exists()
    bad = next(r for r in report_rows(result) if r["status"] == "failed")
    assert bad["checksum"] == "corrupt" and "checksum" in bad["reason"]
    # the last word says what to do about it
    assert f"1 of {len(files)} files failed" in feedback.warnings[-1]
    assert "Run the same download again" in feedback.warnings[-1]


class EverythingFeedback(QgsProcessingFeedback):
    """Keeps every text an algorithm shows the user, whatever the channel."""

    def __init__(self):
        super().__init__()
        self.texts = []

    def setProgressText(self, text):  # noqa: N802 - QGIS's names
        self.texts.append(text)

    def pushInfo(self, info):  # noqa: N802
        self.texts.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.texts.append(warning)

    def pushDebugInfo(self, info):  # noqa: N802
        self.texts.append(info)

    def pushCommandInfo(self, info):  # noqa: N802
        self.texts.append(info)

    def pushConsoleInfo(self, info):  # noqa: N802
        self.texts.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.texts.append(error)


class WarningsFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 - QGIS's name
        super().pushWarning(warning)
        self.warnings.append(warning)


# --- headless: qgis_process ------------------------------------------------------------
def qgis_profile(tmp_path, server):
    """A throw-away QGIS profile folder with the plugin installed and pointed at `server`."""
    from scripts.demo_profile import build_profile
    config = tmp_path / "qgis-config"
    build_profile(config, server.base_url, name="default")
    return config


def qgis_process_env(config, key):
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config),
                DINAMIS_ACCESS_KEY=key["access-key"], DINAMIS_SECRET_KEY=key["secret-key"])


def test_qgis_process_runs_a_download_with_an_api_key(server, tmp_path):
    key = create_api_key(server, "alice")
    collection, item_id, files = all_files(server)[0]
    out = tmp_path / "images"
    done = subprocess.run(
        [QGIS_PROCESS, "--json", "run", "dinamis:downloadimages", "--", f"IDS={item_id}",
         f"OUTPUT_FOLDER={out}"], env=qgis_process_env(qgis_profile(tmp_path, server), key),
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)["results"]
    assert results["DOWNLOADED"] == len(files) and results["FAILED"] == 0
    assert assert_intact(out, server, {(collection, item_id)}) == len(files)
    assert key["secret-key"] not in done.stdout + done.stderr


STORE_LOGIN = """
import sys
sys.path[:0] = [{build!r}, {root!r}]
from tests.core.conftest import login_as
from tests.server_process import ServerProcess
server = ServerProcess.__new__(ServerProcess)
server.base_url = {base!r}
if {by_plugin!r}:  # logged in from QGIS: the plugin's store, in this QGIS profile
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from dinamis.qgis_glue.plugin_session import default_secret_store
    store = default_secret_store()
else:  # dinamis.login() in a script outside QGIS: the system keyring
    from dinamis.core.secrets import KeyringSecretStore
    store = KeyringSecretStore()
login_as(server, "alice", secret_store=store)
"""


@pytest.mark.parametrize("by_plugin", [True, False], ids=["plugin", "console"])
def test_qgis_process_uses_the_login_kept_in_the_keyring(server, tmp_path, by_plugin):
    """A login made once (kept in a real Secret Service: a private D-Bus session with an
    unlocked gnome-keyring) is resumed by a headless qgis_process run."""
    collection, item_id, files = all_files(server)[0]
    out = tmp_path / "images"
    store = STORE_LOGIN.format(build=str(ROOT / "build"), root=str(ROOT), base=server.base_url,
                               by_plugin=by_plugin)
    shell = ("echo -n unlock | gnome-keyring-daemon --unlock --components=secrets "
             ">/dev/null 2>&1; \"$1\" -c \"$0\" || exit 3; "
             f"exec {QGIS_PROCESS} --json run dinamis:downloadimages -- IDS={item_id} "
             f"OUTPUT_FOLDER={out}")
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path),
               QT_QPA_PLATFORM="offscreen",
               QGIS_CUSTOM_CONFIG_PATH=str(qgis_profile(tmp_path, server)))
    for name in ("DINAMIS_ACCESS_KEY", "DINAMIS_SECRET_KEY"):
        env.pop(name, None)
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", shell, store,
                           sys.executable], capture_output=True, text=True, timeout=300,
                          env=env)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    results = json.loads(done.stdout[done.stdout.index("{"):])["results"]
    assert results["DOWNLOADED"] == len(files) and results["FAILED"] == 0
    assert assert_intact(out, server, {(collection, item_id)}) == len(files)


def test_a_download_killed_halfway_resumes_without_fetching_again_what_it_had(
        processing, local_profile, server, logged_in_as, tmp_path):
    key = create_api_key(server, "alice")
    ids = ",".join(i for _c, i, _files in all_files(server))
    total = sum(p.stat().st_size for _c, _i, files in all_files(server) for p in files.values())
    out = tmp_path / "images"
    server.set_faults(throttle_kbps=40, paths=["/s3/dinamis-catalogue/"])  # a slow network
    run = subprocess.Popen(
        [QGIS_PROCESS, "run", "dinamis:downloadimages", "--", f"IDS={ids}", "WORKERS=8",
         f"OUTPUT_FOLDER={out}"], env=qgis_process_env(qgis_profile(tmp_path, server), key),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and run.poll() is None:
            if sum(p.stat().st_size for p in out.rglob("*.part")) >= total * 0.45:
                break
            time.sleep(0.05)
        assert run.poll() is None, "the download finished before it could be killed"
        os.killpg(run.pid, signal.SIGKILL)
        run.wait(10)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    server.clear_faults()
    parts = {p: p.stat().st_size for p in out.rglob("*.part")}
    kept = sum(parts.values())
    assert 0.3 * total < kept < total and not list(out.rglob("*.tif"))

    server.reset_counters()
    logged_in_as("alice")
    result = processing.run("dinamis:downloadimages", {"IDS": ids, "OUTPUT_FOLDER": str(out)})
    assert result["RESUMED"] == len([size for size in parts.values() if size])
    assert result["FAILED"] == 0
    assert_intact(out, server)
    served = sum(n for path, n in server.counters()["bytes_by_path"].items()
                 if path.startswith("/s3/dinamis-catalogue/"))
    assert served == total - kept  # not one byte it had was fetched again


# --- the Model Designer: search -> download ----------------------------------------------
def search_then_download_model():
    model = QgsProcessingModelAlgorithm("search then download", "DINAMIS tests")
    extent = QgsProcessingModelParameter("extent")
    model.addModelParameter(QgsProcessingParameterExtent("extent", "Extent"), extent)
    folder = QgsProcessingModelParameter("folder")
    model.addModelParameter(QgsProcessingParameterFolderDestination("folder", "Folder"),
                            folder)
    search = QgsProcessingModelChildAlgorithm("dinamis:searchcatalogue")
    search.setChildId("search")
    search.addParameterSources("EXTENT", [QgsProcessingModelChildParameterSource
                                          .fromModelParameter("extent")])
    search.addParameterSources("AVAILABILITY", [QgsProcessingModelChildParameterSource
                                                .fromStaticValue(1)])
    search.addParameterSources("MAX_ITEMS", [QgsProcessingModelChildParameterSource
                                             .fromStaticValue(20)])
    download = QgsProcessingModelChildAlgorithm("dinamis:downloadimages")
    download.setChildId("download")
    download.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource
                                           .fromChildOutput("search", "OUTPUT")])
    download.addParameterSources("OUTPUT_FOLDER", [QgsProcessingModelChildParameterSource
                                                   .fromModelParameter("folder")])
    download.addParameterSources("ASSETS", [QgsProcessingModelChildParameterSource
                                            .fromStaticValue("src_pan")])
    from qgis.core import QgsProcessingModelOutput
    output = QgsProcessingModelOutput("report", "report")
    output.setChildOutputName("OUTPUT_TABLE")
    download.setModelOutputs({"report": output})
    for child in (search, download):
        with_defaults(child)
        model.addChildAlgorithm(child)
    return model


def with_defaults(child):
    """What the Model Designer does: every parameter left alone keeps its default."""
    from qgis.core import QgsApplication
    algorithm = QgsApplication.processingRegistry().algorithmById(child.algorithmId())
    for definition in algorithm.parameterDefinitions():
        if definition.name() not in child.parameterSources() and \
                definition.defaultValue() is not None and not definition.isDestination():
            child.addParameterSources(definition.name(), [
                QgsProcessingModelChildParameterSource.fromStaticValue(
                    definition.defaultValue())])


def test_a_model_chaining_search_and_download_runs(processing, local_profile, server,
                                                   logged_in_as, tmp_path, out):
    logged_in_as("alice")
    _collection, item_id, files, (west, south, east, north) = first_real_item(server)
    model = search_then_download_model()
    valid, problems = model.validate()
    assert valid, problems
    result = processing.run(model, {
        "extent": f"{west},{east},{south},{north} [EPSG:4326]",
        "folder": str(out), "download:report": str(tmp_path / "report.gpkg")})
    rows = [{n: f[n] for n in ("item_id", "status")} for f in
            QgsVectorLayer(result["download:report"], "r", "ogr").getFeatures()]
    assert {"item_id": item_id, "status": "downloaded"} in rows
    pan = next(n for n in files if n.endswith("_PAN.tif"))
    assert sha256(out / item_id / pan) == sha256(files[pan])


def _bbox(geometry):
    xs = [p[0] for p in geometry["coordinates"][0]]
    ys = [p[1] for p in geometry["coordinates"][0]]
    return min(xs), min(ys), max(xs), max(ys)


# --- clipped downloads --------------------------------------------------------------------
def test_a_clipped_download_matches_the_local_window_pixel_for_pixel(
        processing, local_profile, server, logged_in_as, tmp_path, out):
    logged_in_as("alice")
    collection, item_id, files = all_files(server)[0]
    pan = files[next(n for n in files if n.endswith("_PAN.tif"))]
    local = gdal.Open(str(pan))
    x0, dx, _, y0, _, dy = local.GetGeoTransform()
    epsg = local.GetSpatialRef().GetAuthorityCode(None)
    # a window of 100 x 60 pixels starting at (130, 210), as an extent in the image's CRS
    xmin, xmax = x0 + 130 * dx, x0 + 230 * dx
    ymax, ymin = y0 + 210 * dy, y0 + 270 * dy
    server.reset_counters()
    result = processing.run("dinamis:downloadclipped", {
        "IDS": item_id, "ASSETS": "src_pan",
        "EXTENT": f"{xmin + dx / 4},{xmax - dx / 4},{ymin - dy / 4},{ymax + dy / 4} "
                  f"[EPSG:{epsg}]",
        "OUTPUT_FOLDER": str(out)})
    assert result["DOWNLOADED"] == 1 and result["FAILED"] == 0
    clipped = gdal.Open(str(out / item_id / pan.name))
    assert (clipped.RasterXSize, clipped.RasterYSize) == (100, 60)
    assert clipped.GetGeoTransform() == pytest.approx((xmin, dx, 0, ymax, 0, dy))
    assert clipped.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    window = local.GetRasterBand(1).ReadAsArray(130, 210, 100, 60)
    assert np.array_equal(clipped.GetRasterBand(1).ReadAsArray(), window)
    read = server.counters()["bytes_by_path"]
    remote = f"/s3/dinamis-catalogue/{collection}/{item_id}/{pan.name}"
    # the header and the 2 of the 4 full-resolution tiles the window touches
    assert 0 < read[remote] < pan.stat().st_size * 0.75


def test_a_clipped_download_reprojected_and_resampled(processing, local_profile, server,
                                                      logged_in_as, tmp_path, out):
    logged_in_as("alice")
    _collection, item_id, files, (west, south, east, north) = first_real_item(server)
    area = QgsVectorLayer("Polygon?crs=EPSG:4326", "area", "memory")
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle
    feature = QgsFeature()
    cx, cy = (west + east) / 2, (south + north) / 2
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(cx - 0.002, cy - 0.002,
                                                          cx + 0.002, cy + 0.002)))
    area.dataProvider().addFeatures([feature])
    result = processing.run("dinamis:downloadclipped", {
        "IDS": item_id, "ASSETS": "src_xs", "AREA": area, "TARGET_CRS": "EPSG:4326",
        "RESOLUTION": 0.0001, "RESAMPLING": 0, "FORMAT": 1,
        "OUTPUT_FOLDER": str(out)})
    assert result["DOWNLOADED"] == 1
    xs = next(n for n in files if n.endswith("_MS.tif"))
    clipped = gdal.Open(str(out / item_id / xs))
    assert clipped.GetSpatialRef().GetAuthorityCode(None) == "4326"
    assert clipped.GetGeoTransform()[1] == pytest.approx(0.0001)
    assert clipped.RasterXSize in (40, 41) and clipped.RasterYSize in (40, 41)  # aligned
    assert clipped.RasterCount == 4
    # every pixel came from a fetched tile (one left out would read as 0, the nodata)
    assert clipped.ReadAsArray().min() > 0


def _in_the_image(server, crs_suffix=" [EPSG:4326]"):
    """(item id, an extent text inside its first real image)."""
    _collection, item_id, _files, (west, south, east, north) = first_real_item(server)
    cx, cy = (west + east) / 2, (south + north) / 2
    return item_id, f"{cx - 0.001},{cx + 0.001},{cy - 0.001},{cy + 0.001}{crs_suffix}"


def _layer_without_crs(server, tmp_path):
    """A shapefile over the first real image, without its .prj: no CRS (a memory layer
    would get QGIS's default one)."""
    from osgeo import ogr
    _collection, _item, _files, (west, south, east, north) = first_real_item(server)
    path = str(tmp_path / "no_crs.shp")
    data = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    layer = data.CreateLayer("no_crs", None, ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON(({west} {south},{east} {south},{east} {north},{west} {north},"
        f"{west} {south}))"))
    layer.CreateFeature(feature)
    data = None  # written
    return path


def _file_in_the_way(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    return str(blocker / "images")


@pytest.mark.parametrize("algorithm,parameters,words", [
    ("downloadimages", lambda s, t: {"IDS": "NOT_AN_ITEM"},
     "None of these items is in the catalogue: NOT_AN_ITEM"),
    ("downloadimages", lambda s, t: {"IDS": _in_the_image(s)[0], "ASSETS": "nope"},
     "Nothing to download"),
    ("downloadimages", lambda s, t: {"IDS": _in_the_image(s)[0],
                                     "OUTPUT_FOLDER": _file_in_the_way(t)},
     "Cannot write in the folder"),
    ("downloadclipped", lambda s, t: {"IDS": _in_the_image(s)[0],
                                      "EXTENT": _in_the_image(s)[1],
                                      "OUTPUT_FOLDER": _file_in_the_way(t)},
     "Cannot write in the folder"),
    ("downloadclipped", lambda s, t: {"IDS": _in_the_image(s)[0],
                                      "EXTENT": _in_the_image(s, "")[1]},
     "extent has no coordinate reference system"),
    ("downloadclipped", lambda s, t: {"IDS": _in_the_image(s)[0],
                                      "AREA": _layer_without_crs(s, t)},
     "layer has no coordinate reference system"),
    ("downloadclipped", lambda s, t: {"IDS": _in_the_image(s)[0],
                                      "EXTENT": _in_the_image(s)[1],
                                      "TARGET_CRS": "EPSG:999999"},
     "Unknown target coordinate system"),
], ids=["unknown id", "missing asset", "folder", "clip folder", "extent crs", "layer crs",
        "target crs"])
def test_bad_input_is_a_clear_message_never_a_traceback(
        processing, local_profile, server, logged_in_as, tmp_path, out, algorithm,
        parameters, words):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProject
    from qgis.core import QgsProcessingException
    logged_in_as("alice")
    context = QgsProcessingContext()
    project = QgsProject()  # no CRS: a bare extent has none either, as in qgis_process
    project.setCrs(QgsCoordinateReferenceSystem())
    context.setProject(project)
    with pytest.raises(QgsProcessingException) as error:
        processing.run(f"dinamis:{algorithm}", {"OUTPUT_FOLDER": str(out),
                                                **parameters(server, tmp_path)},
                       context=context)
    assert words in str(error.value)
    assert "Traceback" not in str(error.value) and "Errno" not in str(error.value)


def test_a_clip_outside_the_image_or_too_coarse_says_so(
        processing, local_profile, server, logged_in_as, tmp_path, out):
    logged_in_as("alice")
    item_id, inside = _in_the_image(server)
    feedback = WarningsFeedback()
    result = processing.run("dinamis:downloadclipped", {
        "IDS": item_id, "EXTENT": "-170,-169,-80,-79 [EPSG:4326]", "OUTPUT_FOLDER": str(out),
        "OUTPUT_TABLE": str(tmp_path / "outside.gpkg")}, feedback=feedback)
    rows = report_rows(result)
    assert {r["status"] for r in rows} == {"outside"} and result["SKIPPED"] == 0
    assert {r["reason"] for r in rows} == {"The image does not cover the area."}
    result = processing.run("dinamis:downloadclipped", {
        "IDS": item_id, "EXTENT": inside, "TARGET_CRS": "EPSG:4326", "RESOLUTION": 50,
        "OUTPUT_FOLDER": str(out), "OUTPUT_TABLE": str(tmp_path / "coarse.gpkg")})
    rows = report_rows(result)
    assert result["FAILED"] == len(rows) and rows
    assert all("coarser than the area" in r["reason"] for r in rows)
    assert not list(out.rglob("*.tif"))


def test_clipped_download_needs_an_area(processing, local_profile, tmp_path, out):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:downloadclipped", {"IDS": "x", "OUTPUT_FOLDER": str(out)})
    assert "area of interest" in str(error.value)


def test_downloaded_images_are_added_to_the_map(processing, local_profile, server,
                                                logged_in_as, out):
    from qgis.core import QgsProject, QgsRasterLayer
    logged_in_as("alice")
    _collection, item_id, files, _bbox4 = first_real_item(server)
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("dinamis:downloadimages", {
        "IDS": item_id, "LOAD": True, "OUTPUT_FOLDER": str(out)})
    added = [layer for key, layer in project.mapLayers().items() if key not in before]
    rasters = sorted(Path(layer.source()).name for layer in added
                     if isinstance(layer, QgsRasterLayer))
    assert rasters == sorted(files)
    assert all(layer.isValid() for layer in added)
    assert not any("X-Amz" in layer.source() for layer in added)  # local files, no secret
    project.removeMapLayers([layer.id() for layer in added])


class CancelWhenBytesArrive(QgsProcessingFeedback):
    """The user pressing Cancel once the download is under way."""

    def setProgress(self, progress):  # noqa: N802 - QGIS's name
        super().setProgress(progress)
        if progress > 0 and not self.isCanceled():
            self.cancelled_at = time.monotonic()
            self.cancel()


def test_cancel_stops_the_download_within_a_second_leaving_parts(
        processing, local_profile, server, logged_in_as, out):
    logged_in_as("alice")
    ids = ",".join(i for _c, i, _files in all_files(server))
    server.set_faults(throttle_kbps=20, paths=["/s3/dinamis-catalogue/"])
    feedback = CancelWhenBytesArrive()
    processing.run("dinamis:downloadimages", {"IDS": ids, "OUTPUT_FOLDER": str(out)},
                   feedback=feedback)
    stopped = time.monotonic()
    server.clear_faults()
    assert stopped - feedback.cancelled_at < 1.5
    assert list(out.rglob("*.part")) and not list(out.rglob("*.tif"))


def test_processing_downloads_with_the_panels_login(processing, controller, server, out):
    """Inside QGIS the algorithms use the plugin's login (the console host's controller)."""
    from dinamis.qgis_glue.plugin_session import ConsoleHost
    from tests.qgis.conftest import wait_until
    key = create_api_key(server, "alice")
    _collection, item_id, files, _bbox4 = first_real_item(server)
    host = ConsoleHost(controller)
    host.attach()
    try:
        controller.login_api_key(key["access-key"], key["secret-key"])
        assert wait_until(lambda: controller.state == "logged_in"), controller.error
        result = processing.run("dinamis:downloadimages", {"IDS": item_id,
                                                           "OUTPUT_FOLDER": str(out)})
    finally:
        host.detach()
    assert result["DOWNLOADED"] == len(files)


def test_batch_rows_run_as_background_tasks(processing, local_profile, server, logged_in_as,
                                            tmp_path):
    """What the dialog's batch mode does: each row a QgsProcessingAlgRunnerTask on
    QGIS's task manager (a worker thread), with its own parameters."""
    from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                           QgsProject)
    from tests.qgis.conftest import wait_until
    logged_in_as("alice")
    algorithm = QgsApplication.processingRegistry().algorithmById("dinamis:downloadimages")
    rows = [(item_id, tmp_path / f"row{index}")
            for index, (_c, item_id, _files) in enumerate(all_files(server)[:2])]
    finished, keep = [], []
    for item_id, folder in rows:
        context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
        context.setProject(QgsProject.instance())
        task = QgsProcessingAlgRunnerTask(algorithm, {"IDS": item_id,
                                                      "OUTPUT_FOLDER": str(folder)},
                                          context, feedback)
        task.executed.connect(lambda ok, results: finished.append((ok, results)))
        keep.append((task, context, feedback))
        QgsApplication.taskManager().addTask(task)
    assert wait_until(lambda: len(finished) == len(rows), timeout=60)
    assert all(ok and results["DOWNLOADED"] >= 1 for ok, results in finished), finished
    for (collection, item_id, _files), (_id, folder) in zip(all_files(server), rows):
        assert_intact(folder, server, {(collection, item_id)})

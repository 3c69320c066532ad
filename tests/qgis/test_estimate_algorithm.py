"""Processing "Estimate a request" in real QGIS Processing against the reference server:
per-feature area, free and paid parts and price equal DINAMIS's own quotes, bad areas are
explained, no login still gives areas, and the algorithm runs inside a model."""
import pytest
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry,
                       QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                       QgsProcessingModelChildParameterSource, QgsProcessingModelOutput,
                       QgsProcessingModelParameter, QgsProcessingParameterVectorLayer,
                       QgsProject, QgsVectorFileWriter, QgsVectorLayer, NULL)

from dinamis.core.secrets import MemorySecretStore
from tests.core.conftest import login_as
from tests.qgis.test_processing import processing  # noqa: F401 - the Processing fixture

AREAS = {  # Lambert-93 polygons
    "vineyards": "POLYGON((740000 6260000, 772000 6258000, 775000 6284000, 752000 6290000,"
                 " 738000 6278000, 740000 6260000))",
    "too small": "POLYGON((700000 6200000, 704000 6200000, 704000 6204000, 700000 6204000,"
                 " 700000 6200000))",
    "bow tie": "POLYGON((700000 6300000, 730000 6330000, 730000 6300000, 700000 6330000,"
               " 700000 6300000))",
}


@pytest.fixture
def areas_file(tmp_path, qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=name:string", "areas", "memory")
    features = []
    for name, wkt in AREAS.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttribute("name", name)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = tmp_path / "areas.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options)[0]
    assert error == QgsVectorFileWriter.WriterError.NoError
    return path


@pytest.fixture
def console_login(server, local_profile):
    """The plugin's login as the console API shares it (what the plugin does in QGIS)."""
    from dinamis import api

    def log_in(username):
        api._set_session(login_as(server, username))
    yield log_in
    api._set_session(None)


def is_null(value) -> bool:
    return value is None or value == NULL


def by_name(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return {f["name"]: f for f in layer.getFeatures()}, layer


def test_each_area_is_estimated_as_dinamis_quotes_it(processing, areas_file, console_login,
                                                    tmp_path):
    console_login("alice")
    out = tmp_path / "estimates.gpkg"
    result = processing.run("dinamis:estimaterequest", {
        "INPUT": str(areas_file), "KIND": 0, "SENSOR": "pleiades", "CONFIRM": True,
        "OUTPUT": str(out)})
    rows, layer = by_name(out)
    assert layer.crs() == QgsCoordinateReferenceSystem("EPSG:2154")  # the input's CRS kept
    vineyards = rows["vineyards"]
    assert vineyards["area_km2"] == pytest.approx(937.33, abs=0.01)
    assert vineyards["area_km2"] == pytest.approx(vineyards["dinamis_km2"], abs=0.006)
    assert vineyards["price_eur"] == pytest.approx(vineyards["dinamis_eur"], abs=0.02)
    assert vineyards["free_km2"] + vineyards["paid_km2"] == pytest.approx(
        vineyards["area_km2"], abs=0.02)
    assert "minimum order of 100 km²" in rows["too small"]["problems"]
    assert "crosses itself" in rows["bow tie"]["problems"]
    assert is_null(rows["bow tie"]["area_km2"])  # an undefined area is not made up
    assert result["TOTAL_AREA"] == pytest.approx(937.33 + rows["too small"]["area_km2"],
                                                 abs=0.02)


def test_a_large_area_over_the_free_quota_is_priced_and_warned(processing, console_login,
                                                               tmp_path, qgis_app):
    console_login("bruno")  # public actor: 3,500 km² free, then 1.8 €/km² for programming
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "big", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((3 43, 4 43, 4 44, 3 44, 3 43))"))
    feature.setAttribute("name", "big")
    layer.dataProvider().addFeatures([feature])
    result = processing.run("dinamis:estimaterequest", {
        "INPUT": layer, "KIND": 0, "SENSOR": "pleiades", "CONFIRM": True,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    row = next(result["OUTPUT"].getFeatures())
    assert row["eur_per_km2"] == 1.8 and row["paid_km2"] > 0
    assert row["price_eur"] == pytest.approx(row["dinamis_eur"], abs=0.02)
    assert "exceeds your free quota of" in row["warnings"]


def test_without_a_login_the_areas_are_still_written(processing, areas_file, local_profile,
                                                     tmp_path):
    from dinamis import api
    api._set_session(None)
    api.use_profile(local_profile, secret_store=MemorySecretStore())
    feedback = QgsProcessingFeedback()
    out = tmp_path / "areas-only.gpkg"
    processing.run("dinamis:estimaterequest", {
        "INPUT": str(areas_file), "KIND": 0, "SENSOR": "pleiades", "OUTPUT": str(out)},
        feedback=feedback)
    rows, _layer = by_name(out)
    assert rows["vineyards"]["area_km2"] == pytest.approx(937.33, abs=0.01)
    assert is_null(rows["vineyards"]["price_eur"])
    assert "Not logged in" in feedback.textLog()


def test_an_unknown_sensor_is_refused_with_the_servers_list(processing, areas_file,
                                                            console_login):
    console_login("alice")
    with pytest.raises(QgsProcessingException, match="spot-6-7"):
        processing.run("dinamis:estimaterequest", {
            "INPUT": str(areas_file), "KIND": 0, "SENSOR": "landsat",
            "OUTPUT": "TEMPORARY_OUTPUT"})


def test_the_algorithm_runs_inside_a_model(processing, areas_file, console_login, tmp_path):
    console_login("alice")
    model = QgsProcessingModelAlgorithm("Estimate my areas", "DINAMIS")
    model.addModelParameter(QgsProcessingParameterVectorLayer("areas", "Areas"),
                            QgsProcessingModelParameter("areas"))
    child = QgsProcessingModelChildAlgorithm("dinamis:estimaterequest")
    child.setChildId("estimate")
    child.addParameterSources("INPUT", [
        QgsProcessingModelChildParameterSource.fromModelParameter("areas")])
    child.addParameterSources("SENSOR", [
        QgsProcessingModelChildParameterSource.fromStaticValue("spot-6-7")])
    child.addParameterSources("KIND", [
        QgsProcessingModelChildParameterSource.fromStaticValue(0)])
    output = QgsProcessingModelOutput("estimates", "Estimates")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"estimates": output})
    model.addChildAlgorithm(child)
    out = tmp_path / "model.gpkg"
    context = QgsProcessingContext()
    results, ok = model.run({"areas": str(areas_file), "estimate:estimates": str(out)},
                            context, QgsProcessingFeedback())
    assert ok, results
    rows, _layer = by_name(out)
    assert rows["vineyards"]["area_km2"] == pytest.approx(937.33, abs=0.01)
    assert rows["vineyards"]["eur_per_km2"] == 0.5  # SPOT 6/7, from the server's rules

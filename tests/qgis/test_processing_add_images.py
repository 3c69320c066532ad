"""Processing algorithm "dinamis:addimages" through processing.run, runAndLoadResults and
a model, against the reference server: streamed layers that render, loaded into the
project on completion, re-signed and saved unsigned like every streamed layer."""
import pytest
from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingModelAlgorithm,
                       QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                       QgsProcessingModelParameter, QgsProcessingParameterString, QgsProject)

from tests.qgis.streaming_helpers import painted_pixels, render, saved_text
from tests.qgis.test_processing import footprint_layer, logged_in_as, processing  # noqa: F401


@pytest.fixture(scope="module")
def items(reference_server):
    return reference_server.real_cog_items()


@pytest.fixture
def clean_project():
    yield QgsProject.instance()
    QgsProject.instance().clear()


def test_algorithm_is_registered_with_help(processing):
    algorithm = QgsApplication.processingRegistry().algorithmById("dinamis:addimages")
    assert algorithm is not None
    assert "without downloading" in algorithm.shortHelpString()
    assert [p.name() for p in algorithm.parameterDefinitions()] == ["INPUT", "IDS", "ASSETS",
                                                                   "MOSAIC"]


def test_footprints_become_streamed_layers(processing, local_profile, logged_in_as, items,
                                           clean_project):
    logged_in_as("alice")
    footprints = footprint_layer([(i["collection"], i["id"]) for i in items[:2]])
    result = processing.run("dinamis:addimages", {"INPUT": footprints, "ASSETS": "src_xs"})
    layers = result["LAYERS"]
    assert len(layers) == 2
    for layer in layers:
        assert layer.isValid() and layer.renderer().type() == "multibandcolor"
        assert painted_pixels(render([layer])) > 3000
    assert {layer.metadata().identifier() for layer in layers} == {i["id"] for i in items[:2]}


def test_run_and_load_results_adds_them_to_the_project_unsigned_when_saved(
        processing, controller, logged_in_as, items, clean_project, tmp_path):
    logged_in_as("alice")
    ids = " ".join(i["id"] for i in items[:3])
    processing.runAndLoadResults("dinamis:addimages", {"IDS": ids, "ASSETS": "src_pan",
                                                       "MOSAIC": True})
    [layer] = clean_project.mapLayers().values()
    assert layer.name().startswith("Mosaic of 3 images") and layer.isValid()
    assert painted_pixels(render([layer])) > 3000
    from dinamis.qgis_glue.signed_layers import SignedLayerKeeper  # what the plugin installs
    keeper = SignedLayerKeeper(controller)
    keeper.install()
    try:
        path = tmp_path / "processing.qgz"
        assert clean_project.write(str(path))
    finally:
        keeper.uninstall()
    text = saved_text(path)
    assert "X-Amz-Signature" not in text and items[0]["assets"]["src_pan"]["href"] in text


def test_in_a_model(processing, local_profile, logged_in_as, items, clean_project):
    logged_in_as("alice")
    model = QgsProcessingModelAlgorithm("stream", "tests")
    model.addModelParameter(QgsProcessingParameterString("ids", "ids"),
                            QgsProcessingModelParameter("ids"))
    child = QgsProcessingModelChildAlgorithm("dinamis:addimages")
    child.setChildId("add")
    child.addParameterSources("IDS", [QgsProcessingModelChildParameterSource
                                      .fromModelParameter("ids")])
    child.addParameterSources("ASSETS", [QgsProcessingModelChildParameterSource
                                         .fromStaticValue("src_pan")])
    model.addChildAlgorithm(child)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(clean_project)
    results, ok = model.run({"ids": items[1]["id"]}, context, feedback)
    assert ok
    loaded = list(context.layersToLoadOnCompletion())
    assert len(loaded) == 1
    layer = context.getMapLayer(loaded[0])
    assert layer.isValid() and painted_pixels(render([layer])) > 3000


def test_without_login_the_error_says_to_log_in(processing, local_profile, items):
    from dinamis import api
    from dinamis.core.secrets import MemorySecretStore
    api.use_profile(api.local_reference(local_profile.stac_url.rsplit("/stac/", 1)[0]),
                    MemorySecretStore())
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:addimages", {"IDS": items[0]["id"]})
    assert "log in" in str(error.value).lower()


def test_no_input_is_a_clear_error(processing, local_profile, logged_in_as):
    logged_in_as("alice")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dinamis:addimages", {})
    assert "footprints" in str(error.value) and "item ids" in str(error.value)


def test_unknown_ids_are_reported(processing, local_profile, logged_in_as, items,
                                  clean_project):
    logged_in_as("alice")
    feedback = _Warnings()
    result = processing.run("dinamis:addimages", {"IDS": f"{items[0]['id']}, no-such-item",
                                                  "ASSETS": "src_pan"}, feedback=feedback)
    assert len(result["LAYERS"]) == 1
    assert any("no-such-item" in w for w in feedback.warnings)


class _Warnings(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 - QGIS's name
        self.warnings.append(warning)
        super().pushWarning(warning)

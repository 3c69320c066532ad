"""Processing algorithm "Add DINAMIS images to the map": signed streaming, no download.

From a footprint layer (fields `id` and `collection`, as "Search the DINAMIS catalogue"
writes them; its selection with "Selected features only") and/or item ids: the chosen
assets of each item become streamed layers (natural colour, named, with their metadata),
or one mosaic per asset. The work (reading the items, signing, opening each image once)
runs in the algorithm; Processing adds the layers to the project on the main thread when
it completes (`runAndLoadResults` from the console; `run` returns them in LAYERS). Once
in the project they are re-signed before expiry and saved unsigned, like every streamed
layer. In a model, LAYERS feeds the next algorithm.
"""

from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingOutputMultipleLayers, QgsProcessingParameterBoolean,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterString)

from ..core.i18n import tr
from .catalogue_algorithm import CatalogueAlgorithm


class AddImagesAlgorithm(CatalogueAlgorithm):
    """Streams the assets of chosen catalogue items into the map through signed urls."""

    INPUT = "INPUT"
    IDS = "IDS"
    ASSETS = "ASSETS"
    MOSAIC = "MOSAIC"
    LAYERS = "LAYERS"

    def name(self):
        return "addimages"

    def displayName(self):  # noqa: N802 - QGIS's name
        return tr("Add DINAMIS images to the map")

    def shortHelpString(self):  # noqa: N802 - QGIS's name
        return tr("Streams DINAMIS images into the map without downloading them: the image "
                  "files of the footprints of a layer made by \"Search the DINAMIS "
                  "catalogue\" (fields id and collection; tick \"Selected features only\" "
                  "for a selection) and of the item ids you list. Each image file becomes "
                  "a layer in natural colour, named after its platform, date and file, with "
                  "the item's metadata; or, with \"One mosaic per file\", the same file of "
                  "all the items becomes one layer. Needs a login with an active DINAMIS "
                  "account. The layers keep working as long as QGIS is open and when the "
                  "project is opened again: the plugin signs them again, and never saves "
                  "a signed address in the project.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Footprints"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.IDS, tr("Item ids (separated by commas or spaces)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ASSETS, tr("Files (asset keys separated by commas; empty for every image "
                            "file)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.MOSAIC, tr("One mosaic per file"), defaultValue=False))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.LAYERS, tr("Streamed layers")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS's name
        from ..core.errors import DinamisError
        ids, collections = self._wanted_items(parameters, context)
        assets = [a.strip() for a in
                  self.parameterAsString(parameters, self.ASSETS, context).split(",")
                  if a.strip()]
        mosaic = self.parameterAsBoolean(parameters, self.MOSAIC, context)
        try:
            layers, problems = self._stream(ids, collections, assets, mosaic, feedback)
        except DinamisError as error:
            raise QgsProcessingException(str(error)) from None
        for problem in problems:
            feedback.pushWarning(problem)
        store = context.temporaryLayerStore()
        for layer in layers:
            store.addMapLayer(layer)
            details = QgsProcessingContext.LayerDetails(layer.name(), context.project(),
                                                        self.LAYERS)
            details.forceName = True  # not a name made from the (signed) url
            context.addLayerToLoadOnCompletion(layer.id(), details)
            feedback.pushInfo(tr("Added {name}").format(name=layer.name()))
        return {self.LAYERS: [layer.id() for layer in layers]}

    def _wanted_items(self, parameters, context):
        """(item ids, their collections) from the footprints and the ids parameter."""
        ids, collections = self.wanted_items(parameters, context, self.INPUT, self.IDS)
        if not ids:
            raise QgsProcessingException(tr(
                "Give footprints (a layer made by \"Search the DINAMIS catalogue\") or item "
                "ids: there is no image to add."))
        return ids, collections

    def _stream(self, ids, collections, assets, mosaic, feedback):
        from .. import api
        from ..core.catalogue import Catalogue
        from ..core.errors import LoginRequired
        from ..qgis_glue.stream_layers import create_layers, plan_streams
        session = api.session()
        if not session.is_logged_in:
            raise LoginRequired()
        feedback.pushInfo(tr("Reading {count} items from the catalogue").format(
            count=len(ids)))
        items = Catalogue(session.profile.stac_url, session.http).items_by_id(ids, collections)
        missing = sorted(set(ids) - {item["id"] for item in items})
        if missing:
            feedback.pushWarning(tr("Not in the catalogue: {ids}").format(
                ids=", ".join(missing)))
        if not items:
            raise QgsProcessingException(tr("None of these items is in the catalogue."))
        feedback.setProgress(20)
        cancel = _CancelFlag(feedback)
        plan = plan_streams(items, api.signer(), assets or None, mosaic, cancel)
        feedback.setProgress(90)
        result = create_layers(plan)
        return result.layers, result.problems


class _CancelFlag:
    """`threading.Event`-like view of the feedback's cancel button."""

    def __init__(self, feedback):
        self.feedback = feedback

    def is_set(self) -> bool:
        return self.feedback.isCanceled()

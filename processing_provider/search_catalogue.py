"""Processing algorithm "Search the DINAMIS catalogue": footprints of matching images.

The same `SearchParameters` as the dock and the console, so a search behaves alike
everywhere. It searches the catalogue of the active endpoint profile (plugin settings);
searching needs no login. Processing runs it in a background thread, so it fetches the
pages itself, one request per page, stopping as soon as the user cancels.
"""
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureSink, QgsProcessing,
                       QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterDateTime,
                       QgsProcessingParameterEnum, QgsProcessingParameterExtent,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

from ..core.i18n import tr
from .catalogue_algorithm import CatalogueAlgorithm
from ..qgis_glue import footprints

AVAILABILITY_VALUES = ("all", "downloadable", "orderable")
DEFAULT_MAX_ITEMS = 500
MAX_PAGE_SIZE = 250


class SearchCatalogueAlgorithm(CatalogueAlgorithm):
    """Searches the STAC API of the active profile and writes one footprint per item."""

    EXTENT = "EXTENT"
    START = "START_DATE"
    END = "END_DATE"
    MAX_CLOUD_COVER = "MAX_CLOUD_COVER"
    MAX_INCIDENCE = "MAX_INCIDENCE_ANGLE"
    AVAILABILITY = "AVAILABILITY"
    TEXT = "TEXT"
    COLLECTIONS = "COLLECTIONS"
    MAX_ITEMS = "MAX_ITEMS"
    OUTPUT = "OUTPUT"
    MATCHED = "MATCHED"
    COUNT = "COUNT"

    def name(self):
        return "searchcatalogue"

    def displayName(self):  # noqa: N802 - QGIS's name
        return tr("Search the DINAMIS catalogue")

    def tags(self):
        return ["dinamis", "stac", "search", "catalogue", "footprint", "pleiades", "spot"]

    def shortHelpString(self):  # noqa: N802 - QGIS's name
        return tr("Searches the catalogue of the active DINAMIS profile (plugin settings) "
                  "and writes the footprint of every matching image, with its date, "
                  "platform, cloud cover, incidence angle, availability and quicklook "
                  "address. Every criterion is optional. Searching needs no login.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, tr("Search extent"), optional=True))
        for name, label in ((self.START, tr("Acquired on or after")),
                            (self.END, tr("Acquired on or before"))):
            self.addParameter(QgsProcessingParameterDateTime(
                name, label, type=QgsProcessingParameterDateTime.Type.Date, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_CLOUD_COVER, tr("Maximum cloud cover (%)"),
            type=QgsProcessingParameterNumber.Type.Double, optional=True,
            minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_INCIDENCE, tr("Maximum incidence angle (degrees)"),
            type=QgsProcessingParameterNumber.Type.Double, optional=True,
            minValue=0, maxValue=90))
        self.addParameter(QgsProcessingParameterEnum(
            self.AVAILABILITY, tr("Availability"),
            options=[tr("All images"), tr("Downloadable now"), tr("To order")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.TEXT, tr("Free text"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COLLECTIONS, tr("Collections (ids separated by commas; empty for all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_ITEMS, tr("Maximum number of footprints"),
            type=QgsProcessingParameterNumber.Type.Integer, minValue=1,
            defaultValue=DEFAULT_MAX_ITEMS))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Footprints"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.MATCHED, tr("Images matching the search (-1 when not known exactly)")))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Footprints written")))

    # --- parameters -> SearchParameters --------------------------------------------
    def search_parameters(self, parameters, context):
        """The core's SearchParameters for these algorithm parameters (not yet checked)."""
        from ..core.search_params import SearchParameters
        bbox = None
        if parameters.get(self.EXTENT) not in (None, ""):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context,
                                            QgsCoordinateReferenceSystem(footprints.CRS))
            if not extent.isNull() and not extent.isEmpty():
                bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                        extent.yMaximum())
        max_items = self.parameterAsInt(parameters, self.MAX_ITEMS, context)
        return SearchParameters(
            collections=self.parameterAsString(parameters, self.COLLECTIONS, context),
            bbox=bbox,
            start=self._date(parameters, self.START, context),
            end=self._date(parameters, self.END, context),
            max_cloud_cover=self._number(parameters, self.MAX_CLOUD_COVER, context),
            max_incidence_angle=self._number(parameters, self.MAX_INCIDENCE, context),
            availability=AVAILABILITY_VALUES[
                self.parameterAsEnum(parameters, self.AVAILABILITY, context)],
            text=self.parameterAsString(parameters, self.TEXT, context),
            limit=min(max_items, MAX_PAGE_SIZE),
            max_items=max_items)

    def _date(self, parameters, name, context):
        value = self.parameterAsDateTime(parameters, name, context)
        return value.date().toPyDate() if value.isValid() else None

    def _number(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS's name
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problems = self.search_parameters(parameters, context).validate()
        return (False, " ".join(problems)) if problems else (True, "")

    # --- running ------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS's name
        from ..core.errors import DinamisError
        params = self.search_parameters(parameters, context)
        problems = params.validate()
        if problems:
            raise QgsProcessingException(" ".join(problems))
        fields = footprints.footprint_fields()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, footprints.WKB_TYPE,
            QgsCoordinateReferenceSystem(footprints.CRS))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        try:
            matched, count = self._write_footprints(params, sink, fields, feedback)
        except DinamisError as error:
            raise QgsProcessingException(str(error)) from None
        return {self.OUTPUT: dest_id, self.MATCHED: matched, self.COUNT: count}

    def _write_footprints(self, params, sink, fields, feedback):
        """Fetch pages until max_items or the end; (numberMatched or -1, written).

        Features are written once every page is in: a stereo partner may come pages
        later, and a sink cannot update what it has written."""
        from ..core.catalogue import Catalogue
        from ..core.stereo import StereoGrouper
        from ..qgis_glue import settings
        from ..qgis_glue.plugin_session import new_glue_http_session
        profile = settings.active_profile()
        feedback.pushInfo(tr("Searching {url}").format(url=profile.stac_url))
        catalogue = Catalogue(profile, new_glue_http_session())
        search = catalogue.search(params, strict=True)
        found = search.count()
        matched = found.exact if found.exact is not None else -1
        feedback.pushInfo(tr("The search matches {count}.").format(count=found.text()))
        for note in search.plan.notes():
            feedback.pushInfo(note)
        features, groups, grouper = [], {}, StereoGrouper()
        target = min(params.max_items, found.upper) if found.upper is not None \
            else params.max_items
        for page in search.pages_as_dicts():
            items = (page.get("features") or [])[:params.max_items - len(features)]
            groups.update(grouper.add(items))
            features += [footprints.footprint_feature(
                item, fields, availability_of=catalogue.item_availability) for item in items]
            feedback.setProgress(100.0 * len(features) / max(target, 1))
            if feedback.isCanceled() or len(features) >= params.max_items:
                break
        for feature in features:
            feature.setAttribute(footprints.STEREO_INDEX, groups.get(feature["id"]))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(tr("{count} footprints written.").format(count=len(features)))
        return matched, len(features)

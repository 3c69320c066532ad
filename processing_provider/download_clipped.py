"""Processing algorithm "Download DINAMIS images clipped to an area": only the part of
each image that covers an area of interest, read through its signed url with GDAL (a
Pléiades scene is far larger than most study areas), optionally reprojected and
resampled, written as Cloud-Optimized GeoTIFF or GeoTIFF files.
"""
from qgis.core import (QgsGeometry, QgsProcessingException, QgsProcessingParameterCrs,
                       QgsProcessingParameterEnum, QgsProcessingParameterExtent,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber,
                       QgsProcessing)

from ..core.i18n import tr
from .download_algorithm import DownloadAlgorithm, FeedbackRelay

FORMATS = ("COG", "GTiff")
RESAMPLING = ("nearest", "bilinear", "cubic", "average")


class DownloadClippedAlgorithm(DownloadAlgorithm):
    """Clips the data assets of items to an area, reading only the window it needs."""

    AREA = "AREA"
    EXTENT = "EXTENT"
    TARGET_CRS = "TARGET_CRS"
    RESOLUTION = "RESOLUTION"
    RESAMPLING = "RESAMPLING"
    FORMAT = "FORMAT"

    default_workers = 2

    def name(self):
        return "downloadclipped"

    def displayName(self):  # noqa: N802 - QGIS's name
        return tr("Download DINAMIS images clipped to an area")

    def shortHelpString(self):  # noqa: N802 - QGIS's name
        return tr("Downloads only the part of each image that covers an area of interest "
                  "(the features of a layer, or an extent): GDAL reads the signed image "
                  "remotely and fetches just the tiles of that window, so a small study "
                  "area costs a small download. Without a target coordinate system the "
                  "pixels are exactly the original ones; with one (or a resolution) the "
                  "window is reprojected and resampled. Items come from a footprint layer "
                  "made by \"Search the DINAMIS catalogue\" (or its selection) or a list of "
                  "ids. Needs a login with an active DINAMIS account.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_item_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA, tr("Area of interest (layer)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, tr("Or area of interest (extent)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, tr("Target coordinate system (empty: the image's own)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.RESOLUTION, tr("Target resolution (target coordinate system units; empty: "
                                "the image's own)"),
            type=QgsProcessingParameterNumber.Type.Double, minValue=0, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.RESAMPLING, tr("Resampling"),
            options=[tr("Nearest neighbour"), tr("Bilinear"), tr("Cubic"), tr("Average")],
            defaultValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMAT, tr("File format"),
            options=[tr("Cloud-Optimized GeoTIFF"), tr("GeoTIFF")], defaultValue=0))
        self.add_output_parameters(tr("Folder of the clipped images"))

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS's name
        ok, message = super().checkParameterValues(parameters, context)
        if ok and parameters.get(self.AREA) in (None, "") and \
                parameters.get(self.EXTENT) in (None, ""):
            return False, tr("Choose an area of interest: a layer or an extent.")
        return ok, message

    def area(self, parameters, context):
        """The core's Area: the union of the layer's features, else the extent."""
        from ..core.clip import Area
        if parameters.get(self.AREA) not in (None, ""):
            source = self.parameterAsSource(parameters, self.AREA, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.AREA))
            geometries = [f.geometry() for f in source.getFeatures()
                          if f.hasGeometry() and not f.geometry().isEmpty()]
            if not geometries:
                raise QgsProcessingException(tr("The area of interest layer has no geometry "
                                                "(or none is selected)."))
            if not source.sourceCrs().isValid():
                raise QgsProcessingException(tr(
                    "The area of interest layer has no coordinate reference system: set it "
                    "in the layer's properties (Source), then run again."))
            return Area(QgsGeometry.unaryUnion(geometries).asWkt(),
                        source.sourceCrs().toWkt())
        crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
        if not crs.isValid():
            raise QgsProcessingException(tr(
                "The area of interest extent has no coordinate reference system: give it "
                "after the coordinates, e.g. \"3.80,3.90,43.60,43.70 [EPSG:4326]\"."))
        extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
        if extent.isNull() or extent.isEmpty():
            raise QgsProcessingException(tr("The area of interest extent is empty."))
        return Area(QgsGeometry.fromRect(extent).asWkt(), crs.toWkt())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS's name
        from pathlib import Path
        from ..core.clip import ClipOptions, Clipper
        from ..core.errors import DinamisError
        from ..qgis_glue import gdal_streaming
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        target = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        typed = parameters.get(self.TARGET_CRS)  # a text (qgis_process, console) QGIS
        if isinstance(typed, str) and typed.strip() and not target.isValid():  # cannot read
            raise QgsProcessingException(tr(
                "Unknown target coordinate system \"{crs}\": choose one in the list, or leave "
                "it empty to keep each image's own.").format(
                    crs=parameters.get(self.TARGET_CRS)))
        resolution = parameters.get(self.RESOLUTION)
        options = ClipOptions(
            target_crs=target.toWkt() if target.isValid() else None,
            resolution=self.parameterAsDouble(parameters, self.RESOLUTION, context)
            if resolution not in (None, "") else None,
            resampling=RESAMPLING[self.parameterAsEnum(parameters, self.RESAMPLING, context)],
            driver=FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)])
        area = self.area(parameters, context)
        with self.arrivals(parameters, context) as arrivals:
            try:
                signer, requests_ = self.login_and_plan(parameters, context, feedback, folder)
                feedback.pushInfo(tr("{count} images to clip into {folder}.").format(
                    count=len(requests_), folder=folder))
                relay = FeedbackRelay(feedback, files_total=len(requests_), arrivals=arrivals)
                # GDAL reaches the storage as the streamed layers do: QGIS's proxy and CAs,
                # and the loopback redirect where this GDAL needs it.
                gdal_streaming.prepare_for([r.href for r in requests_])
                clipper = Clipper(signer, area, options,
                                  self.parameterAsInt(parameters, self.WORKERS, context),
                                  relay.on_file_done, gdal_streaming.vsicurl_path)
                report = clipper.run(requests_, cancelled=relay.poll, folder=folder)
                relay.poll()
            except DinamisError as error:
                raise QgsProcessingException(str(error)) from None
            return self.finish(parameters, context, feedback, report, folder, arrivals)

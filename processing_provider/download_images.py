"""Processing algorithm "Download DINAMIS images": the data files of chosen items.

Items come from a footprint layer (or its selected features) made by "Search the DINAMIS
catalogue", or from a list of ids. Their assets are signed with the plugin's login (or,
headless, the login kept for the active profile or an API key in the environment) and
fetched by the core downloader: parallel, resumable, verified against the catalogue's
size and checksum. The folder's manifest lets the same run, started again, fetch only what
is missing or failed.
"""
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum

from ..core.i18n import tr
from .download_algorithm import DownloadAlgorithm, FeedbackRelay

EXISTING_MODES = ("resume", "skip", "overwrite")


class DownloadImagesAlgorithm(DownloadAlgorithm):
    """Signs and downloads the data assets of items, verified and resumable."""

    EXISTING = "EXISTING"

    def name(self):
        return "downloadimages"

    def displayName(self):  # noqa: N802 - QGIS's name
        return tr("Download DINAMIS images")

    def shortHelpString(self):  # noqa: N802 - QGIS's name
        return tr("Downloads the image files of DINAMIS items into a folder: the footprints "
                  "of a layer made by \"Search the DINAMIS catalogue\" (all of them, or the "
                  "selected ones), or a list of item ids. Several files are fetched at once; "
                  "each is checked against the size and checksum the catalogue gives, and "
                  "a damaged file is never kept. A stopped or failed download resumes where "
                  "it stopped: run it again with the same folder, and only what is missing "
                  "or failed is fetched. The report table says, for every file, whether it "
                  "was downloaded, resumed, already there or failed, and why. Needs a login "
                  "with an active DINAMIS account (headless: a login kept by the plugin, or "
                  "the DINAMIS_ACCESS_KEY and DINAMIS_SECRET_KEY environment variables).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_item_parameters()
        self.addParameter(QgsProcessingParameterEnum(
            self.EXISTING, tr("Files already in the folder"),
            options=[tr("Resume parts, skip verified files (recommended)"),
                     tr("Keep them without checking them"),
                     tr("Download everything again")], defaultValue=0))
        self.add_output_parameters(tr("Download folder"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS's name
        from pathlib import Path
        from ..core.downloads import Downloader
        from ..core.errors import DinamisError
        from ..qgis_glue.plugin_session import new_glue_http_session
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        with self.arrivals(parameters, context) as arrivals:
            try:
                signer, requests_ = self.login_and_plan(parameters, context, feedback, folder)
                http = new_glue_http_session(retries=0)
                feedback.pushInfo(tr("{count} files to fetch into {folder}.").format(
                    count=len(requests_), folder=folder))
                relay = FeedbackRelay(feedback, arrivals=arrivals)
                downloader = Downloader(
                    http, signer,
                    workers=self.parameterAsInt(parameters, self.WORKERS, context),
                    mode=EXISTING_MODES[self.parameterAsEnum(parameters, self.EXISTING,
                                                             context)],
                    on_progress=relay.on_progress, on_file_done=relay.on_file_done)
                with http:
                    report = downloader.run(requests_, folder, cancelled=relay.poll)
                relay.poll()
            except DinamisError as error:
                raise QgsProcessingException(str(error)) from None
            return self.finish(parameters, context, feedback, report, folder, arrivals)

"""`DinamisProvider`: the DINAMIS group of the Processing toolbox.

Registered by the plugin's initGui, so it must stay cheap: the algorithm modules import
the network stack (requests, pystac-client) only when an algorithm runs.
"""
from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from .add_images import AddImagesAlgorithm
from .download_clipped import DownloadClippedAlgorithm
from .download_images import DownloadImagesAlgorithm
from .estimate_request import EstimateRequestAlgorithm
from .search_catalogue import SearchCatalogueAlgorithm

# Not resolve(): in the development build the folders are symlinks into the source tree.
ICON = Path(__file__).parent.parent / "resources" / "icon.svg"


class DinamisProvider(QgsProcessingProvider):
    """Algorithms reachable from the toolbox, models and `processing.run("dinamis:...")`."""

    def id(self):
        return "dinamis"

    def name(self):
        return tr("DINAMIS")

    def longName(self):  # noqa: N802 - QGIS's name
        return tr("DINAMIS satellite imagery")

    def icon(self):
        return QIcon(str(ICON)) if ICON.exists() else super().icon()

    def loadAlgorithms(self):  # noqa: N802 - QGIS's name
        self.addAlgorithm(SearchCatalogueAlgorithm())
        self.addAlgorithm(DownloadImagesAlgorithm())
        self.addAlgorithm(DownloadClippedAlgorithm())
        self.addAlgorithm(AddImagesAlgorithm())
        self.addAlgorithm(EstimateRequestAlgorithm())

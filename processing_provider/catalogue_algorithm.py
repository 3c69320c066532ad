"""What every DINAMIS algorithm shares: its group in the toolbox, and a fresh instance."""
from qgis.core import QgsProcessingAlgorithm

from ..core.i18n import tr


class CatalogueAlgorithm(QgsProcessingAlgorithm):
    def group(self):
        return tr("Catalogue")

    def groupId(self):  # noqa: N802 - QGIS's name
        return "catalogue"

    def createInstance(self):  # noqa: N802 - QGIS's name
        return type(self)()

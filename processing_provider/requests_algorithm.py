"""What the algorithms about requests for new imagery share: their toolbox group."""
from qgis.core import QgsProcessingAlgorithm

from ..core.i18n import tr


class RequestsAlgorithm(QgsProcessingAlgorithm):
    def group(self):
        return tr("Requests for new imagery")

    def groupId(self):  # noqa: N802 - QGIS's name
        return "requests"

    def createInstance(self):  # noqa: N802 - QGIS's name
        return type(self)()

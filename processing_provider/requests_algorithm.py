"""What the algorithms about requests for new imagery share: their toolbox group."""
from ..core.i18n import tr
from .catalogue_algorithm import CatalogueAlgorithm


class RequestsAlgorithm(CatalogueAlgorithm):
    def group(self):
        return tr("Requests for new imagery")

    def groupId(self):  # noqa: N802 - QGIS's name
        return "requests"

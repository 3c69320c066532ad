"""What every DINAMIS algorithm shares: its group in the toolbox, a fresh instance, and
reading the items a footprint layer stands for."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..core.i18n import tr


class CatalogueAlgorithm(QgsProcessingAlgorithm):
    def group(self):
        return tr("Catalogue")

    def groupId(self):  # noqa: N802 - QGIS's name
        return "catalogue"

    def createInstance(self):  # noqa: N802 - QGIS's name
        return type(self)()

    def footprint_refs(self, parameters, name, context):
        """[(collection, item id)] of the features of the footprint parameter `name` (a
        layer made by "Search the DINAMIS catalogue", or its selection)."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        names = source.fields().names()
        if "id" not in names or "collection" not in names:
            raise QgsProcessingException(tr(
                "The footprint layer needs the fields \"id\" and \"collection\", as made by "
                "\"Search the DINAMIS catalogue\"."))
        return [(str(f["collection"]), str(f["id"])) for f in source.getFeatures()]

"""What every DINAMIS algorithm shares: its group in the toolbox, a fresh instance, and
reading the items a footprint layer stands for."""
import re

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

    def wanted_items(self, parameters, context, footprints: str, typed_ids: str):
        """(item ids, their collections) from a footprint parameter and an ids parameter
        (separated by commas, spaces or lines); empty when neither gives any."""
        ids, collections = [], set()
        if parameters.get(footprints):
            for collection, item_id in self.footprint_refs(parameters, footprints, context):
                ids.append(item_id)
                collections.add(collection)
        typed = self.parameterAsString(parameters, typed_ids, context)
        if typed.strip():
            ids.extend(i for i in re.split(r"[\s,;]+", typed) if i)
            collections.clear()  # typed ids may be of any collection
        return list(dict.fromkeys(ids)), sorted(collections)

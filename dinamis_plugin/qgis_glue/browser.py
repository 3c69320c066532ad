"""The DINAMIS catalogue in QGIS's Browser panel, where QGIS users look for data.

    DINAMIS
      Collections            every collection the catalogue lists
        <collection>         its newest images
          <image>            its assets (quicklook, multispectral, panchromatic…)
      Current search         the images the catalogue dock found

Images and assets can be dragged onto the map (or double-clicked): they are added as the
dock adds them, through the plugin (`plugin.add_browser_assets(item, asset_keys)`), so a
data asset is signed and kept signed, and a quicklook is placed on its footprint. The
drag carries only "collection/id" and the asset key (a custom uri of provider key
"dinamis"); the drop handler finds the item again in the items the Browser has listed.
Children are listed on QGIS's worker threads (network there, never on the UI thread).
"""
import json
import logging
import threading
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (Qgis, QgsApplication, QgsDataCollectionItem, QgsDataItem,
                       QgsDataItemProvider, QgsDataProvider, QgsErrorItem, QgsMimeDataUtils)
from qgis.gui import QgsCustomDropHandler
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr

LOG = logging.getLogger("dinamis")
PROVIDER_KEY = "dinamis"
RESOURCES = Path(__file__).absolute().parent.parent / "resources"
COLLECTION_ITEMS = 100
SEARCH_ITEMS = 1000


def _icon(name: str) -> QIcon:
    path = RESOURCES / name
    return QIcon(str(path)) if path.exists() else QgsApplication.getThemeIcon(name)


def item_label(item: dict) -> str:
    properties = item.get("properties") or {}
    words = [properties.get("platform"), str(properties.get("datetime") or "")[:10]]
    label = " ".join(str(w) for w in words if w)
    return f"{label} — {item.get('id')}" if label else str(item.get("id"))


class ItemRegistry:
    """Every item the Browser listed, by "collection/id", for the drop handler."""

    def __init__(self):
        self._items: Dict[str, dict] = {}
        self._lock = threading.Lock()

    @staticmethod
    def key(item: dict) -> str:
        return f"{item.get('collection')}/{item.get('id')}"

    def add(self, item: dict) -> str:
        with self._lock:
            self._items[self.key(item)] = item
        return self.key(item)

    def get(self, key: str) -> Optional[dict]:
        with self._lock:
            return self._items.get(key)


class _Node(QgsDataCollectionItem):
    """A collection node keeping Python references to its children (QGIS owns them
    in C++, but Python subclasses must stay alive for their overrides to run)."""

    def __init__(self, parent, name, path, provider):
        super().__init__(parent, name, path, PROVIDER_KEY)
        self.provider = provider
        self._kept: List[QgsDataItem] = []

    def keep(self, children):
        self._kept = list(children)
        return children

    def error_child(self, message: str):
        return self.keep([QgsErrorItem(self, message, self.path() + "/error")])


class RootItem(_Node):
    def __init__(self, parent, provider):
        super().__init__(parent, tr("DINAMIS"), "dinamis:", provider)
        self.setIcon(_icon("icon.svg"))
        self.setToolTip(tr("The DINAMIS catalogue (the active profile of the DINAMIS "
                           "settings)"))

    def createChildren(self):  # noqa: N802 - QGIS's name
        return self.keep([CollectionsItem(self, self.provider),
                          CurrentSearchItem(self, self.provider)])


class CollectionsItem(_Node):
    def __init__(self, parent, provider):
        super().__init__(parent, tr("Collections"), "dinamis:/collections", provider)
        self.setIcon(QgsApplication.getThemeIcon("/mIconFolder.svg"))

    def createChildren(self):  # noqa: N802 - QGIS's name (a QGIS worker thread)
        from .tasks import error_message
        try:
            collections = self.provider.catalogue().collections()
        except Exception as error:  # noqa: BLE001 - shown in the Browser as an error row
            return self.error_child(error_message(error))
        return self.keep([CollectionItem(self, c.id, c.title or c.id, c.description or "",
                                         self.provider) for c in collections])


class CollectionItem(_Node):
    def __init__(self, parent, collection_id, title, description, provider):
        super().__init__(parent, title, f"dinamis:/collections/{collection_id}", provider)
        self.collection_id = collection_id
        self.setIcon(QgsApplication.getThemeIcon("/mIconRasterGroup.svg"))
        self.setToolTip(description)

    def createChildren(self):  # noqa: N802 - QGIS's name (a QGIS worker thread)
        from ..core.search_params import SearchParameters
        from .tasks import error_message
        try:
            search = self.provider.catalogue().search(SearchParameters(
                collections=[self.collection_id], sortby="-datetime",
                limit=COLLECTION_ITEMS, max_items=COLLECTION_ITEMS))
            items = [item for page in search.pages_as_dicts()
                     for item in page.get("features") or []]
        except Exception as error:  # noqa: BLE001 - shown in the Browser as an error row
            return self.error_child(error_message(error))
        return self.keep([ImageItem(self, item, self.provider) for item in items])


class CurrentSearchItem(_Node):
    def __init__(self, parent, provider):
        super().__init__(parent, tr("Current search"), "dinamis:/search", provider)
        self.setIcon(QgsApplication.getThemeIcon("/search.svg"))
        self.setToolTip(tr("The images found by the DINAMIS catalogue dock"))
        provider.search_nodes.add(self)
        self.destroyed.connect(lambda _obj=None, n=self: provider.search_nodes.discard(n))

    def createChildren(self):  # noqa: N802 - QGIS's name
        items = self.provider.current_items()
        if not items:
            return self.keep([QgsErrorItem(self, tr("No search yet: use the DINAMIS "
                                                    "catalogue dock."), self.path() + "/none")])
        return self.keep([ImageItem(self, item, self.provider) for item in items])


class ImageItem(_Node):
    """One catalogue item; its children are its assets. Dragging it adds its images."""

    def __init__(self, parent, item, provider):
        key = provider.registry.add(item)
        super().__init__(parent, item_label(item), f"dinamis:/items/{key}", provider)
        self.item_key = key
        self.item = item
        orderable = provider.availability_of(item) == "orderable"
        self.setIcon(QgsApplication.getThemeIcon(
            "/mIconRasterLayer.svg" if not orderable else "/mIconRaster.svg"))
        properties = item.get("properties") or {}
        details = [item.get("collection"), properties.get("platform"),
                   str(properties.get("datetime") or "")[:16].replace("T", " ")]
        if isinstance(properties.get("eo:cloud_cover"), (int, float)):
            details.append(tr("cloud cover {value} %").format(value=properties["eo:cloud_cover"]))
        if orderable:
            details.append(tr("to order: footprint and quicklook only"))
        self.setToolTip(" · ".join(str(d) for d in details if d))
        self.setCapabilitiesV2(Qgis.BrowserItemCapabilities(
            Qgis.BrowserItemCapability.Fertile | Qgis.BrowserItemCapability.Fast))

    def createChildren(self):  # noqa: N802 - QGIS's name
        return self.keep([AssetItem(self, self.item_key, key, asset)
                          for key, asset in (self.item.get("assets") or {}).items()
                          if asset.get("href")])

    def hasDragEnabled(self):  # noqa: N802 - QGIS's name
        return True

    def mimeUris(self):  # noqa: N802 - QGIS's name
        return [_uri(self.item_key, None, self.name())]

    def handleDoubleClick(self):  # noqa: N802 - QGIS's name
        return self.provider.add(self.item_key, None)


class AssetItem(QgsDataItem):
    def __init__(self, parent, item_key, asset_key, asset):
        title = asset.get("title") or asset_key
        super().__init__(Qgis.BrowserItemType.Custom, parent, f"{title} ({asset_key})",
                         f"dinamis:/items/{item_key}/{asset_key}", PROVIDER_KEY)
        self.provider = parent.provider
        self.item_key = item_key
        self.asset_key = asset_key
        roles = asset.get("roles") or []
        self.setIcon(QgsApplication.getThemeIcon(
            "/mIconRasterImage.svg" if "thumbnail" in roles or "overview" in roles
            else "/mIconRasterLayer.svg"))
        self.setToolTip(tr("Drag onto the map, or double-click, to add it"))
        self.setState(Qgis.BrowserItemState.Populated)

    def hasDragEnabled(self):  # noqa: N802 - QGIS's name
        return True

    def mimeUris(self):  # noqa: N802 - QGIS's name
        return [_uri(self.item_key, self.asset_key, self.name())]

    def handleDoubleClick(self):  # noqa: N802 - QGIS's name
        return self.provider.add(self.item_key, [self.asset_key])


def _uri(item_key: str, asset_key: Optional[str], name: str):
    uri = QgsMimeDataUtils.Uri()
    uri.layerType = "custom"
    uri.providerKey = PROVIDER_KEY
    uri.name = name
    uri.uri = json.dumps({"item": item_key, "asset": asset_key})
    return uri


class DinamisBrowserProvider(QgsDataItemProvider):
    """Creates the DINAMIS root item; holds what the items share (the catalogue, the
    registry of listed items, the dock whose search is shown)."""

    def __init__(self, plugin):
        super().__init__()
        self.plugin = plugin
        self.registry = ItemRegistry()
        self.search_nodes = set()
        self._dock = None
        self._catalogue = None
        self._catalogue_profile = None
        self._lock = threading.Lock()

    def name(self):
        return "DINAMIS"

    def dataProviderKey(self):  # noqa: N802 - QGIS's name
        return PROVIDER_KEY

    def capabilities(self):
        return int(QgsDataProvider.Net) if hasattr(QgsDataProvider, "Net") \
            else Qgis.DataItemProviderCapability.NetworkSources

    def createDataItem(self, path, parent_item):  # noqa: N802 - QGIS's name
        if not path:
            return RootItem(parent_item, self)
        return None

    # --- shared by the items ------------------------------------------------------------
    def catalogue(self):
        """A Catalogue on the active profile (any thread)."""
        from ..core.catalogue import Catalogue
        from . import settings
        from .plugin_session import new_glue_http_session
        profile = settings.active_profile()
        with self._lock:
            if self._catalogue is None or self._catalogue_profile != profile:
                self._catalogue = Catalogue(profile, new_glue_http_session())
                self._catalogue_profile = profile
            return self._catalogue

    def availability_of(self, item: dict):
        """Downloadable or orderable, as the catalogue tells (any thread)."""
        try:
            return self.catalogue().item_availability(item)
        except Exception:  # noqa: BLE001 - unknown is an answer; the listing goes on
            return None

    def follow(self, dock) -> None:
        """Show `dock`'s search under "Current search", refreshed when a load ends."""
        self._dock = dock
        dock.search_settled.connect(self.refresh_search)

    def current_items(self) -> List[dict]:
        dock, search = self._dock, None
        if dock is not None:
            search = dock.search
        if search is None:
            return []
        return [search.items[i] for i in range(min(len(search.items), SEARCH_ITEMS))]

    def refresh_search(self) -> None:
        for node in list(self.search_nodes):
            try:
                node.refresh()
            except RuntimeError:  # deleted with its Browser model
                self.search_nodes.discard(node)

    def add(self, item_key: str, asset_keys) -> bool:
        """Add an item (its default assets) or some of its assets to the map."""
        item = self.registry.get(item_key)
        if item is None:
            return False
        self.plugin.add_browser_assets(item, asset_keys)
        return True


class DinamisDropHandler(QgsCustomDropHandler):
    """Drops of DINAMIS Browser items onto the map or the layer tree."""

    def __init__(self, provider):
        super().__init__()
        self.provider = provider

    def customUriProviderKey(self):  # noqa: N802 - QGIS's name
        return PROVIDER_KEY

    def handleCustomUriDrop(self, uri):  # noqa: N802 - QGIS's name
        try:
            data = json.loads(uri.uri)
        except (TypeError, ValueError):
            return
        self.provider.add(data.get("item"), [data["asset"]] if data.get("asset") else None)


def register_browser_provider(plugin) -> DinamisBrowserProvider:
    provider = DinamisBrowserProvider(plugin)
    QgsApplication.dataItemProviderRegistry().addProvider(provider)
    provider.drop_handler = DinamisDropHandler(provider)
    plugin.iface.registerCustomDropHandler(provider.drop_handler)
    return provider


def unregister_browser_provider(provider: DinamisBrowserProvider) -> None:
    provider.plugin.iface.unregisterCustomDropHandler(provider.drop_handler)
    if provider._dock is not None:
        try:
            provider._dock.search_settled.disconnect(provider.refresh_search)
        except (TypeError, RuntimeError):
            pass
    QgsApplication.dataItemProviderRegistry().removeProvider(provider)

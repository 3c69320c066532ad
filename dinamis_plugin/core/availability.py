"""Downloadable or orderable: told by the item (or its collection), never assumed.

DINAMIS does not publish a `dinamis:availability` property. When an item has none, what
it holds says it: a data asset on the deployment's object storage (which the signing
service signs) means the image can be downloaded now; a footprint and a quicklook only
mean it is an archive image to order. Without assets to look at (the fields extension
left them out), the collection's own metadata decides: its `dinamis:availability`, or its
`item_assets` (data assets declared: downloadable; none: orderable).

One function for the footprint builder, the dock and the search's client-side filter.
"""
from typing import Optional

DOWNLOADABLE = "downloadable"
ORDERABLE = "orderable"
AVAILABILITY_PROPERTY = "dinamis:availability"
_VALUES = (DOWNLOADABLE, ORDERABLE)
_NOT_DATA_ROLES = {"thumbnail", "overview", "visual", "metadata", "quicklook", "preview"}
_NOT_DATA_KEYS = {"thumbnail", "overview", "quicklook", "preview", "metadata"}


def item_availability(item, profile=None, collection=None) -> Optional[str]:
    """"downloadable", "orderable" or None (cannot tell) for a STAC item (dict or pystac
    Item). `profile` (an EndpointProfile) names the storage hosts whose urls are signable;
    without one (or when it names none) any data asset counts. `collection` (a dict or
    pystac Collection) is the fallback when the item holds no assets at all."""
    item = _as_dict(item)
    stated = (item.get("properties") or {}).get(AVAILABILITY_PROPERTY)
    if stated in _VALUES:
        return stated
    assets = item.get("assets")
    if isinstance(assets, dict):
        data = [asset for key, asset in assets.items()
                if isinstance(asset, dict) and _is_data(key, asset)]
        if any(_signable(asset.get("href"), profile) for asset in data):
            return DOWNLOADABLE
        if not data and (item.get("geometry") or assets):
            return ORDERABLE  # a footprint, a quicklook: an archive image to order
        if data:
            return None  # data elsewhere than on the deployment's storage: not ours to say
    return collection_availability(collection) if collection is not None else None


def collection_availability(collection) -> Optional[str]:
    """What a collection's metadata says of all its items, or None. `collection` is a
    dict, a pystac Collection or a capabilities.CollectionInfo."""
    if not isinstance(collection, dict) and not hasattr(collection, "to_dict"):
        return getattr(collection, "availability", None)
    collection = _as_dict(collection)
    stated = collection.get(AVAILABILITY_PROPERTY)
    if stated in _VALUES:
        return stated
    summary = (collection.get("summaries") or {}).get(AVAILABILITY_PROPERTY)
    if isinstance(summary, list) and len(summary) == 1 and summary[0] in _VALUES:
        return summary[0]
    item_assets = collection.get("item_assets")
    if isinstance(item_assets, dict) and item_assets:
        has_data = any(isinstance(asset, dict) and _is_data(key, asset)
                       for key, asset in item_assets.items())
        return DOWNLOADABLE if has_data else ORDERABLE
    return None


def _is_data(key: str, asset: dict) -> bool:
    roles = asset.get("roles")
    if isinstance(roles, list) and roles:
        return "data" in roles or not (set(roles) & _NOT_DATA_ROLES)
    return str(key).lower() not in _NOT_DATA_KEYS


def _signable(href, profile) -> bool:
    if not isinstance(href, str) or not href.startswith(("http://", "https://")):
        return False
    if profile is None or not getattr(profile, "storage_hosts", ()):
        return True
    return profile.is_storage_url(href)


def _as_dict(obj) -> dict:
    if obj is None:
        return {}
    if isinstance(obj, dict):
        return obj
    to_dict = getattr(obj, "to_dict", None)
    return to_dict(include_self_link=False, transform_hrefs=False) if to_dict else {}

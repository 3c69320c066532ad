"""Which assets of a STAC item can be streamed into a map, and how to show them.

Works on item dicts (pystac Items are turned into dicts first), so the dock, Processing
and the console share it. Only core STAC and the eo extension are read; every other
property is optional. No QGIS import.
"""
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from .i18n import tr

RASTER_TYPES = ("image/tiff", "image/geotiff", "application/x-geotiff", "image/vnd.stac.geotiff")
RASTER_SUFFIXES = (".tif", ".tiff")
COLOUR_NAMES = ("red", "green", "blue")


def as_item_dict(item) -> dict:
    """A STAC item as a dict (pystac Items of any copy, or dicts as they are)."""
    if isinstance(item, dict):
        return item
    to_dict = getattr(item, "to_dict", None)
    if callable(to_dict):
        return to_dict(transform_hrefs=False)
    raise TypeError(tr("Not a STAC item: give pystac Items or STAC item dicts."))


def is_streamable(asset: dict) -> bool:
    """A GeoTIFF (COG) reachable over http(s)."""
    href = asset.get("href")
    if not isinstance(href, str) or not href.startswith(("http://", "https://")):
        return False
    media_type = str(asset.get("type") or "").lower()
    path = href.split("?", 1)[0].lower()
    return media_type.startswith(RASTER_TYPES) or path.endswith(RASTER_SUFFIXES)


def streamable_assets(item: dict, wanted: Optional[Sequence[str]] = None) -> Dict[str, dict]:
    """The assets to stream: the `wanted` keys the item has (in that order), else every
    streamable asset with the "data" role."""
    assets = item.get("assets") or {}
    if wanted:
        return {key: assets[key] for key in wanted
                if isinstance(assets.get(key), dict) and is_streamable(assets[key])}
    return {key: asset for key, asset in assets.items() if isinstance(asset, dict)
            and "data" in (asset.get("roles") or []) and is_streamable(asset)}


def _band_names(item: dict, asset: dict) -> List[str]:
    bands = asset.get("eo:bands") or (item.get("properties") or {}).get("eo:bands") or []
    return [str(b.get("common_name") or "").lower() if isinstance(b, dict) else ""
            for b in bands]


def natural_colour_bands(item: dict, asset: dict,
                         band_count: int) -> Optional[Tuple[int, int, int]]:
    """(red, green, blue) band numbers (1-based) for a natural-colour view, or None for a
    single-band (grey) view.

    From the eo:bands common names when they name all three; else, for three bands or
    more, the first three in red, green, blue order (how Pléiades and SPOT 6/7 products
    are delivered, and what QGIS itself would pick).
    """
    names = _band_names(item, asset)
    if len(names) == band_count and all(c in names for c in COLOUR_NAMES):
        red, green, blue = (names.index(c) + 1 for c in COLOUR_NAMES)
        return red, green, blue
    if band_count >= 3:
        return 1, 2, 3
    return None


@dataclass(frozen=True)
class AssetRef:
    """One asset of one item, as a layer shows it."""

    item: dict
    key: str

    @property
    def asset(self) -> dict:
        return self.item["assets"][self.key]

    @property
    def href(self) -> str:
        return self.asset["href"]


def _date(item: dict) -> str:
    properties = item.get("properties") or {}
    moment = properties.get("datetime") or properties.get("start_datetime") or ""
    return str(moment)[:10]


def _platform(item: dict) -> str:
    properties = item.get("properties") or {}
    return str(properties.get("platform") or properties.get("constellation")
               or item.get("collection") or "")


def asset_label(key: str, asset: dict) -> str:
    return str(asset.get("title") or key)


def layer_name(ref: AssetRef) -> str:
    """"PHR1A 2013-01-18 Multispectral": platform, date, asset."""
    parts = [_platform(ref.item), _date(ref.item), asset_label(ref.key, ref.asset)]
    return " ".join(p for p in parts if p) or str(ref.item.get("id") or ref.key)


def mosaic_name(refs: Sequence[AssetRef]) -> str:
    """"Mosaic of 3 images, PHR1A, 2013-01-18 to 2013-02-03, Multispectral"."""
    platforms = sorted({_platform(r.item) for r in refs if _platform(r.item)})
    dates = sorted(d for d in (_date(r.item) for r in refs) if d)
    if dates and dates[0] != dates[-1]:
        when = tr("{first} to {last}").format(first=dates[0], last=dates[-1])
    else:
        when = dates[0] if dates else ""
    label = asset_label(refs[0].key, refs[0].asset) if refs else ""
    parts = [tr("Mosaic of {count} images").format(count=len(refs)), ", ".join(platforms),
             when, label]
    return ", ".join(p for p in parts if p)

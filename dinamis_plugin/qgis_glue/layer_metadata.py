"""A streamed layer's QGIS metadata (Layer Properties > Metadata) from its STAC items.

Identifier, title, the item's properties (in the abstract, one per line, and its keywords),
licence, providers, links (the item's own links and the unsigned asset hrefs: never a
presigned url) and the acquisition date as temporal extent. Every property beyond core
STAC is optional: what the item lacks is simply left out.
"""
import json
from typing import List, Optional, Sequence

from qgis.core import (QgsAbstractMetadataBase, QgsBox3d, QgsCoordinateReferenceSystem,
                       QgsDateTimeRange, QgsLayerMetadata)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.i18n import tr
from ..core.streamable import AssetRef, asset_label

KEYWORD_PROPERTIES = ("platform", "constellation", "instruments", "keywords")


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _moment(text) -> Optional[QDateTime]:
    if not text:
        return None
    moment = QDateTime.fromString(str(text).replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    return moment if moment.isValid() else None


def _properties_text(item: dict) -> str:
    properties = item.get("properties") or {}
    return "\n".join(f"{key}: {_text(value)}" for key, value in sorted(properties.items()))


def _link(name: str, kind: str, url: str, description: str = "", mime: str = ""):
    link = QgsAbstractMetadataBase.Link(name, kind, url)
    link.description = description
    link.mimeType = mime
    return link


def _links(refs: Sequence[AssetRef]) -> List:
    links, seen = [], set()
    for ref in refs:
        for link in ref.item.get("links") or []:
            href = link.get("href") if isinstance(link, dict) else None
            if href and href not in seen:
                seen.add(href)
                links.append(_link(f"{ref.item.get('id')} {link.get('rel', '')}".strip(),
                                   "WWW:LINK", href, link.get("title", ""),
                                   link.get("type", "")))
        if ref.href not in seen:  # unsigned: the href of the catalogue, not the signature
            seen.add(ref.href)
            links.append(_link(f"{ref.item.get('id')} {ref.key}", "download", ref.href,
                               asset_label(ref.key, ref.asset), ref.asset.get("type", "")))
    return links


def _licences(refs: Sequence[AssetRef], collection: Optional[dict]) -> List[str]:
    found = []
    for source in [r.item.get("properties") or {} for r in refs] + [collection or {}]:
        licence = source.get("license")
        if licence and licence not in found:
            found.append(str(licence))
    for link in (collection or {}).get("links") or []:
        if isinstance(link, dict) and link.get("rel") == "license" and link.get("href"):
            found.append(link["href"])
    return found


def _contacts(collection: Optional[dict]) -> List:
    contacts = []
    for provider in (collection or {}).get("providers") or []:
        if isinstance(provider, dict) and provider.get("name"):
            contact = QgsAbstractMetadataBase.Contact(str(provider["name"]))
            contact.organization = str(provider["name"])
            contact.role = ", ".join(provider.get("roles") or [])
            contacts.append(contact)
    return contacts


def stac_metadata(refs: Sequence[AssetRef], crs: QgsCoordinateReferenceSystem,
                  collection: Optional[dict] = None) -> QgsLayerMetadata:
    """The metadata of a layer showing `refs` (one asset, or the same asset of a mosaic)."""
    metadata = QgsLayerMetadata()
    first = refs[0]
    ids = [str(r.item.get("id")) for r in refs]
    metadata.setIdentifier(ids[0] if len(ids) == 1 else ", ".join(ids))
    metadata.setParentIdentifier(str(first.item.get("collection") or ""))
    metadata.setType("dataset")
    title = (first.item.get("properties") or {}).get("title") or ids[0]
    if len(refs) > 1:
        title = tr("Mosaic of {count} images").format(count=len(refs))
    metadata.setTitle(f"{title}, {asset_label(first.key, first.asset)}")
    metadata.setAbstract("\n\n".join(
        f"{r.item.get('id')} ({r.key})\n{_properties_text(r.item)}" for r in refs))
    for name in KEYWORD_PROPERTIES:
        values = sorted({_text(v) for r in refs
                         for v in _as_list((r.item.get("properties") or {}).get(name))})
        if values:
            metadata.addKeywords(name, values)
    metadata.setLicenses(_licences(refs, collection))
    metadata.setContacts(_contacts(collection))
    metadata.setLinks(_links(refs))
    metadata.setHistory([tr("Streamed from the DINAMIS storage through presigned urls, "
                            "signed again by the DINAMIS plugin whenever needed.")])
    metadata.setCrs(crs)
    metadata.setExtent(_extent(refs))
    return metadata


def _extent(refs: Sequence[AssetRef]) -> QgsLayerMetadata.Extent:
    """The items' bboxes (WGS 84) and acquisition dates."""
    extent = QgsLayerMetadata.Extent()
    boxes = [r.item["bbox"] for r in refs if len(r.item.get("bbox") or []) == 4]
    if boxes:
        spatial = QgsLayerMetadata.SpatialExtent()
        spatial.extentCrs = QgsCoordinateReferenceSystem("EPSG:4326")
        spatial.bounds = QgsBox3d(min(b[0] for b in boxes), min(b[1] for b in boxes), 0,
                                  max(b[2] for b in boxes), max(b[3] for b in boxes), 0)
        extent.setSpatialExtents([spatial])
    moments = [m for r in refs for m in [_moment((r.item.get("properties") or {})
                                                 .get("datetime"))] if m is not None]
    if moments:
        extent.setTemporalExtents([QgsDateTimeRange(min(moments), max(moments))])
    return extent


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]

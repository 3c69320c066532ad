"""STAC items as footprint features: one polygon per item with the attributes people
filter on (date, platform, cloud cover, incidence angle, availability, quicklook).

Works on the item dicts of a search page (no pystac objects needed), in EPSG:4326 as the
STAC API gives them. Properties an item lacks stay NULL (DINAMIS publishes no incidence
angle); availability is derived by the core (`availability.item_availability`) from what
the item holds when it does not state it.
"""
from qgis.core import (Qgis, QgsFeature, QgsField, QgsFields, QgsGeometry, QgsPointXY,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QDateTime, Qt, QVariant

from ..core.availability import item_availability

WKB_TYPE = QgsWkbTypes.Type.MultiPolygon
CRS = "EPSG:4326"


def _field(name: str, kind: str) -> QgsField:
    """A QgsField typed the way this QGIS wants (QMetaType from 3.38 on, QVariant before)."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType
        types = {"string": QMetaType.Type.QString, "double": QMetaType.Type.Double,
                 "datetime": QMetaType.Type.QDateTime}
    else:
        types = {"string": QVariant.Type.String, "double": QVariant.Type.Double,
                 "datetime": QVariant.Type.DateTime}
    return QgsField(name, types[kind])


# (field name, kind, how to read it from an item dict)
COLUMNS = (
    ("id", "string", lambda item: item.get("id")),
    ("collection", "string", lambda item: item.get("collection")),
    ("datetime", "datetime", lambda item: _datetime(item["properties"].get("datetime"))),
    ("platform", "string", lambda item: item["properties"].get("platform")),
    ("cloud_cover", "double", lambda item: item["properties"].get("eo:cloud_cover")),
    ("incidence", "double", lambda item: item["properties"].get("view:incidence_angle")),
    ("availability", "string", item_availability),
    ("thumbnail", "string", lambda item: _thumbnail(item)),
)


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind, _read in COLUMNS:
        fields.append(_field(name, kind))
    return fields


def footprint_feature(item: dict, fields: QgsFields, availability_of=None) -> QgsFeature:
    """The feature for one STAC item dict (attributes missing from the item stay NULL).
    `availability_of(item)` tells downloadable/orderable with what the caller knows (e.g.
    `Catalogue.item_availability`: the profile's storage hosts, the item's collection)."""
    item = dict(item)
    item.setdefault("properties", {})
    feature = QgsFeature(fields)
    feature.setAttributes([
        (availability_of or read)(item) if name == "availability" else read(item)
        for name, _kind, read in COLUMNS])
    feature.setGeometry(footprint_geometry(item.get("geometry")))
    return feature


def footprint_geometry(geometry) -> QgsGeometry:
    """A (multi)polygon GeoJSON geometry as a QGIS MultiPolygon; empty for anything else."""
    if not isinstance(geometry, dict):
        return QgsGeometry()
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return QgsGeometry()
    return QgsGeometry.fromMultiPolygonXY(
        [[[QgsPointXY(float(p[0]), float(p[1])) for p in ring] for ring in polygon]
         for polygon in polygons])


def _datetime(text):
    if not text:
        return None
    moment = QDateTime.fromString(str(text).replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(str(text).replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    return moment if moment.isValid() else None


def _thumbnail(item: dict):
    assets = item.get("assets") or {}
    asset = assets.get("thumbnail") or next(
        (a for a in assets.values() if "thumbnail" in (a.get("roles") or [])), None)
    return asset.get("href") if asset else None

"""STAC items as footprint features: one polygon per item with the attributes people
filter on (date, platform, cloud cover, incidence angle, resolution, availability, stereo
group, quicklook), for the dock's layer and the Processing search alike.

Works on the item dicts of a search page (no pystac objects needed), in EPSG:4326 as the
STAC API gives them. Properties an item lacks stay NULL (DINAMIS publishes no incidence
angle); availability is derived by the core (`availability.item_availability`) from what
the item holds when it does not state it. Features can be built on a worker thread (QgsFeature and QgsGeometry
are plain values); layers are created on the main thread.
"""
import struct
from pathlib import Path

from qgis.core import (Qgis, QgsFeature, QgsField, QgsFields, QgsGeometry, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QDateTime, Qt, QVariant

from ..core.availability import item_availability
from ..core.i18n import tr

WKB_TYPE = QgsWkbTypes.Type.MultiPolygon
CRS = "EPSG:4326"
STYLE = Path(__file__).absolute().parent.parent / "resources" / "footprints.qml"
STEREO_GROUP = "stereo_group"


def typed_field(name: str, kind: str) -> QgsField:
    """A QgsField typed the way this QGIS wants (QMetaType from 3.38 on, QVariant before)."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType
        types = {"string": QMetaType.Type.QString, "double": QMetaType.Type.Double,
                 "datetime": QMetaType.Type.QDateTime}
    else:
        types = {"string": QVariant.Type.String, "double": QVariant.Type.Double,
                 "datetime": QVariant.Type.DateTime}
    return QgsField(name, types[kind])


# The feature's fields, in order.
COLUMNS = (("id", "string"), ("collection", "string"), ("datetime", "datetime"),
           ("platform", "string"), ("cloud_cover", "double"), ("incidence", "double"),
           ("gsd", "double"), ("availability", "string"), (STEREO_GROUP, "string"),
           ("thumbnail", "string"))
FIELD_NAMES = tuple(name for name, _kind in COLUMNS)
STEREO_INDEX = FIELD_NAMES.index(STEREO_GROUP)

# A record: what a footprint and the results list need of an item, as a plain tuple
# (made on any thread; tuples of plain values are not walked by Python's garbage
# collector, which matters with 10,000 of them).
ID, COLLECTION, DATETIME, PLATFORM, CLOUD, INCIDENCE, GSD, TITLE, THUMBNAIL, \
    AVAILABILITY = range(10)


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in COLUMNS:
        fields.append(typed_field(name, kind))
    return fields


def record_of(item: dict, availability=None) -> tuple:
    """The record of a STAC item dict; `availability` as the caller knows it (e.g.
    `Catalogue.item_availability(item)`), else derived from the item alone."""
    properties = item.get("properties") or {}
    if availability is None:
        availability = item_availability(item)
    return (str(item.get("id")), item.get("collection"), properties.get("datetime"),
            properties.get("platform"), as_number(properties.get("eo:cloud_cover")),
            as_number(properties.get("view:incidence_angle")), as_number(properties.get("gsd")),
            properties.get("title"), thumbnail_href(item), availability)


def record_feature(record: tuple, wkb: bytes, fields: QgsFields,
                   stereo_group=None) -> QgsFeature:
    """The footprint of a record and its geometry's WKB (main thread or any)."""
    feature = QgsFeature(fields)
    feature.setAttributes([record[ID], record[COLLECTION], _datetime(record[DATETIME]),
                           record[PLATFORM], record[CLOUD], record[INCIDENCE], record[GSD],
                           record[AVAILABILITY], stereo_group, record[THUMBNAIL]])
    if wkb:
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        feature.setGeometry(geometry)
    return feature


def footprint_feature(item: dict, fields: QgsFields, stereo_group=None,
                      availability_of=None) -> QgsFeature:
    """The feature for one STAC item dict (attributes missing from the item stay NULL).
    `availability_of(item)` tells downloadable/orderable with what the caller knows (e.g.
    `Catalogue.item_availability`: the profile's storage hosts, the item's collection)."""
    availability = availability_of(item) if availability_of is not None else None
    return record_feature(record_of(item, availability), footprint_wkb(item.get("geometry")),
                          fields, stereo_group)


def footprint_geometry(geometry) -> QgsGeometry:
    """A (multi)polygon GeoJSON geometry as a QGIS MultiPolygon; empty for anything else."""
    result = QgsGeometry()
    wkb = footprint_wkb(geometry)
    if wkb:
        result.fromWkb(wkb)
    return result


def footprint_wkb(geometry) -> bytes:
    """A (multi)polygon GeoJSON geometry as MultiPolygon WKB, b"" for anything else: one
    struct.pack, twice as fast as QgsPointXY lists, and possible on a worker thread."""
    if not isinstance(geometry, dict):
        return b""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return b""
    try:
        return _multipolygon_wkb(polygons)
    except (TypeError, ValueError, IndexError, struct.error):
        return b""


def _multipolygon_wkb(polygons) -> bytes:
    """Little-endian WKB of a 2D MultiPolygon (extra coordinates such as heights are
    dropped)."""
    parts = [struct.pack("<BII", 1, 6, len(polygons))]
    for rings in polygons:
        parts.append(struct.pack("<BII", 1, 3, len(rings)))
        for ring in rings:
            parts.append(struct.pack(f"<I{2 * len(ring)}d", len(ring),
                                     *[float(v) for point in ring for v in point[:2]]))
    return b"".join(parts)


def new_footprint_layer(name: str) -> QgsVectorLayer:
    """An empty in-memory footprint layer with the fields above, styled from STYLE
    (orderable and downloadable images look different). Main thread."""
    # No spatial index: it would be copied whole by every addFeatures while the map is
    # drawing (copy-on-write), and a scan of 10,000 footprints is quick anyway.
    layer = QgsVectorLayer(f"MultiPolygon?crs={CRS}", name, "memory")
    layer.dataProvider().addAttributes(footprint_fields().toList())
    layer.updateFields()
    if STYLE.exists():
        layer.loadNamedStyle(str(STYLE))
        _translate_legend(layer)
    return layer


def _translate_legend(layer: QgsVectorLayer) -> None:
    """The style's category labels in the user's language."""
    renderer = layer.renderer()
    if not hasattr(renderer, "categories"):
        return
    labels = {"downloadable": tr("Downloadable"), "orderable": tr("To order")}
    for index, category in enumerate(renderer.categories()):
        renderer.updateCategoryLabel(index, labels.get(category.value(), tr("Other")))


def thumbnail_href(item: dict):
    """The item's quicklook url: the `thumbnail` asset, else an asset with that role."""
    assets = item.get("assets") or {}
    asset = assets.get("thumbnail") or next(
        (a for a in assets.values() if "thumbnail" in (a.get("roles") or [])), None)
    return asset.get("href") if asset else None


def as_number(value):
    """A float, or None for anything that is not a number."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def _datetime(text):
    if not text:
        return None
    moment = QDateTime.fromString(str(text).replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(str(text).replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    return moment if moment.isValid() else None

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
    ("cloud_cover", "double", lambda item: _number(item["properties"].get("eo:cloud_cover"))),
    ("incidence", "double",
     lambda item: _number(item["properties"].get("view:incidence_angle"))),
    ("gsd", "double", lambda item: _number(item["properties"].get("gsd"))),
    ("availability", "string", item_availability),
    (STEREO_GROUP, "string", lambda item: None),  # set from the whole result set
    ("thumbnail", "string", lambda item: thumbnail_href(item)),
)
FIELD_NAMES = tuple(name for name, _kind, _read in COLUMNS)
STEREO_INDEX = FIELD_NAMES.index(STEREO_GROUP)
AVAILABILITY_INDEX = FIELD_NAMES.index("availability")
_READERS = tuple(read for _name, _kind, read in COLUMNS)


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind, _read in COLUMNS:
        fields.append(_field(name, kind))
    return fields


def footprint_feature(item: dict, fields: QgsFields, stereo_group=None,
                      availability_of=None) -> QgsFeature:
    """The feature for one STAC item dict (attributes missing from the item stay NULL).
    `availability_of(item)` tells downloadable/orderable with what the caller knows (e.g.
    `Catalogue.item_availability`: the profile's storage hosts, the item's collection)."""
    if "properties" not in item:
        item = dict(item, properties={})
    readers = _READERS
    if availability_of is not None:
        readers = list(_READERS)
        readers[AVAILABILITY_INDEX] = availability_of
    feature = QgsFeature(fields)
    values = [read(item) for read in readers]
    values[STEREO_INDEX] = stereo_group
    feature.setAttributes(values)
    feature.setGeometry(footprint_geometry(item.get("geometry")))
    return feature


def footprint_geometry(geometry) -> QgsGeometry:
    """A (multi)polygon GeoJSON geometry as a QGIS MultiPolygon; empty for anything else.

    Built as WKB in one struct.pack: twice as fast as QgsPointXY lists, and the dock
    builds 10,000 of these on the main thread."""
    if not isinstance(geometry, dict):
        return QgsGeometry()
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return QgsGeometry()
    try:
        wkb = _multipolygon_wkb(polygons)
    except (TypeError, ValueError, IndexError, struct.error):
        return QgsGeometry()
    result = QgsGeometry()
    result.fromWkb(wkb)
    return result


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


def _number(value):
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def _datetime(text):
    if not text:
        return None
    moment = QDateTime.fromString(str(text).replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(str(text).replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    return moment if moment.isValid() else None

"""Areas of interest to and from files and layers, through QGIS and GDAL/OGR.

Reading: any vector file OGR opens (GeoPackage, shapefile or a zipped one, GeoJSON, KML...)
or the selected features of any layer, in any CRS; their polygons become one area. A
catalogue search also takes points and lines as they are (images covering those places:
`lines_and_points=True`); a request for new imagery needs a polygon, and says how to make
one.

Writing, for the DINAMIS web form where a deployment has no demand API. The form's
accepted formats are not published, so three are offered:
- GeoJSON (the default): one small text file, WGS84 longitude/latitude by definition
  (RFC 7946, which GDAL writes with RFC7946=YES), nothing to misread, and exactly what the
  demand API itself takes;
- KML: WGS84 by definition too, and what map web forms most often import;
- zipped shapefile: for forms that only take that; one .zip holding .shp/.shx/.dbf/.prj.
"""
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureRequest,
                       QgsGeometry, QgsProject, QgsVectorFileWriter, QgsVectorLayer,
                       QgsVectorLayerFeatureSource, QgsWkbTypes)

from ..core.i18n import tr
from .aoi import AoiError

# extension -> (OGR driver, layer options)
EXPORT_FORMATS = {
    ".geojson": ("GeoJSON", ["RFC7946=YES"]),
    ".kml": ("KML", []),
    ".zip": ("ESRI Shapefile", []),
}


def export_filter() -> str:
    """The file dialog's filter, GeoJSON first (the default)."""
    return ";;".join([tr("GeoJSON (*.geojson)"), tr("KML (*.kml)"),
                      tr("Zipped shapefile (*.zip)")])


_KINDS = (QgsWkbTypes.GeometryType.PolygonGeometry, QgsWkbTypes.GeometryType.LineGeometry,
          QgsWkbTypes.GeometryType.PointGeometry)


def _polygons_of(features, lines_and_points: bool = False) -> QgsGeometry:
    """The union of the features' polygons; with `lines_and_points`, where there is no
    polygon, of their lines, else of their points (one kind: a search area stays simple)."""
    by_kind = {kind: [] for kind in _KINDS}
    for feature in features:
        if feature.hasGeometry():
            kind = QgsWkbTypes.geometryType(feature.geometry().wkbType())
            if kind in by_kind:
                by_kind[kind].append(QgsGeometry(feature.geometry()))
    geometries = next((by_kind[kind] for kind in _KINDS[:3 if lines_and_points else 1]
                       if by_kind[kind]), [])
    if not geometries:
        return QgsGeometry()
    if len(geometries) == 1:
        return geometries[0]
    return QgsGeometry.unaryUnion(geometries)


def _polygon_needed(what: str) -> str:
    return tr("{what}: an area of interest must be a polygon. Select or draw polygons, or "
              "first make polygons around your points or lines (Vector › Geoprocessing "
              "Tools › Buffer).").format(what=what)


def selection_source(layer):
    """What reading a layer's selected polygons needs, taken on the main thread:
    (a feature source any thread may read, the selected ids, the layer's CRS)."""
    if layer is None or not isinstance(layer, QgsVectorLayer):
        raise AoiError(tr("Select polygons in a vector layer first (the active layer)."))
    if not layer.selectedFeatureCount():
        raise AoiError(tr("No feature is selected in \"{layer}\": select the polygons of your "
                          "area first.").format(layer=layer.name()))
    return QgsVectorLayerFeatureSource(layer), layer.selectedFeatureIds(), layer.crs()


def read_selection(source, ids, crs, layer_name: str, lines_and_points: bool = False
                   ) -> Tuple[QgsGeometry, QgsCoordinateReferenceSystem]:
    """The union of the selected polygons (see `_polygons_of`), in the layer's CRS (any
    thread: a database or web layer is read here, not on the UI thread)."""
    geometry = _polygons_of(source.getFeatures(QgsFeatureRequest().setFilterFids(ids)),
                            lines_and_points)
    if geometry.isEmpty():
        if lines_and_points:
            raise AoiError(tr("The selected features of \"{layer}\" have no geometry: "
                              "select features with a shape on the map.").format(
                                  layer=layer_name))
        raise AoiError(_polygon_needed(tr("The selected features of \"{layer}\" are not "
                                          "polygons").format(layer=layer_name)))
    return geometry, crs


def from_selection(layer, lines_and_points: bool = False
                   ) -> Tuple[QgsGeometry, QgsCoordinateReferenceSystem]:
    """The union of a layer's selected polygons, in the layer's CRS (reads at once)."""
    return read_selection(*selection_source(layer), layer.name(), lines_and_points)


def from_file(path, lines_and_points: bool = False
              ) -> Tuple[QgsGeometry, QgsCoordinateReferenceSystem]:
    """The union of the polygons (see `_polygons_of`) of a vector file's (first) layer, in
    its CRS (any thread: the layer made here is never added to a project)."""
    path = str(path)
    source = f"/vsizip/{path}" if path.lower().endswith(".zip") else path
    layer = QgsVectorLayer(source, "aoi", "ogr")
    if not layer.isValid():
        raise AoiError(tr("Cannot read \"{name}\" as a vector file (GeoPackage, shapefile, "
                          "GeoJSON, KML...).").format(name=Path(path).name))
    geometry = _polygons_of(layer.getFeatures(), lines_and_points)
    if geometry.isEmpty():
        if lines_and_points:
            raise AoiError(tr("\"{name}\" holds no geometry to search with: choose a file "
                              "with points, lines or polygons.").format(name=Path(path).name))
        raise AoiError(_polygon_needed(tr("\"{name}\" holds no polygon").format(
            name=Path(path).name)))
    return geometry, layer.crs()


def write(geometry_wgs84: QgsGeometry, path, name: str = "DINAMIS area of interest") -> Path:
    """Write the area (lon/lat) to `path`; the format follows the extension. Returns the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        path = path.with_suffix(".geojson")
        suffix = ".geojson"
    driver, layer_options = EXPORT_FORMATS[suffix]
    if suffix == ".zip":
        with tempfile.TemporaryDirectory() as folder:
            shp = Path(folder) / (path.stem or "aoi")
            _write_layer(geometry_wgs84, str(shp) + ".shp", driver, layer_options, name)
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                for member in sorted(Path(folder).iterdir()):
                    archive.write(member, member.name)
        return path
    if path.exists():
        os.remove(path)  # OGR refuses to overwrite some formats in place
    _write_layer(geometry_wgs84, str(path), driver, layer_options, name)
    return path


def _write_layer(geometry, path, driver, layer_options, name):
    kind = "MultiPolygon" if geometry.isMultipart() else "Polygon"
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:4326&field=name:string(80)", "aoi", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry(geometry))
    feature.setAttribute("name", name)
    layer.dataProvider().addFeatures([feature])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.layerOptions = layer_options
    options.fileEncoding = "UTF-8"
    error, message, *_rest = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, QgsProject.instance().transformContext(), options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise AoiError(tr("Cannot write \"{name}\": {reason}").format(
            name=Path(path).name, reason=message))

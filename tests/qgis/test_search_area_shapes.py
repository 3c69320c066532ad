"""Points and lines as a search area: a catalogue search takes them as they are (the
images covering those places), while a request for new imagery needs a polygon and says
plainly how to make one, in English and in French."""
import pytest
import requests
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from tests.qgis.test_french_account_screens import french  # noqa: F401 - fixture


def _layer(kind: str, wkts, crs="EPSG:2154"):
    layer = QgsVectorLayer(f"{kind}?crs={crs}", "sites", "memory")
    features = []
    for wkt in wkts:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.selectAll()
    return layer


def _lambert93(lon, lat) -> str:
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                           QgsProject)
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsProject.instance())
    point = transform.transform(QgsPointXY(lon, lat))
    return f"{point.x()} {point.y()}"


def _a_footprint_centre(server):
    item = requests.post(server.url("/stac/search"), json={"limit": 1}, timeout=30).json()
    centroid = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring] for ring in
                                          item["features"][0]["geometry"]["coordinates"]]
                                         ).centroid().asPoint()
    return item["features"][0]["id"], centroid.x(), centroid.y()


def test_selected_points_search_the_images_covering_them(server, local_profile, qgis_app):
    from dinamis.core.catalogue import Catalogue
    from dinamis.core.http import new_http_session
    from dinamis.core.search_params import SearchParameters
    from dinamis.qgis_glue.search_area import selection_area
    item_id, lon, lat = _a_footprint_centre(server)
    layer = _layer("Point", [f"POINT({_lambert93(lon, lat)})"])
    area = selection_area(layer)
    assert area.geometry["type"] == "Point" and area.bbox is None
    assert area.geometry["coordinates"] == pytest.approx([lon, lat], abs=1e-5)
    assert area.qgs_geometry().asPoint().x() == pytest.approx(lon, abs=1e-5)
    search = Catalogue(local_profile, new_http_session()).search(
        SearchParameters(geometry=area.geometry, limit=200))
    found = [item for item in search.items()]
    assert item_id in {item.id for item in found}
    point = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
    for item in found:  # only images covering the point
        footprint = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]
                                               for ring in item.geometry["coordinates"]])
        assert footprint.buffer(1e-6, 4).intersects(point)


def test_a_file_of_lines_is_a_search_area(tmp_path, qgis_app):
    from dinamis.qgis_glue.search_area import file_area
    path = tmp_path / "route.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {}, "geometry": {"type": "LineString", "coordinates": '
                    '[[2.0, 45.0], [2.5, 45.5]]}}]}')
    area = file_area(str(path))
    assert area.geometry == {"type": "LineString", "coordinates": [[2.0, 45.0], [2.5, 45.5]]}


def test_a_request_area_needs_a_polygon_and_says_how_to_make_one(qgis_app):
    from dinamis.qgis_glue.aoi import AoiError
    from dinamis.qgis_glue.aoi_files import from_selection
    layer = _layer("Point", ["POINT(650000 6860000)"])
    with pytest.raises(AoiError) as error:
        from_selection(layer)
    assert "must be a polygon" in str(error.value) and "Buffer" in str(error.value)


def test_the_polygon_message_in_french(french, tmp_path, qgis_app):  # noqa: F811
    from dinamis.qgis_glue.aoi import AoiError
    from dinamis.qgis_glue.aoi_files import from_file
    path = tmp_path / "sites.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {}, "geometry": {"type": "Point", "coordinates": '
                    '[2.0, 45.0]}}]}')
    with pytest.raises(AoiError) as error:
        from_file(str(path))
    message = str(error.value)
    assert "sites.geojson" in message and "polygone" in message and "Tampon" in message

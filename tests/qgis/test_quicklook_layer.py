"""Quicklook on map: the item's picture warped onto its footprint (GDAL), as a raster
layer whose extent is the footprint's and whose pixels sit inside it."""
import requests
from qgis.core import QgsPointXY, QgsRaster



def an_item(server):
    body = requests.post(server.url("/stac/search"), json={"limit": 1, "bbox": [3, 43, 5, 45]},
                         timeout=30).json()
    return body["features"][0]


def test_quicklook_sits_on_its_footprint(server, qgis_app, tmp_path, monkeypatch):
    from dinamis.qgis_glue import quicklook_layer, thumbnails
    from dinamis.qgis_glue.footprints import footprint_geometry
    monkeypatch.setattr(thumbnails, "cache_folder", lambda: tmp_path / "quicklooks")
    item = an_item(server)
    url = item["assets"]["thumbnail"]["href"]
    data = requests.get(url, timeout=30).content
    footprint = footprint_geometry(item["geometry"])
    path = quicklook_layer.georeference(data, footprint, url)
    layer = quicklook_layer.raster_layer(path, item["id"])
    assert layer.crs().authid() == "EPSG:4326"
    extent, box = layer.extent(), footprint.boundingBox()
    pixel = max(layer.rasterUnitsPerPixelX(), layer.rasterUnitsPerPixelY())
    for a, b in ((extent.xMinimum(), box.xMinimum()), (extent.xMaximum(), box.xMaximum()),
                 (extent.yMinimum(), box.yMinimum()), (extent.yMaximum(), box.yMaximum())):
        assert abs(a - b) <= 2 * pixel
    provider = layer.dataProvider()
    alpha = provider.bandCount()
    centre = footprint.centroid().asPoint()
    inside = provider.identify(centre, QgsRaster.IdentifyFormat.IdentifyFormatValue).results()
    assert inside[alpha] == 255 and any(inside[b] for b in range(1, alpha))
    corner = QgsPointXY(box.xMinimum() + pixel, box.yMinimum() + pixel)
    if not footprint.contains(corner):  # outside the scene's tilted square: transparent
        outside = provider.identify(corner, QgsRaster.IdentifyFormat.IdentifyFormatValue)
        assert outside.results()[alpha] == 0
    assert quicklook_layer.georeference(data, footprint, url) == path  # cached

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
    # cached: a second call is not warped again (these bytes would not even decode)
    assert quicklook_layer.georeference(b"not an image", footprint, url) == path


def test_the_picture_is_not_flipped_or_turned(reference_server, server, qgis_app, tmp_path,
                                              monkeypatch):
    """For an item with a real COG (its quicklook is made from it), the georeferenced
    quicklook correlates with the COG itself read at the same places."""
    import json
    import sqlite3

    import numpy as np
    from osgeo import gdal
    from dinamis.qgis_glue import quicklook_layer, thumbnails
    from dinamis.qgis_glue.footprints import footprint_geometry
    monkeypatch.setattr(thumbnails, "cache_folder", lambda: tmp_path / "quicklooks")
    data = reference_server.data_dir
    with sqlite3.connect(data / "dinamis.sqlite") as conn:
        real = json.loads(conn.execute("SELECT value FROM meta WHERE key = ?",
                                       ("catalogue:real_cog_items",)).fetchone()[0])
    item = requests.post(server.url("/stac/search"), json={"ids": real[:1]},
                         timeout=30).json()["features"][0]
    url = item["assets"]["thumbnail"]["href"]
    path = quicklook_layer.georeference(requests.get(url, timeout=30).content,
                                        footprint_geometry(item["geometry"]), url)
    placed = gdal.Open(path)
    x0, dx, _, y0, _, dy = placed.GetGeoTransform()
    width, height = placed.RasterXSize, placed.RasterYSize
    cog = data / "objects" / "dinamis-catalogue" / item["collection"] / item["id"] / \
        f"{item['id']}_MS.tif"
    same_grid = gdal.Warp("", str(cog), format="MEM", dstSRS="EPSG:4326", width=width,
                          height=height, outputBounds=(x0, y0 + dy * height, x0 + dx * width,
                                                       y0), dstNodata=0)
    near_infrared = same_grid.GetRasterBand(4).ReadAsArray().astype(float)
    red = placed.GetRasterBand(1).ReadAsArray().astype(float)  # the quicklook's NIR
    alpha = placed.GetRasterBand(placed.RasterCount).ReadAsArray()
    inside = (alpha > 0) & (near_infrared > 0)
    assert inside.mean() > 0.5
    correlation = np.corrcoef(red[inside], near_infrared[inside])[0, 1]
    assert correlation > 0.8, correlation  # 0.99 here; a flipped picture gives 0.4

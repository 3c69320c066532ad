"""The seeded catalogue itself: deterministic, DINAMIS-like, real COGs where promised, fast.

Runs catalogue_seed.seed in-process against a fresh SQLite file (the seeding function is the
unit here; the HTTP side is covered by test_stac_api / test_object_store)."""
import json
from collections import defaultdict

import pytest
from osgeo import gdal, osr
from shapely.geometry import shape

from tests.reference_server import catalogue_seed, db, stac_store
from tests.reference_server.config import ServerConfig

gdal.UseExceptions()


def seeded(tmp_path, **overrides):
    config = ServerConfig(data_dir=tmp_path, **{"real_cog_count": 0, **overrides})
    tmp_path.mkdir(parents=True, exist_ok=True)
    conn = db.connect(config.db_path)
    with conn:
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.executescript(stac_store.SCHEMA)
    with conn:
        catalogue_seed.seed(conn, config)
    return conn, config


def items(conn):
    return [json.loads(r[0]) for r in conn.execute("SELECT json FROM stac_items ORDER BY pk")]


def test_same_seed_same_catalogue_other_seed_other_catalogue(tmp_path):
    a, _ = seeded(tmp_path / "a", item_count=150)
    b, _ = seeded(tmp_path / "b", item_count=150)
    c, _ = seeded(tmp_path / "c", item_count=150, seed=7)
    assert items(a) == items(b)
    assert [i["id"] for i in items(a)] != [i["id"] for i in items(c)]
    assert len(items(a)) == 150


def test_items_look_like_the_dinamis_catalogue(tmp_path):
    conn, _ = seeded(tmp_path, item_count=2000)
    all_items = items(conn)
    periods = {p: (first, last) for p, first, last, _ in
               catalogue_seed.SPOT67 + catalogue_seed.PHR + catalogue_seed.PNEO
               + catalogue_seed.SWH}
    mainland, groups = 0, defaultdict(list)
    for item in all_items:
        props = item["properties"]
        poly = shape(item["geometry"])
        assert poly.is_valid and poly.exterior.is_ccw and len(poly.exterior.coords) == 5
        first, last = periods[props["platform"]]
        year = int(props["datetime"][:4])
        assert int(first) <= year <= int(last), (props["platform"], year)
        west, south, east, north = item["bbox"]
        if -5.5 <= west and east <= 10 and 41 <= south and north <= 51.5:
            mainland += 1
        if "dinamis:stereo_group" in props:
            groups[props["dinamis:stereo_group"]].append(item)
        orderable = item["collection"] == "airbus-archive"
        assert props["dinamis:availability"] == ("orderable" if orderable else "downloadable")
        assert ("src_xs" in item["assets"]) != orderable
        assert 0 < (east - west) < 1.5 and 0 < (north - south) < 1.0  # scene-sized
    assert 0.75 < mainland / len(all_items) < 0.95  # mostly France, some overseas/abroad
    assert groups and all(len(g) in (2, 3) for g in groups.values())
    for group in groups.values():
        assert len({json.dumps(i["geometry"]) for i in group}) == 1
        assert len({i["properties"]["datetime"][:10] for i in group}) == 1
    collections = {i["collection"] for i in all_items}
    assert collections == {c["id"] for c in catalogue_seed.COLLECTIONS}
    texts = [json.loads(t) for t in stac_store.collection_texts(conn)]
    swh = next(c for c in texts if c["id"] == "spot-world-heritage")
    assert swh["extent"]["temporal"]["interval"][0][0] < "1991"


def test_real_cogs_cover_their_footprint(tmp_path):
    conn, config = seeded(tmp_path, item_count=30, real_cog_count=2, cog_size=256)
    real = json.loads(db.meta_get(conn, "catalogue:real_cog_items"))
    assert len(real) == 2
    for item in items(conn):
        if item["id"] not in real:
            continue
        for key, bands, size in (("src_xs", 4, 128), ("src_pan", 1, 256)):
            asset = item["assets"].get(key)
            if asset is None:  # SPOT World Heritage has no panchromatic asset
                continue
            path = config.objects_dir / asset["href"].split("/s3/", 1)[1]
            ds = gdal.Open(str(path))
            assert ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
            assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
            assert (ds.RasterCount, ds.RasterXSize) == (bands, size)
            assert ds.GetRasterBand(1).GetOverviewCount() >= 1
            assert asset["file:size"] == path.stat().st_size
            gt = ds.GetGeoTransform()
            bounds = [gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize,
                      gt[3]]
            assert bounds == pytest.approx(asset["proj:bbox"])
            assert ds.GetSpatialRef().GetAuthorityCode(None) == str(asset["proj:epsg"])
            wgs84 = osr.SpatialReference()
            wgs84.ImportFromEPSG(4326)
            wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            to_raster = osr.CoordinateTransformation(wgs84, ds.GetSpatialRef())
            for lon, lat in item["geometry"]["coordinates"][0]:
                x, y, _ = to_raster.TransformPoint(lon, lat)
                assert bounds[0] - 1 <= x <= bounds[2] + 1 and bounds[1] - 1 <= y <= bounds[3] + 1
            ds = None


def test_seeding_twenty_thousand_items(tmp_path):
    # How fast seeding is (the bench's 100,000 items) is measured by bench_server, not here.
    conn, _ = seeded(tmp_path, item_count=20000)
    assert stac_store.item_count(conn) == 20000

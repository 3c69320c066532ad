"""Areas of interest with QGIS's geometry classes: the local ellipsoidal area and price agree
with the server's quote on many shapes, and every bad area gets its message and its fix."""
import math

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry,
                       QgsProject)

from dinamis.core.demand_estimate import estimate
from dinamis.core.demands import DemandClient
from tests.core.conftest import login_as
from tests.reference_server_tests._demands_client import programming


def wkt_ring(points):
    return ", ".join(f"{x} {y}" for x, y in list(points) + [points[0]])


def circle(lon, lat, radius_deg, n):
    return [(lon + radius_deg * math.cos(2 * math.pi * i / n),
             lat + radius_deg * 0.7 * math.sin(2 * math.pi * i / n)) for i in range(n)]


SHAPES = {
    "small square": "POLYGON((3 43.5, 3.12 43.5, 3.12 43.62, 3 43.62, 3 43.5))",
    "large block": "POLYGON((0 40, 10 40, 10 50, 0 50, 0 40))",
    "thin strip": "POLYGON((3 43, 3.01 43, 3.01 48, 3 48, 3 43))",
    "high latitude": "POLYGON((10 75, 30 75, 30 79, 10 79, 10 75))",
    "near the pole": "POLYGON((-20 85, 40 85, 40 89, -20 89, -20 85))",
    "southern": "POLYGON((-70 -45, -68 -45, -68 -43, -70 -43, -70 -45))",
    "hole": "POLYGON((3 43, 4 43, 4 44, 3 44, 3 43), (3.2 43.2, 3.2 43.4, 3.4 43.4, 3.4 43.2,"
            " 3.2 43.2))",
    "hole wound like its shell": "POLYGON((3 43, 4 43, 4 44, 3 44, 3 43), (3.2 43.2, 3.4 43.2,"
                                 " 3.4 43.4, 3.2 43.4, 3.2 43.2))",
    "two parts": "MULTIPOLYGON(((3 43, 3.5 43, 3.5 43.5, 3 43.5, 3 43)), ((5 44, 5 45, 6 45,"
                 " 6 44, 5 44)))",
    "concave": "POLYGON((3 43, 5 43, 5 45, 4.9 45, 4.9 43.1, 3.1 43.1, 3.1 45, 3 45, 3 43))",
    "1,000 vertices": f"POLYGON(({wkt_ring(circle(2.5, 46.5, 0.8, 1000))}))",
    "equator crossing": "POLYGON((10 -1, 11 -1, 11 1, 10 1, 10 -1))",
}


@pytest.fixture(scope="module")
def alice(reference_server):
    return DemandClient.for_session(login_as(reference_server, "alice"))


@pytest.fixture
def checker(qgis_app):
    from dinamis.qgis_glue.aoi import AoiChecker
    return AoiChecker(min_order_km2=100, max_vertices=10_000)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_local_area_and_price_agree_with_the_servers_quote(server, alice, checker, name):
    check = checker.check(QgsGeometry.fromWkt(SHAPES[name]))
    assert check.sendable, [p.message for p in check.problems]
    quotas = {q.sensor: q for q in alice.my_quotas()}
    for sensor in ("pleiades", "spot-6-7"):
        quote = alice.quote(programming(sensor, check.geojson()))
        assert check.area_km2 == pytest.approx(quote.area_km2, abs=0.006, rel=1e-9), name
        local = estimate(check.area_km2, "programming", quotas[sensor])
        assert (local.quota_km2, local.paid_km2) == pytest.approx(
            (quote.quota_km2, quote.paid_km2), abs=0.011)
        assert local.price_eur == pytest.approx(quote.price_eur, abs=0.02)


def test_an_area_drawn_in_lambert_93_is_transformed_and_agrees(server, alice, checker):
    lambert = QgsCoordinateReferenceSystem("EPSG:2154")
    drawn = QgsGeometry.fromWkt("POLYGON((760000 6270000, 790000 6270000, 790000 6300000,"
                                " 760000 6300000, 760000 6270000))")
    wgs84 = checker.to_wgs84(drawn, lambert)
    check = checker.check(wgs84, lambert)
    assert [p.code for p in check.problems] == ["transformed"]
    assert "EPSG:2154" in check.problems[0].message
    quote = alice.quote(programming("pleiades", check.geojson()))
    assert check.area_km2 == pytest.approx(quote.area_km2, abs=0.006)
    assert check.area_km2 == pytest.approx(900, rel=0.01)  # 30 km × 30 km, little distortion


def test_an_area_drawn_across_the_antimeridian_is_split_and_then_accepted(server, alice,
                                                                          checker):
    fiji = QgsCoordinateReferenceSystem("EPSG:3460")  # Fiji 1986 / Fiji Map Grid
    across = QgsGeometry.fromWkt("POLYGON((179 -17, 181 -17, 181 -16, 179 -16, 179 -17))")
    across.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), fiji,
                                            QgsProject.instance()))
    drawn = checker.to_wgs84(across, fiji)  # longitudes jump from 179 to -179
    check = checker.check(drawn, fiji)
    assert [p.code for p in check.errors] == ["antimeridian"]
    split = checker.apply_fix(check.errors[0].fix, drawn)
    fixed = checker.check(split)
    assert fixed.sendable and fixed.parts == 2
    assert fixed.area_km2 == pytest.approx(check.area_km2, rel=1e-6)
    quote = alice.quote(programming("spot-6-7", fixed.geojson()))
    assert fixed.area_km2 == pytest.approx(quote.area_km2, abs=0.006)


def test_a_self_intersecting_area_is_offered_its_repaired_shape(checker):
    bow_tie = QgsGeometry.fromWkt("POLYGON((3 43, 4 44, 4 43, 3 44, 3 43))")
    check = checker.check(bow_tie)
    assert not check.sendable and check.area_km2 is None
    problem = check.errors[0]
    assert problem.code == "invalid" and "crosses itself" in problem.message
    repaired = checker.check(checker.apply_fix(problem.fix, bow_tie))
    assert repaired.sendable and repaired.parts == 2
    assert f"{repaired.area_km2:,.0f}" in problem.message  # the repaired area, announced
    assert bow_tie.asWkt() == check.geometry.asWkt()  # the drawing itself is untouched


def test_under_the_minimum_is_enlarged_to_it(checker):
    small = QgsGeometry.fromWkt("POLYGON((3 43, 3.05 43, 3.05 43.04, 3 43.04, 3 43))")
    check = checker.check(small)
    problem = check.errors[0]
    assert problem.code == "below_minimum" and "minimum order of 100 km²" in problem.message
    enlarged = checker.check(checker.apply_fix(problem.fix, small))
    assert enlarged.sendable and 100 <= enlarged.area_km2 < 101


def test_too_many_vertices_are_simplified_under_the_servers_limit(checker):
    dense = QgsGeometry.fromWkt(f"POLYGON(({wkt_ring(circle(3, 43, 0.5, 12_000))}))")
    check = checker.check(dense)
    problem = check.errors[0]
    assert problem.code == "too_many_vertices" and "12001" in problem.message.replace(",", "")
    simplified = checker.check(checker.apply_fix(problem.fix, dense))
    assert simplified.sendable and simplified.vertices <= 10_000
    assert simplified.area_km2 == pytest.approx(check.area_km2, rel=1e-4)


def test_holes_and_parts_are_explained_and_can_be_removed(checker):
    holed = QgsGeometry.fromWkt(SHAPES["hole"])
    check = checker.check(holed)
    assert check.sendable and [p.code for p in check.problems] == ["holes"]
    filled = checker.check(checker.apply_fix("fill_holes", holed))
    assert filled.holes == 0 and filled.area_km2 > check.area_km2
    parts = QgsGeometry.fromWkt(SHAPES["two parts"])
    check = checker.check(parts)
    assert [p.code for p in check.problems] == ["multi_part"]
    largest = checker.check(checker.apply_fix("largest_part", parts))
    assert largest.parts == 1 and largest.area_km2 > check.area_km2 / 2


@pytest.mark.parametrize("wkt, code", [
    ("POLYGON EMPTY", "empty"),
    ("LINESTRING(3 43, 4 44)", "not_polygon"),
    ("POLYGON((700000 6200000, 710000 6200000, 710000 6210000, 700000 6200000))",
     "out_of_range"),
    ("POLYGON((-100 -60, 60 -60, 60 60, -100 60, -100 -60))", "implausible"),
    ("POLYGON((3 43, 3.5 43.5, 3 43, 3 43))", "no_area"),  # no repair to offer: nothing
    ("POLYGON((3 43, 3 43.2, 3 43.4, 3 43))", "no_area"),  # along one meridian
])
def test_other_bad_areas_each_get_their_message(checker, wkt, code):
    check = checker.check(QgsGeometry.fromWkt(wkt))
    assert [p.code for p in check.problems] == [code]
    assert check.problems[0].message
    assert check.problems[0].fix is None  # no button that would do nothing or harm


def test_a_layer_without_crs_is_told_to_set_one(checker):
    from dinamis.qgis_glue.aoi import AoiError
    with pytest.raises(AoiError, match="coordinate reference system"):
        checker.to_wgs84(QgsGeometry.fromWkt(SHAPES["small square"]),
                         QgsCoordinateReferenceSystem())


def test_the_console_estimate_without_a_demand_manager_measures_the_area_here(qgis_app):
    import dinamis
    from dinamis.core.secrets import MemorySecretStore
    from tests.reference_server_tests._demands_client import band_cell_area_km2
    dinamis.use_profile("DINAMIS", secret_store=MemorySecretStore())  # no demand API
    try:
        found = dinamis.estimate((3.6, 43.5, 3.9, 43.7))
        assert found.area_km2 == pytest.approx(band_cell_area_km2(3.6, 43.5, 3.9, 43.7),
                                               rel=2e-4)
        assert found.price_eur is None  # no quota or price where DINAMIS publishes none
    finally:
        dinamis.api._set_session(None)

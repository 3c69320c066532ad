"""Every bad request body is refused with 400 naming the field and the reason, and the
server's ellipsoidal area is the authoritative one (real HTTP, session server)."""
import json
import math

import pytest

from ._demands_client import (band_cell_area_km2, call, catalogue_items, future_period,
                              new_project, programming, rectangle, square_of_km2)


def quote(server, body, user="alice"):
    return call(server, "POST", "requests/quote", user, json=body)


def refused(response, field):
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["error"] == "validation_error" and body["field"] == field, body
    assert body["reason"]
    return body["reason"]


def test_area_is_computed_on_the_ellipsoid_close_to_a_closed_form_reference(server):
    aoi = rectangle(3.0, 43.0, 4.0, 44.0, points_per_edge=200)  # ~8,950 km²
    r = quote(server, programming("spot-6-7", aoi))
    assert r.status_code == 200, r.text
    assert r.json()["area_km2"] == pytest.approx(band_cell_area_km2(3, 43, 4, 44), rel=2e-4)


def test_area_ignores_any_area_the_client_claims(server):
    body = programming("spot-6-7", square_of_km2(800))
    body["note"] = "area_km2: 50"
    assert quote(server, body).json()["area_km2"] == pytest.approx(800, abs=0.05)


def test_under_100_km2_is_refused_naming_aoi(server):
    reason = refused(quote(server, programming(aoi=square_of_km2(60))), "aoi")
    assert "100 km²" in reason and "60" in reason


def test_self_intersecting_polygon_is_refused_with_the_reason(server):
    bowtie = {"type": "Polygon",
              "coordinates": [[[3, 43], [4, 44], [4, 43], [3, 44], [3, 43]]]}
    reason = refused(quote(server, programming(aoi=bowtie)), "aoi")
    assert "Self-intersection" in reason


@pytest.mark.parametrize("aoi, field, words", [
    ({"type": "Point", "coordinates": [3, 43]}, "aoi.type", "Polygon"),
    ({"type": "Polygon", "coordinates": [[[3, 43], [200, 43], [4, 44], [3, 43]]]},
     "aoi.coordinates[0][1]", "longitude 200"),
    ({"type": "Polygon", "coordinates": [[[3, 43], [4, 95], [4, 44], [3, 43]]]},
     "aoi.coordinates[0][1]", "latitude 95"),
    ({"type": "Polygon", "coordinates": [[[3, 43], [4, 43], [4, 44], [3, 44]]]},
     "aoi.coordinates[0]", "closed"),
    ({"type": "Polygon", "coordinates": [[[3, 43], [4, 43], [3, 43]]]},
     "aoi.coordinates[0]", "at least 4"),
    ({"type": "Polygon", "coordinates": [[[3, 43], ["x", 43], [4, 44], [3, 43]]]},
     "aoi.coordinates[0][1]", "numbers"),
    ("POLYGON((3 43, 4 43, 4 44, 3 43))", "aoi", "GeoJSON"),
])
def test_malformed_aoi_names_the_position_and_why(server, aoi, field, words):
    assert words in refused(quote(server, programming(aoi=aoi)), field)


@pytest.mark.parametrize("change, field", [
    ({"sensor": "landsat"}, "sensor"),
    ({"kind": "tasking"}, "kind"),
    ({"mode": "quadristereo"}, "mode"),
    ({"max_cloud_cover": 120}, "max_cloud_cover"),
    ({"max_incidence": "steep"}, "max_incidence"),
    ({"period": {"start": "2030-02-01", "end": "2030-01-01"}}, "period.end"),
    ({"period": {"start": "2020-01-01", "end": "2020-02-01"}}, "period.end"),
    ({"period": {"start": "soon", "end": "2030-01-01"}}, "period.start"),
    ({"period": {"start": "2020-01-01", "end": "2030-01-01"}}, "period.start"),
    ({"item_id": "ARCH_X"}, "item_id"),
    ({"production_options": {"pixel_coding": "7bits"}}, "production_options.pixel_coding"),
    ({"production_options": {"sharpening": "max"}}, "production_options.sharpening"),
    ({"colour": "red"}, "colour"),
])
def test_enumerations_ranges_and_unknown_fields_are_refused(server, change, field):
    body = programming(aoi=square_of_km2(500))
    body.update(change)
    refused(quote(server, body), field)


def test_not_json_at_all_is_a_400_not_a_500(server):
    r = call(server, "POST", "requests/quote", "alice", data=b"\xff{not json",
             headers={"Content-Type": "application/json"})
    refused(r, "body")
    refused(call(server, "POST", "requests/quote", "alice", json=[1, 2]), "body")


def test_archive_needs_an_existing_orderable_item(server):
    refused(quote(server, {"kind": "archive", "item_id": "no-such-item"}), "item_id")
    downloadable = catalogue_items(server, "downloadable", limit=1)
    assert downloadable
    reason = refused(quote(server, {"kind": "archive", "item_id": downloadable[0]["id"]}),
                     "item_id")
    assert "downloadable" in reason


def test_an_archive_request_refuses_programming_constraints(server):
    item = catalogue_items(server, "orderable", limit=1)[0]
    for field, value in (("period", {"start": "2030-01-01", "end": "2030-02-01"}),
                         ("mode", "stereo"), ("max_cloud_cover", 10)):
        refused(quote(server, {"kind": "archive", "item_id": item["id"], field: value}), field)


def test_archive_aoi_outside_the_footprint_is_refused(server):
    item = catalogue_items(server, "orderable", limit=1)[0]
    far = rectangle(-70, -40, -69, -39)
    refused(quote(server, {"kind": "archive", "item_id": item["id"], "aoi": far}), "aoi")


@pytest.mark.parametrize("params, field", [
    ({"limit": 0}, "limit"), ({"limit": 1000}, "limit"), ({"limit": "ten"}, "limit"),
    ({"offset": -1}, "offset"), ({"status": "lost"}, "status"),
])
def test_paging_and_filters_are_validated(server, params, field):
    refused(call(server, "GET", "requests", "alice", params=params), field)


def test_project_validation(server):
    base = {"title": "T", "start_date": "2026-01-01", "end_date": "2026-12-31",
            "description": "D"}
    r = call(server, "POST", "projects", "alice", json=base)  # science without objectives
    refused(r, "objectives")
    r = call(server, "POST", "projects", "bruno", json={**base, "end_date": "2025-01-01"})
    refused(r, "end_date")
    r = call(server, "POST", "projects", "bruno", json={**base, "themes": "forest"})
    refused(r, "themes")
    r = call(server, "POST", "projects", "bruno", json=base)  # public actor: no science
    assert r.status_code == 201 and r.json()["id"].endswith("-PUB")


def test_unauthenticated_calls_are_401(server):
    assert call(server, "POST", "requests/quote", json=programming()).status_code == 401
    r = call(server, "GET", "requests", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and "detail" in r.json()


def test_future_period_helper_is_accepted(server):
    # Guards the helpers the other tests rely on: a valid body really is accepted.
    body = programming(aoi=square_of_km2(500), period=future_period())
    assert quote(server, body).status_code == 200


def test_pathological_json_is_a_400(server):
    nested = call(server, "POST", "requests/quote", "alice", data="[" * 100_000,
                  headers={"Content-Type": "application/json"})
    refused(nested, "body")
    huge = ('{"kind": "programming", "sensor": "pleiades", "period": {"start": "2030-01-01",'
            ' "end": "2030-02-01"}, "aoi": {"type": "Polygon", "coordinates": [[[1' + "0" * 400
            + ', 43], [4, 43], [4, 44], [3, 43]]]}}')
    r = call(server, "POST", "requests/quote", "alice", data=huge,
             headers={"Content-Type": "application/json"})
    assert "longitude" in refused(r, "aoi.coordinates[0][0]")
    not_finite = {**programming(), "max_cloud_cover": float("nan")}
    r = call(server, "POST", "requests/quote", "alice", data=json.dumps(not_finite),
             headers={"Content-Type": "application/json"})
    refused(r, "max_cloud_cover")


def test_polygon_spanning_the_whole_world_is_refused_with_advice(server):
    world = rectangle(-180, -80, 180, 80)
    assert "antimeridian" in refused(quote(server, programming(aoi=world)), "aoi")


def test_an_area_split_at_the_antimeridian_as_advised_is_accepted(server):
    east_side = rectangle(179.0, -17.0, 180.0, -16.0)["coordinates"]
    west_side = rectangle(-180.0, -17.0, -179.0, -16.0)["coordinates"]
    r = quote(server, programming("spot-6-7", {"type": "MultiPolygon",
                                               "coordinates": [east_side, west_side]}))
    assert r.status_code == 200, r.text
    assert r.json()["area_km2"] == pytest.approx(2 * band_cell_area_km2(179, -17, 180, -16),
                                                 rel=2e-4)


def test_project_edit_by_its_owner_is_validated_like_a_new_one(server):
    project_id = new_project(server, "alice")
    r = call(server, "PATCH", f"projects/{project_id}", "alice",
             json={"title": "Vines, revised", "themes": ["agriculture", "viticulture"]})
    assert r.status_code == 200, r.text
    edited = r.json()
    assert edited["title"] == "Vines, revised" and edited["id"] == project_id
    assert edited["objectives"] == "Map vine rows."  # untouched fields keep their values
    assert call(server, "GET", f"projects/{project_id}", "alice").json()["title"] \
        == "Vines, revised"
    refused(call(server, "PATCH", f"projects/{project_id}", "alice",
                 json={"objectives": " "}), "objectives")  # science needs them
    refused(call(server, "PATCH", f"projects/{project_id}", "alice",
                 json={"end_date": "2000-01-01"}), "end_date")
    refused(call(server, "PATCH", f"projects/{project_id}", "alice", json={"id": "x"}), "id")
    assert call(server, "PATCH", f"projects/{project_id}", "remi",
                json={"title": "Mine now"}).status_code == 403  # the referent reads only
    assert call(server, "PATCH", f"projects/{project_id}", "bruno",
                json={"title": "x"}).status_code == 404  # another entity's


def _reversed_rings(aoi):
    return {"type": aoi["type"], "coordinates": [ring[::-1] for ring in aoi["coordinates"]]}


def test_area_does_not_depend_on_how_rings_are_wound(server):
    """A hole wound like its shell is still a hole; parts wound oppositely still add up."""
    shell = rectangle(3.0, 43.0, 4.0, 44.0)["coordinates"][0]
    hole = rectangle(3.2, 43.2, 3.4, 43.4)["coordinates"][0]
    with_hole = {"type": "Polygon", "coordinates": [shell, hole]}  # both counter-clockwise
    expected = band_cell_area_km2(3, 43, 4, 44) - band_cell_area_km2(3.2, 43.2, 3.4, 43.4)
    for aoi in (with_hole, _reversed_rings(with_hole),
                {"type": "Polygon", "coordinates": [shell, hole[::-1]]}):
        r = quote(server, programming("spot-6-7", aoi))
        assert r.status_code == 200, r.text
        assert r.json()["area_km2"] == pytest.approx(expected, rel=2e-4)
    other = rectangle(5.0, 43.0, 6.0, 44.0)["coordinates"][0]
    two_parts = {"type": "MultiPolygon", "coordinates": [[shell], [other[::-1]]]}
    r = quote(server, programming("spot-6-7", two_parts))
    assert r.json()["area_km2"] == pytest.approx(2 * band_cell_area_km2(3, 43, 4, 44),
                                                 rel=2e-4)


def test_options_publish_the_vertex_limit_the_server_enforces(server):
    import requests
    limit = requests.get(server.url("/demands/api/v1/options"),
                         timeout=10).json()["max_aoi_vertices"]
    ring = [[3 + 0.5 * math.cos(2 * math.pi * i / limit), 43 + 0.5 * math.sin(
        2 * math.pi * i / limit)] for i in range(limit)]
    ring.append(ring[0])  # limit + 1 positions
    reason = refused(quote(server, programming(aoi={"type": "Polygon", "coordinates": [ring]})),
                     "aoi")
    assert str(limit) in reason.replace(",", "")

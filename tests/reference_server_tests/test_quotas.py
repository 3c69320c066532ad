"""Quota rules are data seeded from the slides, and the server splits an area into its
free-quota and paid parts with the caller's category prices (real HTTP, session server)."""
from datetime import date

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyproj import Geod

from ._demands_client import call, catalogue_items, programming, rectangle, square_of_km2


def test_quota_rules_are_public_and_seeded_for_this_year_and_the_previous(server):
    r = requests.get(server.url("/demands/api/v1/quota-rules"), timeout=10)
    assert r.status_code == 200
    rules = {(x["year"], x["category"], x["sensor"]): x for x in r.json()["rules"]}
    this_year = date.today().year
    for year in (this_year - 1, this_year):
        sci = rules[(year, "scientific", "pleiades")]
        assert (sci["free_km2"], sci["archive_eur_per_km2"], sci["programming_eur_per_km2"],
                sci["min_order_km2"]) == (4500, 1.0, 1.0, 100)
        pub = rules[(year, "public_actor", "pleiades")]
        assert (pub["free_km2"], pub["archive_eur_per_km2"],
                pub["programming_eur_per_km2"]) == (3500, 1.4, 1.8)
        spot = rules[(year, "public_actor", "spot-6-7")]
        assert spot["free_km2"] == 36_000  # 10 telemetry credits
        assert spot["archive_eur_per_km2"] == pytest.approx(0.5)  # 20 k€ / 40,000 km²


def test_quota_rules_filter_by_year_and_refuse_a_bad_year(server):
    r = requests.get(server.url("/demands/api/v1/quota-rules"), params={"year": 1999},
                     timeout=10)
    assert r.status_code == 400 and r.json()["field"] == "year"
    year = date.today().year
    r = requests.get(server.url("/demands/api/v1/quota-rules"), params={"year": year},
                     timeout=10)
    assert r.status_code == 200 and {x["year"] for x in r.json()["rules"]} == {year}


def test_me_and_my_quotas(server):
    me = call(server, "GET", "me", "remi").json()
    assert me["username"] == "remi" and "referent" in me["roles"]
    quotas = call(server, "GET", "me/quotas", "bruno").json()
    by_sensor = {q["sensor"]: q for q in quotas["quotas"]}
    assert by_sensor["pleiades"]["free_km2"] == 3500
    assert by_sensor["pleiades"]["remaining_km2"] <= 3500
    assert call(server, "GET", "me/quotas").status_code == 401


def test_alice_5000_km2_pleiades_is_4500_free_and_500_paid_at_1_euro(server):
    mine = {q["sensor"]: q for q in call(server, "GET", "me/quotas", "alice").json()["quotas"]}
    assert mine["pleiades"]["remaining_km2"] == 4500, "another test consumed alice's quota"
    r = call(server, "POST", "requests/quote", "alice", json=programming(
        "pleiades", square_of_km2(5000)))
    assert r.status_code == 200, r.text
    quote = r.json()
    assert quote["area_km2"] == pytest.approx(5000, abs=0.05)
    assert quote["quota_km2"] == 4500
    assert quote["paid_km2"] == pytest.approx(500, abs=0.05)
    assert quote["price_eur"] == pytest.approx(500, abs=0.1)
    assert quote["over_quota"] is True and "4,500" in quote["warning"]


def test_bruno_programming_4000_km2_is_3500_free_and_500_paid_at_1_8_euro(server):
    quote = call(server, "POST", "requests/quote", "bruno", json=programming(
        "pleiades", square_of_km2(4000))).json()
    assert quote["quota_km2"] == 3500
    assert quote["paid_km2"] == pytest.approx(500, abs=0.05)
    assert quote["eur_per_km2"] == 1.8
    assert quote["price_eur"] == pytest.approx(900, abs=0.1)


def test_within_quota_there_is_nothing_to_pay_and_no_warning(server):
    quote = call(server, "POST", "requests/quote", "alice", json=programming(
        "spot-6-7", square_of_km2(1000))).json()
    assert (quote["paid_km2"], quote["price_eur"], quote["over_quota"], quote["warning"]) \
        == (0, 0, False, None)


def test_bruno_archive_is_priced_at_1_4_euro(server):
    items = [i for i in catalogue_items(server, "orderable")
             if "pl" in (i["properties"].get("constellation") or i["collection"]).lower()
             and "neo" not in (i["properties"].get("constellation") or i["collection"]).lower()]
    assert items, "the seeded catalogue has no orderable Pléiades item"
    quote = call(server, "POST", "requests/quote", "bruno",
                 json={"kind": "archive", "item_id": items[0]["id"]})
    assert quote.status_code == 200, quote.text
    body = quote.json()
    assert body["sensor"] == "pleiades" and body["eur_per_km2"] == 1.4
    assert body["price_eur"] == pytest.approx(body["paid_km2"] * 1.4, abs=0.01)


def test_operator_without_category_gets_a_clear_refusal(server):
    r = call(server, "POST", "requests/quote", "oscar", json=programming())
    assert r.status_code == 403 and r.json()["field"] == "category"


def test_options_list_what_the_server_accepts(server):
    options = requests.get(server.url("/demands/api/v1/options"), timeout=10).json()
    assert {s["id"] for s in options["sensors"]} == {"pleiades", "pleiades-neo", "spot-6-7"}
    assert options["modes"] == ["mono", "stereo", "tristereo"]
    assert options["min_order_km2"] == 100
    levels = options["production_options"]["processing_level"]
    assert levels["default"] in levels["values"]


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(west=st.floats(-10, 30), south=st.floats(-60, 60), width=st.floats(0.1, 2),
       height=st.floats(0.1, 2), sensor=st.sampled_from(["pleiades", "spot-6-7"]))
def test_split_invariants_hold_for_any_rectangle(reference_server, west, south, width,
                                                 height, sensor):
    aoi = rectangle(west, south, west + width, south + height)
    ring = aoi["coordinates"][0]
    expected_area = abs(Geod(ellps="WGS84").polygon_area_perimeter(
        [p[0] for p in ring], [p[1] for p in ring])[0]) / 1e6
    r = call(reference_server, "POST", "requests/quote", "bruno",
             json=programming(sensor, aoi))
    if expected_area < 100:
        assert r.status_code == 400 and r.json()["field"] == "aoi"
        return
    assert r.status_code == 200, r.text
    q = r.json()
    assert q["area_km2"] == pytest.approx(expected_area, abs=0.01)
    assert q["quota_km2"] + q["paid_km2"] == pytest.approx(q["area_km2"], abs=0.02)
    assert q["quota_km2"] <= q["remaining_quota_km2"]
    assert q["price_eur"] == pytest.approx(q["paid_km2"] * q["eur_per_km2"], abs=0.02)
    assert q["over_quota"] == (q["paid_km2"] > 0) == (q["warning"] is not None)

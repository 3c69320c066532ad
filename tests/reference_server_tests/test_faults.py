"""Faults on demand over real HTTP: exact failures, rate limits, cut connections, latency."""
import json
import time

import pytest
import requests

from tests.server_process import ServerProcess

TARGET = "/signing/openapi.json"  # a public, body-rich endpoint


def get(server, path=TARGET):
    return requests.get(server.url(path), timeout=10)


def test_fail_next_fails_exactly_n_requests(server):
    server.set_faults(fail_next=3, paths=[TARGET])
    statuses = [get(server).status_code for _ in range(5)]
    assert statuses == [503, 503, 503, 200, 200]
    assert server.counters()["requests_by_path"][TARGET] == 5


def test_error_status_500(server):
    server.set_faults(fail_next=1, error_status=500)
    assert get(server).status_code == 500
    assert get(server).status_code == 200


def test_rate_limit_carries_retry_after(server):
    server.set_faults(rate_limit_rate=1, retry_after=7)
    r = get(server)
    assert r.status_code == 429 and r.headers["Retry-After"] == "7"
    server.set_faults(rate_limit_next=1, retry_after=2)
    assert get(server).headers["Retry-After"] == "2"
    assert get(server).status_code == 200


def test_dropped_connection_cuts_the_body_short(server):
    """Headers announce the whole body, then the connection closes half-way. (Read with
    http.client: urllib3 1.26, Debian's, would return the short body without a word.)"""
    import http.client
    full = len(get(server).content)
    server.set_faults(drop_rate=1, paths=[TARGET])
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", TARGET)
    response = conn.getresponse()
    assert response.status == 200 and int(response.getheader("Content-Length")) == full
    with pytest.raises(http.client.IncompleteRead) as cut:
        response.read()
    conn.close()
    assert 0 < len(cut.value.partial) < full


def test_reset_closes_the_connection_without_an_answer(server):
    import http.client
    server.set_faults(reset_next=1, paths=[TARGET])
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", TARGET)
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        conn.getresponse()
    conn.close()
    assert server.counters()["requests_by_path"][TARGET] == 1  # it was processed
    assert get(server).status_code == 200


def test_paths_scope_the_faults_and_test_endpoints_stay_exempt(server):
    server.set_faults(error_rate=1, paths=["/stac/"])
    assert get(server).status_code == 200
    assert get(server, "/health").status_code == 200
    assert get(server, "/stac/").status_code == 503
    server.set_faults(error_rate=1)
    assert get(server, "/health").status_code == 200
    assert "/_test/counters" not in server.counters()["requests_by_path"]  # still answers


def test_latency(server):
    server.set_faults(latency_ms=400, paths=[TARGET])
    start = time.monotonic()
    assert get(server).status_code == 200
    assert time.monotonic() - start >= 0.4


def test_seeded_error_rate_is_reproducible(server):
    def run():
        server.set_faults(error_rate=0.5, seed=42, paths=[TARGET])
        return [get(server).status_code for _ in range(20)]
    first = run()
    assert first == run()
    assert 0 < first.count(503) < 20


def test_empty_body_clears_faults(server):
    server.set_faults(error_rate=1)
    requests.post(server.url("/_test/faults"), timeout=5).raise_for_status()
    assert get(server).status_code == 200


@pytest.mark.parametrize("settings, field", [
    ({"error_rate": 2}, "error_rate"),
    ({"fail_next": -1}, "fail_next"),
    ({"error_status": 404}, "error_status"),
    ({"paths": "/stac/"}, "paths"),
    ({"explode": True}, "explode"),
])
def test_bad_fault_settings_are_400_naming_the_field(server, settings, field):
    r = requests.post(server.url("/_test/faults"), json=settings, timeout=5)
    assert r.status_code == 400 and r.json()["field"] == field


def test_runtime_config_validation(server):
    r = requests.post(server.url("/_test/config"), json={"item_count": 3}, timeout=5)
    assert r.status_code == 400 and r.json()["field"] == "item_count"
    r = requests.post(server.url("/_test/config"), json={"access_token_lifetime": "x"},
                      timeout=5)
    assert r.status_code == 400 and r.json()["field"] == "access_token_lifetime"


def test_faults_given_at_start(tmp_path):
    faults = json.dumps({"fail_next": 2, "paths": [TARGET]})
    with ServerProcess(tmp_path / "data", items=5, real_cogs=0,
                       extra_args=["--faults", faults]) as server:
        assert [get(server).status_code for _ in range(3)] == [503, 503, 200]


def test_without_test_mode_there_are_no_test_endpoints(tmp_path):
    with ServerProcess(tmp_path / "data", test_mode=False, items=5, real_cogs=0) as server:
        assert get(server, "/_test/counters").status_code == 404
        assert requests.post(server.url("/_test/faults"), json={}).status_code == 404

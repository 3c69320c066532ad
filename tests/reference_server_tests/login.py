"""Sign a demo user in to the reference server the way a person does: device flow + browser form.

Tests of every service need tokens; this drives the real endpoints over HTTP (no shortcut).
"""
import time

import requests

OIDC = "/realms/dinamis/protocol/openid-connect"
PASSWORD = "dinamis"


def start_device_flow(server, scope="openid offline_access") -> dict:
    r = requests.post(server.url(f"{OIDC}/auth/device"),
                      data={"client_id": "gdal", "scope": scope}, timeout=10)
    r.raise_for_status()
    return r.json()


def poll(server, device_code) -> requests.Response:
    return requests.post(server.url(f"{OIDC}/token"), timeout=10, data={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "client_id": "gdal", "device_code": device_code})


def submit_device_form(server, user_code, username, password=PASSWORD,
                       action="approve") -> requests.Response:
    """What the browser posts when the person presses Approve or Deny."""
    return requests.post(server.url("/realms/dinamis/device"), timeout=10, data={
        "user_code": user_code, "username": username, "password": password,
        "action": action})


def refresh(server, refresh_token) -> requests.Response:
    return requests.post(server.url(f"{OIDC}/token"), timeout=10, data={
        "grant_type": "refresh_token", "client_id": "gdal", "refresh_token": refresh_token})


def login(server, username) -> dict:
    """The token endpoint's answer for `username` after approving a fresh device code."""
    device = start_device_flow(server)
    approved = submit_device_form(server, device["user_code"], username)
    assert approved.status_code == 200, approved.text
    for _attempt in range(5):
        r = poll(server, device["device_code"])
        if r.status_code == 200:
            return r.json()
        assert r.json()["error"] == "slow_down", r.text
        time.sleep(device["interval"])
    raise AssertionError("device flow did not yield tokens")


def bearer(tokens: dict) -> dict:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


# --- cached bearer headers, for tests that only need "a logged-in alice" ---------------
_REUSE_SECONDS = 120  # below the server's shortest default access-token lifetime (300 s)
_cache: dict = {}


def auth_headers(server, username) -> dict:
    """Bearer headers for `username`, reusing a token for a while (one login per user)."""
    key = (server.base_url, username)
    cached = _cache.get(key)
    if not cached or time.monotonic() - cached[1] >= _REUSE_SECONDS:
        cached = _cache[key] = (login(server, username)["access_token"], time.monotonic())
    return {"Authorization": f"Bearer {cached[0]}"}


def forget(server) -> None:
    """Drop cached tokens of a server (e.g. after it restarted)."""
    for key in [k for k in _cache if k[0] == server.base_url]:
        del _cache[key]

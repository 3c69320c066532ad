"""Log a demo user in over real HTTP, the way the plugin does: the OIDC device flow.

start the device authorization, approve the user code on the device page as the user
would in a browser, then exchange the device code at the token endpoint. Tokens are cached
per server and user and renewed well before the server's access-token lifetime ends.
"""
import time

import requests

PASSWORD = "dinamis"
CLIENT_ID = "gdal"
_REUSE_SECONDS = 120  # below the server's shortest default access-token lifetime (300 s)
_cache: dict = {}


def device_login(base_url: str, username: str, password: str = PASSWORD) -> dict:
    """The token endpoint's answer (access_token, refresh_token...) for this user."""
    realm = f"{base_url}/realms/dinamis"
    start = requests.post(f"{realm}/protocol/openid-connect/auth/device",
                          data={"client_id": CLIENT_ID, "scope": "openid offline_access"},
                          timeout=10)
    start.raise_for_status()
    codes = start.json()
    approve = requests.post(f"{realm}/device", data={
        "user_code": codes["user_code"], "username": username, "password": password,
        "action": "approve"}, timeout=10)
    approve.raise_for_status()
    token = requests.post(f"{realm}/protocol/openid-connect/token", data={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "device_code": codes["device_code"], "client_id": CLIENT_ID}, timeout=10)
    if not token.ok:
        raise AssertionError(f"device login of {username} failed: {token.status_code}"
                             f" {token.text}")
    return token.json()


def access_token(base_url: str, username: str) -> str:
    cached = _cache.get((base_url, username))
    if cached and time.monotonic() - cached[1] < _REUSE_SECONDS:
        return cached[0]
    token = device_login(base_url, username)["access_token"]
    _cache[(base_url, username)] = (token, time.monotonic())
    return token


def auth_headers(base_url: str, username: str) -> dict:
    return {"Authorization": f"Bearer {access_token(base_url, username)}"}


def forget(base_url: str) -> None:
    """Drop cached tokens of a server (e.g. after it restarted)."""
    for key in [k for k in _cache if k[0] == base_url]:
        del _cache[key]

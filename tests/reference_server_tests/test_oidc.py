"""OpenID Connect over real HTTP: device flow with a browser-like form, refresh, userinfo."""
import time

import jwt
import pytest
import requests

from .login import (OIDC, bearer, login, poll, refresh, start_device_flow,
                    submit_device_form)


def test_discovery_points_at_endpoints_that_answer(server):
    doc = requests.get(server.url("/realms/dinamis/.well-known/openid-configuration")).json()
    issuer = server.url("/realms/dinamis")
    assert doc["issuer"] == issuer
    assert doc["token_endpoint"] == f"{issuer}{OIDC.split('/realms/dinamis')[1]}/token"
    # The DINAMIS SDK derives both from the token url.
    token_url = doc["token_endpoint"]
    assert doc["device_authorization_endpoint"] == token_url.rsplit("/", 1)[0] + "/auth/device"
    assert doc["userinfo_endpoint"] == token_url.replace("/token", "/userinfo")
    assert "urn:ietf:params:oauth:grant-type:device_code" in doc["grant_types_supported"]
    keys = requests.get(doc["jwks_uri"]).json()["keys"]
    assert keys[0]["kty"] == "RSA" and keys[0]["alg"] == "RS256"


def test_device_flow_with_browser_form(server):
    device = start_device_flow(server)
    assert len(device["user_code"]) == 9 and device["user_code"][4] == "-"
    assert device["verification_uri_complete"].endswith(f"?user_code={device['user_code']}")
    page = requests.get(device["verification_uri_complete"])
    assert page.status_code == 200 and device["user_code"] in page.text

    pending = poll(server, device["device_code"])
    assert pending.status_code == 400
    assert pending.json()["error"] == "authorization_pending"

    approved = submit_device_form(server, device["user_code"].lower().replace("-", ""), "alice")
    assert approved.status_code == 200 and "Alice Martin" in approved.text

    time.sleep(device["interval"])
    tokens = poll(server, device["device_code"]).json()
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] > 0
    assert tokens["refresh_token"] and tokens["refresh_expires_in"] == 0  # offline: Keycloak's 0
    assert tokens["scope"] == "openid offline_access" and tokens["id_token"]
    # The device code is used up.
    assert poll(server, device["device_code"]).json()["error"] == "invalid_grant"


def test_polling_faster_than_interval_gets_slow_down(server):
    device = start_device_flow(server)
    assert poll(server, device["device_code"]).json()["error"] == "authorization_pending"
    assert poll(server, device["device_code"]).json()["error"] == "slow_down"


def test_deny_gives_access_denied(server):
    device = start_device_flow(server)
    denied = submit_device_form(server, device["user_code"], "bruno", action="deny")
    assert denied.status_code == 200 and "denied" in denied.text
    r = poll(server, device["device_code"])
    assert r.status_code == 400 and r.json()["error"] == "access_denied"


@pytest.mark.parametrize("username, password, expected", [
    ("alice", "wrong", "Wrong username or password"),
    ("nobody", "dinamis", "Wrong username or password"),
    ("dora", "dinamis", "Your account is disabled"),
])
def test_device_page_refuses_bad_sign_in_with_a_message(server, username, password, expected):
    device = start_device_flow(server)
    r = submit_device_form(server, device["user_code"], username, password)
    assert r.status_code == 400 and expected in r.text
    assert 'name="password"' in r.text and f'value="{password}"' not in r.text
    assert poll(server, device["device_code"]).json()["error"] == "authorization_pending"


def test_device_page_unknown_code(server):
    r = submit_device_form(server, "BBBB-CCCC", "alice")
    assert r.status_code == 400 and "This code is unknown" in r.text


def test_expired_device_code(server):
    server.set_config(device_code_lifetime=1)
    try:
        device = start_device_flow(server)
    finally:
        server.set_config(device_code_lifetime=600)
    time.sleep(1.5)
    page = submit_device_form(server, device["user_code"], "alice")
    assert page.status_code == 400 and "This code has expired" in page.text
    r = poll(server, device["device_code"])
    assert r.status_code == 400 and r.json()["error"] == "expired_token"


def test_refresh_rotates_and_refuses_the_old_token(server):
    first = login(server, "alice")
    r = refresh(server, first["refresh_token"])
    assert r.status_code == 200, r.text
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    reused = refresh(server, first["refresh_token"])
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    assert refresh(server, second["refresh_token"]).status_code == 200
    counters = server.counters()
    assert counters["refresh_grants"] == 3 and counters["token_requests"] >= 4


def test_token_endpoint_errors_are_oauth_shaped(server):
    r = requests.post(server.url(f"{OIDC}/token"), data={"client_id": "gdal"})
    assert r.status_code == 400 and r.json()["error"] == "invalid_request"
    r = requests.post(server.url(f"{OIDC}/token"),
                      data={"client_id": "gdal", "grant_type": "password"})
    assert r.json()["error"] == "unsupported_grant_type"
    r = requests.post(server.url(f"{OIDC}/token"),
                      data={"client_id": "other", "grant_type": "refresh_token",
                            "refresh_token": "x"})
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"
    r = requests.post(server.url(f"{OIDC}/auth/device"), data={"client_id": "gdal",
                                                                "scope": "openid admin"})
    assert r.status_code == 400 and r.json()["error"] == "invalid_scope"


@pytest.mark.parametrize("username, category, status, roles", [
    ("alice", "scientific", "active", ["user"]),
    ("bruno", "public_actor", "active", ["user"]),
    ("chloe", "private_rd", "active", ["user"]),
    ("remi", "scientific", "active", ["user", "referent"]),
    ("paul", "scientific", "pending", ["user"]),
    ("eve", "public_actor", "expired", ["user"]),
    ("oscar", None, "active", ["user", "operator"]),
])
def test_userinfo_claims(server, username, category, status, roles):
    info = requests.get(server.url(f"{OIDC}/userinfo"), headers=bearer(login(server, username)))
    assert info.status_code == 200
    claims = info.json()
    assert claims["sub"] == claims["preferred_username"] == username
    assert (claims["dinamis_category"], claims["dinamis_status"],
            claims["dinamis_roles"]) == (category, status, roles)
    assert claims["name"] and claims["email"] and claims["dinamis_entity"]
    assert "dinamis_expires_at" in claims


@pytest.mark.parametrize("username, status", [("nina", "active"), ("hugo", "pending")])
def test_some_accounts_get_core_oidc_claims_only(server, username, status):
    """As the real identity provider may answer; the services still know the status."""
    tokens = login(server, username)
    claims = requests.get(server.url(f"{OIDC}/userinfo"), headers=bearer(tokens)).json()
    assert claims["preferred_username"] == username and claims["name"] and claims["email"]
    assert not [name for name in claims if name.startswith("dinamis_")]
    signing = requests.post(server.url("/signing/sign_urls"), headers=bearer(tokens),
                            json={"urls": [server.url("/s3/dinamis-catalogue/a.tif")]})
    if status == "active":
        assert signing.status_code == 200
    else:
        assert (signing.status_code, signing.json()["code"]) == (403, "account_pending")


def test_access_token_is_a_verifiable_rs256_jwt(server):
    tokens = login(server, "alice")
    jwks = jwt.PyJWKClient(server.url(f"{OIDC}/certs"))
    key = jwks.get_signing_key_from_jwt(tokens["access_token"])
    claims = jwt.decode(tokens["access_token"], key.key, algorithms=["RS256"],
                        audience="account", issuer=server.url("/realms/dinamis"))
    assert claims["sub"] == "alice" and claims["exp"] - claims["iat"] == tokens["expires_in"]


def test_forged_token_is_refused(server):
    tokens = login(server, "alice")
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    claims["sub"] = "oscar"
    forged = jwt.encode(claims, "a-guessed-secret-of-thirty-two-bytes!", algorithm="HS256")
    for token in (forged, tokens["access_token"][:-4] + "AAAA", "not-a-jwt"):
        r = requests.get(server.url(f"{OIDC}/userinfo"),
                         headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401 and r.json()["error"] == "invalid_token"
        assert "WWW-Authenticate" in r.headers
    missing = requests.get(server.url(f"{OIDC}/userinfo"))
    assert missing.status_code == 401


def test_expired_access_token_is_refused_and_refresh_renews(server):
    server.set_config(access_token_lifetime=1)
    try:
        tokens = login(server, "alice")
    finally:
        server.set_config(access_token_lifetime=300)
    assert tokens["expires_in"] == 1
    time.sleep(2.1)
    r = requests.get(server.url(f"{OIDC}/userinfo"), headers=bearer(tokens))
    assert r.status_code == 401 and "expired" in r.json()["error_description"]
    renewed = refresh(server, tokens["refresh_token"]).json()
    assert requests.get(server.url(f"{OIDC}/userinfo"), headers=bearer(renewed)).ok


def test_logout_revokes_the_session(server):
    tokens = login(server, "alice")
    r = requests.post(server.url(f"{OIDC}/logout"),
                      data={"client_id": "gdal", "refresh_token": tokens["refresh_token"]})
    assert r.status_code == 204
    assert requests.get(server.url(f"{OIDC}/userinfo"), headers=bearer(tokens)).status_code == 401

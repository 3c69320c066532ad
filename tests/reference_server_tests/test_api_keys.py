"""API keys over real HTTP: create, use for signing, list without secrets, revoke."""
import requests

from .login import bearer, login


def call(server, path, headers, **params):
    return requests.get(server.url(f"/signing/{path}"), headers=headers, params=params,
                        timeout=10)


def key_headers(key):
    return {"access-key": key["access-key"], "secret-key": key["secret-key"]}


def sign_one(server, headers):
    url = server.url("/s3/dinamis-assets/k/src_pan.tif")
    return requests.post(server.url("/signing/sign_urls"), headers=headers,
                         json={"urls": [url]}, timeout=10)


def test_create_use_list_revoke(server):
    alice = bearer(login(server, "alice"))
    r = call(server, "create_api_key", alice, description="batch on the cluster")
    assert r.status_code == 200, r.text
    key = r.json()
    assert set(key) == {"access-key", "secret-key"}
    assert sign_one(server, key_headers(key)).status_code == 200

    listed = call(server, "list_api_keys_with_metadata", alice).json()
    mine = [k for k in listed if k["access_key"] == key["access-key"]]
    assert mine and mine[0]["description"] == "batch on the cluster"
    assert key["secret-key"] not in str(listed)

    r = call(server, "revoke_api_key", alice, access_key=key["access-key"])
    assert r.status_code == 200
    refused = sign_one(server, key_headers(key))
    assert refused.status_code == 401 and "revoked" in refused.json()["detail"]
    assert key["access-key"] not in [k["access_key"] for k in
                                     call(server, "list_api_keys_with_metadata", alice).json()]
    again = call(server, "revoke_api_key", alice, access_key=key["access-key"])
    assert again.status_code == 404


def test_wrong_secret_and_half_a_key_are_refused(server):
    key = call(server, "create_api_key", bearer(login(server, "bruno"))).json()
    wrong = sign_one(server, {"access-key": key["access-key"], "secret-key": "guess"})
    assert wrong.status_code == 401 and "guess" not in wrong.text
    half = sign_one(server, {"access-key": key["access-key"]})
    assert half.status_code == 401 and "both" in half.json()["detail"]


def test_an_api_key_cannot_create_api_keys(server):
    key = call(server, "create_api_key", bearer(login(server, "chloe"))).json()
    r = call(server, "create_api_key", key_headers(key))
    assert r.status_code == 403 and r.json()["code"] == "api_key_not_allowed"


def test_users_cannot_revoke_each_others_keys(server):
    key = call(server, "create_api_key", bearer(login(server, "alice"))).json()
    r = call(server, "revoke_api_key", bearer(login(server, "bruno")), access_key=key["access-key"])
    assert r.status_code == 404
    assert sign_one(server, key_headers(key)).status_code == 200


def test_pending_users_key_creation_is_refused_with_the_reason(server):
    r = call(server, "create_api_key", bearer(login(server, "paul")))
    assert r.status_code == 403 and r.json()["code"] == "account_pending"


def test_missing_access_key_and_long_description(server):
    alice = bearer(login(server, "alice"))
    r = call(server, "revoke_api_key", alice)
    assert r.status_code == 400 and r.json()["field"] == "access_key"
    r = call(server, "create_api_key", alice, description="x" * 201)
    assert r.status_code == 400 and r.json()["field"] == "description"

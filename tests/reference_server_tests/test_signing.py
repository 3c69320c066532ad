"""The signing service over real HTTP: batches, limits, account status, both request forms."""
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from .login import bearer, login


@pytest.fixture(scope="module")
def alice(reference_server):
    return bearer(login(reference_server, "alice"))


def object_urls(server, n):
    return [server.url(f"/s3/dinamis-assets/test/item-{i}/src_xs.tif") for i in range(n)]


def sign(server, headers, **kwargs):
    return requests.post(server.url("/signing/sign_urls"), headers=headers, timeout=10, **kwargs)


def test_sign_64_urls_in_json_body(server, alice):
    urls = object_urls(server, 64) + ["https://example.org/not-ours.tif"]
    r = sign(server, alice, json={"urls": urls[:63] + urls[64:], "duration_seconds": 600})
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["hrefs"]) == 64 and body["expiry"].endswith("Z")
    assert body["hrefs"]["https://example.org/not-ours.tif"] == "https://example.org/not-ours.tif"
    signed = body["hrefs"][urls[0]]
    query = parse_qs(urlsplit(signed).query)
    assert signed.startswith(urls[0] + "?") and query["X-Amz-Expires"] == ["600"]
    assert server.counters()["sign_requests"] == 1 and server.counters()["signed_urls"] == 64


def test_65_urls_is_a_400_that_says_so(server, alice):
    r = sign(server, alice, json={"urls": object_urls(server, 65)})
    assert r.status_code == 400
    assert r.json()["code"] == "too_many_urls" and "at most 64" in r.json()["detail"]


def test_query_parameter_form_as_the_sdk_sends_it(server, alice):
    urls = object_urls(server, 3)
    r = sign(server, alice, params={"urls": urls, "duration_seconds": 120})
    assert r.status_code == 200, r.text
    assert set(r.json()["hrefs"]) == set(urls)
    assert all("X-Amz-Expires=120" in v for v in r.json()["hrefs"].values())


def test_default_duration_is_eight_hours(server, alice):
    url = object_urls(server, 1)[0]
    signed = sign(server, alice, json={"urls": [url]}).json()["hrefs"][url]
    assert parse_qs(urlsplit(signed).query)["X-Amz-Expires"] == [str(8 * 3600)]


@pytest.mark.parametrize("body, field", [
    ({"urls": ["https://example.org/a.tif"], "duration_seconds": 0}, "duration_seconds"),
    ({"urls": ["https://example.org/a.tif"], "duration_seconds": 7 * 24 * 3600 + 1}, "duration_seconds"),
    ({"urls": ["http://a/b"], "duration_seconds": "long"}, "duration_seconds"),
    ({"urls": ["ftp://a/b"]}, "urls[0]"),
    ({"urls": "http://a/b"}, "urls"),
    ({"duration_seconds": 10}, "urls"),
    (["http://a/b"], "body"),
])
def test_bad_requests_name_the_field(server, alice, body, field):
    r = sign(server, alice, json=body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field and r.json()["detail"].startswith(field)


def test_bad_query_duration_and_bad_json(server, alice):
    r = sign(server, alice, params={"urls": object_urls(server, 1), "duration_seconds": "1e3"})
    assert r.status_code == 400 and r.json()["field"] == "duration_seconds"
    r = sign(server, {**alice, "Content-Type": "application/json"}, data="{not json")
    assert r.status_code == 400 and r.json()["field"] == "body"


@pytest.mark.parametrize("username, code, words", [
    ("paul", "account_pending", "awaiting validation by your entity's DINAMIS referent"),
    ("eve", "account_expired", "has expired"),
])
def test_inactive_accounts_get_403_saying_why(server, username, code, words):
    r = sign(server, bearer(login(server, username)), json={"urls": object_urls(server, 1)})
    assert r.status_code == 403
    assert r.json()["code"] == code and words in r.json()["detail"]


def test_unauthenticated_and_bad_tokens_get_401(server):
    url = object_urls(server, 1)
    r = sign(server, {}, json={"urls": url})
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    r = sign(server, {"Authorization": "Bearer forged.token.here"}, json={"urls": url})
    assert r.status_code == 401 and "forged" not in r.text
    r = sign(server, {"Authorization": "Basic YWxpY2U6ZGluYW1pcw=="}, json={"urls": url})
    assert r.status_code == 401


def test_openapi_exposes_the_token_url_and_every_path(server):
    doc = requests.get(server.url("/signing/openapi.json")).json()
    token_url = (doc["components"]["securitySchemes"]["OAuth2PasswordBearer"]["flows"]
                 ["password"]["tokenUrl"])
    assert token_url == server.url("/realms/dinamis/protocol/openid-connect/token")
    assert requests.post(token_url, data={}).json()["error"] == "invalid_request"
    assert set(doc["paths"]) == {"/sign_urls", "/create_api_key",
                                 "/list_api_keys_with_metadata", "/revoke_api_key"}
    assert doc["openapi"].startswith("3.1")


def test_json_body_takes_precedence_over_query_parameters(server, alice):
    body_url, query_url = object_urls(server, 2)
    r = sign(server, alice, params={"urls": [query_url], "duration_seconds": 60},
             json={"urls": [body_url]})
    assert list(r.json()["hrefs"]) == [body_url]
    assert "X-Amz-Expires=60&" in r.json()["hrefs"][body_url]
    long_url = server.url("/s3/dinamis-assets/" + "a" * 300 + ".tif")
    r = sign(server, alice, params={"urls": [long_url]})
    assert r.status_code == 400 and "JSON body" in r.json()["detail"]
    assert sign(server, alice, json={"urls": [long_url]}).status_code == 200

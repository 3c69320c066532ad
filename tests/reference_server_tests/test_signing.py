"""The signing service over real HTTP: batches, limits, account status, the JSON request the
current SDK sends (and nothing else), storage urls signed and public ones left alone."""
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


def test_only_the_json_body_is_taken(server, alice):
    """The older SDK's query-string form is not the service's contract: FastAPI ignores
    undeclared query parameters, and a body sent as a form is not JSON."""
    urls = object_urls(server, 3)
    r = sign(server, alice, params={"urls": urls, "duration_seconds": 120})
    assert r.status_code == 400 and r.json()["field"] == "body"
    r = sign(server, alice, data={"urls": urls})
    assert r.status_code == 400 and r.json()["field"] == "body"
    raw = '{"urls": ["%s"]}' % urls[0]
    r = sign(server, {**alice, "Content-Type": "text/plain"}, data=raw)
    assert r.status_code == 400 and "application/json" in r.json()["detail"]
    r = sign(server, {**alice, "Content-Type": "application/json; charset=utf-8"}, data=raw)
    assert r.status_code == 200 and list(r.json()["hrefs"]) == urls[:1]


def test_public_quicklooks_live_on_another_host_and_are_not_signed(server, alice):
    """As on the real deployment (storage under meso.umontpellier.fr, thumbnails elsewhere):
    the storage is 127.0.0.1, the public quicklook bucket localhost, same port."""
    item = requests.get(server.url("/stac/search?limit=1"), timeout=10).json()["features"][0]
    thumbnail = item["assets"]["thumbnail"]["href"]
    assert urlsplit(thumbnail).hostname == "localhost"
    assert urlsplit(thumbnail).port == server.port
    assert requests.get(thumbnail, timeout=30).status_code == 200
    data_href = next(a["href"] for a in item["assets"].values() if "data" in a["roles"])
    assert urlsplit(data_href).hostname == "127.0.0.1"
    r = sign(server, alice, json={"urls": [thumbnail, data_href]})
    assert r.json()["hrefs"][thumbnail] == thumbnail
    assert "X-Amz-Signature=" in r.json()["hrefs"][data_href]
    # Each host serves its own buckets only: an href moved to the other host fails.
    storage_thumbnail = thumbnail.replace("//localhost:", "//127.0.0.1:")
    assert requests.get(storage_thumbnail, timeout=10).status_code == 404


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


def test_bad_json(server, alice):
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

"""Accounts, API keys, sessions and the realm key survive a server restart."""
import pytest
import requests

from tests.server_process import ServerProcess

from .login import OIDC, bearer, login, refresh


@pytest.fixture
def own_server(tmp_path):
    server = ServerProcess(tmp_path / "data", items=5, real_cogs=0).start()
    yield server
    server.stop()


def test_credentials_survive_restart(own_server):
    server = own_server
    tokens = login(server, "alice")
    key = requests.get(server.url("/signing/create_api_key"), headers=bearer(tokens),
                       params={"description": "kept"}).json()
    server.restart()

    # The realm key persisted: the access token issued before the restart still verifies.
    info = requests.get(server.url(f"{OIDC}/userinfo"), headers=bearer(tokens))
    assert info.status_code == 200 and info.json()["preferred_username"] == "alice"
    renewed = refresh(server, tokens["refresh_token"])
    assert renewed.status_code == 200, renewed.text
    listed = requests.get(server.url("/signing/list_api_keys_with_metadata"),
                          headers=bearer(renewed.json())).json()
    assert [k["description"] for k in listed] == ["kept"]
    signed = requests.post(server.url("/signing/sign_urls"),
                           headers={"access-key": key["access-key"],
                                    "secret-key": key["secret-key"]},
                           json={"urls": [server.url("/s3/dinamis-assets/a.tif")]})
    assert signed.status_code == 200
    # Seeding ran once: the demo users are there, and not duplicated or reset.
    assert login(server, "paul")["access_token"]


def test_no_secret_reaches_the_server_log(own_server):
    server = own_server
    tokens = login(server, "bruno")
    key = requests.get(server.url("/signing/create_api_key"), headers=bearer(tokens)).json()
    signed = requests.post(server.url("/signing/sign_urls"), headers=bearer(tokens),
                           json={"urls": [server.url("/s3/dinamis-assets/a.tif")]}).json()
    for href in signed["hrefs"].values():  # the object store logs the presigned request line
        requests.get(href, timeout=10)
    refresh(server, tokens["refresh_token"])
    requests.post(server.url("/signing/sign_urls"),
                  headers={"Authorization": "Bearer " + tokens["access_token"][::-1]}, json={})
    log = server.log_path.read_text(errors="replace")
    assert "POST /signing/sign_urls" in log  # the access log is there, and clean:
    assert "GET /s3/dinamis-assets/a.tif?" in log
    for secret in (tokens["access_token"], tokens["refresh_token"], key["secret-key"],
                   tokens["access_token"][::-1],
                   *[href.split("X-Amz-Signature=")[-1] for href in signed["hrefs"].values()]):
        assert secret not in log

"""DinamisSession over real HTTP: refresh ahead of expiry and on 401, rotation persisted,
restore and logout, API keys, account status, credentials kept to our own services."""
import dataclasses
import threading
import time

import pytest
import requests

from dinamis.core import errors
from dinamis.core.api_key import create_api_key, list_api_keys, revoke_api_key
from dinamis.core.http import checked, new_http_session
from dinamis.core.profiles import local_reference
from dinamis.core.secrets import API_ACCESS_KEY, API_SECRET_KEY, REFRESH_TOKEN
from dinamis.core.session import DinamisSession
from tests.core.conftest import login_as
from tests.server_process import free_port


def sign_nothing(session):
    """The cheapest authenticated call: sign an empty list of urls."""
    return checked(session.http.post(session.profile.signing_url + "sign_urls",
                                     json={"urls": []}))


def stored(secret_store, session, key):
    return secret_store.get(session.profile.name, key)


def test_refreshes_ahead_of_expiry_and_persists_each_rotation(server, server_config,
                                                               secret_store):
    server_config(access_token_lifetime=4)  # renewed with 2 s left, every 2 s or so
    session = login_as(server, "alice", secret_store)
    seen_refresh_tokens = {stored(secret_store, session, REFRESH_TOKEN)}
    server.reset_counters()
    deadline = time.monotonic() + 6
    while time.monotonic() < deadline:
        response = sign_nothing(session)
        assert response.status_code == 200
        assert response.history == []  # renewed before expiry: never a 401 first
        seen_refresh_tokens.add(stored(secret_store, session, REFRESH_TOKEN))
        time.sleep(0.3)
    refreshes = server.counters()["refresh_grants"]
    assert 2 <= refreshes <= 4
    # every rotated refresh token reached the keyring (plus the one from the login)
    assert len(seen_refresh_tokens) == refreshes + 1


def test_a_401_refreshes_once_and_retries_once(server, secret_store):
    session = login_as(server, "alice", secret_store)
    # The server stops accepting the access token we hold (as after a clock skew or a
    # key rollover) while the refresh token is still good.
    session._tokens = dataclasses.replace(session._tokens, access_token="no.longer.valid")
    server.reset_counters()
    response = sign_nothing(session)
    assert response.status_code == 200
    assert [r.status_code for r in response.history] == [401]
    assert server.counters()["refresh_grants"] == 1
    assert server.counters()["sign_requests"] == 1


def test_revoked_login_requires_a_new_login(server, secret_store):
    session = login_as(server, "bruno", secret_store)
    # Logged out elsewhere (another machine, or the referent ended the session).
    requests.post(server.url("/realms/dinamis/protocol/openid-connect/logout"), timeout=10,
                  data={"client_id": "gdal",
                        "refresh_token": stored(secret_store, session, REFRESH_TOKEN)})
    with pytest.raises(errors.LoginRequired) as caught:
        sign_nothing(session)
    assert "Log in" in str(caught.value)
    assert not session.is_logged_in
    assert stored(secret_store, session, REFRESH_TOKEN) is None


def test_threads_share_one_session_through_expiries(server, server_config):
    server_config(access_token_lifetime=4)
    session = login_as(server, "chloe")
    server.reset_counters()
    failures, statuses = [], []

    def worker():
        try:
            end = time.monotonic() + 4
            while time.monotonic() < end:
                statuses.append(sign_nothing(session).status_code)
                time.sleep(0.1)
        except Exception as exc:  # recorded, so the assertion below shows it
            failures.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert failures == []
    assert statuses and set(statuses) == {200}
    assert 1 <= server.counters()["refresh_grants"] <= 4  # serialised, not one per thread


def test_restore_from_the_keyring_and_logout(server, secret_store):
    first = login_as(server, "alice", secret_store)
    old_refresh = stored(secret_store, first, REFRESH_TOKEN)
    assert old_refresh

    later = DinamisSession(local_reference(server.base_url), secret_store)
    assert not later.is_logged_in
    assert later.restore() is True
    assert sign_nothing(later).status_code == 200
    new_refresh = stored(secret_store, later, REFRESH_TOKEN)
    assert new_refresh and new_refresh != old_refresh

    later.logout()
    assert not later.is_logged_in
    assert all(stored(secret_store, later, key) is None
               for key in (REFRESH_TOKEN, API_ACCESS_KEY, API_SECRET_KEY))
    # the server-side session ended too
    response = requests.post(server.url("/realms/dinamis/protocol/openid-connect/token"),
                             timeout=10, data={"grant_type": "refresh_token",
                                               "client_id": "gdal",
                                               "refresh_token": new_refresh})
    assert response.json()["error"] == "invalid_grant"
    assert DinamisSession(local_reference(server.base_url), secret_store).restore() is False


def test_restore_of_a_dead_login_forgets_it(server, secret_store):
    profile = local_reference(server.base_url)
    secret_store.set(profile.name, REFRESH_TOKEN, "an-old-refresh-token")
    session = DinamisSession(profile, secret_store)
    with pytest.raises(errors.LoginRequired):
        session.restore()
    assert secret_store.get(profile.name, REFRESH_TOKEN) is None


def test_credentials_go_only_to_the_profiles_services(server):
    session = login_as(server, "alice")
    ours = session.http.get(server.url("/signing/list_api_keys_with_metadata"))
    assert ours.request.headers["Authorization"].startswith("Bearer ")
    for foreign in (server.url("/s3/dinamis-quicklooks/none.jpg"),  # object store, same host
                    f"http://localhost:{server.port}/signing/openapi.json",  # other host name
                    server.url("/health")):
        response = session.http.get(foreign)
        assert "Authorization" not in response.request.headers, foreign
    assert "access_token" not in repr(session) and "Bearer" not in repr(session.http.auth)


def test_api_key_login_use_and_revocation(server, secret_store):
    account_session = login_as(server, "bruno")
    key = create_api_key(account_session, "laptop")
    assert key.secret_key not in repr(key)
    assert key.access_key in [k.access_key for k in list_api_keys(account_session)]

    key_session = DinamisSession(local_reference(server.base_url), secret_store)
    key_session.login_api_key(key.access_key, key.secret_key)
    assert key_session.login_kind == "api_key"
    assert stored(secret_store, key_session, API_SECRET_KEY) == key.secret_key
    response = sign_nothing(key_session)
    assert response.request.headers["access-key"] == key.access_key
    assert not key_session.account().known

    revoke_api_key(account_session, key.access_key)
    with pytest.raises(errors.AuthenticationFailed) as caught:
        sign_nothing(key_session)
    assert key.secret_key not in str(caught.value)
    with pytest.raises(errors.AuthenticationFailed):
        DinamisSession(local_reference(server.base_url), secret_store).login_api_key(
            key.access_key, key.secret_key)


def test_wrong_api_key_is_refused_and_not_stored(server, secret_store):
    session = DinamisSession(local_reference(server.base_url), secret_store)
    with pytest.raises(errors.AuthenticationFailed):
        session.login_api_key("DNMSAAAAAAAAAAAAAAAA", "wrong-secret")
    with pytest.raises(errors.AuthenticationFailed):
        session.login_api_key("", "")
    assert not session.is_logged_in
    assert stored(secret_store, session, API_SECRET_KEY) is None


@pytest.mark.parametrize("username, status, words", [
    ("paul", "pending", "awaiting validation by your entity's DINAMIS referent"),
    ("eve", "expired", "has expired"),
])
def test_inactive_accounts_are_told_why_when_signing(server, username, status, words):
    session = login_as(server, username)
    with pytest.raises(errors.AccountNotActive) as caught:
        sign_nothing(session)
    assert caught.value.status == status
    assert words in str(caught.value)
    assert session.account().status == status


def test_wrong_endpoint_and_dead_server_fail_with_advice(server, secret_store):
    wrong = local_reference(server.base_url).with_changes(signing_url=server.url("/stac/"))
    with pytest.raises(errors.EndpointInvalid) as caught:
        DinamisSession(wrong, secret_store).login_device(lambda device: None)
    assert "DINAMIS settings" in str(caught.value)

    dead = local_reference(f"http://127.0.0.1:{free_port()}")
    session = DinamisSession(dead, secret_store, http=new_http_session(retries=0))
    with pytest.raises(errors.ServiceUnreachable) as caught:
        session.login_device(lambda device: None)
    assert "Check your network or proxy settings" in str(caught.value)


def test_access_token_without_login_is_login_required(server, secret_store):
    session = DinamisSession(local_reference(server.base_url), secret_store)
    with pytest.raises(errors.LoginRequired):
        session.access_token()
    with pytest.raises(errors.LoginRequired):
        session.account()


def test_expired_refresh_token_needs_a_new_login_without_asking_the_server(
        server, server_config, secret_store):
    server_config(access_token_lifetime=1, refresh_token_lifetime=2)
    # an online login (no offline_access): its refresh token announces when it expires
    session = login_as(server, "alice", secret_store, scope="openid")
    time.sleep(2.2)
    server.reset_counters()
    with pytest.raises(errors.LoginRequired):
        sign_nothing(session)
    assert server.counters()["refresh_grants"] == 0
    assert stored(secret_store, session, REFRESH_TOKEN) is None


def test_services_sharing_the_token_endpoints_host_get_credentials_only_where_needed(
        server, server_config, secret_store):
    """A deployment whose service sits at the host's root (the token endpoint is then "one
    of its urls"): the refresh request must not ask the session for a token (it recursed),
    no login endpoint gets the session's credentials, nor does a presigned url."""
    server_config(access_token_lifetime=2)
    shared = local_reference(server.base_url).with_changes(demands_url=server.url("/"))
    sent = []
    session = login_as(server, "alice", secret_store, profile=shared)
    session.http.hooks["response"].append(lambda r, **kwargs: sent.append(r.request))
    time.sleep(2.1)  # the access token expired: the next call refreshes first
    server.reset_counters()
    assert sign_nothing(session).status_code == 200
    assert server.counters()["refresh_grants"] == 1
    token_requests = [r for r in sent if "/protocol/openid-connect/" in r.url]
    assert token_requests, "the refresh went through the session's http"
    for request in token_requests:
        assert "Authorization" not in request.headers and "access-key" not in request.headers
    assert "Authorization" in sent[-1].headers  # the signing call itself
    data_href = server.url("/s3/dinamis-catalogue/shared/a.tif")
    presigned = checked(session.http.post(shared.signing_url + "sign_urls",
                                          json={"urls": [data_href]})).json()["hrefs"]
    response = session.http.get(presigned[data_href])
    assert "Authorization" not in response.request.headers
    assert response.status_code == 404  # the signature alone got past the store


def test_programs_sharing_the_store_do_not_log_each_other_out(server, secret_store):
    """QGIS and a notebook keep one login in the same keyring. Each refresh rotates the
    token; the other program's copy is then refused. It must take the stored newer one,
    never delete it (that logged both out at their next start)."""
    qgis = login_as(server, "alice", secret_store)
    notebook = DinamisSession(local_reference(server.base_url), secret_store)
    assert notebook.restore()  # spends QGIS's refresh token, stores a new one
    for first, second in ((qgis, notebook), (notebook, qgis)):
        # first's access token ends: its refresh token was spent by the other program
        first._tokens = dataclasses.replace(first._tokens, expires_at=time.time())
        assert sign_nothing(first).status_code == 200
        assert first.is_logged_in
        assert stored(secret_store, first, REFRESH_TOKEN) == first._tokens.refresh_token
    restarted = DinamisSession(local_reference(server.base_url), secret_store)
    assert restarted.restore() and sign_nothing(restarted).status_code == 200


def test_a_refused_refresh_token_is_forgotten_only_if_still_stored(server, secret_store):
    session = login_as(server, "bruno", secret_store)
    profile = session.profile
    secret_store.set(profile.name, REFRESH_TOKEN, "another-programs-newer-token")
    session._tokens = dataclasses.replace(session._tokens, refresh_token="spent",
                                          expires_at=time.time())
    with pytest.raises(errors.LoginRequired):
        session.access_token()
    # the newer token was tried (and refused: it is made up), then forgotten as the stored one
    assert secret_store.get(profile.name, REFRESH_TOKEN) is None
    kept = stored(secret_store, login_as(server, "bruno", secret_store), REFRESH_TOKEN)
    restored = DinamisSession(profile, _StaleReads(secret_store, "spent"))
    assert restored.restore()  # the refused token led to the one stored since
    assert secret_store.get(profile.name, REFRESH_TOKEN) not in (None, kept)  # rotated


class _StaleReads:
    """A store whose first read answers an old value (another program replaced it right
    after): the refused old token must not delete the new one."""

    def __init__(self, inner, first_value):
        self.inner, self.first = inner, [first_value]

    def get(self, profile_name, key):
        if key == REFRESH_TOKEN and self.first:
            return self.first.pop()
        return self.inner.get(profile_name, key)

    def set(self, profile_name, key, value):
        self.inner.set(profile_name, key, value)

    def delete(self, profile_name, key):
        self.inner.delete(profile_name, key)


def test_an_api_key_is_checked_by_signing_a_storage_url(server, secret_store):
    """Not with an empty url list, whose answer from the real service nobody has seen."""
    import json
    from dinamis.core.profiles import DINAMIS
    from dinamis.core.session import api_key_check_url
    assert DINAMIS.is_storage_url(api_key_check_url(DINAMIS))
    account = login_as(server, "chloe")
    key = create_api_key(account, "check")
    session = DinamisSession(local_reference(server.base_url), secret_store)
    sent = []
    session.http.hooks["response"].append(lambda r, **kwargs: sent.append(r.request))
    session.login_api_key(key.access_key, key.secret_key)
    (check,) = sent
    urls = json.loads(check.body)["urls"]
    assert urls == [api_key_check_url(session.profile)]
    assert session.profile.is_storage_url(urls[0])
    assert check.headers["access-key"] == key.access_key


def test_offline_tokens_announce_no_expiry_and_keep_refreshing(server, server_config,
                                                              secret_store):
    """Keycloak answers `refresh_expires_in: 0` for the offline tokens DINAMIS clients ask
    for (scope offline_access): that means "no announced expiry", not "expired"."""
    from dinamis.core.oidc import TokenSet
    assert TokenSet.from_token_response({"access_token": "a", "refresh_expires_in": 0},
                                        now=0.0).refresh_expires_at is None
    server_config(access_token_lifetime=1)
    session = login_as(server, "alice", secret_store)
    assert session._tokens.refresh_expires_at is None
    time.sleep(1.1)
    server.reset_counters()
    assert sign_nothing(session).status_code == 200
    assert server.counters()["refresh_grants"] == 1


TOKEN_PATH = "/realms/dinamis/protocol/openid-connect/token"


def test_a_logout_takes_effect_at_once_without_a_network_call(server, secret_store):
    """`drop_login` (what the panel and the console call on the UI thread) forgets the
    login before anything else: nothing is signed with it any more, and no request is
    sent; the rest of the logout (stored secrets, server session) follows."""
    session = login_as(server, "alice", secret_store)
    refresh_token = stored(secret_store, session, REFRESH_TOKEN)
    sent = []
    session.http.hooks["response"].append(lambda r, **kwargs: sent.append(r.request))
    finish = session.drop_login()
    assert not session.is_logged_in and sent == []
    with pytest.raises(errors.LoginRequired):
        session.access_token()
    with pytest.raises(errors.AuthenticationFailed):
        sign_nothing(session)  # sent without credentials
    assert "Authorization" not in sent[-1].headers
    finish()
    assert all(stored(secret_store, session, key) is None
               for key in (REFRESH_TOKEN, API_ACCESS_KEY, API_SECRET_KEY))
    answer = requests.post(server.url(TOKEN_PATH), timeout=10, data={
        "grant_type": "refresh_token", "client_id": "gdal", "refresh_token": refresh_token})
    assert answer.json()["error"] == "invalid_grant"  # the server session ended too


def test_a_login_made_after_a_logout_survives_its_late_end(server, secret_store):
    session = login_as(server, "alice", secret_store)
    key = create_api_key(session, "relogin")
    finish = session.drop_login()
    session.login_api_key(key.access_key, key.secret_key)
    finish()  # the logout's task ran late
    assert session.login_kind == "api_key"
    assert stored(secret_store, session, API_SECRET_KEY) == key.secret_key


@pytest.mark.parametrize("step", ["restore", "refresh"])
def test_a_refresh_or_restore_running_during_a_logout_does_not_bring_it_back(
        server, secret_store, step):
    """The refresh-token grant was on its way when the user logged out: its fresh tokens
    are neither used nor saved, so the next QGIS start does not resume the login."""
    first = login_as(server, "alice", secret_store)
    session = first
    if step == "restore":
        session = DinamisSession(local_reference(server.base_url), secret_store)
        session.oidc()  # discovered before the slow token endpoint
    else:  # the access token is due for renewal
        session._tokens = dataclasses.replace(session._tokens, expires_at=time.time())
    server.set_faults(latency_ms=1500, paths=[TOKEN_PATH])
    outcome = {}

    def run():
        try:
            outcome["value"] = session.restore() if step == "restore" \
                else session.access_token()
        except errors.DinamisError as error:
            outcome["error"] = error

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 5
    while server.counters()["requests_by_path"].get(TOKEN_PATH, 0) < 1:
        assert time.monotonic() < deadline, "the refresh grant was not sent"
        time.sleep(0.02)
    started = time.monotonic()
    finish = session.drop_login()
    assert time.monotonic() - started < 0.5  # did not wait for the grant
    finish()  # waits for the grant, then deletes what it may have saved
    worker.join(10)
    server.clear_faults()
    assert outcome == {"value": False} if step == "restore" \
        else isinstance(outcome.get("error"), errors.LoginRequired)
    assert not session.is_logged_in
    assert stored(secret_store, session, REFRESH_TOKEN) is None

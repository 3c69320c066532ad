"""Discovery and the device-code login against the reference server's Keycloak stand-in."""
import dataclasses
import threading
import time

import pytest

from dinamis.core import errors
from dinamis.core.http import new_http_session
from dinamis.core.oidc import OidcClient, derived_endpoints, discover
from dinamis.core.profiles import local_reference
from dinamis.core.session import DinamisSession
from tests.core.conftest import approve_device, login_as
from tests.memory_keyring import MemoryKeyring
from tests.server_process import free_port
from dinamis.core.secrets import KeyringSecretStore


def client_for(server):
    http = new_http_session()
    return OidcClient(discover(server.url("/signing/"), http), http)


def test_discovery_reads_the_signing_openapi_then_the_issuer(server):
    endpoints = discover(server.url("/signing/"), new_http_session())
    issuer = server.url("/realms/dinamis")
    assert endpoints.issuer == issuer
    assert endpoints.token_url == issuer + "/protocol/openid-connect/token"
    assert endpoints.device_authorization_url == issuer + "/protocol/openid-connect/auth/device"
    assert endpoints.userinfo_url == issuer + "/protocol/openid-connect/userinfo"
    assert endpoints.end_session_url == issuer + "/protocol/openid-connect/logout"


def test_sdk_derivation_agrees_with_discovery(server):
    discovered = discover(server.url("/signing/"), new_http_session())
    derived = derived_endpoints(discovered.token_url)
    assert (derived.issuer, derived.device_authorization_url, derived.userinfo_url) == (
        discovered.issuer, discovered.device_authorization_url, discovered.userinfo_url)


def test_falls_back_to_derived_endpoints_without_discovery(server):
    server.set_faults(error_rate=1.0, error_status=503, retry_after=0,
                      paths=["/realms/dinamis/.well-known/"])
    endpoints = discover(server.url("/signing/"), new_http_session(retries=1,
                                                                   backoff_factor=0))
    assert endpoints == derived_endpoints(endpoints.token_url)
    assert endpoints.userinfo_url == server.url(
        "/realms/dinamis/protocol/openid-connect/userinfo")
    assert server.counters()["faults_error"] == 2  # the discovery was tried (and retried)


def test_issuer_override_skips_the_openapi(server):
    endpoints = discover("http://unused.invalid/", new_http_session(),
                         issuer=server.url("/realms/dinamis/"))
    assert endpoints.token_url == server.url("/realms/dinamis/protocol/openid-connect/token")


def test_wrong_endpoint_is_endpoint_invalid(server):
    with pytest.raises(errors.EndpointInvalid) as caught:
        discover(server.url("/stac/"), new_http_session())
    message = str(caught.value)
    assert server.url("/stac/openapi.json") in message and "DINAMIS settings" in message


def test_server_down_is_unreachable():
    url = f"http://127.0.0.1:{free_port()}/signing/"
    with pytest.raises(errors.ServiceUnreachable) as caught:
        discover(url, new_http_session(retries=0))
    assert url in str(caught.value)


def test_device_login_end_to_end(server):
    session = login_as(server, "alice")
    assert session.is_logged_in and session.login_kind == "account"
    assert session.account().username == "alice"
    counters = server.counters()
    assert counters["device_authorizations"] == 1
    assert counters["refresh_grants"] == 0


def test_device_code_is_shown_but_never_in_repr(server):
    device = client_for(server).start_device_login()
    assert device.user_code and "-" in device.user_code
    assert device.browser_url.startswith(server.url("/realms/dinamis/device"))
    assert device.user_code in device.browser_url
    assert device.device_code not in repr(device)


def test_tokens_are_hidden_in_repr(server):
    client = client_for(server)
    device = client.start_device_login()
    approve_device(server, device.user_code, "bruno")
    tokens = client.poll_device_login(device)
    assert tokens.access_token and tokens.refresh_token
    assert tokens.access_token not in repr(tokens) and tokens.refresh_token not in repr(tokens)
    assert 250 < tokens.expires_at - time.time() <= 300
    assert tokens.issued_at <= time.time()


def test_denied_login(server):
    with pytest.raises(errors.LoginDenied) as caught:
        login_as(server, "alice", action="deny")
    assert "approve" in str(caught.value)


def test_disabled_account_cannot_approve(server):
    client = client_for(server)
    device = client.start_device_login()
    page = approve_device(server, device.user_code, "dora")
    assert page.status_code == 400
    started = time.monotonic()
    with pytest.raises(errors.LoginCancelled):  # still pending: the approval was refused
        client.poll_device_login(device, cancel_event=lambda: time.monotonic() - started > 2.5)


def test_expired_device_code(server, server_config):
    server_config(device_code_lifetime=2)
    client = client_for(server)
    device = client.start_device_login()
    started = time.monotonic()
    with pytest.raises(errors.DeviceCodeExpired) as caught:
        client.poll_device_login(device)
    assert time.monotonic() - started < 4
    assert "Start the login again" in str(caught.value)


def test_server_side_expiry_is_recognised(server, server_config):
    server_config(device_code_lifetime=1)
    client = client_for(server)
    device = client.start_device_login()
    # Pretend the client's clock allows longer: the server's expired_token decides.
    device = dataclasses.replace(device, expires_at=time.time() + 60)
    with pytest.raises(errors.DeviceCodeExpired):
        client.poll_device_login(device)


def test_cancellation_is_prompt(server):
    session = DinamisSession(local_reference(server.base_url),
                             KeyringSecretStore(MemoryKeyring()))
    cancel = threading.Event()
    cancelled_at = []

    def press_cancel():
        cancelled_at.append(time.monotonic())
        cancel.set()

    shown = []
    timer = threading.Timer(1.5, press_cancel)
    timer.start()
    with pytest.raises(errors.LoginCancelled) as caught:
        session.login_device(shown.append, cancel)
    reacted_after = time.monotonic() - cancelled_at[0]
    timer.join()
    assert len(shown) == 1 and not session.is_logged_in
    assert reacted_after < 0.5  # checked at least every 0.2 s (plus one poll request)
    assert str(caught.value) == "Login cancelled."


def test_slow_down_adds_five_seconds(server, server_config):
    server_config(device_poll_interval=3)
    client = client_for(server)
    device = dataclasses.replace(client.start_device_login(), interval=1)  # too eager
    server.reset_counters()
    started = time.monotonic()
    with pytest.raises(errors.LoginCancelled):
        client.poll_device_login(device, cancel_event=lambda: time.monotonic() - started > 5)
    # polls at 1 s (pending) and 2 s (slow_down); the next is due at 7 s, after the cancel
    assert server.counters()["token_requests"] == 2


def test_refresh_rotates_and_userinfo_reads_claims(server):
    client = client_for(server)
    device = client.start_device_login()
    approve_device(server, device.user_code, "chloe")
    first = client.poll_device_login(device)
    second = client.refresh(first)
    assert second.refresh_token != first.refresh_token
    assert second.access_token != first.access_token
    with pytest.raises(errors.LoginRequired):
        client.refresh(first)  # a rotated-out refresh token is dead
    claims = client.userinfo(second.access_token)
    assert claims["preferred_username"] == "chloe"
    assert claims["dinamis_category"] == "private_rd"

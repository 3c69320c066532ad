"""The HTTP layer against the real reference server: retries, timeouts, proxies, and every
service's error dialect turned into an actionable, secret-free DinamisError."""
import logging
import time

import pytest
import requests

from dinamis.core import errors
from dinamis.core.http import call, new_http_session
from tests.server_process import free_port

SECRET = "s3cr3t-T0KEN-value"


def path_hits(server, path):
    return server.counters()["requests_by_path"].get(path, 0)


def test_get_is_retried_on_503_until_it_succeeds(server):
    server.set_faults(fail_next=2, error_status=503, retry_after=0, paths=["/stac/"])
    http = new_http_session(backoff_factor=0.05)
    response = call(http, "GET", server.url("/stac/"))
    assert response.status_code == 200
    assert path_hits(server, "/stac/") == 3


def test_post_is_retried_on_503_but_not_on_500(server):
    http = new_http_session(backoff_factor=0.05)
    url = server.url("/realms/dinamis/protocol/openid-connect/token")
    server.set_faults(fail_next=1, error_status=503, retry_after=0,
                      paths=["/realms/dinamis/protocol/openid-connect/token"])
    response = http.post(url, data={"grant_type": "refresh_token", "client_id": "gdal",
                                    "refresh_token": "unknown"})
    assert response.status_code == 400  # reached the real endpoint after one retry
    assert server.counters()["token_requests"] == 1


@pytest.mark.parametrize("status", [500, 502, 504])
def test_post_is_not_retried_after_an_answer_that_may_follow_processing(server, status):
    """A gateway's 502/504 may come after the service acted: a refresh grant (rotation)
    or a demand submitted twice is worse than one error."""
    http = new_http_session(backoff_factor=0.05)
    url = server.url("/realms/dinamis/protocol/openid-connect/token")
    server.set_faults(fail_next=1, error_status=status,
                      paths=["/realms/dinamis/protocol/openid-connect/token"])
    response = http.post(url, data={"grant_type": "refresh_token", "client_id": "gdal",
                                    "refresh_token": "unknown"})
    assert response.status_code == status
    assert path_hits(server, "/realms/dinamis/protocol/openid-connect/token") == 1
    server.reset_counters()
    server.set_faults(fail_next=1, error_status=status, paths=["/stac/search"])
    marked = http.post(server.url("/stac/search"), json={"limit": 1}, retry_safe=True)
    assert marked.status_code == 200  # a search marked safe to repeat is sent again
    assert path_hits(server, "/stac/search") == 2


def test_a_get_marked_unsafe_is_not_retried(server):
    """`create_api_key` is a GET that creates a key: not sent twice after a 502."""
    http = new_http_session(backoff_factor=0.05)
    server.set_faults(fail_next=1, error_status=502, paths=["/stac/"])
    assert http.get(server.url("/stac/"), retry_safe=False).status_code == 502
    assert path_hits(server, "/stac/") == 1


def test_retry_after_is_honoured(server):
    server.set_faults(rate_limit_next=1, retry_after=1, paths=["/stac/"])
    http = new_http_session(backoff_factor=0)
    started = time.monotonic()
    assert call(http, "GET", server.url("/stac/")).status_code == 200
    assert time.monotonic() - started >= 0.9
    assert path_hits(server, "/stac/") == 2


def test_persistent_429_becomes_rate_limited(server):
    server.set_faults(rate_limit_rate=1.0, retry_after=0, paths=["/stac/"])
    http = new_http_session(retries=1, backoff_factor=0)
    with pytest.raises(errors.RateLimited) as caught:
        call(http, "GET", server.url("/stac/"))
    assert "Wait a minute" in str(caught.value)


def test_slow_server_times_out_as_unreachable_without_the_query(server):
    server.set_faults(latency_ms=1500, paths=["/stac/"])
    http = new_http_session(retries=0, timeout=(2, 0.3))
    started = time.monotonic()
    with pytest.raises(errors.ServiceUnreachable) as caught:
        call(http, "GET", server.url(f"/stac/?token={SECRET}"))
    assert time.monotonic() - started < 1.4
    message = str(caught.value)
    assert server.url("/stac/") in message and SECRET not in message
    assert "proxy settings" in message


def test_closed_port_is_unreachable():
    url = f"http://127.0.0.1:{free_port()}/signing/openapi.json"
    with pytest.raises(errors.ServiceUnreachable) as caught:
        call(new_http_session(retries=1, backoff_factor=0), "GET", url)
    assert caught.value.url == url


def test_explicit_proxies_are_used_instead_of_the_environment(server, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.delenv("no_proxy", raising=False)
    dead_proxy = f"http://127.0.0.1:{free_port()}"
    http = new_http_session(proxies={"http": dead_proxy}, retries=0)
    with pytest.raises(errors.ServiceUnreachable):
        call(http, "GET", server.url("/stac/"))
    assert call(new_http_session(proxies={}), "GET", server.url("/stac/")).ok


def test_every_request_gets_a_default_timeout_and_user_agent(server):
    http = new_http_session(timeout=(3, 7))
    seen = {}

    class Spy(requests.adapters.HTTPAdapter):  # records what the session hands the adapter
        def send(self, request, **kwargs):
            seen["timeout"] = kwargs.get("timeout")
            seen["agent"] = request.headers.get("User-Agent")
            return super().send(request, **kwargs)

    http.mount("http://", Spy())
    http.get(server.url("/health"))
    assert seen["timeout"] == (3, 7)
    assert seen["agent"].startswith("DINAMIS-for-QGIS/")


# --- each service's error dialect ----------------------------------------------------

def test_stac_error_names_the_parameter(server):
    with pytest.raises(errors.InvalidRequest) as caught:
        call(new_http_session(), "GET", server.url("/stac/search"), params={"bbox": "abc"})
    assert caught.value.field == "bbox"
    assert '"bbox"' in str(caught.value)


def test_signing_without_credentials_is_authentication_failed(server):
    with pytest.raises(errors.AuthenticationFailed) as caught:
        call(new_http_session(), "POST", server.url("/signing/sign_urls"), json={"urls": []})
    assert "Log in again" in str(caught.value)


def test_signing_rejects_bad_api_key_without_echoing_it(server):
    with pytest.raises(errors.AuthenticationFailed) as caught:
        call(new_http_session(), "POST", server.url("/signing/sign_urls"), json={"urls": []},
             headers={"access-key": "DNMSNOTAKEY", "secret-key": SECRET})
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_oauth_errors_map_to_login_errors(server):
    http = new_http_session()
    token_url = server.url("/realms/dinamis/protocol/openid-connect/token")
    with pytest.raises(errors.LoginRequired):
        call(http, "POST", token_url, data={"grant_type": "refresh_token", "client_id": "gdal",
                                            "refresh_token": SECRET})
    with pytest.raises(errors.AuthenticationFailed):
        call(http, "POST", token_url, data={"grant_type": "refresh_token",
                                            "client_id": "not-gdal", "refresh_token": SECRET})


def test_validation_error_dialect_names_the_field(server):
    with pytest.raises(errors.InvalidRequest) as caught:
        call(new_http_session(), "POST", server.url("/_test/faults"), json={"latency_ms": -1})
    assert caught.value.field == "latency_ms"
    assert "non-negative" in str(caught.value)


def test_not_found_message_has_no_query_string(server):
    with pytest.raises(errors.NotFound) as caught:
        call(new_http_session(), "GET", server.url(f"/stac/collections/nope?sig={SECRET}"))
    assert SECRET not in str(caught.value)
    assert "/stac/collections/nope" in str(caught.value)


def test_injected_server_fault_is_a_server_error(server):
    server.set_faults(fail_next=10, error_status=502, retry_after=0, paths=["/stac/"])
    with pytest.raises(errors.ServerError) as caught:
        call(new_http_session(retries=1, backoff_factor=0), "GET", server.url("/stac/"))
    assert caught.value.status == 502 and "HTTP 502" in str(caught.value)


def test_server_detail_is_redacted():
    text = errors.redact_text(f"could not read https://s3.example.org/b/k.tif?X-Amz-Signature"
                              f"={SECRET}&X-Amz-Date=1 now")
    assert SECRET not in text and "https://s3.example.org/b/k.tif" in text
    assert errors.redact_url(f"https://u:{SECRET}@h.example.org:81/p?q={SECRET}#f") \
        == "https://h.example.org:81/p"


def test_connection_dropped_mid_body_is_resent_for_get_only(server):
    http = new_http_session()
    server.set_faults(drop_next=1, paths=["/stac/"])
    assert call(http, "GET", server.url("/stac/")).json()["type"] == "Catalog"
    assert path_hits(server, "/stac/") == 2
    server.reset_counters()
    server.set_faults(drop_next=5, paths=["/stac/search"])
    with pytest.raises(errors.ServiceUnreachable):
        call(http, "POST", server.url("/stac/search"), json={"limit": 1})
    assert path_hits(server, "/stac/search") == 1


@pytest.mark.parametrize("url", ["htp://127.0.0.1/signing/", "http:///signing/",
                                 "127.0.0.1:8765/signing/"])
def test_malformed_address_is_endpoint_invalid(url):
    with pytest.raises(errors.EndpointInvalid) as caught:
        call(new_http_session(retries=0), "GET", url)
    assert "DINAMIS settings" in str(caught.value)


def test_redirect_to_another_host_drops_api_key_headers(server):
    """A service that redirects elsewhere must not hand our API key to the other host."""
    import http.server
    import threading

    target = f"http://localhost:{server.port}/health"  # another host name

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    redirector = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=redirector.serve_forever, daemon=True)
    thread.start()
    try:
        response = new_http_session().get(
            f"http://127.0.0.1:{redirector.server_port}/signing/x",
            headers={"access-key": "DNMSKEY", "secret-key": SECRET,
                     "Authorization": "Bearer " + SECRET})
    finally:
        redirector.shutdown()
        redirector.server_close()
    assert response.status_code == 200 and response.url == target
    assert response.history[0].status_code == 302
    sent = response.request.headers
    assert "secret-key" not in sent and "access-key" not in sent and "Authorization" not in sent


def test_error_sentences_are_translated_then_formatted():
    from dinamis.core.i18n import install_translator
    french = {"Cannot reach the DINAMIS service at {url}. Check your network or proxy "
              "settings, or the endpoint in the DINAMIS settings.":
              "Impossible de joindre le service DINAMIS à {url}."}
    install_translator(lambda context, text: french.get(text, text))
    try:
        message = str(errors.ServiceUnreachable(f"https://x.example.org/a?sig={SECRET}"))
        pending = str(errors.AccountNotActive("pending"))
    finally:
        install_translator(lambda context, text: text)
    assert message == "Impossible de joindre le service DINAMIS à https://x.example.org/a."
    assert "awaiting validation" in pending


def test_runs_on_the_http_stack_qgis_ships():
    """The plugin is tested on Debian's requests and urllib3 (what QGIS uses), not on newer
    copies in the venv (scripts/bootstrap.sh pins them)."""
    import subprocess
    import urllib3
    system = subprocess.run(
        ["/usr/bin/python3", "-c", "import requests, urllib3; print(requests.__file__, "
         "requests.__version__, urllib3.__file__, urllib3.__version__)"],
        capture_output=True, text=True, check=True).stdout.split()
    assert [requests.__file__, requests.__version__, urllib3.__file__,
            urllib3.__version__] == system


def test_a_streamed_body_cut_short_is_an_error_not_a_short_read(server):
    """urllib3 1.26 does not enforce Content-Length by itself: a dropped connection would
    pass as a complete, shorter body."""
    url = server.url("/stac/search?limit=50")
    whole = new_http_session().get(url).content
    server.set_faults(drop_next=1, paths=["/stac/search"])
    received = b""
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        with new_http_session().get(url, stream=True) as response:
            assert int(response.headers["Content-Length"]) == len(whole)
            for chunk in response.iter_content(1024):
                received += chunk
    assert 0 < len(received) < len(whole)


TOKEN_PATH = "/realms/dinamis/protocol/openid-connect/token"


@pytest.mark.parametrize("fault", [{"reset_next": 1}, {"latency_ms": 800}])
def test_a_post_is_never_replayed_after_a_read_error(server, fault):
    """The refresh grant reached the server (which rotated the token), then the answer was
    lost (connection reset, or read timeout): sending it again would spend a used token."""
    server.set_faults(paths=[TOKEN_PATH], **fault)
    http = new_http_session(backoff_factor=0, timeout=(2, 0.3))
    with pytest.raises(errors.ServiceUnreachable):
        call(http, "POST", server.url(TOKEN_PATH),
             data={"grant_type": "refresh_token", "client_id": "gdal", "refresh_token": "x"})
    deadline = time.monotonic() + 5  # the slow one is still being answered: let it finish
    while server.counters()["token_requests"] < 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)
    assert path_hits(server, TOKEN_PATH) == 1
    assert server.counters()["token_requests"] == 1


def test_a_search_is_retried_after_a_reset_connection(server):
    """One hiccup on a search (read-only, even as a POST) is not "cannot reach the service"."""
    from dinamis.core.stac_io import SessionStacIO
    server.set_faults(reset_next=1, paths=["/stac/search"])
    text = SessionStacIO(new_http_session(backoff_factor=0)).request(
        server.url("/stac/search"), method="POST", parameters={"limit": 1})
    assert '"FeatureCollection"' in text
    assert path_hits(server, "/stac/search") == 2


def test_urllib3_retry_and_request_logs_never_show_a_signature(server, caplog):
    """urllib3 writes the url of every request and of every retry at DEBUG level, each from
    its own logger: a presigned url's signature must be redacted in all of them."""
    server.set_faults(error_rate=1.0, error_status=503, paths=["/stac/"])
    http = new_http_session(retries=1, backoff_factor=0)
    with caplog.at_level(logging.DEBUG, logger="urllib3"):
        with pytest.raises(errors.DinamisError):
            call(http, "GET", server.url(f"/stac/a.tif?X-Amz-Signature={SECRET}"))
    assert "Incremented Retry" in caplog.text and "X-Amz-Signature" in caplog.text
    assert SECRET not in caplog.text

"""QGIS proxy settings -> requests and GDAL, checked through a real forwarding proxy."""
import http.server
import threading
import urllib.request

import pytest
from qgis.core import QgsSettings

from dinamis.qgis_glue import proxy
from dinamis.qgis_glue.plugin_session import new_glue_http_session


class ForwardingProxy(http.server.ThreadingHTTPServer):
    """A plain-HTTP forward proxy on loopback that records every url it relays."""

    daemon_threads = True

    def __init__(self):
        self.seen = []
        self.auth_headers = []
        super().__init__(("127.0.0.1", 0), _ProxyHandler)

    @property
    def url(self):
        return f"127.0.0.1:{self.server_address[1]}"


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.server.seen.append(self.path)  # absolute-form url, as clients send proxies
        self.server.auth_headers.append(self.headers.get("Proxy-Authorization"))
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("proxy-authorization", "proxy-connection", "host")}
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            upstream = direct.open(urllib.request.Request(self.path, headers=headers), timeout=10)
            status, body, kind = upstream.status, upstream.read(), upstream.headers.get(
                "Content-Type", "application/octet-stream")
        except urllib.error.HTTPError as error:
            status, body, kind = error.code, error.read(), error.headers.get("Content-Type", "")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@pytest.fixture
def forward_proxy():
    server = ForwardingProxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def set_qgis_proxy(kind="HttpProxy", host="", port=0, user="", password="", excluded=()):
    s = QgsSettings()
    s.setValue("proxy/proxyEnabled", True)
    s.setValue("proxy/proxyType", kind)
    s.setValue("proxy/proxyHost", host)
    s.setValue("proxy/proxyPort", str(port))
    s.setValue("proxy/proxyUser", user)
    s.setValue("proxy/proxyPassword", password)
    s.setValue("proxy/proxyExcludedUrls", "|".join(excluded))


def test_requests_go_through_the_qgis_proxy(isolated_settings, forward_proxy, server):
    host, port = forward_proxy.url.split(":")
    set_qgis_proxy(host=host, port=int(port), user="me", password="pw:1")
    http = new_glue_http_session()
    assert http.get(server.url("/health")).ok
    assert forward_proxy.seen == [server.url("/health")]
    assert forward_proxy.auth_headers[0].startswith("Basic ")


def test_excluded_urls_go_direct(isolated_settings, forward_proxy, server):
    host, port = forward_proxy.url.split(":")
    set_qgis_proxy(host=host, port=int(port), excluded=[server.url("/health")])
    http = new_glue_http_session()
    assert http.get(server.url("/health")).ok
    assert http.get(server.url("/stac/")).ok
    assert forward_proxy.seen == [server.url("/stac/")]


def test_no_proxy_when_disabled(isolated_settings, forward_proxy, server):
    set_qgis_proxy(host="127.0.0.1", port=9)
    QgsSettings().setValue("proxy/proxyEnabled", False)
    assert proxy.qgis_proxy().proxy_url() is None
    assert new_glue_http_session().get(server.url("/health")).ok
    assert forward_proxy.seen == []
    assert proxy.gdal_proxy_options() == {}


def test_socks5_and_gdal_options(isolated_settings):
    set_qgis_proxy(kind="Socks5Proxy", host="proxy.example.org", port=1080, user="u",
                   password="s3cr3t/pw")
    route = proxy.qgis_proxy()
    assert route.proxy_url() == "socks5h://u:s3cr3t%2Fpw@proxy.example.org:1080"
    assert proxy.gdal_proxy_options() == {"GDAL_HTTP_PROXY": "socks5h://proxy.example.org:1080",
                                          "GDAL_HTTP_PROXYUSERPWD": "u:s3cr3t/pw"}
    assert "s3cr3t" not in repr(route)
    if not proxy.socks_available():
        with pytest.raises(proxy.ProxyNotSupported, match="PySocks"):
            new_glue_http_session()


def test_http_proxy_gdal_options(isolated_settings):
    set_qgis_proxy(host="proxy.example.org", port=3128)
    assert proxy.gdal_proxy_options() == {"GDAL_HTTP_PROXY": "proxy.example.org:3128"}

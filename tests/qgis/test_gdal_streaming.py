"""GDAL follows QGIS's proxy for the storage (QGIS 3.22 does not tell GDAL itself), takes
nothing away from a proxy set by someone else, and leaves when the plugin does."""
import os
import socket
import threading

import pytest
from osgeo import gdal
from qgis.core import QgsSettings

PROXY_KEYS = ("GDAL_HTTP_PROXY", "GDAL_HTTP_PROXYUSERPWD")


class RecordingProxy:
    """A socket that notes the first line of what it is sent, and answers 502."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self.requests.append(conn.recv(4096).split(b"\r\n", 1)[0].decode())
                conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture
def gdal_streaming(isolated_settings):
    from dinamis.qgis_glue import gdal_streaming
    saved = {key: gdal.GetConfigOption(key) for key in PROXY_KEYS}
    for key in PROXY_KEYS:
        gdal.SetConfigOption(key, None)
    yield gdal_streaming
    gdal_streaming.reset()
    for key, value in saved.items():
        gdal.SetConfigOption(key, value)


def use_qgis_proxy(port, excluded=()):
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", str(port))
    settings.setValue("proxy/proxyUser", "me")
    settings.setValue("proxy/proxyPassword", "proxy-secret")
    settings.setValue("proxy/proxyExcludedUrls", "|".join(excluded))


STORAGE = "https://storage.example.org/bucket/a.tif"


def test_gdal_goes_through_qgis_proxy_and_stops_when_the_plugin_leaves(gdal_streaming):
    proxy = RecordingProxy()
    use_qgis_proxy(proxy.port)
    gdal_streaming.prepare_for([STORAGE])
    assert gdal.GetConfigOption("GDAL_HTTP_PROXY") == f"127.0.0.1:{proxy.port}"
    assert gdal.GetConfigOption("GDAL_HTTP_PROXYUSERPWD") == "me:proxy-secret"
    gdal.VSICurlClearCache()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        gdal.Open("/vsicurl/http://storage.example.org/bucket/a.tif")
    except RuntimeError:  # the proxy answers 502 (exceptions on, after other tests)
        pass
    finally:
        gdal.PopErrorHandler()
    assert any("storage.example.org" in line for line in proxy.requests), proxy.requests
    if gdal_streaming.redirect_needed():  # the loopback helper must not go to the proxy
        assert "127.0.0.1" in os.environ["NO_PROXY"].split(",")
    gdal_streaming.reset()
    assert "127.0.0.1" not in os.environ.get("NO_PROXY", "").split(",")
    assert gdal.GetConfigOption("GDAL_HTTP_PROXY") is None
    assert gdal.GetConfigOption("GDAL_HTTP_PROXYUSERPWD") is None


def test_a_proxy_someone_else_set_is_left_alone(gdal_streaming):
    use_qgis_proxy(3128)
    gdal.SetConfigOption("GDAL_HTTP_PROXY", "corporate.example.org:8080")
    gdal_streaming.prepare_for([STORAGE])
    assert gdal.GetConfigOption("GDAL_HTTP_PROXY") == "corporate.example.org:8080"
    gdal_streaming.reset()
    assert gdal.GetConfigOption("GDAL_HTTP_PROXY") == "corporate.example.org:8080"


def test_storage_excluded_from_the_proxy_goes_direct(gdal_streaming):
    use_qgis_proxy(3128, excluded=["https://storage.example.org"])
    gdal_streaming.prepare_for([STORAGE])
    assert gdal.GetConfigOption("GDAL_HTTP_PROXY") is None


def test_no_proxy_without_an_explicit_qgis_proxy(gdal_streaming):
    QgsSettings().setValue("proxy/proxyEnabled", False)
    gdal_streaming.prepare_for([STORAGE])
    assert gdal.GetConfigOption("GDAL_HTTP_PROXY") is None


def test_curl_trusts_the_certificates_qgis_trusts_until_the_plugin_leaves(gdal_streaming):
    from dinamis.qgis_glue import tls
    from dinamis.qgis_glue.tls import GDAL_CA_OPTIONS
    saved = {key: gdal.GetConfigOption(key) for key in GDAL_CA_OPTIONS}
    for key in GDAL_CA_OPTIONS:
        gdal.SetConfigOption(key, None)
    environment = {key: gdal.GetConfigOption(key) for key in GDAL_CA_OPTIONS}  # or None
    try:
        bundle = tls.ca_bundle_path()
        assert bundle, "QGIS's authentication system gives no CA certificates here"
        gdal_streaming.prepare_for([STORAGE])
        assert {key: gdal.GetConfigOption(key) for key in GDAL_CA_OPTIONS} == {
            key: bundle for key in GDAL_CA_OPTIONS}
        gdal_streaming.reset()
        assert {key: gdal.GetConfigOption(key) for key in GDAL_CA_OPTIONS} == environment
    finally:
        for key, value in saved.items():
            gdal.SetConfigOption(key, value)

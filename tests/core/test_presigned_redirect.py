"""The loopback redirect that spares GDAL 3.6.0-3.6.2 a whole download per presigned url:
real GDAL, real presigned urls from the reference server, GDAL's own network counters."""
import json
from urllib.parse import quote, urlsplit

import pytest
import requests
from osgeo import gdal

from dinamis.core.presigned_redirect import PresignedRedirect, gdal_needs_it
from dinamis.core.signer import Signer
from tests.core.conftest import login_as


@pytest.fixture(scope="module")
def signer(reference_server):
    alice = login_as(reference_server, "alice")
    return Signer(alice.http, alice.profile.signing_url, alice.profile.is_storage_url,
                  duration_seconds=600)


@pytest.fixture
def redirect(server):
    helper = PresignedRedirect(lambda url: urlsplit(url).port == urlsplit(server.base_url).port)
    yield helper.start()
    helper.stop()


@pytest.fixture
def href(reference_server):
    return reference_server.real_cog_items()[0]["assets"]["src_xs"]["href"]


def downloaded(open_path) -> int:
    """Bytes GDAL fetched to open `open_path` (fresh caches, GDAL's network statistics)."""
    gdal.SetConfigOption("CPL_VSIL_NETWORK_STATS_ENABLED", "YES")
    gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
    try:
        gdal.VSICurlClearCache()
        gdal.NetworkStatsReset()
        dataset = gdal.Open(open_path)
        assert dataset is not None and dataset.RasterCount == 4
        stats = json.loads(gdal.NetworkStatsGetAsSerializedJSON())
        return stats["methods"]["GET"]["downloaded_bytes"]
    finally:
        gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", None)
        gdal.SetConfigOption("CPL_VSIL_NETWORK_STATS_ENABLED", None)


def test_only_the_broken_gdal_releases_need_it():
    assert not gdal_needs_it(3050300)
    assert gdal_needs_it(3060000) and gdal_needs_it(3060200)
    assert not gdal_needs_it(3060300) and not gdal_needs_it(3080000)


def test_gdal_reads_only_the_header_through_it(server, signer, redirect, href):
    signed = signer.sign_url(href)
    size = requests.get(signed, headers={"Range": "bytes=0-0"},
                        timeout=10).headers["Content-Range"].rpartition("/")[2]
    through = downloaded("/vsicurl/" + redirect.url_for(signed))
    assert through <= 64 * 1024
    if gdal_needs_it(int(gdal.VersionInfo("VERSION_NUM"))):  # this machine's GDAL: the bug
        assert downloaded("/vsicurl/" + signed) >= int(size)


def test_head_answers_the_size_and_get_redirects(server, signer, redirect, href):
    signed = signer.sign_url(href)
    local = redirect.url_for(signed)
    head = requests.head(local, timeout=10)
    assert head.status_code == 200
    assert int(head.headers["Content-Length"]) == int(
        requests.get(signed, timeout=30).headers["Content-Length"])
    get = requests.get(local, headers={"Range": "bytes=0-3"}, allow_redirects=False,
                       timeout=10)
    assert get.status_code == 307 and get.headers["Location"] == signed
    followed = requests.get(local, headers={"Range": "bytes=0-3"}, timeout=10)
    assert followed.status_code == 206 and followed.content in (b"II*\x00", b"MM\x00*")
    server.reset_counters()
    requests.head(local, timeout=10)  # the size is remembered: no second probe
    assert server.counters()["requests_by_path"] == {}


def test_it_redirects_only_to_presigned_urls_it_is_allowed(server, signer, redirect, href):
    assert requests.get(redirect.url_for(href), timeout=10,
                        allow_redirects=False).status_code == 403  # not presigned
    foreign = signer.sign_url(href).replace(urlsplit(server.base_url).netloc,
                                            "127.0.0.1:1")
    assert requests.get(redirect.url_for(foreign), timeout=10,
                        allow_redirects=False).status_code == 403  # not the storage
    assert requests.get(redirect.base_url.replace("dinamis-presigned", "other"), timeout=10,
                        allow_redirects=False).status_code == 403


def test_missing_object_is_answered_as_the_storage_does(server, signer, redirect, href):
    missing = signer.sign_url(href.replace("_MS.tif", "_NONE.tif"))
    assert requests.head(redirect.url_for(missing), timeout=10).status_code == 404


def test_only_its_own_random_address_is_served(server, signer, redirect, href):
    """A program or a web page that finds the loopback port cannot use the helper: the
    path holds a random key of this helper (another helper has another)."""
    signed = signer.sign_url(href)
    other = PresignedRedirect(lambda url: True)
    assert other.path != redirect.path and len(redirect.path.rsplit("/", 1)[1]) >= 24
    base = redirect.base_url
    port = urlsplit(base).port
    for guess in (f"http://127.0.0.1:{port}/dinamis-presigned",
                  f"http://127.0.0.1:{port}{other.path}",
                  base + "x", base[:-1]):
        for method in (requests.get, requests.head):
            answer = method(f"{guess}?url={quote(signed, safe='')}", timeout=10,
                            allow_redirects=False)
            assert answer.status_code == 403 and "Location" not in answer.headers
    assert requests.get(redirect.url_for(signed), allow_redirects=False,
                        timeout=10).status_code == 307


def test_no_header_injection_through_the_url(server, signer, redirect, href):
    signed = signer.sign_url(href)
    answer = requests.get(redirect.url_for(signed + "\r\nSet-Cookie: x=1"), timeout=10,
                          allow_redirects=False)
    assert answer.status_code == 403 and "Set-Cookie" not in answer.headers


def test_it_logs_nothing_not_even_a_failure(server, signer, redirect, href, capfd, caplog):
    """Neither requests nor failures are written anywhere (the query is a presigned url)."""
    import logging
    import socket
    caplog.set_level(logging.DEBUG)
    signed = signer.sign_url(href)
    requests.head(redirect.url_for(signed), timeout=10)
    requests.get(redirect.url_for(signed.replace("_MS.tif", "_NONE.tif")), timeout=10)
    port = urlsplit(redirect.base_url).port
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:  # a bad request
        raw.sendall(b"GARBAGE " + redirect.url_for(signed).encode() + b"\r\n\r\n")
        raw.recv(1024)
    out, err = capfd.readouterr()
    assert "Signature" not in out + err and "Traceback" not in err
    secret = signed.rsplit("X-Amz-Signature=", 1)[1]
    assert "X-Amz-Signature" in caplog.text and secret not in caplog.text  # urllib3: redacted


def test_stop_closes_the_port(redirect):
    import socket
    port = urlsplit(redirect.base_url).port
    redirect.stop()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_the_clipped_downloads_helper_stops_with_the_plugin_and_serves_only_their_hosts(
        server, signer, href):
    from osgeo import gdal as real_gdal

    from dinamis.core import clip
    if not gdal_needs_it(int(real_gdal.VersionInfo("VERSION_NUM"))):
        pytest.skip("this GDAL needs no loopback redirect")
    signed = signer.sign_url(href)
    source = clip.vsicurl_source(signed)
    local = source[len("/vsicurl/"):]
    assert requests.get(local, allow_redirects=False, timeout=10).status_code == 307
    elsewhere = signed.replace(urlsplit(signed).netloc, "127.0.0.1:1")
    assert requests.get(local.split("?")[0] + "?url=" + quote(elsewhere, safe=""),
                        allow_redirects=False, timeout=10).status_code == 403
    clip.stop_redirect()
    with pytest.raises(requests.ConnectionError):
        requests.get(local, allow_redirects=False, timeout=5)


def test_saved_sources_lose_the_helper_whatever_its_key(redirect, signer, href):
    from dinamis.core import layer_sources
    signed = signer.sign_url(href)
    source = layer_sources.through_redirect("/vsicurl/" + signed, redirect.base_url)
    assert redirect.path in source
    assert layer_sources.without_redirect(source) == "/vsicurl/" + signed


def test_redaction_of_presigned_urls_plain_or_inside_another():
    from dinamis.core.signed_url import redacted
    plain = "GET /a.tif?X-Amz-Date=1&X-Amz-Signature=7ea1fd3a&X-Amz-Security-Token=Ab%2B%3D&z=1"
    assert redacted(plain) == ("GET /a.tif?X-Amz-Date=1&X-Amz-Signature=…"
                               "&X-Amz-Security-Token=…&z=1")
    nested = "/p/k?url=http%3A%2F%2Fh%2Fa.tif%3FX-Amz-Signature%3D7ea1fd3a%26b%3D1 HTTP/1.1"
    assert redacted(nested) == "/p/k?url=http%3A%2F%2Fh%2Fa.tif%3FX-Amz-Signature%3D…%26b%3D1 HTTP/1.1"

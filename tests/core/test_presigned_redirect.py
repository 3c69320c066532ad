"""The loopback redirect that spares GDAL 3.6.0-3.6.2 a whole download per presigned url:
real GDAL, real presigned urls from the reference server, GDAL's own network counters."""
import json
from urllib.parse import urlsplit

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

"""Signed urls end to end: the signing service's url lets GDAL stream a window of a real COG
from the object store; a tampered or expired signature is refused by the store."""
import time
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import requests
from osgeo import gdal

from .login import bearer, login


@pytest.fixture(scope="module")
def alice(reference_server):
    return bearer(login(reference_server, "alice"))


def sign(server, headers, urls, **extra) -> dict:
    r = requests.post(server.url("/signing/sign_urls"), headers=headers, timeout=30,
                      json={"urls": urls, **extra})
    assert r.status_code == 200, r.text
    return r.json()["hrefs"]


def data_hrefs(server):
    """Hrefs of data assets, page by page, as a STAC client finds them."""
    url, params = server.url("/stac/search"), {"limit": 100}
    while url:
        page = requests.get(url, params=params, timeout=30).json()
        for item in page["features"]:
            for asset in item["assets"].values():
                if "data" in asset.get("roles", []):
                    yield asset["href"]
        url = next((link["href"] for link in page.get("links", []) if link["rel"] == "next"
                    and link.get("method", "GET") == "GET"), None)
        params = None


@pytest.fixture(scope="module")
def cog_href(reference_server, alice):
    """A data asset whose file really exists (the catalogue has a few real COGs)."""
    hrefs = list(data_hrefs(reference_server))
    assert hrefs, "the catalogue has no data assets"
    for start in range(0, len(hrefs), 64):
        batch = hrefs[start:start + 64]
        signed = sign(reference_server, alice, batch, duration_seconds=600)
        for href in batch:
            if requests.get(signed[href], headers={"Range": "bytes=0-0"},
                            timeout=10).status_code == 206:
                return href
    pytest.fail("no data asset with a real file in the catalogue")


def test_unsigned_data_asset_is_refused(server, cog_href):
    r = requests.get(cog_href, timeout=10)
    assert r.status_code == 403 and b"AccessDenied" in r.content


def test_gdal_vsicurl_reads_a_window_through_a_signed_url(server, alice, cog_href):
    signed = sign(server, alice, [cog_href], duration_seconds=600)[cog_href]
    options = {"GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR", "GDAL_HTTP_MAX_RETRY": "0",
               "VSI_CACHE": "FALSE"}
    previous = {key: gdal.GetConfigOption(key) for key in options}
    try:  # gdal.config_options() is GDAL >= 3.7; QGIS 3.22 on Debian 12 has 3.6
        for key, value in options.items():
            gdal.SetConfigOption(key, value)
        gdal.VSICurlClearCache()
        dataset = gdal.Open("/vsicurl/" + signed)
        assert dataset is not None, gdal.GetLastErrorMsg()
        assert dataset.RasterXSize > 64 and dataset.GetSpatialRef() is not None
        window = dataset.GetRasterBand(1).ReadAsArray(10, 20, 64, 32)
        dataset = None
    finally:
        for key, value in previous.items():
            gdal.SetConfigOption(key, value)
    assert window.shape == (32, 64) and window.std() > 0
    by_path = server.counters()["requests_by_path"]
    assert by_path[urlsplit(cog_href).path] >= 1  # GDAL's range requests hit the store


def test_tampered_signature_is_refused(server, alice, cog_href):
    signed = sign(server, alice, [cog_href], duration_seconds=600)[cog_href]
    parts = urlsplit(signed)
    params = dict(parse_qsl(parts.query))
    sig = params["X-Amz-Signature"]
    params["X-Amz-Signature"] = ("0" if sig[0] != "0" else "1") + sig[1:]
    tampered = parts._replace(query=urlencode(params)).geturl()
    r = requests.get(tampered, timeout=10)
    assert r.status_code == 403 and b"SignatureDoesNotMatch" in r.content
    longer = dict(parse_qsl(parts.query), **{"X-Amz-Expires": "999999"})
    r = requests.get(parts._replace(query=urlencode(longer)).geturl(), timeout=10)
    assert r.status_code == 403


def test_expired_signature_is_refused(server, alice, cog_href):
    signed = sign(server, alice, [cog_href], duration_seconds=1)[cog_href]
    time.sleep(2.1)
    r = requests.get(signed, headers={"Range": "bytes=0-15"}, timeout=10)
    assert r.status_code == 403 and b"expired" in r.content

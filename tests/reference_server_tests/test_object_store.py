"""The object store over real HTTP: signed COGs streamed to GDAL's /vsicurl/, S3-style refusals,
byte ranges, HEAD, public quicklooks, no path traversal."""
import hashlib
import http.client
import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from osgeo import gdal

from tests.reference_server import object_store, sigv4

gdal.UseExceptions()


@contextmanager
def config_options(options):
    """gdal.config_options arrived in GDAL 3.7; Debian 12 has 3.6."""
    previous = {k: gdal.GetConfigOption(k) for k in options}
    for k, v in options.items():
        gdal.SetConfigOption(k, v)
    try:
        yield
    finally:
        for k, v in previous.items():
            gdal.SetConfigOption(k, v)


def open_db(server):
    conn = sqlite3.connect(f"file:{server.data_dir / 'dinamis.sqlite'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def sign(server, href, expires=600, now=None, method="GET"):
    with open_db(server) as conn:
        key_id, secret = object_store.storage_credentials(conn)
    parts = urlsplit(href)
    query = sigv4.presign(key_id, secret, parts.netloc, parts.path, expires, now=now,
                          method=method)
    return f"{href}?{query}"


@pytest.fixture(scope="module")
def real_item(reference_server):
    """A downloadable item whose assets are real COG files."""
    with open_db(reference_server) as conn:
        ids = json.loads(conn.execute(
            "SELECT value FROM meta WHERE key = 'catalogue:real_cog_items'").fetchone()[0])
    assert ids, "the session server seeds real COGs"
    r = requests.get(reference_server.url("/stac/search"), params={"ids": ids[0]}, timeout=10)
    return r.json()["features"][0]


def local_file(server, href):
    return server.data_dir / "objects" / href.split("/s3/", 1)[1]


def assert_s3_error(response, status, code):
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/xml")
    assert f"<Code>{code}</Code>" in response.text and "<Message>" in response.text


def test_gdal_streams_a_signed_cog_through_vsicurl(server, real_item):
    asset = real_item["assets"]["src_xs"]
    url = sign(server, asset["href"])
    options = {"GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
               "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".tif", "GDAL_HTTP_MAX_RETRY": "0"}
    server.reset_counters()
    with config_options(options):
        ds = gdal.Open("/vsicurl/" + url)
        assert ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
        assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
        band = ds.GetRasterBand(1)
        assert ds.RasterCount == 4 and band.DataType == gdal.GDT_UInt16
        assert band.GetOverviewCount() >= 1 and band.GetBlockSize()[0] < ds.RasterXSize
        assert [ds.RasterYSize, ds.RasterXSize] == asset["proj:shape"]
        assert ds.GetSpatialRef().GetAuthorityCode(None) == str(asset["proj:epsg"])
        window = band.ReadAsArray(32, 32, 64, 64)
        assert window.shape == (64, 64) and window.min() > 0 and window.std() > 0
        overview = band.GetOverview(0).ReadAsArray()
        assert overview.mean() == pytest.approx(band.ReadAsArray().mean(), rel=0.05)
        ds = None
    gdal.VSICurlClearCache()
    by_path = server.counters()["requests_by_path"]
    assert any(path.startswith("/s3/") for path in by_path), by_path


def test_downloaded_cog_matches_file_size_and_checksum(server, real_item):
    for key in ("src_xs", "src_pan"):
        asset = real_item["assets"][key]
        r = requests.get(sign(server, asset["href"]), timeout=30)
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/tiff"
        assert len(r.content) == asset["file:size"] == int(r.headers["Content-Length"])
        assert "1220" + hashlib.sha256(r.content).hexdigest() == asset["file:checksum"]


def test_unsigned_data_asset_is_refused(server, real_item):
    r = requests.get(real_item["assets"]["src_xs"]["href"], timeout=10)
    assert_s3_error(r, 403, "AccessDenied")
    with config_options({"GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
                              "GDAL_HTTP_MAX_RETRY": "0"}):
        with pytest.raises(RuntimeError):
            gdal.Open("/vsicurl/" + real_item["assets"]["src_xs"]["href"])


def test_expired_signature_is_refused(server, real_item):
    href = real_item["assets"]["src_xs"]["href"]
    past = datetime.now(timezone.utc) - timedelta(hours=2)
    r = requests.get(sign(server, href, expires=3600, now=past), timeout=10)
    assert_s3_error(r, 403, "AccessDenied")
    assert "expired" in r.text


def test_tampered_signature_or_path_is_refused(server, real_item):
    href = real_item["assets"]["src_xs"]["href"]
    url = sign(server, href)
    head, signature = url.rsplit("X-Amz-Signature=", 1)
    flipped = head + "X-Amz-Signature=" + ("0" if signature[0] != "0" else "1") + signature[1:]
    assert_s3_error(requests.get(flipped, timeout=10), 403, "SignatureDoesNotMatch")
    longer = url.replace("X-Amz-Expires=600", "X-Amz-Expires=6000")
    assert_s3_error(requests.get(longer, timeout=10), 403, "SignatureDoesNotMatch")
    pan_href = real_item["assets"]["src_pan"]["href"]
    query = url.split("?", 1)[1]  # a signature for src_xs used on src_pan
    assert_s3_error(requests.get(f"{pan_href}?{query}", timeout=10), 403,
                    "SignatureDoesNotMatch")
    missing = url.replace("&X-Amz-Date=", "&X-Amz-Nope=")
    assert_s3_error(requests.get(missing, timeout=10), 403, "AuthorizationQueryParametersError")


def test_signature_valid_longer_than_a_week_is_refused(server, real_item):
    url = sign(server, real_item["assets"]["src_xs"]["href"], expires=8 * 24 * 3600)
    assert_s3_error(requests.get(url, timeout=10), 403, "AuthorizationQueryParametersError")
    week = sign(server, real_item["assets"]["src_xs"]["href"], expires=7 * 24 * 3600)
    assert requests.get(week, headers={"Range": "bytes=0-0"}, timeout=10).status_code == 206


def test_public_quicklook_is_served_without_signature(server, real_item):
    for item in (real_item, requests.get(server.url("/stac/search"), params={
            "collections": "airbus-archive", "limit": 1}, timeout=10).json()["features"][0]):
        r = requests.get(item["assets"]["thumbnail"]["href"], timeout=30)
        assert r.status_code == 200, r.text
        assert r.headers["Content-Type"] == "image/png" and r.content[:8] == b"\x89PNG\r\n\x1a\n"
        gdal.FileFromMemBuffer("/vsimem/ql.png", r.content)
        ds = gdal.Open("/vsimem/ql.png")
        assert ds.RasterCount == 3 and ds.GetRasterBand(1).ReadAsArray().std() > 0
        ds = None
        gdal.Unlink("/vsimem/ql.png")
    missing = server.public_url("/s3/dinamis-quicklooks/pleiades/NOT_AN_ITEM.png")
    assert_s3_error(requests.get(missing, timeout=10), 404, "NoSuchKey")


def test_metadata_only_item_data_is_not_found_once_signed(server, real_item):
    page = requests.get(server.url("/stac/search"), params={
        "collections": "pleiades", "limit": 100}, timeout=10).json()
    item = next(f for f in page["features"] if f["id"] != real_item["id"]
                and not local_file(server, f["assets"]["src_xs"]["href"]).exists())
    r = requests.get(sign(server, item["assets"]["src_xs"]["href"]), timeout=10)
    assert_s3_error(r, 404, "NoSuchKey")


def test_single_range_is_206_with_content_range(server, real_item):
    href = real_item["assets"]["src_pan"]["href"]
    url = sign(server, href)
    data = local_file(server, href).read_bytes()
    size = len(data)
    r = requests.get(url, headers={"Range": "bytes=100-1123"}, timeout=10)
    assert r.status_code == 206
    assert r.headers["Content-Range"] == f"bytes 100-1123/{size}"
    assert r.headers["Content-Length"] == "1024" and r.content == data[100:1124]
    assert r.headers["Accept-Ranges"] == "bytes"
    tail = requests.get(url, headers={"Range": "bytes=-500"}, timeout=10)
    assert tail.status_code == 206 and tail.content == data[-500:]
    for bad in ("bytes=0-10,20-30", f"bytes={size}-", f"bytes={size + 10}-{size + 20}"):
        r = requests.get(url, headers={"Range": bad}, timeout=10)
        assert r.status_code == 416, bad
        assert r.headers["Content-Range"] == f"bytes */{size}"


def test_head_answers_the_object_headers(server, real_item):
    href = real_item["assets"]["src_pan"]["href"]
    r = requests.head(sign(server, href, method="HEAD"), timeout=10)
    assert r.status_code == 200 and r.content == b""
    assert int(r.headers["Content-Length"]) == real_item["assets"]["src_pan"]["file:size"]
    assert r.headers["ETag"] and r.headers["Last-Modified"]
    assert r.headers["Accept-Ranges"] == "bytes"
    same = requests.get(sign(server, href), headers={"If-None-Match": r.headers["ETag"]},
                        timeout=10)
    assert same.status_code == 304
    assert requests.head(href, timeout=10).status_code == 403


def test_a_head_with_a_get_signature_is_refused_as_s3_does(server, real_item):
    """S3 signs the method too: a presigned GET url does not answer a HEAD (clients
    learn a size from a one-byte range GET instead)."""
    signed = sign(server, real_item["assets"]["src_pan"]["href"])
    r = requests.head(signed, timeout=10)
    assert r.status_code == 403 and r.content == b""
    head_signed = sign(server, real_item["assets"]["src_pan"]["href"], method="HEAD")
    assert_s3_error(requests.get(head_signed, timeout=10), 403, "SignatureDoesNotMatch")
    got = requests.get(signed, headers={"Range": "bytes=0-0"}, timeout=10)
    assert got.status_code == 206
    assert int(got.headers["Content-Range"].rpartition("/")[2]) == \
        real_item["assets"]["src_pan"]["file:size"]


TRAVERSALS = [
    "/s3/dinamis-quicklooks/../../dinamis.sqlite",
    "/s3/dinamis-quicklooks/%2e%2e/%2e%2e/dinamis.sqlite",
    "/s3/dinamis-quicklooks/..%2f..%2fdinamis.sqlite",
    "/s3/dinamis-quicklooks/%252e%252e/%252e%252e/dinamis.sqlite",
    "/s3/dinamis-quicklooks//etc/passwd",
    "/s3/dinamis-quicklooks/..\\..\\dinamis.sqlite",
    "/s3/dinamis-quicklooks/pleiades/./../../dinamis.sqlite",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_is_refused(server, path):
    conn = http.client.HTTPConnection("localhost", server.port, timeout=10)  # public host
    conn.request("GET", path)  # raw: no client-side normalisation of dot segments
    response = conn.getresponse()
    body = response.read()
    conn.close()
    assert response.status in (400, 403, 404), (path, response.status)
    assert b"SQLite format" not in body and b"root:" not in body
    assert b"<Error>" in body or b"NotFound" in body


def test_unknown_bucket_and_listing(server):
    assert_s3_error(requests.get(server.url("/s3/other-bucket/x.tif"), timeout=10), 404,
                    "NoSuchBucket")
    # each host knows its own buckets: the public one on localhost, the data on 127.0.0.1
    assert_s3_error(requests.get(server.url("/s3/dinamis-quicklooks/"), timeout=10), 404,
                    "NoSuchBucket")
    assert_s3_error(requests.get(server.public_url("/s3/dinamis-catalogue/"), timeout=10),
                    404, "NoSuchBucket")
    assert_s3_error(requests.get(server.url("/s3/dinamis-catalogue/"), timeout=10), 403,
                    "AccessDenied")


def test_relative_data_folder_still_serves_real_files(tmp_path):
    """`make serve` passes a relative --data; files must still be found (send_file)."""
    import os
    from tests.server_process import ROOT, ServerProcess
    relative = Path(os.path.relpath(tmp_path / "data", ROOT))
    with ServerProcess(relative, items=20, real_cogs=1, cog_size=256) as server:
        server.data_dir = ROOT / relative  # where the test reads the db from
        with open_db(server) as conn:
            item_id = json.loads(conn.execute(
                "SELECT value FROM meta WHERE key = 'catalogue:real_cog_items'").fetchone()[0])[0]
        item = requests.get(server.url("/stac/search"), params={"ids": item_id},
                            timeout=10).json()["features"][0]
        href = item["assets"]["src_pan"]["href"]
        r = requests.get(sign(server, href), headers={"Range": "bytes=0-15"}, timeout=10)
        assert r.status_code == 206, r.text
        assert r.content == local_file(server, href).read_bytes()[:16]

"""Urls inside GDAL dataset names: found and rewritten in every spelling a layer source
uses, with real presigned urls from the reference server and real GDAL reading the result."""
from urllib.parse import quote

import pytest
from osgeo import gdal

from dinamis.core import layer_sources
from dinamis.core.signer import Signer
from tests.core.conftest import login_as

gdal.UseExceptions()


@pytest.fixture(scope="module")
def signer(reference_server):
    alice = login_as(reference_server, "alice")
    return Signer(alice.http, alice.profile.signing_url, alice.profile.is_storage_url,
                  duration_seconds=600)


@pytest.fixture(scope="module")
def hrefs(reference_server):
    """src_xs hrefs of the catalogue items whose COG files really exist."""
    return [item["assets"]["src_xs"]["href"] for item in reference_server.real_cog_items()]


def on_storage(server):
    return lambda url: url.startswith(server.base_url + "/s3/")


def read_window(source: str):
    dataset = gdal.Open(source)
    return dataset.GetRasterBand(1).ReadAsArray(0, 0, 64, 64)


def test_plain_vsicurl_source_is_unsigned_and_signed_again(server, signer, hrefs):
    signed = signer.sign_url(hrefs[0])
    source = "/vsicurl/" + signed
    assert layer_sources.urls_in(source) == [signed]
    assert layer_sources.signed_urls_in(source) == [signed]
    unsigned = layer_sources.unsigned_source(source, on_storage(server))
    assert unsigned == "/vsicurl/" + hrefs[0]
    assert layer_sources.signed_urls_in(unsigned) == []
    again = layer_sources.signed_source(unsigned, signer.sign_urls([hrefs[0]]))
    assert read_window(again).std() > 0


def test_gdal_options_after_the_url_are_kept(server, signer, hrefs):
    signed = signer.sign_url(hrefs[0])
    source = f"/vsicurl/{signed}|option:NUM_THREADS=2"
    assert (layer_sources.unsigned_source(source, on_storage(server))
            == f"/vsicurl/{hrefs[0]}|option:NUM_THREADS=2")


def test_percent_encoded_vsicurl_option_syntax(server, signer, hrefs):
    signed = signer.sign_url(hrefs[0])
    source = "/vsicurl?max_retry=2&url=" + quote(signed, safe="")
    assert layer_sources.urls_in(source) == [signed]
    unsigned = layer_sources.unsigned_source(source, on_storage(server))
    assert unsigned == "/vsicurl?max_retry=2&url=" + quote(hrefs[0], safe="")
    assert "Amz" not in unsigned


def test_inline_vrt_mosaic_is_rewritten_and_still_reads(server, signer, hrefs):
    signed = signer.sign_urls(hrefs[:2])
    gdal.BuildVRT("/vsimem/test-mosaic.vrt", ["/vsicurl/" + signed[h] for h in hrefs[:2]])
    xml = gdal.Open("/vsimem/test-mosaic.vrt").GetMetadata("xml:VRT")[0]
    gdal.Unlink("/vsimem/test-mosaic.vrt")
    assert "&amp;X-Amz-Signature=" in xml  # escaped, as GDAL writes it
    assert set(layer_sources.signed_urls_in(xml)) == set(signed.values())

    unsigned = layer_sources.unsigned_source(xml, on_storage(server))
    assert "X-Amz" not in unsigned and hrefs[0] in unsigned
    resigned = layer_sources.signed_source(unsigned, signer.sign_urls(hrefs[:2]))
    assert resigned.count("&amp;X-Amz-Signature=") == xml.count("&amp;X-Amz-Signature=")
    assert read_window(resigned).std() > 0


def test_urls_of_other_hosts_and_unsigned_urls_are_left_alone(server, signer, hrefs):
    foreign = ("https://other.example.org/bucket/a.tif?X-Amz-Algorithm=AWS4-HMAC-SHA256"
               "&X-Amz-Date=20250101T000000Z&X-Amz-Expires=600&X-Amz-Signature=abc")
    for source in ("/vsicurl/" + foreign, "/vsicurl/" + hrefs[0], "/home/me/image.tif", ""):
        assert layer_sources.unsigned_source(source, on_storage(server)) == source


def test_waiting_source_opens_offline_and_remembers_its_source(server, signer, hrefs):
    signed = signer.sign_urls(hrefs[:2])
    gdal.BuildVRT("/vsimem/test-waiting.vrt", ["/vsicurl/" + signed[h] for h in hrefs[:2]])
    mosaic = layer_sources.unsigned_source(
        gdal.Open("/vsimem/test-waiting.vrt").GetMetadata("xml:VRT")[0], on_storage(server))
    gdal.Unlink("/vsimem/test-waiting.vrt")
    for original in ("/vsicurl/" + hrefs[0], mosaic):
        waiting = layer_sources.waiting_source(original)
        assert layer_sources.source_behind(waiting) == original
        server.reset_counters()
        dataset = gdal.Open(waiting)
        assert dataset.RasterCount >= 4 and dataset.GetSpatialRef() is not None
        assert dataset.ReadAsArray().max() == 0  # nodata: nothing drawn
        assert server.counters()["requests_by_path"] == {}  # no request at all
    assert layer_sources.source_behind("/vsicurl/" + hrefs[0]) is None


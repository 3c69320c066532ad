"""Clipping a remote COG: the window's pixels through GDAL's /vsicurl/, straight or behind
the loopback redirect (where GDAL 3.6.0-3.6.2 would fetch a presigned object whole)."""
import numpy as np
import pytest
from osgeo import gdal

from dinamis.core import clip, presigned_redirect
from dinamis.core.signer import Signer
from tests.core.test_downloads import alice  # noqa: F401 - fixture
from tests.core.test_downloads import assert_synced_then_renamed, watch_renames


def first_pan(server):
    root = server.data_dir / "objects" / "dinamis-catalogue"
    pan = sorted(root.rglob("*_PAN.tif"))[0]
    return pan, server.url("/s3/dinamis-catalogue/" + pan.relative_to(root).as_posix())


@pytest.mark.parametrize("redirected", [True, False], ids=["redirect", "straight"])
def test_window_matches_the_local_file(server, alice, tmp_path, monkeypatch,  # noqa: F811
                                       redirected):
    monkeypatch.setattr(presigned_redirect, "gdal_needs_it", lambda _version: redirected)
    pan, href = first_pan(server)
    local = gdal.Open(str(pan))
    x0, dx, _, y0, _, dy = local.GetGeoTransform()
    wkt = (f"POLYGON(({x0 + 300.2 * dx} {y0 + 40.5 * dy},{x0 + 380.7 * dx} {y0 + 40.5 * dy},"
           f"{x0 + 380.7 * dx} {y0 + 90.1 * dy},{x0 + 300.2 * dx} {y0 + 90.1 * dy},"
           f"{x0 + 300.2 * dx} {y0 + 40.5 * dy}))")
    url = Signer(alice.http, alice.profile.signing_url,
                 alice.profile.is_storage_url).sign_url(href)
    server.reset_counters()
    out = clip.clip(url, tmp_path / "window.tif",
                    clip.Area(wkt, local.GetSpatialRef().ExportToWkt()),
                    clip.ClipOptions(driver=clip.GTIFF))
    window = gdal.Open(str(out))
    assert (window.RasterXSize, window.RasterYSize) == (81, 51)  # every pixel touched
    assert np.array_equal(window.ReadAsArray(), local.ReadAsArray(300, 40, 81, 51))
    if redirected:  # the header and the one tile the window lies in (GDAL 3.6.2 straight
        # reads the whole object: OSGeo/gdal#7150)
        read = server.counters()["bytes_by_path"][href.split(server.base_url, 1)[1]]
        assert read < pan.stat().st_size / 2


def test_an_area_outside_the_image_gives_nothing(server, alice, tmp_path):  # noqa: F811
    pan, href = first_pan(server)
    url = Signer(alice.http, alice.profile.signing_url,
                 alice.profile.is_storage_url).sign_url(href)
    far = "POLYGON((-170 -80,-169 -80,-169 -79,-170 -79,-170 -80))"
    assert clip.clip(url, tmp_path / "none.tif", clip.Area(far, "EPSG:4326")) is None
    assert not list(tmp_path.iterdir())


def test_a_clip_reaches_the_disk_before_it_takes_its_final_name(server, alice, tmp_path,  # noqa: F811
                                                                monkeypatch):
    pan, href = first_pan(server)
    local = gdal.Open(str(pan))
    x0, dx, _, y0, _, dy = local.GetGeoTransform()
    wkt = (f"POLYGON(({x0} {y0},{x0 + 10 * dx} {y0},{x0 + 10 * dx} {y0 + 10 * dy},"
           f"{x0} {y0 + 10 * dy},{x0} {y0}))")
    url = Signer(alice.http, alice.profile.signing_url,
                 alice.profile.is_storage_url).sign_url(href)
    events = watch_renames(monkeypatch)
    out = clip.clip(url, tmp_path / "window.tif",
                    clip.Area(wkt, local.GetSpatialRef().ExportToWkt()))
    assert_synced_then_renamed(events, out)


@pytest.mark.parametrize("redirected", [True, False], ids=["redirect", "straight"])
def test_with_gdal_exceptions_on_a_failure_never_shows_the_signed_url(
        server, alice, tmp_path, monkeypatch, redirected):  # noqa: F811
    """Another plugin or the console may call gdal.UseExceptions(): GDAL's exception text
    quotes the dataset name, here a presigned url. It becomes a ClipError without it."""
    monkeypatch.setattr(presigned_redirect, "gdal_needs_it", lambda _version: redirected)
    # an object that is no image (outside the *.tif files other tests list)
    junk = server.data_dir / "objects" / "dinamis-catalogue" / "junk" / "not-an-image.bin"
    junk.parent.mkdir(parents=True, exist_ok=True)
    junk.write_bytes(b"this is no TIFF at all" * 100)
    url = Signer(alice.http, alice.profile.signing_url, alice.profile.is_storage_url
                 ).sign_url(server.url("/s3/dinamis-catalogue/junk/not-an-image.bin"))
    was_on = gdal.GetUseExceptions()
    gdal.UseExceptions()
    try:
        with pytest.raises(clip.ClipError) as error:
            clip.clip(url, tmp_path / "never.tif", clip.Area(
                "POLYGON((0 0,1 0,1 1,0 1,0 0))", "EPSG:4326"))
    finally:
        if not was_on:
            gdal.DontUseExceptions()
        junk.unlink()
        junk.parent.rmdir()
    assert str(error.value).startswith("Cannot open never.tif remotely.")
    assert "X-Amz" not in str(error.value) and "?" not in str(error.value)

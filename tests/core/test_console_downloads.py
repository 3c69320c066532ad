"""`dinamis.download(...)` and `dinamis.download_clipped(...)` from the console API."""
import hashlib

import pytest
from osgeo import gdal

import dinamis
from dinamis.core import downloads
from dinamis.core.errors import LoginRequired
from tests.core.test_console_api import approving, console  # noqa: F401 - fixture
from tests.core.test_downloads import real_item_ids


def log_in(server, console):
    console.login(on_code=approving(server, "alice"))


def test_download_items_of_a_search_then_again_by_ids(server, console, tmp_path, capsys):
    log_in(server, console)
    ids = real_item_ids(server)[:2]
    found = [i for i in console.search(max_items=300, availability="downloadable")
             if i.id in ids]
    report = console.download(found, tmp_path, assets="src_pan")
    assert [r.status for r in report.results] == [downloads.DOWNLOADED] * 2
    assert {r.checksum_status for r in report.results} == {downloads.VERIFIED}
    assert "MB/s" in capsys.readouterr().out
    again = console.download(ids, tmp_path, assets=["src_pan"], progress=False)
    assert [r.status for r in again.results] == [downloads.SKIPPED] * 2
    for result in report.results:
        original = server.data_dir / "objects" / result.request.href.split("/s3/", 1)[1]
        assert hashlib.sha256(result.request.path.read_bytes()).digest() == \
            hashlib.sha256(original.read_bytes()).digest()


def test_download_clipped_to_a_box(server, console, tmp_path):
    log_in(server, console)
    item_id = real_item_ids(server)[0]
    item = next(i for i in console.search(max_items=300, availability="downloadable")
                if i.id == item_id)
    west, south, east, north = item.bbox
    box = ((west + east) / 2 - 0.001, (south + north) / 2 - 0.001,
           (west + east) / 2 + 0.001, (south + north) / 2 + 0.001)
    report = console.download_clipped(item_id, tmp_path, area=box, assets="src_xs")
    assert [r.status for r in report.results] == [downloads.DOWNLOADED]
    clipped = gdal.Open(str(report.results[0].request.path))
    assert 0 < clipped.RasterXSize < 100 and clipped.RasterCount == 4
    assert clipped.ReadAsArray().min() > 0


def test_download_needs_a_login(server, console, tmp_path):
    with pytest.raises(LoginRequired):
        console.download(["x"], tmp_path)

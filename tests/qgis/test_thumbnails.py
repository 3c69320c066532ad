"""Quicklook thumbnails: fetched in the background as they are (public urls: no
credentials, no signature), scaled for the list, served from the disk cache the second
time without a request, and never holding one of QGIS's task threads."""
import http.server
import threading

import pytest
import requests

from tests.qgis.conftest import wait_until


class Recorder(http.server.BaseHTTPRequestHandler):
    """A public image host that remembers every request's path and headers."""

    seen = []
    png = b""

    def do_GET(self):  # noqa: N802 - http.server's name
        Recorder.seen.append((self.path, dict(self.headers)))
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(Recorder.png)))
        self.end_headers()
        self.wfile.write(Recorder.png)

    def log_message(self, *args):
        pass


@pytest.fixture
def image_host(server):
    item = requests.post(server.url("/stac/search"), json={"limit": 1}, timeout=30).json()
    Recorder.png = requests.get(item["features"][0]["assets"]["thumbnail"]["href"],
                                timeout=30).content
    Recorder.seen = []
    host = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=host.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{host.server_address[1]}"
    host.shutdown()


def load(loader, urls):
    shown = {}
    loader.loaded.connect(lambda url, image: shown.__setitem__(url, image))
    loader.failed.connect(lambda url: shown.__setitem__(url, None))
    loader.request(urls)
    assert wait_until(lambda: len(shown) == len(urls), timeout=30)
    return shown


def test_thumbnails_plain_then_from_disk(image_host, tmp_path, qgis_app, local_profile):
    from dinamis.core.disk_cache import DiskCache
    from dinamis.qgis_glue.thumbnails import THUMBNAIL_SIZE, ThumbnailLoader
    urls = [f"{image_host}/dinamis-quicklooks/c/item{i}.png" for i in range(12)]
    cache = DiskCache(tmp_path / "cache", 10_000_000)
    shown = load(ThumbnailLoader(cache), urls)
    assert all(image is not None and max(image.width(), image.height()) <= THUMBNAIL_SIZE
               for image in shown.values())
    assert sorted(path for path, _headers in Recorder.seen) == sorted(
        url[len(image_host):] for url in urls)  # as given: nothing appended, nothing signed
    for _path, headers in Recorder.seen:
        lowered = {k.lower() for k in headers}
        assert not lowered & {"authorization", "access-key", "secret-key", "cookie"}
    Recorder.seen = []
    again = load(ThumbnailLoader(cache), urls)  # a new list, the same disk cache
    assert all(image is not None for image in again.values())
    assert Recorder.seen == []


def test_a_missing_quicklook_is_a_failure_not_a_hang(server, tmp_path, qgis_app,
                                                     local_profile):
    from dinamis.core.disk_cache import DiskCache
    from dinamis.qgis_glue.thumbnails import ThumbnailLoader
    loader = ThumbnailLoader(DiskCache(tmp_path / "cache", 10_000_000))
    missing = server.url("/s3/dinamis-quicklooks/nothing/here.png")
    shown = load(loader, [missing])
    assert shown == {missing: None} and loader.has_failed(missing)


def test_thumbnails_load_while_every_qgis_task_thread_is_busy(server, tmp_path, qgis_app,
                                                               local_profile):
    """The reference server's public quicklooks (the `localhost` host) load while QGIS's
    task threads are all taken (a search, a login): thumbnails take none of them."""
    import threading

    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QThreadPool

    from dinamis.core.disk_cache import DiskCache
    from dinamis.qgis_glue.tasks import TaskRunner
    from dinamis.qgis_glue.thumbnails import ThumbnailLoader
    page = requests.post(server.url("/stac/search"), json={"limit": 20}, timeout=30).json()
    urls = [f["assets"]["thumbnail"]["href"] for f in page["features"]]
    assert all(url.startswith(server.public_base_url) for url in urls)
    release, runner = threading.Event(), TaskRunner()
    threads = max(QThreadPool.globalInstance().maxThreadCount(), 1)
    busy = [runner.run("busy", lambda _cancel: release.wait(60)) for _ in range(threads)]
    try:
        assert wait_until(lambda: all(t.status() == t.TaskStatus.Running for t in busy),
                          timeout=30)
        queued = QgsApplication.taskManager().count()
        shown = load(ThumbnailLoader(DiskCache(tmp_path / "cache", 10_000_000)), urls)
        assert all(image is not None and not image.isNull() for image in shown.values())
        assert QgsApplication.taskManager().count() == queued  # no task was added
    finally:
        release.set()
        runner.wait_all(30)


def test_a_full_size_quicklook_that_cannot_be_had_says_why(server, tmp_path, qgis_app,
                                                            local_profile):
    """The quicklook viewer's failures are the user's words (missing, not a picture), never
    "unexpected problem, report it to the plugin authors"."""
    from dinamis.core.disk_cache import DiskCache
    from dinamis.core.errors import DinamisError, NotFound
    from dinamis.core.http import new_http_session
    from dinamis.qgis_glue.tasks import error_message
    from dinamis.qgis_glue.thumbnails import fetch_bytes
    cache, http = DiskCache(tmp_path / "cache", 10_000_000), new_http_session()
    with pytest.raises(NotFound) as missing:
        fetch_bytes(server.url("/s3/dinamis-quicklooks/nothing/here.png"), http, cache)
    with pytest.raises(DinamisError) as not_a_picture:
        fetch_bytes(server.url("/stac/"), http, cache)  # JSON served with 200
    for caught in (missing, not_a_picture):
        assert "plugin authors" not in error_message(caught.value)
    assert "picture" in str(not_a_picture.value)

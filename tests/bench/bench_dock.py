"""Benchmark: the catalogue dock at scale, against a reference server of its own.

- search to footprints on the map for about 1,000 and 10,000 matched items, through the
  real CatalogueDock (layer, results list, timeline), beside a bare pystac-client fetch of
  the same items in the same run (goal: ratio at most 1.2);
- the longest stall of the UI thread while the 10,000-item search runs and fills the
  layer shown in a map canvas (a 5 ms QTimer heartbeat; goal under 50 ms);
- thumbnails for a page of 100 results: time until all are shown, cold (empty disk
  cache; the server has rendered them once before) and from the disk cache, beside
  fetching the same 100 urls one after the other with requests.

    .venv/bin/python -m tests.bench.bench_dock
"""
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "build") not in sys.path:
    sys.path.insert(0, str(ROOT / "build"))

from tests.server_process import ServerProcess  # noqa: E402

ITEMS = 10_000
SMALL = 1_000
REPEAT = 3
HEARTBEAT_MS = 5
STALL_GOAL_MS = 50.0
RATIO_GOAL = 1.2
THUMBNAILS = 100


def _app():
    # pytest-qgis's QgisInterface must be defined before QgsApplication exists (its slot
    # signatures are resolved then)
    from pytest_qgis.qgis_interface import QgisInterface  # noqa: F401
    from qgis.core import QgsApplication
    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], True)
        app.initQgis()
    return app


def _isolated_settings(folder: Path) -> None:
    """QGIS settings in a throw-away folder: never the user's own profile."""
    from qgis.PyQt.QtCore import QSettings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _show_on_canvas(dock, iface) -> None:
    """Each search's footprint layer drawn in the canvas, as in QGIS."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(-5.5, 41.2, 10.0, 51.3))
    dock.search_started.connect(lambda: canvas.setLayers([dock.layer]))


def _iface():
    from pytest_qgis.mock_qgis_classes import MockMessageBar
    from pytest_qgis.qgis_interface import QgisInterface
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    window.setCentralWidget(canvas)
    window.resize(1200, 800)
    window.show()
    return QgisInterface(canvas, MockMessageBar(), window)


def _wait(predicate, timeout=600.0):
    from qgis.core import QgsApplication
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish")
        QgsApplication.processEvents()
        time.sleep(0.001)


def _start_matching(server, wanted: int):
    """A start date from which about `wanted` items were acquired (bisection on days)."""
    from datetime import date
    low, high = date(1986, 1, 1).toordinal(), date.today().toordinal()
    while high - low > 1:
        middle = (low + high) // 2
        start = date.fromordinal(middle).isoformat() + "T00:00:00Z"
        matched = requests.post(server.url("/stac/search"), json={
            "limit": 1, "datetime": f"{start}/.."}, timeout=60).json()["numberMatched"]
        low, high = (low, middle) if matched < wanted else (middle, high)
    return date.fromordinal(low)


def _pystac_fetch(server, params) -> tuple:
    """The baseline: pystac-client alone fetching the same items, with the largest pages
    the server gives (its fastest way), every item dict read."""
    from dataclasses import replace
    from dinamis._vendor.pystac_client import Client
    started = time.perf_counter()
    client = Client.open(server.url("/stac/"))
    kwargs = replace(params, limit=1000).to_pystac_kwargs()
    search = client.search(**kwargs)
    count = sum(1 for _item in search.items_as_dicts())
    return time.perf_counter() - started, count


def _dock_search(dock, params_form, load) -> tuple:
    """Time from pressing Search to the last footprint on the map (layer and list), with
    `load` results per load (all of them)."""
    from qgis.core import QgsSettings
    QgsSettings().setValue("dinamis/results_per_load", load)
    params_form(dock)
    started = time.perf_counter()
    assert dock.run_search()
    _wait(lambda: not dock.search.running)
    elapsed = time.perf_counter() - started
    assert dock.search.state == "done", dock.search.error
    return elapsed, dock.layer.featureCount(), dock.model.rowCount()


def _cpu_pressure():
    """Microseconds some task of this machine waited for a CPU (Linux PSI), or None."""
    try:
        with open("/proc/pressure/cpu") as pressure:
            return int(pressure.readline().rsplit("total=", 1)[1])
    except (OSError, ValueError, IndexError):
        return None


def _idle():
    """What the heartbeat alone sees on this machine now (its scheduling noise)."""
    started = time.perf_counter()
    _wait(lambda: time.perf_counter() - started > 2.0)


def _heartbeat(run):
    """Longest gap between 5 ms ticks of a main-thread QTimer while `run()` waits, and the
    share of that time the machine's tasks waited for a CPU (other processes' load)."""
    from qgis.PyQt.QtCore import QTimer
    ticks = []
    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    pressure, started = _cpu_pressure(), time.perf_counter()
    timer.start()
    try:
        run()
    finally:
        timer.stop()
    elapsed = time.perf_counter() - started
    waited = (_cpu_pressure() - pressure) / 1e6 / elapsed if pressure is not None else None
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:])]
    return max(gaps), statistics.median(gaps), len(ticks), waited


def _thumbnails(server, urls, cache_dir):
    from dinamis.core.disk_cache import DiskCache
    from dinamis.qgis_glue.thumbnails import ThumbnailLoader

    def timed():
        loader = ThumbnailLoader(DiskCache(cache_dir, 200 << 20))
        shown = set()
        loader.loaded.connect(lambda url, _image: shown.add(url))
        loader.failed.connect(lambda url: shown.add(url))
        started = time.perf_counter()
        loader.request(urls)
        _wait(lambda: len(shown) == len(urls), timeout=120)
        elapsed = time.perf_counter() - started
        loader.close()
        return elapsed, len(loader._memory)

    for url in urls:  # the server renders each quicklook once; a real store has them
        requests.get(url, timeout=60).raise_for_status()
    started = time.perf_counter()
    with requests.Session() as plain:
        for url in urls:
            plain.get(url, timeout=60).content
    sequential = time.perf_counter() - started
    cold, cold_ok = timed()
    warm, warm_ok = timed()
    return sequential, cold, cold_ok, warm, warm_ok


def _percent(share) -> str:
    return "unknown" if share is None else f"{share * 100:.0f} %"


def run(items: int = ITEMS) -> dict:
    app = _app()  # noqa: F841 - keeps QGIS alive
    from dinamis.gui.catalogue_dock import CatalogueDock
    from dinamis.qgis_glue.footprints import THUMBNAIL
    from dinamis.qgis_glue import settings, thumbnails
    from qgis.core import QgsSettings

    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        _isolated_settings(Path(tmp) / "settings")
        server = ServerProcess(Path(tmp) / "data", items=items, real_cogs=0, cog_size=64)
        with server:
            QgsSettings().setValue("dinamis/results_per_load", SMALL)
            settings.set_local_reference_url(server.base_url)
            settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
            thumbnails.cache_folder = lambda: Path(tmp) / "profile-cache"
            iface = _iface()
            dock = CatalogueDock(iface, None)
            _show_on_canvas(dock, iface)
            dock.show()
            _wait(lambda: dock.collections_loaded, timeout=60)
            cases = [("1k", SMALL, _start_matching(server, SMALL)), ("10k", items, None)]
            for name, wanted, start in cases:
                def fill_form(d, start=start):
                    d.form.reset()
                    if start is not None:
                        d.form.set_period(start, None)
                form_params = None
                dock_times, base_times = [], []
                for _ in range(REPEAT):
                    elapsed, features, rows = _dock_search(dock, fill_form, items)
                    dock_times.append(elapsed)
                    form_params = dock.search.params
                    base, count = _pystac_fetch(server, form_params)
                    base_times.append(base)
                    assert count == features == rows, (count, features, rows)
                dock_s, base_s = min(dock_times), min(base_times)
                ratio = dock_s / base_s
                print(f"dock search to footprints, {features} items: {dock_s * 1000:.0f} ms "
                      f"(goal ratio <= {RATIO_GOAL}, ratio {ratio:.2f} against pystac-client "
                      f"{base_s * 1000:.0f} ms)", flush=True)
                figures[f"search_{name}_ms"] = dock_s * 1000
                figures[f"search_{name}_ratio"] = ratio

            def big_search():
                _dock_search(dock, lambda d: d.form.reset(), items)
            idle, _median, _ticks, idle_pressure = _heartbeat(_idle)
            longest, median, ticks, pressure = _heartbeat(big_search)
            print(f"longest UI stall while {items} footprints load: {longest:.1f} ms "
                  f"(goal < {STALL_GOAL_MS:.0f} ms, ratio {longest / STALL_GOAL_MS:.2f}; "
                  f"median tick {median:.1f} ms over {ticks} ticks; "
                  f"CPU pressure {_percent(pressure)})", flush=True)
            print(f"longest heartbeat gap with nothing running, same run: {idle:.1f} ms "
                  f"(CPU pressure {_percent(idle_pressure)}: other processes' load)",
                  flush=True)
            figures.update(stall_ms=longest, idle_stall_ms=idle)

            urls = [dock.search.items.record(row)[THUMBNAIL] for row in range(THUMBNAILS)]
            sequential, cold, cold_ok, warm, warm_ok = _thumbnails(server, urls,
                                                                   Path(tmp) / "ql-cache")
            print(f"{THUMBNAILS} thumbnails shown, cold: {cold * 1000:.0f} ms "
                  f"({cold_ok} images; ratio {cold / sequential:.2f} against "
                  f"{sequential * 1000:.0f} ms fetching them one by one)", flush=True)
            print(f"{THUMBNAILS} thumbnails shown, from the disk cache: {warm * 1000:.0f} ms "
                  f"({warm_ok} images; ratio {warm / cold:.2f} against cold)", flush=True)
            figures.update(thumbnails_cold_ms=cold * 1000, thumbnails_warm_ms=warm * 1000)
            dock.dispose()
    return figures


if __name__ == "__main__":
    run()

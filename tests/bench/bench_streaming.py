"""Benchmark: streaming a large COG into QGIS, requests made and bytes read against the
size of the file.

A COG of 10,240 px a side (4 bands of uint16 as Pléiades multispectral, DEFLATE, 512 px
tiles, internal overviews: GDAL's COG driver) takes the place of the file of a catalogue
item of a reference server of its own. Measured, through the plugin's own path: opening
it (`plan_streams`: sign, open, natural-colour stretch from an overview, then
`create_layers`) and rendering a full view of it at 1600 x 1000 px with QGIS's parallel
renderer (the canvas's); then one view at full resolution. Bytes and requests are GDAL's
own network statistics (client side), requests are checked against the server's count.
Goal: under 5 % of the file read for opening plus the full view. On GDAL 3.6.0-3.6.2 the
same open without the plugin's loopback helper (gdal_streaming) is measured too: those
releases read the whole object to learn its size (OSGeo/gdal#7150).

The COG is built once (about a minute) and kept in build/bench-cache/.

    .venv/bin/python -m tests.bench.bench_streaming
"""
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "build") not in sys.path:
    sys.path.insert(0, str(ROOT / "build"))

from tests.server_process import ServerProcess  # noqa: E402

SIDE = 10_240
TILE = 1_024
CACHE = ROOT / "build" / "bench-cache" / f"large-cog-{SIDE}.tif"
VIEW = (1600, 1000)
GOAL_SHARE = 0.05


def build_large_cog(path: Path = CACHE) -> Path:
    """SIDE x SIDE px COG made of a 1024 px landscape tiled (built once, then cached)."""
    if path.exists():
        return path
    from osgeo import gdal
    from tests.reference_server import cogs
    gdal.UseExceptions()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tile = Path(tmp) / "tile.tif"
        data = cogs.landscape(TILE, 4, seed=7)
        out = gdal.GetDriverByName("GTiff").Create(str(tile), TILE, TILE, 4, gdal.GDT_UInt16)
        for band in range(4):
            out.GetRasterBand(band + 1).WriteArray(data[band])
        out = None
        origins = [(x, y) for y in range(SIDE // TILE) for x in range(SIDE // TILE)]
        mosaic = Path(tmp) / "mosaic.vrt"
        _write_tiled_vrt(mosaic, tile, origins)
        partial = path.with_suffix(".part.tif")
        gdal.Translate(str(partial), str(mosaic), format="COG", outputSRS="EPSG:2154",
                       outputBounds=[700_000, 6_300_000 + SIDE * 0.5, 700_000 + SIDE * 0.5,
                                     6_300_000],
                       creationOptions=["COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=512",
                                        "OVERVIEW_RESAMPLING=AVERAGE", "NUM_THREADS=2"])
        os.replace(partial, path)
    return path


def _write_tiled_vrt(path: Path, tile: Path, origins) -> None:
    bands = []
    for band in range(1, 5):
        sources = "".join(
            f'<SimpleSource><SourceFilename relativeToVRT="0">{tile}</SourceFilename>'
            f"<SourceBand>{band}</SourceBand>"
            f'<SrcRect xOff="0" yOff="0" xSize="{TILE}" ySize="{TILE}"/>'
            f'<DstRect xOff="{x * TILE}" yOff="{y * TILE}" xSize="{TILE}" ySize="{TILE}"/>'
            "</SimpleSource>" for x, y in origins)
        bands.append(f'<VRTRasterBand dataType="UInt16" band="{band}">'
                     f"<NoDataValue>0</NoDataValue>{sources}</VRTRasterBand>")
    path.write_text(f'<VRTDataset rasterXSize="{SIDE}" rasterYSize="{SIDE}">'
                    + "".join(bands) + "</VRTDataset>")


def _qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    if QgsApplication.instance() is None:
        app = QgsApplication([], False)
        app.initQgis()
        _qgis.app = app  # keep it alive


def _render(layer, extent, size):
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(*size))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def _network():
    """(bytes downloaded, requests) by GDAL since the last reset."""
    from osgeo import gdal
    methods = json.loads(gdal.NetworkStatsGetAsSerializedJSON() or "{}").get("methods", {})
    return (methods.get("GET", {}).get("downloaded_bytes", 0),
            sum(m.get("count", 0) for m in methods.values()))


def _direct_open_bytes(signed: str) -> int:
    """Baseline: bytes GDAL reads to open the presigned url itself (no loopback helper)."""
    from osgeo import gdal
    gdal.VSICurlClearCache()
    gdal.NetworkStatsReset()
    gdal.Open("/vsicurl/" + signed)
    return _network()[0]


def _storage_requests(server, path: str) -> int:
    return server.counters()["requests_by_path"].get(path, 0)


def measure() -> dict:
    from osgeo import gdal
    from tests.bench.bench_signing import _login
    cog = build_large_cog()
    _qgis()
    from dinamis.core.signer import Signer
    from dinamis.qgis_glue.stream_layers import create_layers, plan_streams
    from qgis.core import QgsRectangle
    gdal.SetConfigOption("CPL_VSIL_NETWORK_STATS_ENABLED", "YES")
    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(Path(tmp) / "data", items=40, real_cogs=1, cog_size=256)
        with server:
            item = server.real_cog_items()[0]
            href = item["assets"]["src_xs"]["href"]
            object_path = href.split(server.base_url, 1)[1]
            target = server.data_dir / "objects" / object_path[len("/s3/"):]
            target.unlink()
            try:
                os.link(cog, target)
            except OSError:
                shutil.copyfile(cog, target)
            size = cog.stat().st_size
            session = _login(server)
            signer = Signer(session.http, session.profile.signing_url,
                            session.profile.is_storage_url)
            signed = signer.sign_url(href)  # signing is measured by bench_signing, not here
            from dinamis.qgis_glue.gdal_streaming import redirect_needed
            direct = _direct_open_bytes(signed) if redirect_needed() else None

            gdal.VSICurlClearCache()
            gdal.NetworkStatsReset()
            server.reset_counters()
            started = time.perf_counter()
            plan = plan_streams([item], signer, ["src_xs"])
            opened = time.perf_counter()
            [layer] = create_layers(plan).layers
            created = time.perf_counter()
            open_bytes, open_requests = _network()
            _render(layer, layer.extent(), VIEW)
            rendered = time.perf_counter()
            full_bytes, full_requests = _network()
            full_server = _storage_requests(server, object_path)

            centre = layer.extent().center()
            half_w, half_h = VIEW[0] * 0.25, VIEW[1] * 0.25  # 0.5 m pixels: 1:1
            gdal.NetworkStatsReset()
            _render(layer, QgsRectangle(centre.x() - half_w, centre.y() - half_h,
                                        centre.x() + half_w, centre.y() + half_h), VIEW)
            zoom_bytes, zoom_requests = _network()
    return {"size": size, "open_bytes": open_bytes, "open_requests": open_requests,
            "full_bytes": full_bytes, "full_requests": full_requests,
            "full_server_requests": full_server, "zoom_bytes": zoom_bytes,
            "zoom_requests": zoom_requests, "direct_open_bytes": direct,
            "plan_s": opened - started,
            "create_ms": (created - opened) * 1000, "render_s": rendered - created}


def run() -> dict:
    f = measure()
    mb = 1 << 20
    size_mb = f["size"] / mb
    share = f["full_bytes"] / f["size"]
    print(f"stream_cog_{SIDE}px_file_size: {size_mb:.1f} MB (baseline)")
    print(f"stream_cog_open_bytes: {f['open_bytes'] / mb:.2f} MB in {f['open_requests']} "
          f"requests (goal -, ratio {f['open_bytes'] / f['size']:.4f} of the file)")
    print(f"stream_cog_open_and_full_view_{VIEW[0]}x{VIEW[1]}_bytes: "
          f"{f['full_bytes'] / mb:.2f} MB (goal < {GOAL_SHARE:.0%} of the file, ratio "
          f"{share:.4f}) {'OK' if share < GOAL_SHARE else 'OVER GOAL'}")
    print(f"stream_cog_open_and_full_view_requests: {f['full_requests']} requests by GDAL "
          f"(goal -, storage counted {f['full_server_requests']} GETs of the object)")
    if f["direct_open_bytes"] is not None:
        print(f"stream_cog_open_without_loopback_helper_bytes: "
              f"{f['direct_open_bytes'] / mb:.1f} MB (GDAL 3.6.0-3.6.2 bug OSGeo/gdal#7150, "
              f"ratio {f['direct_open_bytes'] / f['size']:.2f} of the file; with the helper "
              f"{f['open_bytes'] / max(f['direct_open_bytes'], 1):.5f} of this)")
    print(f"stream_cog_full_resolution_view_bytes: {f['zoom_bytes'] / mb:.2f} MB in "
          f"{f['zoom_requests']} requests (goal -, ratio {f['zoom_bytes'] / f['size']:.4f} "
          "of the file)")
    print(f"stream_cog_times: plan {f['plan_s']:.2f} s (worker thread), layer creation "
          f"{f['create_ms']:.0f} ms (main thread), full view render {f['render_s']:.2f} s")
    return f


if __name__ == "__main__":
    run()

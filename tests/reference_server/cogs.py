"""Real Cloud-Optimised GeoTIFFs for catalogue items: GDAL's COG driver (tiled, overviews,
DEFLATE), uint16 bands of smooth noise that look like a landscape at a glance, georeferenced
in the item's metric CRS over its footprint."""
import hashlib
import math
import os
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()

COG_MEDIA_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"


def _upsample(grid: np.ndarray, size: int) -> np.ndarray:
    """Bilinear enlargement of a small square grid to size x size (separable, numpy only)."""
    n = grid.shape[0]
    pos = np.linspace(0, n - 1, size, dtype=np.float32)
    i0 = np.minimum(pos.astype(np.int32), n - 2)
    frac = pos - i0
    cols = grid[:, i0] * (1 - frac) + grid[:, i0 + 1] * frac           # n x size
    return cols[i0, :] * (1 - frac)[:, None] + cols[i0 + 1, :] * frac[:, None]


def landscape(size: int, bands: int, seed: int) -> np.ndarray:
    """bands x size x size uint16: a shared relief plus per-band variation and fine texture."""
    rng = np.random.default_rng(seed)
    base = np.zeros((size, size), dtype=np.float32)
    for cells, weight in ((5, 1.0), (17, 0.5), (65, 0.2)):
        base += weight * _upsample(rng.random((cells, cells), dtype=np.float32), size)
    base /= 1.7
    out = np.empty((bands, size, size), dtype=np.uint16)
    for b in range(bands):
        own = _upsample(rng.random((9, 9), dtype=np.float32), size)
        texture = rng.random((size, size), dtype=np.float32) * 0.04
        value = 300 + 2500 * (0.7 * base + 0.3 * own + texture) * (0.8 + 0.1 * b)
        out[b] = np.clip(value, 1, 65535).astype(np.uint16)
    return out


def write_cog(path: Path, epsg: int, bounds: tuple, size: int, bands: int, seed: int) -> dict:
    """Write the COG; return its STAC asset facts (proj:*, gsd, file:size, file:checksum)."""
    minx, miny, maxx, maxy = bounds
    data = landscape(size, bands, seed)
    mem = gdal.GetDriverByName("MEM").Create("", size, size, bands, gdal.GDT_UInt16)
    transform = [minx, (maxx - minx) / size, 0.0, maxy, 0.0, -(maxy - miny) / size]
    mem.SetGeoTransform(transform)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    mem.SetProjection(srs.ExportToWkt())
    for b in range(bands):
        mem.GetRasterBand(b + 1).WriteArray(data[b])
        mem.GetRasterBand(b + 1).SetNoDataValue(0)
    block = 256 if size >= 512 else 128
    levels = max(1, int(math.log2(size / block)) + 1) if size > block else 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.tif")
    gdal.Translate(str(tmp), mem, format="COG", creationOptions=[
        "COMPRESS=DEFLATE", "PREDICTOR=YES", f"BLOCKSIZE={block}", f"OVERVIEW_COUNT={levels}",
        "OVERVIEW_RESAMPLING=AVERAGE", "NUM_THREADS=1"])
    mem = None
    os.replace(tmp, path)
    return {
        "gsd": round((maxx - minx) / size, 3),
        "proj:epsg": epsg,
        "proj:bbox": [minx, miny, maxx, maxy],
        "proj:shape": [size, size],
        "proj:transform": transform[1:3] + [transform[0]] + transform[4:6] + [transform[3]],
        "file:size": path.stat().st_size,
        "file:checksum": multihash_sha256(path),
    }


def multihash_sha256(path: Path) -> str:
    """STAC file:checksum: multihash of sha2-256 (code 0x12, length 0x20) in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return "1220" + digest.hexdigest()

"""PNG quicklooks, made on first request and kept: from the item's real COG when it has one,
else from the same noise as a COG would hold, seeded by the item id (100,000 items need no
100,000 files up front)."""
import hashlib
import os
import uuid
from pathlib import Path

import numpy as np
from osgeo import gdal

from . import cogs

gdal.UseExceptions()

SIZE = 256


def _seed_of(item_id: str) -> int:
    return int.from_bytes(hashlib.sha256(item_id.encode()).digest()[:4], "big")


def _to_rgb(data: np.ndarray) -> np.ndarray:
    """bands x h x w uint16 -> 3 x h x w uint8, near-infrared false colour when 4 bands."""
    picked = data[[3, 2, 1]] if data.shape[0] >= 4 else np.repeat(data[:1], 3, axis=0)
    out = np.empty(picked.shape, dtype=np.uint8)
    for i, band in enumerate(picked.astype(np.float32)):
        lo, hi = np.percentile(band, (2, 98))
        out[i] = np.clip((band - lo) / max(hi - lo, 1) * 255, 0, 255).astype(np.uint8)
    return out


def write_png(path: Path, item_id: str, cog_path: Path | None) -> None:
    if cog_path is not None and cog_path.exists():
        ds = gdal.Open(str(cog_path))
        data = ds.ReadAsArray(buf_xsize=SIZE, buf_ysize=SIZE)
        data = data[None] if data.ndim == 2 else data
        ds = None
    else:
        data = cogs.landscape(SIZE, 4, _seed_of(item_id))
    rgb = _to_rgb(data)
    mem = gdal.GetDriverByName("MEM").Create("", SIZE, SIZE, 3, gdal.GDT_Byte)
    for i in range(3):
        mem.GetRasterBand(i + 1).WriteArray(rgb[i])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.png")
    gdal.Translate(str(tmp), mem, format="PNG")
    mem = None
    for extra in tmp.parent.glob(tmp.name + ".aux.xml"):
        extra.unlink()
    os.replace(tmp, path)

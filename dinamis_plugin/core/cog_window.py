"""Reading a window of a remote COG by HTTP ranges, for the GDAL versions whose /vsicurl/
downloads a presigned object whole when opening it.

GDAL 3.6.0 to 3.6.2 (Debian 12's is 3.6.2) learn the size of a presigned S3 url with a
GET that is never interrupted (GDAL issue 7150, fixed in 3.6.3): opening a 1 GB scene
would fetch 1 GB. There, the COG is assembled from what the window needs instead: the
header (IFDs and tile indexes, at the start of a COG) and the tiles the window touches,
fetched with Range requests through our own HTTP session, placed in memory at their
offsets (GDAL's /vsisparse/: what was not fetched reads as zeros and is never read).
GDAL then reads that assembled file as it would the remote one.
"""
import uuid
from typing import List, Optional, Tuple

from osgeo import gdal

from .errors import DinamisError, ServerError, redact_url
from .i18n import tr

HEADER_START = 64 << 10       # a COG header is usually far smaller
HEADER_MAX = 16 << 20
MERGE_GAP = 16 << 10          # tiles closer than this are fetched in one request


def vsicurl_reads_whole_file() -> bool:
    """True for the GDAL versions whose /vsicurl/ fetches presigned objects whole."""
    version = int(gdal.VersionInfo("VERSION_NUM"))
    return 3060000 <= version < 3060300


class RemoteCog:
    """The parts of one remote COG fetched so far, readable by GDAL as one file."""

    def __init__(self, http, url: str, name: str):
        self.http = http
        self.url = url
        self.name = name
        self.size: Optional[int] = None
        self.parts: List[Tuple[int, str, int]] = []  # (offset, /vsimem/ path, length)
        self.header_length = 0
        self.folder = f"/vsimem/dinamis-window-{uuid.uuid4().hex}"
        self.fetched = 0

    # --- the assembled file ---------------------------------------------------------------
    def _fetch(self, start: int, end: int) -> None:
        """Fetch bytes [start, end] (inclusive) and keep them."""
        import requests
        try:
            response = self.http.get(self.url, headers={"Range": f"bytes={start}-{end}",
                                                        "Accept-Encoding": "identity"})
        except requests.RequestException:
            raise DinamisError(tr("Cannot reach the image store for {file}.").format(
                file=self.name)) from None
        if response.status_code not in (200, 206):
            from .errors import error_from_response
            raise error_from_response(response)
        data = response.content
        if response.status_code == 206:
            total = response.headers.get("Content-Range", "").rpartition("/")[2]
            if total.isdigit():
                self.size = int(total)
        else:  # the whole file: no range support
            self.size, start = len(data), 0
        if len(data) < min(end, (self.size or end + 1) - 1) - start + 1:
            raise ServerError(response.status_code, tr("The image store sent less than "
                                                       "asked for {file}.").format(
                                                           file=self.name))
        path = f"{self.folder}/{start}"
        gdal.FileFromMemBuffer(path, data)
        self.parts.append((start, path, len(data)))
        self.fetched += len(data)

    def path(self) -> str:
        """A /vsisparse/ file of the object's size made of the fetched parts."""
        regions = "".join(
            f"<SubfileRegion><Filename relative=\"0\">{path}</Filename>"
            f"<DestinationOffset>{offset}</DestinationOffset><SourceOffset>0</SourceOffset>"
            f"<RegionLength>{length}</RegionLength></SubfileRegion>"
            for offset, path, length in sorted(self.parts))
        xml = f"<VSISparseFile><Length>{self.size}</Length>{regions}</VSISparseFile>"
        index = f"{self.folder}/sparse-{len(self.parts)}.xml"
        gdal.FileFromMemBuffer(index, xml.encode())
        return "/vsisparse/" + index

    def close(self) -> None:
        for _offset, path, _length in self.parts:
            gdal.Unlink(path)
        for name in gdal.ReadDir(self.folder) or []:
            gdal.Unlink(f"{self.folder}/{name}")
        self.parts = []

    # --- what GDAL needs ----------------------------------------------------------------------
    def open(self):
        """The dataset with only its header fetched (enough to find any tile)."""
        length = HEADER_START
        while True:
            self._fetch(self.header_length, length - 1)
            self.header_length = sum(p[2] for p in self.parts)
            dataset = gdal.OpenEx(self.path(), gdal.OF_RASTER | gdal.OF_READONLY,
                                  allowed_drivers=["GTiff"])
            if dataset is not None and self._header_complete(dataset):
                return dataset
            if length >= min(HEADER_MAX, self.size or HEADER_MAX):
                if dataset is None:
                    raise DinamisError(tr("{file} is not a GeoTIFF GDAL can read.").format(
                        file=self.name))
                return dataset
            length *= 4

    def _header_complete(self, dataset) -> bool:
        """Every tile index read: the last tile of the full resolution has an offset
        within the file (an index cut short reads as zeros)."""
        band = dataset.GetRasterBand(1)
        bx, by = band.GetBlockSize()
        last = f"{(dataset.RasterXSize - 1) // bx}_{(dataset.RasterYSize - 1) // by}"
        offset = band.GetMetadataItem(f"BLOCK_OFFSET_{last}", "TIFF")
        return bool(offset) and 0 < int(offset) < (self.size or 0)

    def with_window(self, dataset, window: Tuple[int, int, int, int]):
        """The dataset again, with every tile touching `window` (full resolution) fetched."""
        xoff, yoff, xsize, ysize = window
        wanted = []
        bands = [dataset.GetRasterBand(i + 1) for i in range(dataset.RasterCount)]
        if bands and bands[0].GetMaskFlags() == gdal.GMF_PER_DATASET:
            bands.append(bands[0].GetMaskBand())
        for band in bands:
            bx, by = band.GetBlockSize()
            for row in range(yoff // by, (yoff + ysize - 1) // by + 1):
                for column in range(xoff // bx, (xoff + xsize - 1) // bx + 1):
                    offset = band.GetMetadataItem(f"BLOCK_OFFSET_{column}_{row}", "TIFF")
                    size = band.GetMetadataItem(f"BLOCK_SIZE_{column}_{row}", "TIFF")
                    if offset and size and int(size) > 0:
                        wanted.append((int(offset), int(offset) + int(size) - 1))
        for start, end in _merged(sorted(set(wanted))):
            if end >= self.header_length:
                self._fetch(max(start, self.header_length), end)
        dataset = None
        return gdal.OpenEx(self.path(), gdal.OF_RASTER | gdal.OF_READONLY,
                           allowed_drivers=["GTiff"])

    def __repr__(self) -> str:
        return f"RemoteCog({redact_url(self.url)!r})"


def _merged(ranges):
    merged = []
    for start, end in ranges:
        if merged and start - merged[-1][1] <= MERGE_GAP:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged

"""A search's items, kept compact: one JSON text and one record per item.

10,000 STAC items held as dicts are over a million Python objects, and Python's cyclic
garbage collector walks all of them on each full collection: half a second during which
QGIS is frozen, at unpredictable moments. Strings and tuples of plain values are not
walked. So each item is kept as its JSON text (parsed again, and cached for a while, when
a menu or the Browser needs the whole item) and its footprint record (a plain tuple of
what the results list shows: `footprints.record_of`, fields `footprints.ID`...).
"""
import json
import threading
from collections import OrderedDict
from typing import Iterator, List


def compact(item: dict) -> str:
    """The item's JSON text: as received when the page reader kept it, else encoded."""
    raw = getattr(item, "raw", None)
    return raw if raw is not None else json.dumps(item, separators=(",", ":"),
                                                  ensure_ascii=False)


class ItemStore:
    """Items by index, in arrival order: `store[i]` is the item dict (parsed on demand),
    `store.record(i)` its flat record; iterating parses every item (use records for
    scans)."""

    def __init__(self, cache_size: int = 256):
        self._texts: List[str] = []
        self._records: List[tuple] = []
        self._cache: "OrderedDict[int, dict]" = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()  # the Browser reads items on QGIS's worker threads

    def append(self, text: str, record: tuple) -> int:
        self._texts.append(text)
        self._records.append(record)
        return len(self._texts) - 1

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index: int) -> dict:
        if index < 0:
            index += len(self._texts)
        with self._lock:
            item = self._cache.get(index)
            if item is not None:
                self._cache.move_to_end(index)
                return item
        item = json.loads(self._texts[index])
        with self._lock:
            self._cache[index] = item
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return item

    def __iter__(self) -> Iterator[dict]:
        for index in range(len(self._texts)):
            yield self[index]

    def record(self, index: int) -> tuple:
        return self._records[index]

    def records(self) -> List[tuple]:
        return self._records


"""The quicklook disk cache: what is put comes back, the folder never outgrows its
budget, the least recently used files go first, and readers never see half a file."""
import os
import threading
import time

from dinamis.core.disk_cache import DiskCache


def test_put_then_get(tmp_path):
    cache = DiskCache(tmp_path / "c", max_bytes=10_000)
    assert cache.get("http://a/1.png") is None
    cache.put("http://a/1.png", b"one")
    assert cache.get("http://a/1.png") == b"one"
    assert DiskCache(tmp_path / "c").get("http://a/1.png") == b"one"  # kept on disk


def test_budget_evicts_least_recently_used(tmp_path):
    cache = DiskCache(tmp_path / "c", max_bytes=5_000)
    for i in range(4):
        cache.put(f"u{i}", bytes(1_000))
        old = time.time() - 100 + i
        os.utime(cache.path_for(f"u{i}"), (old, old))
    cache.get("u0")  # used again: now the most recent
    cache.put("u4", bytes(1_000))
    cache.put("u5", bytes(1_000))  # 6,000 bytes > 5,000: trimmed to 90 %
    assert cache.size() <= 5_000
    assert cache.get("u0") is not None and cache.get("u5") is not None
    assert cache.get("u1") is None  # the oldest unused one went first


def test_concurrent_writers_leave_whole_files(tmp_path):
    cache = DiskCache(tmp_path / "c", max_bytes=50_000_000)
    payloads = {f"u{i}": bytes([i]) * 100_000 for i in range(20)}
    threads = [threading.Thread(target=cache.put, args=item) for item in payloads.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for url, data in payloads.items():
        assert cache.get(url) == data
    assert not list((tmp_path / "c").rglob(".part-*"))

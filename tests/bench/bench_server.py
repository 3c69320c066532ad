"""Benchmark: the reference server at DINAMIS scale (100,000 items) on loopback.

Measures seeding time, /stac/search latency for a département-sized bbox (p50/p95 over
200 requests, limit 100), a filtered search, the monthly aggregation, and the object
store's Range-GET throughput beside a plain file read of the same bytes.

    .venv/bin/python -m tests.bench.bench_server
"""
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

from tests.reference_server import db, object_store, sigv4
from tests.server_process import ServerProcess

ITEMS = 100_000
REAL_COGS = 3
COG_SIZE = 4096
SEARCHES = 200
RANGE = 1 << 20
RANGE_BYTES_TOTAL = 256 << 20
# ~100 km x 100 km around the prefectures of a few départements.
CENTRES = [(3.88, 43.61), (1.44, 43.60), (-0.58, 44.84), (4.84, 45.76), (2.35, 48.86),
           (-1.68, 48.12), (5.37, 43.30), (3.06, 50.63), (7.75, 48.57), (5.72, 45.19)]
HALF_LON, HALF_LAT = 0.65, 0.45


def _percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def _time_requests(session, n, make_request):
    times, matched = [], []
    for i in range(n):
        start = time.perf_counter()
        r = make_request(i)
        times.append((time.perf_counter() - start) * 1000)
        r.raise_for_status()
        matched.append(r.json().get("numberMatched", 0))
    return times, matched


def _search_latency(server, session, extra=None):
    rng = random.Random(1)

    def one(i):
        lon, lat = CENTRES[i % len(CENTRES)]
        lon, lat = lon + rng.uniform(-0.2, 0.2), lat + rng.uniform(-0.2, 0.2)
        bbox = f"{lon - HALF_LON:.3f},{lat - HALF_LAT:.3f},{lon + HALF_LON:.3f},{lat + HALF_LAT:.3f}"
        return session.get(server.url("/stac/search"),
                           params={"bbox": bbox, "limit": 100, **(extra or {})}, timeout=30)
    for i in range(10):  # warm-up: connection, SQLite page cache
        one(i)
    return _time_requests(session, SEARCHES, one)


def _signed(server, href):
    conn = db.connect(server.data_dir / "dinamis.sqlite")
    try:
        key_id, secret = object_store.storage_credentials(conn)
    finally:
        conn.close()
    parts = urlsplit(href)
    return href + "?" + sigv4.presign(key_id, secret, parts.netloc, parts.path, 3600)


def _range_throughput(server, session, path: Path, url: str):
    size = path.stat().st_size
    offsets = [(i * RANGE) % max(size - RANGE, 1) for i in range(RANGE_BYTES_TOTAL // RANGE)]
    start = time.perf_counter()
    got = 0
    for off in offsets:
        r = session.get(url, headers={"Range": f"bytes={off}-{off + RANGE - 1}"}, timeout=30)
        assert r.status_code == 206, r.status_code
        got += len(r.content)
    http_s = time.perf_counter() - start
    start = time.perf_counter()
    read = 0
    with open(path, "rb", buffering=0) as f:
        for off in offsets:
            f.seek(off)
            read += len(f.read(RANGE))
    file_s = time.perf_counter() - start
    return size, got / http_s / 1e6, read / file_s / 1e6


def run(items: int = ITEMS) -> dict:
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(Path(tmp) / "data", items=items, real_cogs=REAL_COGS,
                               cog_size=COG_SIZE)
        start = time.perf_counter()
        server.start(timeout=900)
        figures["server_first_start_s"] = time.perf_counter() - start
        figures["seed_log"] = next((line.split(": ", 1)[1] for line in
                                    server.log_path.read_text(errors="replace").splitlines()
                                    if line.startswith("catalogue seeded:")), "")
        try:
            session = requests.Session()
            times, matched = _search_latency(server, session)
            figures["search_bbox_p50_ms"] = statistics.median(times)
            figures["search_bbox_p95_ms"] = _percentile(times, 95)
            figures["search_bbox_matched_median"] = statistics.median(matched)
            # The dock's filters (cloud, platforms, availability) become SQL...
            times, matched = _search_latency(server, session, {
                "filter": "eo:cloud_cover < 20 AND platform IN ('SPOT-6','SPOT-7','PHR1A') "
                          "AND dinamis:availability = 'downloadable'",
                "sortby": "-eo:cloud_cover"})
            figures["search_bbox_cql2_p50_ms"] = statistics.median(times)
            figures["search_bbox_cql2_p95_ms"] = _percentile(times, 95)
            # ...other CQL2 (LIKE here) is evaluated by cql2 on the R*Tree's candidates.
            times, matched = _search_latency(server, session, {
                "filter": "eo:cloud_cover < 20 AND platform LIKE 'SPOT%'"})
            figures["search_bbox_cql2_eval_p50_ms"] = statistics.median(times)
            figures["search_bbox_cql2_eval_p95_ms"] = _percentile(times, 95)
            agg = []
            for _ in range(20):
                t0 = time.perf_counter()
                session.get(server.url("/stac/aggregate"), params={
                    "aggregations": "datetime_frequency", "bbox": "-5,42,8,51"},
                    timeout=60).raise_for_status()
                agg.append((time.perf_counter() - t0) * 1000)
            figures["aggregate_france_p50_ms"] = statistics.median(agg)

            conn = sqlite3.connect(server.data_dir / "dinamis.sqlite")
            real = conn.execute("SELECT value FROM meta WHERE key='catalogue:real_cog_items'"
                                ).fetchone()[0]
            conn.close()
            item_id = json.loads(real)[0]
            item = session.get(server.url("/stac/search"), params={"ids": item_id},
                               timeout=10).json()["features"][0]
            href = item["assets"]["src_pan"]["href"]
            path = server.data_dir / "objects" / href.split("/s3/", 1)[1]
            size, http_mbs, file_mbs = _range_throughput(server, session, path,
                                                         _signed(server, href))
            figures["cog_size_mb"] = size / 1e6
            figures["range_get_mb_s"] = http_mbs
            figures["file_read_mb_s"] = file_mbs
        finally:
            server.stop()
    _print(figures, items)
    return figures


def _print(f, items):
    print(f"items: {items} items")
    print(f"server_first_start (seeding + {REAL_COGS} COGs of {COG_SIZE} px): "
          f"{f['server_first_start_s']:.1f} s")
    print(f"search_bbox_100km_limit100_p50: {f['search_bbox_p50_ms']:.1f} ms")
    print(f"search_bbox_100km_limit100_p95: {f['search_bbox_p95_ms']:.1f} ms "
          f"(goal 50 ms, ratio {f['search_bbox_p95_ms'] / 50:.2f})")
    print(f"search_bbox_matched_median: {f['search_bbox_matched_median']:.0f} items")
    print(f"search_bbox_cql2_sql_p50: {f['search_bbox_cql2_p50_ms']:.1f} ms")
    print(f"search_bbox_cql2_sql_p95: {f['search_bbox_cql2_p95_ms']:.1f} ms")
    print(f"search_bbox_cql2_evaluated_p50: {f['search_bbox_cql2_eval_p50_ms']:.1f} ms")
    print(f"search_bbox_cql2_evaluated_p95: {f['search_bbox_cql2_eval_p95_ms']:.1f} ms")
    if f.get("seed_log"):
        print(f"seeding: {f['seed_log']}")
    print(f"aggregate_monthly_france_p50: {f['aggregate_france_p50_ms']:.1f} ms")
    print(f"range_get_cog_size: {f['cog_size_mb']:.1f} MB")
    print(f"range_get_1MiB_throughput: {f['range_get_mb_s']:.0f} MB/s")
    print(f"file_read_1MiB_throughput: {f['file_read_mb_s']:.0f} MB/s")
    print(f"range_get_vs_file_ratio: {f['range_get_mb_s'] / f['file_read_mb_s']:.3f}")


if __name__ == "__main__":
    import sys
    run(int(sys.argv[1]) if len(sys.argv) > 1 else ITEMS)

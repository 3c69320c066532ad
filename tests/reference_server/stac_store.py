"""Catalogue storage: collections and items in SQLite, footprints in an R*Tree.

Items keep their STAC JSON as text (hrefs relative to placeholder base urls) in
`stac_items`; the columns searches filter and sort on live in the narrow `stac_index`
(many rows per page), so counting and sorting thousands of matches never reads item JSON,
and the answer is assembled from stored text without re-encoding every item. Searches
read through a small pool of long-lived connections whose page cache stays warm.
"""
import queue
from contextlib import contextmanager

from . import db

BASE_PLACEHOLDER = "@@BASE@@"
PUBLIC_PLACEHOLDER = "@@PUBLIC@@"  # the public quicklooks' host (config.quicklook_base_url)


def expand_hrefs(text: str, config) -> str:
    """Stored item/collection JSON with its placeholders turned into this server's urls."""
    return (text.replace(PUBLIC_PLACEHOLDER, config.quicklook_base_url)
            .replace(BASE_PLACEHOLDER, config.base_url))

SCHEMA = """
CREATE TABLE IF NOT EXISTS stac_collections (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stac_items (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    collection TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stac_index (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    collection TEXT NOT NULL,
    datetime TEXT NOT NULL,
    cloud_cover REAL,
    incidence_angle REAL,
    platform TEXT,
    availability TEXT,
    search_text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stac_index_datetime ON stac_index (datetime);
CREATE INDEX IF NOT EXISTS stac_index_collection ON stac_index (collection, datetime);
CREATE INDEX IF NOT EXISTS stac_index_cloud ON stac_index (cloud_cover);
CREATE VIRTUAL TABLE IF NOT EXISTS stac_footprints USING rtree(pk, minx, maxx, miny, maxy);
"""
db.register_schema(SCHEMA)

_pools: dict[str, queue.SimpleQueue] = {}


@contextmanager
def reader(db_path):
    """A pooled read connection (memory-mapped, large cache) for catalogue queries."""
    pool = _pools.setdefault(str(db_path), queue.SimpleQueue())
    try:
        conn = pool.get_nowait()
    except queue.Empty:
        conn = db.connect(db_path)
        conn.execute("PRAGMA mmap_size = 2147483648")
        conn.execute("PRAGMA cache_size = -65536")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.rollback()
        pool.put(conn)


def item_texts(conn, pks: list[int]) -> list[str]:
    """Item JSON texts in the order of `pks`."""
    texts = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start:start + 500]
        texts.update(conn.execute(f"SELECT pk, json FROM stac_items WHERE pk IN "
                                  f"({','.join('?' * len(chunk))})", chunk).fetchall())
    return [texts[pk] for pk in pks]


def insert_items(conn, rows) -> None:
    """rows: (pk, id, collection, datetime, cloud, incidence, text, json, bbox4, platform,
    availability)."""
    rows = list(rows)
    conn.executemany("INSERT INTO stac_items (pk, id, collection, json) VALUES (?, ?, ?, ?)",
                     [(r[0], r[1], r[2], r[7]) for r in rows])
    conn.executemany(
        "INSERT INTO stac_index (pk, id, collection, datetime, cloud_cover, incidence_angle,"
        " search_text, platform, availability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [r[:7] + r[9:11] for r in rows])
    conn.executemany(
        "INSERT INTO stac_footprints (pk, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)",
        [(r[0], r[8][0], r[8][2], r[8][1], r[8][3]) for r in rows])


def insert_collection(conn, position: int, collection_id: str, text: str) -> None:
    conn.execute("INSERT OR REPLACE INTO stac_collections (id, position, json) VALUES (?, ?, ?)",
                 (collection_id, position, text))


def collection_ids(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM stac_collections ORDER BY position")]


def collection_texts(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT json FROM stac_collections ORDER BY position")]


def collection_text(conn, collection_id: str) -> str | None:
    row = conn.execute("SELECT json FROM stac_collections WHERE id = ?",
                       (collection_id,)).fetchone()
    return row[0] if row else None


def item_text(conn, collection_id: str, item_id: str) -> str | None:
    row = conn.execute("SELECT json FROM stac_items WHERE id = ? AND collection = ?",
                       (item_id, collection_id)).fetchone()
    return row[0] if row else None


def item_exists(conn, item_id: str, collection_id: str | None = None) -> bool:
    sql, args = "SELECT 1 FROM stac_items WHERE id = ?", [item_id]
    if collection_id:
        sql, args = sql + " AND collection = ?", args + [collection_id]
    return conn.execute(sql, args).fetchone() is not None


def item_count(conn) -> int:
    return conn.execute("SELECT COUNT(*) FROM stac_items").fetchone()[0]

"""Catalogue storage: collections and items in SQLite, footprints in an R*Tree.

Items keep their STAC JSON as text (hrefs relative to a placeholder base url), beside
the columns searches filter and sort on, so a search is one indexed SQL query and the
answer is assembled from stored text without re-encoding every item.
"""
from . import db

BASE_PLACEHOLDER = "@@BASE@@"

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
    datetime TEXT NOT NULL,
    cloud_cover REAL,
    incidence_angle REAL,
    search_text TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stac_items_datetime ON stac_items (datetime);
CREATE INDEX IF NOT EXISTS stac_items_collection ON stac_items (collection, datetime);
CREATE INDEX IF NOT EXISTS stac_items_cloud ON stac_items (cloud_cover);
CREATE VIRTUAL TABLE IF NOT EXISTS stac_footprints USING rtree(pk, minx, maxx, miny, maxy);
"""
db.register_schema(SCHEMA)

# Sortable fields (STAC names) -> item columns.
SORT_COLUMNS = {
    "datetime": "i.datetime",
    "eo:cloud_cover": "i.cloud_cover",
    "view:incidence_angle": "i.incidence_angle",
    "id": "i.id",
    "collection": "i.collection",
}


def insert_items(conn, rows) -> None:
    """rows: (pk, id, collection, datetime, cloud, incidence, text, json, bbox4)."""
    rows = list(rows)
    conn.executemany(
        "INSERT INTO stac_items (pk, id, collection, datetime, cloud_cover, incidence_angle,"
        " search_text, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [r[:8] for r in rows])
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

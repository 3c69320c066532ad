"""SQLite storage: one file, a connection per request, schemas declared by each service.

Each service module calls `register_schema(sql)` at import; `init_db` runs them all
(idempotent `CREATE ... IF NOT EXISTS`). R*Tree comes with Debian's and Python's sqlite.
"""
import sqlite3
import threading

from flask import current_app, g

_SCHEMAS: list[str] = []
_lock = threading.Lock()


def register_schema(sql: str) -> None:
    _SCHEMAS.append(sql)


def connect(path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def get_db() -> sqlite3.Connection:
    """The request's connection (opened on first use, closed at teardown)."""
    if "db" not in g:
        g.db = connect(current_app.config["DINAMIS"].db_path)
    return g.db


def write_lock() -> threading.Lock:
    """Serialises multi-statement writes (ids that count, idempotent submits)."""
    return _lock


def _close(_exc=None):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def init_db(app) -> None:
    config = app.config["DINAMIS"]
    config.db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(config.db_path)
    with conn:
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        for sql in _SCHEMAS:
            conn.executescript(sql)
    conn.close()
    app.teardown_appcontext(_close)


def meta_get(conn, key, default=None):
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else default


def meta_set(conn, key, value) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, str(value)))

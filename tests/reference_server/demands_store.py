"""SQLite persistence of projects, requests, their history, messages and idempotency keys.

Ids that count (project and request sequences) and idempotent submits are written under
db.write_lock() so two concurrent submits can never take the same number or both create.
"""
import json
from datetime import datetime, timezone

from . import db

db.register_schema("""
CREATE TABLE IF NOT EXISTS projects (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    owner TEXT NOT NULL,
    entity TEXT NOT NULL,
    category TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (year, seq)
);
CREATE TABLE IF NOT EXISTS demand_requests (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    sensor TEXT NOT NULL,
    owner TEXT NOT NULL,
    entity TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    body TEXT NOT NULL,
    quote TEXT NOT NULL,
    quota_km2 REAL NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS demand_requests_owner ON demand_requests (owner, year, sensor);
CREATE TABLE IF NOT EXISTS demand_history (
    pk INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL REFERENCES demand_requests(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS demand_messages (
    pk INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL REFERENCES demand_requests(id),
    at TEXT NOT NULL,
    author TEXT NOT NULL,
    author_role TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS demand_idempotency (
    username TEXT NOT NULL,
    key TEXT NOT NULL,
    body TEXT NOT NULL,
    request_id TEXT NOT NULL REFERENCES demand_requests(id),
    PRIMARY KEY (username, key)
);
""")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --- visibility: own, the entity's for its referent, everything for an operator ---

def can_see(user: dict, owner: str, entity: str) -> bool:
    roles = user.get("roles") or []
    return ("operator" in roles or owner == user["username"]
            or ("referent" in roles and entity == user.get("entity")))


def _visible_where(user: dict) -> tuple[str, tuple]:
    roles = user.get("roles") or []
    if "operator" in roles:
        return "1 = 1", ()
    if "referent" in roles:
        return "(owner = ? OR entity = ?)", (user["username"], user.get("entity"))
    return "owner = ?", (user["username"],)


# --- projects ---

def create_project(conn, user: dict, category: str, code: str, fields: dict) -> str:
    year = datetime.now(timezone.utc).year
    with db.write_lock(), conn:
        seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM projects WHERE year = ?",
                           (year,)).fetchone()[0]
        project_id = f"{year}-{seq:03d}-{code}"
        conn.execute("INSERT INTO projects VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (project_id, year, seq, user["username"], user.get("entity") or "",
                      category, json.dumps(fields, ensure_ascii=False), now_iso()))
    return project_id


def update_project(conn, project_id: str, fields: dict) -> None:
    conn.execute("UPDATE projects SET body = ? WHERE id = ?",
                 (json.dumps(fields, ensure_ascii=False), project_id))


def _project_dict(row) -> dict:
    return {"id": row["id"], "owner": row["owner"], "entity": row["entity"],
            "category": row["category"], "created_at": row["created_at"],
            **json.loads(row["body"])}


def get_project(conn, project_id: str):
    row = conn.execute("SELECT * FROM projects WHERE id = ?", (project_id,)).fetchone()
    return _project_dict(row) if row else None


def list_projects(conn, user: dict, limit: int, offset: int) -> tuple[list, int]:
    where, args = _visible_where(user)
    total = conn.execute(f"SELECT COUNT(*) FROM projects WHERE {where}", args).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM projects WHERE {where} ORDER BY year, seq"
                        " LIMIT ? OFFSET ?", (*args, limit, offset)).fetchall()
    return [_project_dict(r) for r in rows], total


# --- requests ---

def _history(conn, request_id: str) -> list[dict]:
    rows = conn.execute("SELECT * FROM demand_history WHERE request_id = ? ORDER BY pk",
                        (request_id,)).fetchall()
    return [{"at": r["at"], "actor": r["actor"], "from": r["from_status"],
             "to": r["to_status"], "comment": r["comment"]} for r in rows]


def _request_dict(conn, row) -> dict:
    return {"id": row["id"], "project_id": row["project_id"], "kind": row["kind"],
            "sensor": row["sensor"], "status": row["status"], "owner": row["owner"],
            "entity": row["entity"], "category": row["category"], "year": row["year"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"], **json.loads(row["body"]),
            **json.loads(row["quote"]), "history": _history(conn, row["id"])}


def get_request(conn, request_id: str):
    row = conn.execute("SELECT * FROM demand_requests WHERE id = ?", (request_id,)).fetchone()
    return _request_dict(conn, row) if row else None


def list_requests(conn, user: dict, limit: int, offset: int, status=None) -> tuple[list, int]:
    where, args = _visible_where(user)
    if status:
        where, args = f"{where} AND status = ?", (*args, status)
    total = conn.execute(f"SELECT COUNT(*) FROM demand_requests WHERE {where}",
                         args).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM demand_requests WHERE {where}"
                        " ORDER BY created_at, id LIMIT ? OFFSET ?",
                        (*args, limit, offset)).fetchall()
    return [_request_dict(conn, r) for r in rows], total


def add_history(conn, request_id, actor, from_status, to_status, comment="") -> None:
    conn.execute("INSERT INTO demand_history (request_id, at, actor, from_status, to_status,"
                 " comment) VALUES (?, ?, ?, ?, ?, ?)",
                 (request_id, now_iso(), actor, from_status, to_status, comment or ""))


def idempotent_match(conn, username: str, key: str):
    """(body first sent with this key, request id) or None."""
    row = conn.execute("SELECT body, request_id FROM demand_idempotency"
                       " WHERE username = ? AND key = ?", (username, key)).fetchone()
    return (json.loads(row["body"]), row["request_id"]) if row else None


def insert_request(conn, user: dict, project: dict, kind_code: str, sensor_code: str,
                   fields: dict, quote: dict, status: str, idempotency=None) -> str:
    """Numbers and stores a new request (caller holds the write lock and the transaction)."""
    year = datetime.now(timezone.utc).year
    seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM demand_requests"
                       " WHERE project_id = ? AND year = ?", (project["id"], year)).fetchone()[0]
    request_id = f"{project['id']}-{year}-{kind_code}-{seq:03d}-{sensor_code}"
    body = {k: v for k, v in fields.items() if k not in ("kind", "sensor")}
    stamp = now_iso()
    conn.execute("INSERT INTO demand_requests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                 " ?, ?)",
                 (request_id, project["id"], year, seq, fields["kind"], fields["sensor"],
                  user["username"], user.get("entity") or "", user.get("category") or "",
                  status, json.dumps(body, ensure_ascii=False), json.dumps(quote),
                  quote["quota_km2"], stamp, stamp))
    add_history(conn, request_id, user["username"], None, "draft", "created")
    if status != "draft":
        add_history(conn, request_id, user["username"], "draft", status, "submitted")
    if idempotency:
        conn.execute("INSERT INTO demand_idempotency VALUES (?, ?, ?, ?)",
                     (user["username"], idempotency[0],
                      json.dumps(idempotency[1], ensure_ascii=False, sort_keys=True),
                      request_id))
    return request_id


def update_request(conn, request_id: str, status=None, fields=None, quote=None) -> None:
    sets, args = ["updated_at = ?"], [now_iso()]
    if status is not None:
        sets.append("status = ?")
        args.append(status)
    if fields is not None:
        body = {k: v for k, v in fields.items() if k not in ("kind", "sensor")}
        sets.append("body = ?")
        args.append(json.dumps(body, ensure_ascii=False))
    if quote is not None:
        sets += ["quote = ?", "quota_km2 = ?"]
        args += [json.dumps(quote), quote["quota_km2"]]
    conn.execute(f"UPDATE demand_requests SET {', '.join(sets)} WHERE id = ?",
                 (*args, request_id))


# --- messages ---

def add_message(conn, request_id, author, author_role, text) -> dict:
    stamp = now_iso()
    cur = conn.execute("INSERT INTO demand_messages (request_id, at, author, author_role, text)"
                       " VALUES (?, ?, ?, ?, ?)", (request_id, stamp, author, author_role, text))
    return {"id": cur.lastrowid, "at": stamp, "author": author, "author_role": author_role,
            "text": text}


def list_messages(conn, request_id, limit, offset) -> tuple[list, int]:
    total = conn.execute("SELECT COUNT(*) FROM demand_messages WHERE request_id = ?",
                         (request_id,)).fetchone()[0]
    rows = conn.execute("SELECT * FROM demand_messages WHERE request_id = ? ORDER BY pk"
                        " LIMIT ? OFFSET ?", (request_id, limit, offset)).fetchall()
    return [{"id": r["pk"], "at": r["at"], "author": r["author"],
             "author_role": r["author_role"], "text": r["text"]} for r in rows], total

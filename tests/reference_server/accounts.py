"""User accounts of the stand-in Keycloak realm: demo users, their status, and stored secrets.

Holds the tables every credential lives in (users, API keys, login sessions, refresh
tokens, device codes). Secrets are stored only as hashes: passwords with
werkzeug.security, random tokens with SHA-256 (they are long and random, so a fast hash
suffices and lets us look them up).
"""
import hashlib
import json
from datetime import date, datetime, timedelta, timezone

from werkzeug.security import check_password_hash, generate_password_hash

from . import db

db.register_schema("""
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    entity TEXT NOT NULL,
    category TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'expired', 'disabled')),
    roles TEXT NOT NULL DEFAULT '["user"]',
    expires_at TEXT,
    dinamis_claims INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS api_keys (
    access_key TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    username TEXT NOT NULL REFERENCES users(username),
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS login_sessions (
    sid TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    sid TEXT NOT NULL REFERENCES login_sessions(sid),
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL
);
CREATE TABLE IF NOT EXISTS device_codes (
    device_code_hash TEXT PRIMARY KEY,
    user_code TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL,
    interval INTEGER NOT NULL,
    last_poll REAL,
    state TEXT NOT NULL DEFAULT 'pending',
    username TEXT REFERENCES users(username)
);
""")

DEMO_PASSWORD = "dinamis"

# username, name, category, entity, status, roles, expiry (days from first start or None)
_DEMO = [
    ("alice", "Alice Martin", "scientific", "UMR TETIS", "active", ["user"], None),
    ("bruno", "Bruno Garcia", "public_actor", "DDT de l'Hérault", "active", ["user"], None),
    ("chloe", "Chloé Bernard", "private_rd", "GéoInnov SAS", "active", ["user"], 365),
    ("remi", "Rémi Dupont", "scientific", "UMR TETIS", "active", ["user", "referent"], None),
    ("paul", "Paul Petit", "scientific", "UMR TETIS", "pending", ["user"], None),
    ("eve", "Ève Leroy", "public_actor", "DDT de l'Hérault", "expired", ["user"], -30),
    ("oscar", "Oscar Moreau", None, "DINAMIS", "active", ["user", "operator"], None),
    ("dora", "Dora Lambert", "scientific", "UMR TETIS", "disabled", ["user"], None),
    ("lea", "Léa Roux", "private_rd", "Bureau d'études Dupont & Fils", "active", ["user"],
     None),
    ("nina", "Nina Rossi", "scientific", "UMR TETIS", "active", ["user"], None),
    ("hugo", "Hugo Faure", "public_actor", "DDT de l'Hérault", "pending", ["user"], None),
]

# Accounts whose userinfo holds core OpenID Connect claims only (sub, preferred_username,
# name, email), as the real DINAMIS identity provider may answer: no dinamis_* claim. The
# services still know their status (403 account_pending...) and category (quotas).
PLAIN_OIDC = ("nina", "hugo")

DEMO_ACCOUNTS_TEXT = "\n".join(
    ["Demo accounts (password 'dinamis' for all):",
     f"  {'user':<7} {'category':<13} {'entity':<18} status / roles"]
    + [f"  {u:<7} {c or '-':<13} {e:<18} {s}"
       + (f", {', '.join(r for r in roles if r != 'user')}" if len(roles) > 1 else "")
       + (" (userinfo: core OpenID Connect claims only)" if u in PLAIN_OIDC else "")
       for u, _n, c, e, s, roles, _x in _DEMO])

PUBLIC_FIELDS = ("username", "name", "email", "entity", "category", "status", "roles",
                 "expires_at", "dinamis_claims")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def secret_hash(secret: str) -> str:
    """Lookup hash for long random secrets (refresh tokens, device codes, API secrets)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def seed(conn, config) -> None:
    """Insert the demo accounts of docs/ARCHITECTURE.md (run once per data folder)."""
    today = date.today()
    for username, name, category, entity, status, roles, days in _DEMO:
        expires = (today + timedelta(days=days)).isoformat() if days is not None else None
        conn.execute(
            "INSERT OR IGNORE INTO users (username, password_hash, name, email, entity,"
            " category, status, roles, expires_at, dinamis_claims)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (username, generate_password_hash(DEMO_PASSWORD), name,
             f"{username}@example.org", entity, category, status, json.dumps(roles), expires,
             int(username not in PLAIN_OIDC)))


def effective_status(status: str, expires_at: str | None) -> str:
    """An active account past its expiry date counts as expired."""
    if status == "active" and expires_at and date.fromisoformat(expires_at[:10]) < date.today():
        return "expired"
    return status


def _as_dict(row) -> dict:
    user = {key: row[key] for key in PUBLIC_FIELDS}
    user["roles"] = json.loads(row["roles"])
    user["dinamis_claims"] = bool(row["dinamis_claims"])
    user["status"] = effective_status(row["status"], row["expires_at"])
    return user


def get_user(conn, username: str) -> dict | None:
    """The public view of an account (no password hash), or None."""
    row = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
    return _as_dict(row) if row else None


def check_password(conn, username: str, password: str) -> dict | None:
    """The account when the password matches, else None (same answer for unknown users)."""
    row = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
    if row is None or not check_password_hash(row["password_hash"], password or ""):
        return None
    return _as_dict(row)

"""API keys: a long-lived access-key / secret-key pair a user creates for scripts.

Only a hash of the secret is stored, so the secret is shown once, at creation. Verifying a
key is auth.py's job; this module creates, lists and revokes them.
"""
import secrets

from . import accounts

ACCESS_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
MAX_DESCRIPTION = 200


def create(conn, username: str, description: str) -> dict:
    access_key = "DNMS" + "".join(secrets.choice(ACCESS_KEY_ALPHABET) for _ in range(16))
    secret_key = secrets.token_urlsafe(32)
    conn.execute("INSERT INTO api_keys (access_key, secret_hash, username, description,"
                 " created_at) VALUES (?, ?, ?, ?, ?)",
                 (access_key, accounts.secret_hash(secret_key), username, description,
                  accounts.utc_now().isoformat(timespec="seconds")))
    return {"access-key": access_key, "secret-key": secret_key}


def list_active(conn, username: str) -> list[dict]:
    rows = conn.execute("SELECT access_key, description, created_at FROM api_keys"
                        " WHERE username = ? AND revoked_at IS NULL ORDER BY created_at, rowid",
                        (username,)).fetchall()
    return [dict(row) for row in rows]


def revoke(conn, username: str, access_key: str) -> bool:
    """True when the user's active key is now revoked; False if there was none."""
    cursor = conn.execute("UPDATE api_keys SET revoked_at = ? WHERE access_key = ?"
                          " AND username = ? AND revoked_at IS NULL",
                          (accounts.utc_now().isoformat(timespec="seconds"), access_key,
                           username))
    return cursor.rowcount == 1

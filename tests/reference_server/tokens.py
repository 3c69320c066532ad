"""Access tokens (RS256 JWTs, as Keycloak issues), login sessions and rotating refresh tokens.

The RSA key pair is generated on first start and kept in the database, so tokens issued
before a restart still verify after it. Refresh tokens are opaque random strings stored
as hashes; each use rotates them and the previous one becomes invalid.
"""
import json
import secrets
import time

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from . import db
from .accounts import secret_hash, utc_now

KEY_META = "oidc:rsa_private_key_pem"
ALGORITHM = "RS256"


class TokenError(Exception):
    """A token that must be refused; the message is safe to show (no token in it)."""


def issuer(config) -> str:
    return f"{config.base_url}/realms/dinamis"


_key_cache: dict = {}


def _private_key(conn):
    """The realm's key, created once; INSERT OR IGNORE keeps the first one if two race."""
    pem = db.meta_get(conn, KEY_META)
    if pem is None:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        fresh = key.private_bytes(serialization.Encoding.PEM,
                                  serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()).decode()
        with conn:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                         (KEY_META, fresh))
        pem = db.meta_get(conn, KEY_META)
    if pem not in _key_cache:
        _key_cache[pem] = serialization.load_pem_private_key(pem.encode(), password=None)
    return _key_cache[pem]


def _kid(public_key) -> str:
    der = public_key.public_bytes(serialization.Encoding.DER,
                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    return secret_hash(der.hex())[:16]


def jwks(conn) -> dict:
    public = _private_key(conn).public_key()
    jwk = json.loads(RSAAlgorithm.to_jwk(public))
    jwk.update({"kid": _kid(public), "use": "sig", "alg": ALGORITHM})
    return {"keys": [jwk]}


def _sign(conn, claims: dict) -> str:
    key = _private_key(conn)
    return jwt.encode(claims, key, algorithm=ALGORITHM,
                      headers={"kid": _kid(key.public_key())})


def issue_access_token(conn, config, user: dict, sid: str, scope: str) -> str:
    now = int(time.time())
    return _sign(conn, {
        "iss": issuer(config), "sub": user["username"], "aud": "account", "azp": "gdal",
        "typ": "Bearer", "iat": now, "exp": now + int(config.access_token_lifetime),
        "jti": secrets.token_hex(16), "sid": sid, "scope": scope,
        "preferred_username": user["username"],
    })


def issue_id_token(conn, config, user: dict, sid: str) -> str:
    now = int(time.time())
    return _sign(conn, {
        "iss": issuer(config), "sub": user["username"], "aud": "gdal", "azp": "gdal",
        "typ": "ID", "iat": now, "exp": now + int(config.access_token_lifetime), "sid": sid,
        "preferred_username": user["username"], "name": user["name"], "email": user["email"],
    })


def verify_access_token(conn, config, token: str) -> dict:
    """Claims of a valid, unexpired, unrevoked access token of this realm; else TokenError."""
    try:
        claims = jwt.decode(token, _private_key(conn).public_key(), algorithms=[ALGORITHM],
                            issuer=issuer(config), audience="account",
                            options={"require": ["exp", "iat", "sub", "sid"]})
    except jwt.ExpiredSignatureError:
        raise TokenError("The access token has expired.") from None
    except jwt.InvalidTokenError:
        raise TokenError("The access token is invalid.") from None
    if claims.get("typ") != "Bearer":
        raise TokenError("The access token is invalid.")
    if not session_active(conn, claims["sid"]):
        raise TokenError("The access token has been revoked.")
    return claims


# --- login sessions and refresh tokens -------------------------------------------------

def open_session(conn, username: str) -> str:
    sid = secrets.token_hex(16)
    conn.execute("INSERT INTO login_sessions (sid, username, created_at) VALUES (?, ?, ?)",
                 (sid, username, utc_now().isoformat()))
    return sid


def session_active(conn, sid: str) -> bool:
    row = conn.execute("SELECT revoked_at FROM login_sessions WHERE sid = ?", (sid,)).fetchone()
    return row is not None and row["revoked_at"] is None


def revoke_session(conn, sid: str) -> None:
    conn.execute("UPDATE login_sessions SET revoked_at = ? WHERE sid = ? AND revoked_at IS NULL",
                 (utc_now().isoformat(), sid))


def issue_refresh_token(conn, config, sid: str, scope: str) -> str:
    token = secrets.token_urlsafe(48)
    conn.execute("INSERT INTO refresh_tokens (token_hash, sid, scope, expires_at)"
                 " VALUES (?, ?, ?, ?)",
                 (secret_hash(token), sid, scope, time.time() + config.refresh_token_lifetime))
    return token


def consume_refresh_token(conn, token: str) -> tuple[str, str, str]:
    """(sid, username, scope) of a valid refresh token, which is used up; else TokenError.

    The caller holds the write lock and a transaction, so one token rotates only once."""
    row = conn.execute(
        "SELECT r.sid, r.scope, r.expires_at, r.used_at, s.username, s.revoked_at"
        " FROM refresh_tokens r JOIN login_sessions s ON s.sid = r.sid"
        " WHERE r.token_hash = ?", (secret_hash(token or ""),)).fetchone()
    if row is None:
        raise TokenError("Invalid refresh token.")
    if row["used_at"] is not None:
        raise TokenError("The refresh token was already used (tokens rotate).")
    if row["revoked_at"] is not None:
        raise TokenError("The session has ended.")
    if row["expires_at"] <= time.time():
        raise TokenError("The refresh token has expired.")
    conn.execute("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?",
                 (time.time(), secret_hash(token)))
    return row["sid"], row["username"], row["scope"]


def token_response(conn, config, user: dict, sid: str, scope: str) -> dict:
    """The token endpoint's success body (RFC 6749 5.1, Keycloak's extra fields)."""
    body = {
        "access_token": issue_access_token(conn, config, user, sid, scope),
        "expires_in": int(config.access_token_lifetime),
        # Keycloak's offline tokens (scope offline_access, what DINAMIS clients ask for)
        # announce no expiry: 0. They still end after the offline session's idle time.
        "refresh_expires_in": (0 if "offline_access" in scope.split()
                               else int(config.refresh_token_lifetime)),
        "refresh_token": issue_refresh_token(conn, config, sid, scope),
        "token_type": "Bearer",
        "not-before-policy": 0,
        "session_state": sid,
        "scope": scope,
    }
    if "openid" in scope.split():
        body["id_token"] = issue_id_token(conn, config, user, sid)
    return body


def ensure_key(conn) -> None:
    """Create the realm's key pair now (at start-up) if this data folder has none."""
    _private_key(conn)

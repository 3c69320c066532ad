"""Who is calling: a bearer access token or an API key, and whether the account may act.

Used by the signing service and the demand manager. Credentials travel only in headers
(`Authorization: Bearer ...` or `access-key` / `secret-key`), never in the url, so the
access log never shows them. Error messages never repeat a credential.
"""
import hmac

from flask import current_app, g, request

from . import accounts, db, errors, tokens

STATUS_ERRORS = {
    "pending": ("account_pending",
                "Your account is awaiting validation by your entity's DINAMIS referent."),
    "expired": ("account_expired",
                "Your account has expired: ask your entity's DINAMIS referent to renew it."),
    "disabled": ("account_disabled",
                 "Your account is disabled: contact your entity's DINAMIS referent."),
}


def _unauthorized(detail: str, error: str = "invalid_token") -> errors.ApiError:
    err = errors.detail_error(401, detail, code="not_authenticated")
    err.headers["WWW-Authenticate"] = f'Bearer realm="dinamis", error="{error}"'
    return err


def _user_from_bearer(conn, token: str) -> dict:
    try:
        claims = tokens.verify_access_token(conn, current_app.config["DINAMIS"], token)
    except tokens.TokenError as exc:
        raise _unauthorized(str(exc)) from None
    user = accounts.get_user(conn, claims["sub"])
    if user is None:
        raise _unauthorized("The access token's account no longer exists.")
    g.auth_method = "bearer"
    return user


def _user_from_api_key(conn, access_key: str, secret_key: str) -> dict:
    row = conn.execute("SELECT username, secret_hash, revoked_at FROM api_keys"
                       " WHERE access_key = ?", (access_key,)).fetchone()
    if row is None or not hmac.compare_digest(row["secret_hash"],
                                              accounts.secret_hash(secret_key)):
        raise _unauthorized("Unknown API key or wrong secret key.")
    if row["revoked_at"] is not None:
        raise _unauthorized("This API key has been revoked.")
    g.auth_method = "api_key"
    return accounts.get_user(conn, row["username"])


def current_user(required: bool = True) -> dict | None:
    """The calling account (public fields, roles as a list); 401 when required and absent.

    `flask.g.auth_method` tells how it authenticated ("bearer" or "api_key")."""
    conn = db.get_db()
    header = request.headers.get("Authorization", "")
    access_key = request.headers.get("access-key")
    secret_key = request.headers.get("secret-key")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _unauthorized("The Authorization header must be 'Bearer <access token>'.")
        return _user_from_bearer(conn, token.strip())
    if access_key or secret_key:
        if not (access_key and secret_key):
            raise _unauthorized("An API key needs both the access-key and secret-key headers.")
        return _user_from_api_key(conn, access_key, secret_key)
    if required:
        raise _unauthorized("Not authenticated: send a bearer access token or an API key.",
                            error="invalid_request")
    return None


def require_active(user: dict) -> dict:
    """403 with account_pending / account_expired / account_disabled unless active."""
    status = user["status"]
    if status in STATUS_ERRORS:
        code, detail = STATUS_ERRORS[status]
        raise errors.detail_error(403, detail, code=code)
    return user

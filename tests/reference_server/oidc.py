"""OpenID Connect provider shaped like Keycloak's realm `dinamis`: device flow, refresh, userinfo.

Paths mirror Keycloak's, so clients that derive endpoints from the token url (the DINAMIS
SDK: `token_url.rsplit('/', 1)[0] + '/auth/device'`, `token_url.replace('/token',
'/userinfo')`) find them. Errors are OAuth2's `{"error", "error_description"}`.
A person approves a device code on the HTML page `/realms/dinamis/device`.
"""
import re
import secrets
import time

from flask import Blueprint, current_app, jsonify, render_template, request

from . import accounts, db, errors, faults, tokens

bp = Blueprint("oidc", __name__, template_folder="templates")

CLIENT_ID = "gdal"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
SCOPES = ("openid", "offline_access", "profile", "email")
OIDC = "/protocol/openid-connect"
USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"  # no vowels: no words, no 0/O or 1/I mix-ups


def _config():
    return current_app.config["DINAMIS"]


def oauth_error(status: int, error: str, description: str) -> errors.ApiError:
    err = errors.ApiError(status, {"error": error, "error_description": description})
    err.headers["Cache-Control"] = "no-store"
    return err


@bp.record_once
def _create_signing_key(state):
    """Generate the realm key at start-up, before any request can race for it."""
    conn = db.connect(state.app.config["DINAMIS"].db_path)
    try:
        tokens.ensure_key(conn)
    finally:
        conn.close()


# --- discovery and keys ----------------------------------------------------------------

@bp.get("/.well-known/openid-configuration")
def discovery():
    iss = tokens.issuer(_config())
    return jsonify({
        "issuer": iss,
        "authorization_endpoint": f"{iss}{OIDC}/auth",
        "device_authorization_endpoint": f"{iss}{OIDC}/auth/device",
        "token_endpoint": f"{iss}{OIDC}/token",
        "userinfo_endpoint": f"{iss}{OIDC}/userinfo",
        "end_session_endpoint": f"{iss}{OIDC}/logout",
        "jwks_uri": f"{iss}{OIDC}/certs",
        "grant_types_supported": ["refresh_token", DEVICE_GRANT],
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [tokens.ALGORITHM],
        "token_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": list(SCOPES),
        "claims_supported": ["sub", "iss", "preferred_username", "name", "email",
                             "dinamis_entity", "dinamis_category", "dinamis_status",
                             "dinamis_roles", "dinamis_expires_at"],
    })


@bp.get(f"{OIDC}/certs")
def certs():
    return jsonify(tokens.jwks(db.get_db()))


@bp.route(f"{OIDC}/auth", methods=["GET", "POST"])
def authorization():
    raise oauth_error(400, "unsupported_response_type",
                      "This realm only offers the device authorization grant.")


# --- device authorization (RFC 8628) ---------------------------------------------------

def _client_id(form) -> str:
    client_id = form.get("client_id")
    if not client_id:
        raise oauth_error(400, "invalid_request", "Missing form parameter: client_id.")
    if client_id != CLIENT_ID:
        raise oauth_error(401, "invalid_client", f"Unknown client; this realm knows '{CLIENT_ID}'.")
    return client_id


def _scope(form) -> str:
    requested = (form.get("scope") or "openid").split()
    unknown = [s for s in requested if s not in SCOPES]
    if unknown:
        raise oauth_error(400, "invalid_scope", f"Unknown scope: {' '.join(unknown)}.")
    return " ".join(dict.fromkeys(requested))


def _new_user_code() -> str:
    letters = "".join(secrets.choice(USER_CODE_ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


@bp.post(f"{OIDC}/auth/device")
def device_authorization():
    client_id, scope = _client_id(request.form), _scope(request.form)
    config, conn = _config(), db.get_db()
    device_code = secrets.token_urlsafe(32)
    with db.write_lock(), conn:
        user_code = _new_user_code()
        while conn.execute("SELECT 1 FROM device_codes WHERE user_code = ?",
                           (user_code,)).fetchone():
            user_code = _new_user_code()
        conn.execute("INSERT INTO device_codes (device_code_hash, user_code, client_id, scope,"
                     " expires_at, interval) VALUES (?, ?, ?, ?, ?, ?)",
                     (accounts.secret_hash(device_code), user_code, client_id, scope,
                      time.time() + config.device_code_lifetime, config.device_poll_interval))
    faults.count("device_authorizations")
    page = f"{tokens.issuer(config)}/device"
    return jsonify({
        "device_code": device_code, "user_code": user_code,
        "verification_uri": page, "verification_uri_complete": f"{page}?user_code={user_code}",
        "expires_in": int(config.device_code_lifetime),
        "interval": int(config.device_poll_interval),
    })


# --- token endpoint --------------------------------------------------------------------

def _device_grant(conn, config, form):
    device_code = form.get("device_code")
    if not device_code:
        raise oauth_error(400, "invalid_request", "Missing form parameter: device_code.")
    row = conn.execute("SELECT * FROM device_codes WHERE device_code_hash = ?",
                       (accounts.secret_hash(device_code),)).fetchone()
    if row is None or row["state"] == "used" or row["client_id"] != form["client_id"]:
        raise oauth_error(400, "invalid_grant", "Device code not valid.")
    now = time.time()
    if now >= row["expires_at"]:
        raise oauth_error(400, "expired_token", "The device code has expired.")
    too_soon = row["last_poll"] is not None and now - row["last_poll"] < row["interval"]
    conn.execute("UPDATE device_codes SET last_poll = ? WHERE device_code_hash = ?",
                 (now, row["device_code_hash"]))
    if row["state"] == "denied":
        raise oauth_error(400, "access_denied", "The user denied the authorization request.")
    if row["state"] == "pending":
        if too_soon:
            raise oauth_error(400, "slow_down", f"Poll at most every {row['interval']} s.")
        raise oauth_error(400, "authorization_pending", "The authorization request is pending.")
    user = accounts.get_user(conn, row["username"])
    conn.execute("UPDATE device_codes SET state = 'used' WHERE device_code_hash = ?",
                 (row["device_code_hash"],))
    sid = tokens.open_session(conn, user["username"])
    return tokens.token_response(conn, config, user, sid, row["scope"])


def _refresh_grant(conn, config, form):
    faults.count("refresh_grants")
    try:
        sid, username, scope = tokens.consume_refresh_token(conn, form.get("refresh_token"))
    except tokens.TokenError as exc:
        raise oauth_error(400, "invalid_grant", str(exc)) from None
    user = accounts.get_user(conn, username)
    if user is None or user["status"] == "disabled":
        tokens.revoke_session(conn, sid)
        raise oauth_error(400, "invalid_grant", "Account disabled.")
    return tokens.token_response(conn, config, user, sid, scope)


@bp.post(f"{OIDC}/token")
def token():
    faults.count("token_requests")
    form = request.form
    grant_type = form.get("grant_type")
    if not grant_type:
        raise oauth_error(400, "invalid_request", "Missing form parameter: grant_type.")
    grants = {DEVICE_GRANT: _device_grant, "refresh_token": _refresh_grant}
    if grant_type not in grants:
        raise oauth_error(400, "unsupported_grant_type", f"Unsupported grant_type: {grant_type}.")
    _client_id(form)
    config, conn = _config(), db.get_db()
    # Errors raised inside still commit what ran before them (last_poll, a used-up code):
    # sqlite3's context manager rolls back only on exceptions, so commit explicitly.
    with db.write_lock():
        try:
            body = grants[grant_type](conn, config, form)
        finally:
            conn.commit()
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post(f"{OIDC}/logout")
def logout():
    """Keycloak's back-channel logout: the refresh token's session ends, its tokens too."""
    _client_id(request.form)
    conn = db.get_db()
    with db.write_lock(), conn:
        try:
            sid, _username, _scope = tokens.consume_refresh_token(
                conn, request.form.get("refresh_token"))
        except tokens.TokenError as exc:
            raise oauth_error(400, "invalid_grant", str(exc)) from None
        tokens.revoke_session(conn, sid)
    return "", 204


# --- userinfo --------------------------------------------------------------------------

def _bearer_claims(conn):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        err = oauth_error(401, "invalid_request", "Missing bearer access token.")
        err.headers["WWW-Authenticate"] = 'Bearer realm="dinamis"'
        raise err
    try:
        return tokens.verify_access_token(conn, _config(), token.strip())
    except tokens.TokenError as exc:
        err = oauth_error(401, "invalid_token", str(exc))
        err.headers["WWW-Authenticate"] = 'Bearer realm="dinamis", error="invalid_token"'
        raise err from None


def userinfo_claims(user: dict) -> dict:
    """Core OpenID Connect claims, plus our dinamis_* ones unless the account has none."""
    claims = {"sub": user["username"], "preferred_username": user["username"],
              "name": user["name"], "email": user["email"], "email_verified": True}
    if user["dinamis_claims"]:
        claims.update({
            "dinamis_entity": user["entity"], "dinamis_category": user["category"],
            "dinamis_status": user["status"], "dinamis_roles": user["roles"],
            "dinamis_expires_at": user["expires_at"],
        })
    return claims


@bp.route(f"{OIDC}/userinfo", methods=["GET", "POST"])
def userinfo():
    conn = db.get_db()
    user = accounts.get_user(conn, _bearer_claims(conn)["sub"])
    if user is None:
        raise oauth_error(401, "invalid_token", "The token's account no longer exists.")
    return jsonify(userinfo_claims(user))


# --- the page where a person approves a device -----------------------------------------

def normalise_user_code(text: str) -> str:
    letters = re.sub(r"[^A-Z]", "", (text or "").upper())
    return f"{letters[:4]}-{letters[4:]}" if len(letters) == 8 else letters


def _page(status=200, **values):
    values.setdefault("user_code", "")
    values.setdefault("username", "")
    return render_template("device.html", **values), status


def _decide(conn, user_code, username, password, action) -> str:
    """Approve or deny a pending code; returns the outcome message, raises ValueError."""
    if action not in ("approve", "deny"):
        raise ValueError("Choose Approve or Deny.")
    if not user_code:
        raise ValueError("Enter the code your application shows (like ABCD-EFGH).")
    row = conn.execute("SELECT * FROM device_codes WHERE user_code = ?",
                       (user_code,)).fetchone()
    if row is None:
        raise ValueError("This code is unknown. Check it against the one your application shows.")
    if time.time() >= row["expires_at"]:
        raise ValueError("This code has expired. Start signing in again from your application.")
    if row["state"] != "pending":
        raise ValueError("This code has already been used.")
    if not username or not password:
        raise ValueError("Enter your username and password.")
    user = accounts.check_password(conn, username, password)
    if user is None:
        raise ValueError("Wrong username or password.")
    if user["status"] == "disabled":
        raise ValueError("Your account is disabled: contact your entity's DINAMIS referent.")
    state = "approved" if action == "approve" else "denied"
    conn.execute("UPDATE device_codes SET state = ?, username = ? WHERE user_code = ?",
                 (state, user["username"], user_code))
    if state == "denied":
        return "Access denied. The application will not be signed in."
    return f"Signed in as {user['name']}. You can return to your application."


@bp.get("/device")
def device_page():
    return _page(user_code=normalise_user_code(request.args.get("user_code", "")))


@bp.post("/device")
def device_submit():
    form = request.form
    user_code = normalise_user_code(form.get("user_code", ""))
    username = (form.get("username") or "").strip()
    conn = db.get_db()
    try:
        with db.write_lock(), conn:
            outcome = _decide(conn, user_code, username, form.get("password") or "",
                              form.get("action"))
    except ValueError as exc:
        return _page(400, error=str(exc), user_code=user_code, username=username)
    return _page(done=outcome)

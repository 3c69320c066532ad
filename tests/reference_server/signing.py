"""The signing service, as the real FastAPI one answers: sign asset urls, manage API keys.

`POST sign_urls` takes a JSON body `{"urls": [...], "duration_seconds": N}` (duration
optional), as the current SDK (`teledetection`) sends it, and nothing else. Urls of this
server's object storage (`/s3/...` on the storage host, `config.base_url`) get an S3 SigV4
presigned query; other urls (the public quicklooks' host, foreign links) come back
unchanged. Errors: `{"detail", "code"}`.
"""
import math
from datetime import datetime, timezone
from urllib.parse import unquote, urlsplit

from flask import Blueprint, current_app, g, jsonify, request

from . import api_keys, auth, db, errors, faults, sigv4
from .signing_openapi import MAX_URL_LENGTH, MAX_URLS, URL_PATTERN, openapi_document

bp = Blueprint("signing", __name__)


def _config():
    return current_app.config["DINAMIS"]


def bad_request(field: str, reason: str, code: str = "invalid_parameter") -> errors.ApiError:
    return errors.detail_error(400, f"{field}: {reason}", code=code, field=field)


# --- request parsing -------------------------------------------------------------------

_JSON_TYPES = ("application/json",)


def _is_json(content_type: str) -> bool:
    """FastAPI parses a body as JSON when it has no Content-Type or a JSON one."""
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media in _JSON_TYPES or (media.startswith("application/") and media.endswith("+json"))


def _json_body() -> dict:
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise bad_request("body", 'required: a JSON object like {"urls": [...]}')
    if not _is_json(request.headers.get("Content-Type", "")):
        raise bad_request("body", "must be sent as application/json")
    try:
        body = request.get_json(force=True, silent=False)
    except Exception:  # werkzeug raises BadRequest with its own text; ours names the field
        raise bad_request("body", "is not valid JSON") from None
    if not isinstance(body, dict):
        raise bad_request("body", 'must be a JSON object like {"urls": [...]}')
    if "urls" not in body:
        raise bad_request("urls", "field required in the JSON body")
    return body


def _as_duration(value) -> int:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request("duration_seconds", "must be an integer number of seconds")
    maximum = _config().signature_max_duration
    if value < 1:
        raise bad_request("duration_seconds", "must be at least 1 second")
    if value > maximum:
        raise bad_request("duration_seconds", f"must be at most {maximum} seconds")
    return value


def _check_urls(urls) -> list[str]:
    if not isinstance(urls, list):
        raise bad_request("urls", "must be a list of urls")
    if len(urls) > MAX_URLS:
        raise bad_request("urls", f"at most {MAX_URLS} urls per request (got {len(urls)}); "
                          "split them into batches", code="too_many_urls")
    for i, url in enumerate(urls):
        if not isinstance(url, str) or not URL_PATTERN.fullmatch(url):
            raise bad_request(f"urls[{i}]", "must be an http or https url")
        if len(url) > MAX_URL_LENGTH:
            raise bad_request(f"urls[{i}]", f"longer than {MAX_URL_LENGTH} characters")
    return urls


def parse_sign_request() -> tuple[list[str], int]:
    """(urls, duration) from the JSON body `{"urls": [...], "duration_seconds": N}`, what the
    current SDK sends. Query parameters are ignored, as FastAPI ignores undeclared ones."""
    body = _json_body()
    duration = _config().signature_default_duration
    if body.get("duration_seconds") is not None:
        duration = _as_duration(body["duration_seconds"])
    return _check_urls(body["urls"]), duration


# --- signing ---------------------------------------------------------------------------

def _storage_credentials(conn) -> tuple[str, str]:
    from . import object_store  # the catalogue's store; imported late, it imports us not
    creds = object_store.storage_credentials(conn)
    if isinstance(creds, dict):
        return creds["access_key_id"], creds["secret"]
    return creds[0], creds[1]


def sign_url(url: str, credentials, duration: int, now: datetime) -> str:
    parts = urlsplit(url)
    if parts.netloc != _config().storage_netloc or not parts.path.startswith("/s3/"):
        return url
    query = sigv4.presign(credentials[0], credentials[1], parts.netloc, unquote(parts.path),
                          duration, now=now)
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{query}"


@bp.post("/sign_urls")
def sign_urls():
    user = auth.require_active(auth.current_user())
    urls, duration = parse_sign_request()
    now = datetime.now(timezone.utc).replace(microsecond=0)
    credentials = _storage_credentials(db.get_db()) if urls else None
    hrefs = {url: sign_url(url, credentials, duration, now) for url in urls}
    faults.count("sign_requests")
    faults.count("signed_urls", len(urls))
    current_app.logger.debug("signed %d urls for %s", len(urls), user["username"])
    expiry = datetime.fromtimestamp(now.timestamp() + duration, timezone.utc)
    return jsonify({"hrefs": hrefs, "expiry": expiry.strftime("%Y-%m-%dT%H:%M:%SZ")})


# --- API keys --------------------------------------------------------------------------

@bp.get("/create_api_key")
def create_api_key():
    user = auth.current_user()
    if g.auth_method != "bearer":
        raise errors.detail_error(403, "An API key cannot create API keys: sign in with your "
                                  "account to create one.", code="api_key_not_allowed")
    auth.require_active(user)
    description = request.args.get("description", "")
    if len(description) > api_keys.MAX_DESCRIPTION:
        raise bad_request("description", f"at most {api_keys.MAX_DESCRIPTION} characters")
    conn = db.get_db()
    with conn:
        created = api_keys.create(conn, user["username"], description)
    return jsonify(created)


@bp.get("/list_api_keys_with_metadata")
def list_api_keys_with_metadata():
    user = auth.current_user()
    return jsonify(api_keys.list_active(db.get_db(), user["username"]))


@bp.get("/revoke_api_key")
def revoke_api_key():
    user = auth.current_user()
    access_key = request.args.get("access_key", "").strip()
    if not access_key:
        raise bad_request("access_key", "required: the access key to revoke")
    conn = db.get_db()
    with conn:
        revoked = api_keys.revoke(conn, user["username"], access_key)
    if not revoked:
        raise errors.detail_error(404, "access_key: no active API key of yours has this "
                                  "access key", code="api_key_not_found", field="access_key")
    return jsonify({"revoked": access_key})


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(_config()))

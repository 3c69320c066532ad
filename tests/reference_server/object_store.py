"""S3-like object store at /s3/<bucket>/<key>: presigned GET (a HEAD needs a HEAD signature,
as on S3), byte ranges, S3 XML errors; HEAD on the public bucket.

`dinamis-catalogue` (data assets) needs a valid, unexpired SigV4 signature of the exact
path; `dinamis-quicklooks` is public-read. As on the real deployment, the public bucket is
served from another host than the storage (config.quicklook_base_url: `localhost` when the
storage is `127.0.0.1`, same port); each host knows only its own buckets, so an href taken
to the wrong host fails (NoSuchBucket). Files live under DATA/objects/<bucket>/<key>.
The storage credentials are made once from the seed and kept in the meta table; the
signing service presigns with them (sigv4.presign), this module verifies.
"""
import hashlib
import uuid
from pathlib import Path
from urllib.parse import unquote
from xml.sax.saxutils import escape

from flask import Blueprint, Response, current_app, request, send_file
from werkzeug.exceptions import RequestedRangeNotSatisfiable
from werkzeug.wsgi import FileWrapper

from . import db, faults, quicklooks, sigv4, stac_store

bp = Blueprint("object_store", __name__)

DATA_BUCKET = "dinamis-catalogue"
QUICKLOOK_BUCKET = "dinamis-quicklooks"
BUCKETS = (DATA_BUCKET, QUICKLOOK_BUCKET)
PUBLIC_BUCKETS = (QUICKLOOK_BUCKET,)


def storage_credentials(conn) -> tuple[str, str]:
    """(access key id, secret) of the store; deterministic from the seed, created once."""
    key_id = db.meta_get(conn, "storage:access_key_id")
    secret = db.meta_get(conn, "storage:secret")
    if key_id and secret:
        return key_id, secret
    seed = current_seed(conn)
    key_id = "DNMS" + hashlib.sha256(f"access-key:{seed}".encode()).hexdigest()[:16].upper()
    secret = hashlib.sha256(f"secret-key:{seed}".encode()).hexdigest()
    in_tx = conn.in_transaction
    db.meta_set(conn, "storage:access_key_id", key_id)
    db.meta_set(conn, "storage:secret", secret)
    if not in_tx:
        conn.commit()
    return key_id, secret


def current_seed(conn):
    seed = db.meta_get(conn, "storage:seed")
    if seed is None:
        try:
            seed = current_app.config["DINAMIS"].seed
        except RuntimeError:  # outside a request: a fixed fallback keeps this deterministic
            seed = 0
    return seed


def object_path(objects_dir: Path, bucket: str, key: str) -> Path:
    return Path(objects_dir) / bucket / key


def _s3_error(status: int, code: str, message: str, resource: str = "") -> Response:
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error>'
            f"<Code>{escape(code)}</Code><Message>{escape(message)}</Message>"
            f"<Resource>{escape(resource)}</Resource>"
            f"<RequestId>{uuid.uuid4().hex[:16].upper()}</RequestId></Error>")
    return Response(body if request.method != "HEAD" else b"", status=status,
                    mimetype="application/xml")


def _served_here(bucket: str) -> bool:
    """Whether the host this request names serves `bucket` (public and private buckets
    live on different hosts, unless the server has only one name)."""
    if bucket not in BUCKETS:
        return False
    config = current_app.config["DINAMIS"]
    if config.quicklook_netloc == config.storage_netloc:
        return True
    wanted = config.quicklook_netloc if bucket in PUBLIC_BUCKETS else config.storage_netloc
    return request.host == wanted


def _safe_key(key: str) -> bool:
    """Refuse traversal in any spelling: '..' segments, absolute keys, backslashes,
    NUL, and the same after another round of percent-decoding."""
    for candidate in (key, unquote(key), unquote(unquote(key))):
        if (not candidate or candidate.startswith("/") or "\\" in candidate or "\x00" in candidate
                or any(part in ("..", ".", "") for part in candidate.split("/"))):
            return False
    raw = (request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or "")
    raw_path = raw.split("?", 1)[0].lower()
    return "%2e" not in raw_path and "%2f" not in raw_path and "%5c" not in raw_path


@bp.route("/", methods=["GET", "HEAD"])
def list_buckets():
    return _s3_error(403, "AccessDenied", "Listing buckets is not allowed.", "/")


@bp.route("/<bucket>/", methods=["GET", "HEAD"])
@bp.route("/<bucket>", methods=["GET", "HEAD"])
def list_bucket(bucket):
    if not _served_here(bucket):
        return _s3_error(404, "NoSuchBucket", "The specified bucket does not exist.", bucket)
    return _s3_error(403, "AccessDenied", "Listing objects is not allowed.", bucket)


@bp.route("/<bucket>/<path:key>", methods=["GET", "HEAD"], merge_slashes=False)
def get_object(bucket, key):
    resource = f"/{bucket}/{key}"
    if not _safe_key(key):
        return _s3_error(400, "InvalidURI", "The key is not a valid object name.", resource)
    if not _served_here(bucket):
        return _s3_error(404, "NoSuchBucket", "The specified bucket does not exist.", bucket)
    config = current_app.config["DINAMIS"]
    conn = db.get_db()
    if bucket not in PUBLIC_BUCKETS:
        _, secret = storage_credentials(conn)
        expires, longest = request.args.get("X-Amz-Expires", ""), config.signature_max_duration
        if expires.isdigit() and int(expires) > longest:
            return _s3_error(403, "AuthorizationQueryParametersError",
                             f"X-Amz-Expires must be at most {longest} seconds.", resource)
        refusal = sigv4.verify(secret, request.method, request.host, request.path,
                               request.args.to_dict())
        if refusal:
            if refusal[1] == sigv4.EXPIRED:
                faults.count("object_refused_expired")
            return _s3_error(403, refusal[0], refusal[1], resource)
    path = object_path(config.objects_dir, bucket, key)
    if not path.is_file() and bucket == QUICKLOOK_BUCKET:
        _make_quicklook(conn, config.objects_dir, key, path)
    if not path.is_file():
        return _s3_error(404, "NoSuchKey", "The specified key does not exist.", resource)
    server_file_wrapper = request.environ.get("wsgi.file_wrapper")
    # Werkzeug reads files in 8 KiB blocks by default: 1 MiB blocks stream ranges ~10x faster.
    request.environ["wsgi.file_wrapper"] = _large_block_wrapper
    try:
        response = send_file(path, conditional=True, etag=True, max_age=0,
                             mimetype=_media_type(path))
    except RequestedRangeNotSatisfiable:
        response = None
    finally:  # the server checks its own wrapper type when the body comes back
        if server_file_wrapper is None:
            request.environ.pop("wsgi.file_wrapper", None)
        else:
            request.environ["wsgi.file_wrapper"] = server_file_wrapper
    if response is None:
        response = _s3_error(416, "InvalidRange", "The requested range is not satisfiable "
                             "(one range per request, within the object).", resource)
        response.headers["Content-Range"] = f"bytes */{path.stat().st_size}"
        return response
    response.headers["Accept-Ranges"] = "bytes"
    if request.method == "GET" and response.status_code in (200, 206):
        faults.count_bytes(request.path, response.content_length or 0)
        if server_file_wrapper is not None and not faults.alters_body():
            _hand_to_sendfile(response, path, server_file_wrapper)
    return response


def _hand_to_sendfile(response, path: Path, server_file_wrapper) -> None:
    """Let the WSGI server (gunicorn) send the body with sendfile: the file positioned at
    the start of the answered range, the length bounded by Content-Length."""
    start = response.content_range.start if response.status_code == 206 else 0
    body = open(path, "rb")
    body.seek(start or 0)
    previous, response.response = response.response, server_file_wrapper(body)
    getattr(previous, "close", lambda: None)()
    response.direct_passthrough = True


def _large_block_wrapper(file, _buffer_size=8192):
    return FileWrapper(file, 1 << 20)


def _media_type(path: Path) -> str:
    return {".tif": "image/tiff", ".png": "image/png"}.get(path.suffix,
                                                           "application/octet-stream")


def _make_quicklook(conn, objects_dir, key: str, path: Path) -> None:
    """Quicklook keys are <collection>/<item id>.png; render it if that item exists."""
    parts = key.split("/")
    if len(parts) != 2 or not parts[1].endswith(".png"):
        return
    collection, item_id = parts[0], parts[1][:-4]
    if not stac_store.item_exists(conn, item_id, collection):
        return
    cog = object_path(objects_dir, DATA_BUCKET, f"{collection}/{item_id}/{item_id}_MS.tif")
    quicklooks.write_png(path, item_id, cog)

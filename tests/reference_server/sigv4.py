"""S3 SigV4 query-string presigning, as an S3 store answers a presigned GET.

The signing service presigns; the object store verifies. Both share this module and the
store's secret, so a signature binds method, host, path and expiry, and nothing else
can forge one. Follows AWS's algorithm (canonical request, string to sign, derived key),
with UNSIGNED-PAYLOAD as S3 presigned urls use.
"""
import hashlib
import hmac
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, urlencode

ALGORITHM = "AWS4-HMAC-SHA256"
REGION = "fr-mpl"
SERVICE = "s3"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
EXPIRED = "Request has expired"


def _sign(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def _signing_key(secret: str, day: str) -> bytes:
    key = _sign(("AWS4" + secret).encode(), day)
    for part in (REGION, SERVICE, "aws4_request"):
        key = _sign(key, part)
    return key


def _canonical_query(params: dict) -> str:
    return "&".join(f"{quote(k, safe='-_.~')}={quote(str(v), safe='-_.~')}"
                    for k, v in sorted(params.items()) if k != "X-Amz-Signature")


def _signature(secret, method, host, path, params) -> str:
    amz_date = params["X-Amz-Date"]
    scope = f"{amz_date[:8]}/{REGION}/{SERVICE}/aws4_request"
    canonical = "\n".join([method, quote(path, safe="/-_.~"), _canonical_query(params),
                           f"host:{host}\n", "host", "UNSIGNED-PAYLOAD"])
    to_sign = "\n".join([ALGORITHM, amz_date, scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    return hmac.new(_signing_key(secret, amz_date[:8]), to_sign.encode(),
                    hashlib.sha256).hexdigest()


def presign(access_key_id: str, secret: str, host: str, path: str, expires: int,
            now: datetime | None = None, method: str = "GET") -> str:
    """Query string (without '?') that makes `path` readable for `expires` seconds."""
    now = now or datetime.now(timezone.utc)
    amz_date = now.strftime(DATE_FORMAT)
    params = {
        "X-Amz-Algorithm": ALGORITHM,
        "X-Amz-Credential": f"{access_key_id}/{amz_date[:8]}/{REGION}/{SERVICE}/aws4_request",
        "X-Amz-Date": amz_date,
        "X-Amz-Expires": str(int(expires)),
        "X-Amz-SignedHeaders": "host",
    }
    params["X-Amz-Signature"] = _signature(secret, method, host, path, params)
    return urlencode(params)


def expiry_of(params: dict) -> datetime:
    start = datetime.strptime(params["X-Amz-Date"], DATE_FORMAT).replace(tzinfo=timezone.utc)
    return start + timedelta(seconds=int(params["X-Amz-Expires"]))


def verify(secret: str, method: str, host: str, path: str, params: dict,
           now: datetime | None = None) -> tuple[str, str] | None:
    """None when valid, else (S3 error code, message) as S3 would answer with a 403."""
    required = ("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
                "X-Amz-SignedHeaders", "X-Amz-Signature")
    missing = [k for k in required if k not in params]
    if len(missing) == len(required):
        return "AccessDenied", "Access Denied: this object needs a signed url."
    if missing:
        return "AuthorizationQueryParametersError", f"Missing {', '.join(missing)}."
    if params["X-Amz-Algorithm"] != ALGORITHM:
        return "AuthorizationQueryParametersError", "Unsupported X-Amz-Algorithm."
    try:
        expiry = expiry_of(params)
    except (ValueError, OverflowError):
        return "AuthorizationQueryParametersError", "Malformed X-Amz-Date or X-Amz-Expires."
    # The method is part of what is signed: S3 refuses a HEAD with a presigned GET's
    # signature (SignatureDoesNotMatch), so a client learns a size from a range GET.
    expected = _signature(secret, method, host, path, params)
    if not hmac.compare_digest(expected, params["X-Amz-Signature"]):
        return ("SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.")
    if (now or datetime.now(timezone.utc)) >= expiry:
        return "AccessDenied", EXPIRED
    return None

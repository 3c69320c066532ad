"""Reading an S3 SigV4 presigned url: is it signed, when does it expire, what was it before.

A signed url carries its own lifetime (`X-Amz-Date` + `X-Amz-Expires`), so a url saved in
a QGIS project can be checked and renewed without asking anyone. Signed urls are secrets:
nothing here logs or formats them into messages.
"""
import logging
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

AMZ_DATE_FORMAT = "%Y%m%dT%H%M%SZ"
SIGNATURE_KEYS = ("X-Amz-Date", "X-Amz-Expires", "X-Amz-Signature")


def _query(url: str) -> dict:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def is_signed(url: str) -> bool:
    """True when `url` is a presigned url (its query has date, lifetime and signature)."""
    if "X-Amz-Signature" not in url:  # cheap answer for the common, unsigned case
        return False
    query = _query(url)
    return all(key in query for key in SIGNATURE_KEYS)


def expiry_of(url: str) -> datetime | None:
    """When the signed `url` stops working (UTC), or None if it is not a readable signed url."""
    query = _query(url)
    try:
        start = datetime.strptime(query["X-Amz-Date"], AMZ_DATE_FORMAT)
        return start.replace(tzinfo=timezone.utc) + timedelta(seconds=int(query["X-Amz-Expires"]))
    except (KeyError, ValueError, OverflowError):
        return None


def lifetime_of(url: str) -> timedelta | None:
    """How long the signed `url` was valid for when it was issued."""
    try:
        return timedelta(seconds=int(_query(url)["X-Amz-Expires"]))
    except (KeyError, ValueError, OverflowError):
        return None


def unsigned(url: str) -> str:
    """`url` without its `X-Amz-*` query parameters: the href the signer was first given."""
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("x-amz-")]
    return urlunsplit(parts._replace(query=urlencode(kept)))


# The secret parts of a presigned url, as written in a url or in a url's query value.
_SECRET_PARTS = re.compile(r"(X-Amz-(?:Signature|Security-Token)(?:=|%3D|%253D))"
                           r"(?:[A-Za-z0-9_.~+/-]|%(?!26|2526)(?:25)?[0-9A-Fa-f]{2})*")


def redacted(text: str) -> str:
    """`text` with the signature (and session token) of every presigned url in it
    replaced by "…", whether the url is written plainly or inside another url."""
    return _SECRET_PARTS.sub(r"\1…", text) if "X-Amz-" in text else text


class RedactSignatures(logging.Filter):
    """A logging filter that redacts presigned urls from records (urllib3 writes each
    request's url, query included, at DEBUG level)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = redacted(record.getMessage())
            record.args = ()
        elif isinstance(record.msg, str):
            record.msg = redacted(record.msg)
        return True


# urllib3's loggers that write urls: each request, each retry, each redirect. A filter
# acts only on its own logger's records, so each of them gets one.
URLLIB3_URL_LOGGERS = ("urllib3.connectionpool", "urllib3.util.retry", "urllib3.poolmanager")


def redact_urllib3_logs() -> None:
    """Install RedactSignatures on urllib3's loggers that write urls (once each)."""
    for name in URLLIB3_URL_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSignatures) for f in logger.filters):
            logger.addFilter(RedactSignatures())

"""The one way the core talks HTTP: a `requests.Session` that retries politely and never hangs.

- Every request gets a default (connect, read) timeout, so a dead network never freezes
  a task (eodag's stalled downloads, Planet Explorer's hung log-in).
- urllib3 `Retry` retries 429/500/502/503/504 and connection failures with backoff and
  honours `Retry-After` (capped, so a long one fails instead of blocking).
- A request that may have acted on the server (POST, by default) is retried only when the
  server certainly did not act on it: connection refused, 429, 503. Not after a read
  error, a 500, 502 or 504: a refresh-token grant (rotation) or a new demand must not run
  twice. A caller marks a request whose repetition is harmless with `retry_safe=True`
  (a STAC search sent as POST, signing), or a GET that creates something with
  `retry_safe=False`; then it is retried like any read (also after a dropped connection).
- Every body is checked against its Content-Length, streamed or not: a dropped connection
  raises `ChunkedEncodingError` instead of passing as a short body (urllib3 1.26, which
  QGIS ships, does not check it by itself).
- `proxies` come from the caller (the QGIS glue passes QGIS's proxy settings); without
  them requests reads the environment, as console scripts expect.
"""
import logging
import threading
from contextlib import contextmanager
from typing import Optional

import requests
import requests.auth
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .errors import (CertificateNotTrusted, EndpointInvalid, ServiceUnreachable,
                     error_from_response, redact_url)
from .signed_url import redact_urllib3_logs

LOG = logging.getLogger("dinamis")
redact_urllib3_logs()  # urllib3 writes each url, presigned ones too, at DEBUG level

DEFAULT_TIMEOUT = (10, 60)  # seconds: connect, read
DEFAULT_RETRIES = 4
DEFAULT_USER_AGENT = "DINAMIS-for-QGIS/0.1 python-requests/" + requests.__version__
MAX_RETRY_AFTER = 30.0
RETRY_STATUSES = (429, 500, 502, 503, 504)
UNSAFE_RETRY_STATUSES = (429, 503)  # refused before acting: safe to send again anyway
SECRET_HEADERS = ("Authorization", "access-key", "secret-key")
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
RESENDS_AFTER_DROP = 3  # attempts of a retry-safe request whose body was cut short

# The `retry_safe` of the request this thread is sending (None: decided by its method).
# urllib3 asks its Retry about a request without the request itself; the session sets
# this around each request, nested ones (a token refresh inside a search) included.
_sending = threading.local()


def _retry_safe(method: Optional[str]) -> bool:
    explicit = getattr(_sending, "retry_safe", None)
    if explicit is not None:
        return explicit
    return (method or "").upper() in IDEMPOTENT


class PoliteRetry(Retry):
    """`Retry` that repeats a request that may have acted only when that is harmless."""

    def is_retry(self, method, status_code, has_retry_after=False):
        if not _retry_safe(method) and status_code not in UNSAFE_RETRY_STATUSES:
            return False
        return super().is_retry(method, status_code, has_retry_after)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None,
                  _stacktrace=None):
        if error is not None and self._is_read_error(error) and not _retry_safe(method):
            raise error  # the request may have been processed: do not send it again
        return super().increment(method, url, response, error, _pool, _stacktrace)

    def get_retry_after(self, response):
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, MAX_RETRY_AFTER)


class LengthCheckingAdapter(HTTPAdapter):
    """An adapter whose bodies end in an error, not early, when the connection drops.

    urllib3 2 enforces Content-Length by default; urllib3 1.26 (Debian's, QGIS's) does not,
    and a cut download would pass as a complete file.
    """

    def build_response(self, req, resp):
        resp.enforce_content_length = True
        return super().build_response(req, resp)


class TimeoutSession(requests.Session):
    """A `requests.Session` applying a default timeout to every request, and taking
    `retry_safe` (see the module's docstring) on every request method."""

    def __init__(self, timeout=DEFAULT_TIMEOUT):
        super().__init__()
        self.timeout = timeout

    def request(self, method, url, *args, retry_safe: Optional[bool] = None, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        safe = retry_safe if retry_safe is not None else method.upper() in IDEMPOTENT
        attempts = RESENDS_AFTER_DROP if safe and not kwargs.get("stream") else 1
        outer = getattr(_sending, "retry_safe", None)
        _sending.retry_safe = retry_safe
        try:
            for attempt in range(1, attempts + 1):
                try:
                    return super().request(method, url, *args, **kwargs)
                except requests.exceptions.ChunkedEncodingError:
                    # The connection dropped mid-body (urllib3 retries only before the
                    # body): a request whose repetition is harmless is simply sent again.
                    if attempt == attempts:
                        raise
                    LOG.info("connection dropped while reading %s; retrying",
                             redact_url(url))
        finally:
            _sending.retry_safe = outer

    def rebuild_auth(self, prepared_request, response):
        """On a redirect to another host, drop API-key headers as requests drops Authorization."""
        if self.should_strip_auth(response.request.url, prepared_request.url):
            for name in SECRET_HEADERS:
                prepared_request.headers.pop(name, None)
        super().rebuild_auth(prepared_request, response)


class NoAuth(requests.auth.AuthBase):
    """`auth=NO_AUTH` sends one request without the session's auth (credentials of the
    login): the login's own endpoints, and checks that bring their own headers."""

    def __call__(self, request):
        return request

    def __repr__(self) -> str:
        return "NO_AUTH"


NO_AUTH = NoAuth()


def new_retry(total: int = DEFAULT_RETRIES, backoff_factor: float = 0.5) -> Retry:
    return PoliteRetry(
        total=total, connect=total, read=total, status=total, other=0,
        backoff_factor=backoff_factor, status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset(Retry.DEFAULT_ALLOWED_METHODS | {"POST", "PATCH"}),
        respect_retry_after_header=True, raise_on_status=False, raise_on_redirect=False)


def new_http_session(proxies: Optional[dict] = None, user_agent: str = DEFAULT_USER_AGENT,
                     retries: int = DEFAULT_RETRIES, timeout=DEFAULT_TIMEOUT,
                     backoff_factor: float = 0.5) -> requests.Session:
    """A session for DINAMIS services (no credentials: `DinamisSession` adds those).

    `proxies` like requests' (`{"http": ..., "https": ...}`); when given, environment proxy
    variables are ignored so QGIS's own proxy settings win.
    """
    session = TimeoutSession(timeout)
    adapter = LengthCheckingAdapter(max_retries=new_retry(retries, backoff_factor),
                                    pool_maxsize=16)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent
    if proxies is not None:
        session.trust_env = False
        session.proxies.update({k: v for k, v in proxies.items() if v})
    return session


def unreachable(exc: Exception, url: str) -> ServiceUnreachable:
    """The user-facing error for a network failure (no detail: it may echo a full url)."""
    LOG.debug("network failure for %s: %s", redact_url(url), type(exc).__name__)
    if isinstance(exc, requests.exceptions.SSLError):
        return CertificateNotTrusted(url)
    return ServiceUnreachable(url)


@contextmanager
def reaching(url: str):
    """Turn requests' network failures inside the block into ServiceUnreachable, and
    malformed addresses into EndpointInvalid."""
    try:
        yield
    except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema):
        raise EndpointInvalid(url) from None
    except (requests.ConnectionError, requests.Timeout, requests.exceptions.RetryError,
            requests.exceptions.ChunkedEncodingError) as exc:
        raise unreachable(exc, url) from None


def checked(response: requests.Response) -> requests.Response:
    """`response` when it is a success, else the matching `DinamisError` raised."""
    if response.status_code >= 400:
        raise error_from_response(response)
    return response


def call(http: requests.Session, method: str, url: str, **kwargs) -> requests.Response:
    """One request with network failures and error answers turned into `DinamisError`s."""
    with reaching(url):
        response = http.request(method, url, **kwargs)
    return checked(response)

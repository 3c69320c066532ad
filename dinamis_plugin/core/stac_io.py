"""`SessionStacIO`: pystac-client's I/O sending through OUR requests session.

So retries, timeouts, proxies and authentication (DinamisSession.http) apply to STAC
requests too, and error answers become `DinamisError`s with the server's own reason
(STAC's `{"code", "description", "parameter", "reason"}`). It also avoids pystac-client's
debug log line, which prints request headers (an Authorization header is a secret), and
parses pages without holding the GIL for long (json_pages).
"""
import threading
from contextlib import contextmanager

import requests

from .._vendor.pystac_client.exceptions import APIError
from .._vendor.pystac_client.stac_api_io import StacApiIO
from . import json_pages
from .errors import DinamisError, error_from_response
from .http import DEFAULT_TIMEOUT, unreachable

_BODY_METHODS = ("POST", "PUT", "PATCH")


class StacRequestFailed(APIError):
    """An `APIError` (what pystac-client expects) carrying the `DinamisError` to show."""

    def __init__(self, error: DinamisError, status_code=None):
        super().__init__(str(error))
        self.error = error
        self.status_code = status_code


class SessionStacIO(StacApiIO):
    """StacApiIO over an existing `requests.Session` (its auth, proxies, retries)."""

    def __init__(self, http: requests.Session, timeout=DEFAULT_TIMEOUT):
        self._extra_headers = {}
        self._local = threading.local()  # the feature hook of this thread's read
        super().__init__(max_retries=None)
        self.session = http
        self.timeout = timeout

    def json_loads(self, txt: str, *args, **kwargs) -> dict:
        """Pages parsed feature by feature (json_pages): a search running in the
        background never holds the GIL long enough to stall QGIS's UI."""
        return json_pages.loads(txt, getattr(self._local, "feature_hook", None))

    @contextmanager
    def features_reduced(self, feature_hook):
        """Within this block, on this thread, pages read have their features replaced by
        what `feature_hook` returns for each (json_pages.loads)."""
        previous = getattr(self._local, "feature_hook", None)
        self._local.feature_hook = feature_hook
        try:
            yield
        finally:
            self._local.feature_hook = previous

    def update(self, headers=None, parameters=None, request_modifier=None, timeout=None):
        """Called by `Client.open`; keeps our session's settings and default timeout.
        (`parameters` and `request_modifier` are not used by the plugin.)"""
        self._extra_headers.update(headers or {})
        if timeout is not None:
            self.timeout = timeout

    def request(self, href, method=None, headers=None, parameters=None) -> str:
        method = (method or "GET").upper()
        body = ({"json": parameters} if method in _BODY_METHODS
                else {"params": dict(parameters or {})})
        try:  # pystac-client POSTs only searches: read-only, safe to send again
            response = self.session.request(
                method, href, headers={**self._extra_headers, **(headers or {})},
                timeout=self.timeout, retry_safe=True, **body)
        except requests.RequestException as exc:  # (an untrusted certificate says so)
            raise StacRequestFailed(unreachable(exc, href)) from None
        if not 200 <= response.status_code < 300:
            raise StacRequestFailed(error_from_response(response), response.status_code)
        return response.content.decode("utf-8", errors="replace")

"""Errors the user can act on.

Every `DinamisError` carries a translated sentence saying what went wrong and what to do,
built only from safe fields (a url stripped of its query string, an HTTP status, a
server's own short explanation): never a token, key, password, device code or signed url.
`error_from_response` turns an error answer of any DINAMIS service (STAC, OIDC, signing,
demand manager) into the right subclass, so callers never show "HTTP 403".
"""
import re
from typing import Optional
from urllib.parse import urlsplit, urlunsplit

from .i18n import tr

_URL_IN_TEXT = re.compile(r"(https?://[^\s'\"<>?#]+)[?#][^\s'\"<>]*")
_MAX_DETAIL = 300


def redact_url(url) -> str:
    """`url` without credentials, query string or fragment (signatures live there)."""
    try:
        parts = urlsplit(str(url))
    except ValueError:
        return "?"
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def redact_text(text) -> str:
    """A server-supplied explanation made safe to show: urls lose their query, length capped."""
    text = _URL_IN_TEXT.sub(r"\1", str(text or "")).strip()
    return text if len(text) <= _MAX_DETAIL else text[:_MAX_DETAIL - 1] + "…"


class DinamisError(Exception):
    """Base of every error the plugin shows; `str()` is the user-facing sentence."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ServiceUnreachable(DinamisError):
    """No answer: server down, too slow, DNS failure, proxy refusing, TLS failure."""

    def __init__(self, url):
        self.url = redact_url(url)
        super().__init__(tr("Cannot reach the DINAMIS service at {url}. Check your network or "
                            "proxy settings, or the endpoint in the DINAMIS settings.")
                         .format(url=self.url))


class CertificateNotTrusted(ServiceUnreachable):
    """The server's HTTPS certificate is not trusted (often a TLS-inspecting proxy whose CA
    certificate is not imported)."""

    def __init__(self, url):
        self.url = redact_url(url)
        DinamisError.__init__(self, tr(
            "The HTTPS certificate of {url} is not trusted. If your organisation inspects "
            "HTTPS traffic, import its CA certificate in QGIS (Settings > Options > "
            "Authentication > Certificate Manager) and trust it; the DINAMIS plugin trusts "
            "what QGIS trusts.").format(url=self.url))


class EndpointInvalid(DinamisError):
    """Something answered, but it is not the DINAMIS service we expected there."""

    def __init__(self, url, what: str = ""):
        self.url = redact_url(url)
        self.what = what
        message = tr("The address {url} does not answer like a DINAMIS service. Check the "
                     "endpoint addresses in the DINAMIS settings.").format(url=self.url)
        if what:
            message += " " + tr("(Missing: {what}.)").format(what=what)
        super().__init__(message)


class AuthenticationFailed(DinamisError):
    """Credentials refused: wrong or revoked API key, rejected token."""

    def __init__(self, detail: str = ""):
        self.detail = redact_text(detail)
        super().__init__(tr("DINAMIS did not accept your credentials. Log in again from the "
                            "DINAMIS account panel (or dinamis.login() in the Python "
                            "console), or check your API key."))


class LoginRequired(DinamisError):
    """No usable login: never logged in, or the stored login expired or was revoked."""

    def __init__(self):
        super().__init__(tr("You are not logged in to DINAMIS, or your login has expired. "
                            "Log in from the DINAMIS account panel (or dinamis.login() in "
                            "the Python console)."))


class DeviceCodeExpired(DinamisError):
    """The browser approval did not happen before the login code expired."""

    def __init__(self):
        super().__init__(tr("The login code expired before it was approved. Start the login "
                            "again and approve it in your browser before it expires."))


LoginExpired = DeviceCodeExpired


class LoginDenied(DinamisError):
    """Someone pressed "deny" on the browser page, or the account may not log in."""

    def __init__(self):
        super().__init__(tr("The login was denied in the browser. Start the login again and "
                            "approve it, or ask your entity's DINAMIS referent if your "
                            "account is disabled."))


class LoginCancelled(DinamisError):
    """The user cancelled a login that was waiting for browser approval."""

    def __init__(self):
        super().__init__(tr("Login cancelled."))


class AccountNotActive(DinamisError):
    """The account exists but may not download or file requests yet / any more."""

    def __init__(self, status: str):
        self.status = status
        if status == "pending":
            message = tr("Your DINAMIS account is awaiting validation by your entity's "
                         "DINAMIS referent. You can search the catalogue, but downloads and "
                         "requests need a validated account; contact your referent.")
        elif status == "expired":
            message = tr("Your DINAMIS account has expired. Ask your entity's DINAMIS referent "
                         "to renew it, then try again.")
        elif status == "disabled":
            message = tr("Your DINAMIS account is disabled. Contact your entity's DINAMIS "
                         "referent or the DINAMIS team.")
        else:
            message = tr("Your DINAMIS account is not active. Contact your entity's DINAMIS "
                         "referent.")
        super().__init__(message)


class PermissionDenied(DinamisError):
    """Authenticated, but this action is not allowed for this account."""

    def __init__(self, detail: str = ""):
        self.detail = redact_text(detail)
        message = tr("DINAMIS refused this action for your account.")
        if self.detail:
            message += " " + tr("The service said: {detail}").format(detail=self.detail)
        super().__init__(message)


class InvalidRequest(DinamisError):
    """The service rejected a parameter; names it so the user can fix it."""

    def __init__(self, field: str = "", reason: str = ""):
        self.field = redact_text(field)
        self.reason = redact_text(reason)
        if self.field and self.reason:
            message = tr("DINAMIS rejected the value of \"{field}\": {reason}").format(
                field=self.field, reason=self.reason)
        elif self.reason or self.field:
            message = tr("DINAMIS rejected the request: {reason}").format(
                reason=self.reason or self.field)
        else:
            message = tr("DINAMIS rejected the request. Check the values you entered.")
        super().__init__(message)


class NotFound(DinamisError):
    """The resource does not exist (any more) at the service."""

    def __init__(self, url=""):
        self.url = redact_url(url) if url else ""
        super().__init__(tr("DINAMIS could not find {url}. It may have been removed, or the "
                            "endpoint in the DINAMIS settings is wrong.").format(url=self.url))


class RateLimited(DinamisError):
    """Too many requests even after waiting as the service asked."""

    def __init__(self, retry_after: Optional[float] = None):
        self.retry_after = retry_after
        super().__init__(tr("DINAMIS is receiving too many requests. Wait a minute and try "
                            "again."))


class ServerError(DinamisError):
    """The service failed (5xx, or an answer we cannot read)."""

    def __init__(self, status: int = 0, detail: str = ""):
        self.status = status
        self.detail = redact_text(detail)
        message = tr("The DINAMIS service had a problem (HTTP {status}). Try again later; if "
                     "it persists, contact the DINAMIS team.").format(status=status)
        if self.detail:
            message += " " + tr("The service said: {detail}").format(detail=self.detail)
        super().__init__(message)


_ACCOUNT_CODES = {"account_pending": "pending", "account_expired": "expired",
                  "account_disabled": "disabled"}


def _json_body(response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _detail_text(value) -> str:
    """FastAPI `detail` is a string or a list of {loc, msg}; keep the words only."""
    if isinstance(value, list):
        return "; ".join(str(item.get("msg", "")) if isinstance(item, dict) else str(item)
                         for item in value)
    return str(value or "")


_REQUEST_PARTS = ("body", "query", "path", "header")


def _validation_problems(detail) -> list:
    """(field, reason) of each entry of a FastAPI/pydantic validation `detail` list:
    `{"loc": ["body", "datetime"], "msg": "Value error, ...", "type": "value_error"}`."""
    if not isinstance(detail, list):
        return []
    problems = []
    for entry in detail:
        if not isinstance(entry, dict) or "msg" not in entry:
            continue
        loc = entry.get("loc") if isinstance(entry.get("loc"), list) else []
        if loc and loc[0] in _REQUEST_PARTS:
            loc = loc[1:]
        field = ".".join(str(part) for part in loc)
        reason = str(entry.get("msg") or "")
        for prefix in ("Value error, ", "Assertion failed, "):
            reason = reason[len(prefix):] if reason.startswith(prefix) else reason
        problems.append((field, reason))
    return problems


def _validation_error(detail) -> Optional["InvalidRequest"]:
    """The InvalidRequest a FastAPI validation answer (400 or 422) means: the field and
    the reason when there is one problem; every "field: reason" otherwise."""
    problems = _validation_problems(detail)
    if not problems:
        return None
    if len(problems) == 1:
        return InvalidRequest(*problems[0])
    return InvalidRequest("", "; ".join(f"{field}: {reason}" if field else reason
                                        for field, reason in problems))


def error_from_response(response) -> DinamisError:
    """The `DinamisError` an HTTP error answer means, in any of our services' dialects.

    Reads STAC (`code`/`description`), FastAPI (`detail`/`code`, and request validation's
    `detail` list of {loc, msg, type}, which names the field), OAuth2
    (`error`/`error_description`) and demand manager (`error`/`field`/`reason`) bodies.
    Uses the request url only without its query string.
    """
    status = response.status_code
    body = _json_body(response)
    code = str(body.get("code") or "")
    error = str(body.get("error") or "")
    url = getattr(response, "url", "") or ""

    if code in _ACCOUNT_CODES:
        return AccountNotActive(_ACCOUNT_CODES[code])
    if status == 404:
        return NotFound(url)
    if ("field" in body or "parameter" in body) and status not in (401, 403, 429):
        field = str(body.get("field") or body.get("parameter") or "")
        reason = str(body.get("reason") or body.get("description")
                     or _detail_text(body.get("detail")) or "")
        if field and reason.startswith(field + ": "):
            reason = reason[len(field) + 2:]
        return InvalidRequest(field, reason)
    if status in (400, 422):
        validation = _validation_error(body.get("detail"))
        if validation is not None:
            return validation
    if error:  # OAuth2 dialect (token, device, userinfo endpoints)
        if error == "access_denied":
            return LoginDenied()
        if error == "expired_token":
            return DeviceCodeExpired()
        if error == "invalid_grant":
            return LoginRequired()
        if error in ("invalid_client", "unauthorized_client", "invalid_token"):
            return AuthenticationFailed(str(body.get("error_description") or ""))
    detail = _detail_text(body.get("detail") or body.get("description")
                          or body.get("error_description") or "")
    if status == 401:
        return AuthenticationFailed(detail)
    if status == 403:
        return PermissionDenied(detail)
    if status == 429:
        return RateLimited(_retry_after(response))
    if status in (400, 405, 409, 413, 422):
        return InvalidRequest("", detail)
    return ServerError(status, detail)


def _retry_after(response) -> Optional[float]:
    try:
        return float(response.headers.get("Retry-After"))
    except (TypeError, ValueError):
        return None


class SecretStoreError(DinamisError):
    """The system keyring (or QGIS's password database) refused to store or read a secret."""

    def __init__(self):
        super().__init__(tr("Cannot use the system password store to keep your DINAMIS login. "
                            "Unlock it (or set a QGIS master password) and try again."))


class UnknownCollection(DinamisError):
    """A search names collections the catalogue does not have (a STAC API answers that
    with an empty result, which would look like "nothing found")."""

    def __init__(self, unknown, known):
        self.unknown = list(unknown)
        self.known = list(known)
        if len(self.unknown) == 1:
            message = tr("The catalogue has no collection \"{id}\".").format(id=self.unknown[0])
        else:
            message = tr("The catalogue has no collections {ids}.").format(
                ids=", ".join(f"\"{c}\"" for c in self.unknown))
        message += " " + (tr("Its collections are: {ids}.").format(ids=", ".join(self.known))
                          if self.known else tr("It lists no collections."))
        super().__init__(message)


class SearchNotSupported(DinamisError):
    """A search criterion this catalogue cannot apply (its STAC API does not offer it)."""

"""OpenID Connect as DINAMIS uses it: discovery, device-code login, refresh, userinfo.

The token endpoint is found where the real DINAMIS SDK finds it: in the signing service's
openapi.json (OAuth2PasswordBearer's tokenUrl). The issuer is that url minus
`/protocol/openid-connect/token` (Keycloak's layout); its discovery document gives the
device and userinfo endpoints, and when it cannot be read we derive them as the SDK does.

Every request here goes without the session's auth (`NO_AUTH`): the login's endpoints take
their credentials in the form or an explicit header, and a token refresh must not ask the
session for a token (recursion) when the token endpoint shares a host with a service.
"""
import logging
import time
from dataclasses import dataclass, field
from typing import Callable, Optional, Union
from urllib.parse import urljoin

import requests

from .errors import (DeviceCodeExpired, DinamisError, EndpointInvalid, LoginCancelled,
                     LoginDenied, error_from_response)
from .http import NO_AUTH, call, reaching

LOG = logging.getLogger("dinamis")

TOKEN_SUFFIX = "/protocol/openid-connect/token"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_SCOPE = "openid offline_access"
SLOW_DOWN_STEP = 5
CANCEL_CHECK_SECONDS = 0.2

CancelSignal = Union[Callable[[], bool], "threading.Event", None]  # noqa: F821


@dataclass(frozen=True)
class OidcEndpoints:
    """Where to log in. No secrets: safe to log and cache."""

    issuer: Optional[str]
    token_url: str
    device_authorization_url: str
    userinfo_url: str
    end_session_url: Optional[str] = None


@dataclass(frozen=True)
class TokenSet:
    """Tokens of one login. Expiry times are epoch seconds computed when the answer arrived.

    `repr()` shows expiry times only, never a token.
    """

    access_token: str = field(repr=False)
    refresh_token: Optional[str] = field(repr=False)
    expires_at: float
    refresh_expires_at: Optional[float] = None
    scope: str = ""
    issued_at: float = 0.0

    @classmethod
    def from_token_response(cls, body: dict, previous_refresh_token: Optional[str] = None,
                            now: Optional[float] = None) -> "TokenSet":
        now = time.time() if now is None else now
        if not isinstance(body, dict) or not body.get("access_token"):
            raise ValueError("no access_token in the token answer")
        # Keycloak sends refresh_expires_in 0 for offline tokens (scope offline_access):
        # no announced expiry, not "already expired".
        refresh_in = float(body.get("refresh_expires_in") or 0)
        return cls(access_token=body["access_token"],
                   refresh_token=body.get("refresh_token") or previous_refresh_token,
                   expires_at=now + float(body.get("expires_in") or 300),
                   refresh_expires_at=(now + refresh_in) if refresh_in > 0 else None,
                   scope=str(body.get("scope") or ""), issued_at=now)

    @property
    def lifetime_left(self) -> float:
        return self.expires_at - time.time()


@dataclass(frozen=True)
class DeviceCode:
    """What the user must see (user code, url) and what only the poller needs (device code)."""

    device_code: str = field(repr=False)
    user_code: str
    verification_uri: str
    verification_uri_complete: Optional[str]
    expires_at: float
    interval: int

    @property
    def browser_url(self) -> str:
        """The page to open: with the code filled in when the server offers it."""
        return self.verification_uri_complete or self.verification_uri


class DevicePoll:
    """A device login being waited for: the code, and the polling interval the server
    asked for (`slow_down` lengthens it)."""

    def __init__(self, device: DeviceCode):
        self.device = device
        self.interval = device.interval
        self.epoch = 0  # the session's login count when it started (a logout wins)

    def __repr__(self) -> str:
        return f"DevicePoll(user_code={self.device.user_code!r}, interval={self.interval})"


def _json(response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def token_url_from_openapi(signing_url: str, http: requests.Session) -> str:
    """The token endpoint the signing service declares (as the DINAMIS SDK reads it)."""
    openapi_url = signing_url + "openapi.json"
    with reaching(openapi_url):
        response = http.get(openapi_url, auth=NO_AUTH)
    if response.status_code >= 500:
        raise error_from_response(response)
    if not response.ok:  # 404 and friends: something else lives at this address
        raise EndpointInvalid(openapi_url, "openapi.json")
    try:
        flows = _json(response)["components"]["securitySchemes"]["OAuth2PasswordBearer"]
        token_url = flows["flows"]["password"]["tokenUrl"]
    except (KeyError, TypeError):
        raise EndpointInvalid(openapi_url, "tokenUrl") from None
    if not isinstance(token_url, str) or not token_url:
        raise EndpointInvalid(openapi_url, "tokenUrl")
    return urljoin(signing_url, token_url)


def derived_endpoints(token_url: str) -> OidcEndpoints:
    """The real SDK's derivation, used when the discovery document is unavailable."""
    issuer = token_url[:-len(TOKEN_SUFFIX)] if token_url.endswith(TOKEN_SUFFIX) else None
    return OidcEndpoints(issuer=issuer, token_url=token_url,
                         device_authorization_url=token_url.rsplit("/", 1)[0] + "/auth/device",
                         userinfo_url=token_url.replace("/token", "/userinfo"))


def _from_discovery(issuer: str, http: requests.Session) -> Optional[dict]:
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        with reaching(url):
            response = http.get(url, auth=NO_AUTH)
    except DinamisError:
        return None
    document = _json(response) if response.ok else {}
    return document if document.get("token_endpoint") else None


def discover(signing_url: str, http: requests.Session,
             issuer: Optional[str] = None) -> OidcEndpoints:
    """Login endpoints for a signing service, or for an explicit `issuer` override.

    Raises ServiceUnreachable when the signing service does not answer and EndpointInvalid
    when it answers without declaring a token url.
    """
    if issuer:
        document = _from_discovery(issuer, http)
        if document is None:
            return derived_endpoints(issuer.rstrip("/") + TOKEN_SUFFIX)
        token_url = document["token_endpoint"]
    else:
        token_url = token_url_from_openapi(signing_url, http)
        derived = derived_endpoints(token_url)
        document = _from_discovery(derived.issuer, http) if derived.issuer else None
        if document is None:
            LOG.info("OpenID discovery unavailable; using endpoints derived from %s", token_url)
            return derived
        token_url = document.get("token_endpoint") or token_url
    derived = derived_endpoints(token_url)
    return OidcEndpoints(
        issuer=document.get("issuer") or derived.issuer,
        token_url=token_url,
        device_authorization_url=(document.get("device_authorization_endpoint")
                                  or derived.device_authorization_url),
        userinfo_url=document.get("userinfo_endpoint") or derived.userinfo_url,
        end_session_url=document.get("end_session_endpoint"))


def _cancelled(cancel: CancelSignal) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return cancel.is_set()
    return bool(cancel())


class OidcClient:
    """Talks to the token, device and userinfo endpoints for one public client (`gdal`)."""

    def __init__(self, endpoints: OidcEndpoints, http: requests.Session,
                 client_id: str = "gdal", scope: str = DEFAULT_SCOPE):
        self.endpoints = endpoints
        self.http = http
        self.client_id = client_id
        self.scope = scope

    def start_device_login(self) -> DeviceCode:
        """Ask for a user code; show it with `browser_url`, then `poll_device_login`."""
        url = self.endpoints.device_authorization_url
        response = call(self.http, "POST", url, auth=NO_AUTH,
                        data={"client_id": self.client_id, "scope": self.scope})
        body = _json(response)
        try:
            now = time.time()
            return DeviceCode(device_code=body["device_code"], user_code=body["user_code"],
                              verification_uri=body["verification_uri"],
                              verification_uri_complete=body.get("verification_uri_complete"),
                              expires_at=now + float(body.get("expires_in") or 600),
                              interval=max(1, int(body.get("interval") or 5)))
        except (KeyError, TypeError, ValueError):
            raise EndpointInvalid(url, "device_code") from None

    def poll_device_login(self, device: DeviceCode,
                          cancel_event: CancelSignal = None) -> TokenSet:
        """Wait until the user approves in the browser; the tokens then.

        Honours the server's interval and `slow_down` (+5 s). Raises LoginDenied,
        DeviceCodeExpired (server's `expired_token` or the local deadline) and
        LoginCancelled (`cancel_event`: a threading.Event or a callable, checked every
        0.2 s). Blocks its thread: inside QGIS, drive `poll_device_login_once` from a
        timer instead, so no task thread is held while the user is in the browser.
        """
        poll = DevicePoll(device)
        while True:
            self._wait(poll.interval, device.expires_at, cancel_event)
            tokens = self.poll_device_login_once(poll)
            if tokens is not None:
                return tokens

    def poll_device_login_once(self, poll: "DevicePoll") -> Optional[TokenSet]:
        """Ask once whether the user approved: the tokens, or None while pending (then
        ask again in `poll.interval` seconds, which `slow_down` lengthens).

        Raises LoginDenied and DeviceCodeExpired (the server's answer or the deadline).
        """
        if time.time() >= poll.device.expires_at:
            raise DeviceCodeExpired()
        response = self._post_token({"grant_type": DEVICE_GRANT,
                                     "device_code": poll.device.device_code})
        if response.ok:
            return self._tokens(response)
        error = _json(response).get("error")
        if error == "authorization_pending":
            return None
        if error == "slow_down":
            poll.interval += SLOW_DOWN_STEP
            return None
        if error == "access_denied":
            raise LoginDenied()
        if error in ("expired_token", "invalid_grant"):
            raise DeviceCodeExpired()
        raise error_from_response(response)

    @staticmethod
    def _wait(seconds: float, expires_at: float, cancel: CancelSignal) -> None:
        deadline = time.monotonic() + seconds
        while True:
            if _cancelled(cancel):
                raise LoginCancelled()
            if time.time() >= expires_at:
                raise DeviceCodeExpired()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(CANCEL_CHECK_SECONDS, left))

    def refresh(self, tokens: TokenSet) -> TokenSet:
        """New tokens from the refresh token; keeps the rotated refresh token.

        Raises LoginRequired when the refresh token is expired, used or revoked.
        """
        response = self._post_token({"grant_type": "refresh_token",
                                     "refresh_token": tokens.refresh_token or ""})
        if not response.ok:
            raise error_from_response(response)
        return self._tokens(response, tokens.refresh_token)

    def refresh_with(self, refresh_token: str) -> TokenSet:
        """New tokens from a stored refresh token (restoring a login)."""
        return self.refresh(TokenSet(access_token="", refresh_token=refresh_token,
                                     expires_at=0.0))

    def userinfo(self, access_token: str) -> dict:
        """The account's claims (see docs/ARCHITECTURE.md)."""
        response = call(self.http, "GET", self.endpoints.userinfo_url, auth=NO_AUTH,
                        headers={"Authorization": f"Bearer {access_token}"})
        body = _json(response)
        if not body:
            raise EndpointInvalid(self.endpoints.userinfo_url, "userinfo")
        return body

    def end_session(self, refresh_token: str) -> None:
        """End the login at the server (Keycloak logout) so the refresh token dies there too.

        Best effort: a failure is logged, never raised (the local logout must proceed).
        """
        url = self.endpoints.end_session_url
        if not url or not refresh_token:
            return
        try:
            with reaching(url):
                self.http.post(url, data={"client_id": self.client_id,
                                          "refresh_token": refresh_token}, timeout=(5, 10),
                               auth=NO_AUTH)
        except DinamisError as err:
            LOG.info("server-side logout skipped: %s", type(err).__name__)

    def _tokens(self, response, previous_refresh_token=None) -> TokenSet:
        try:
            return TokenSet.from_token_response(_json(response), previous_refresh_token)
        except (ValueError, TypeError):
            raise EndpointInvalid(self.endpoints.token_url, "access_token") from None

    def _post_token(self, form: dict) -> requests.Response:
        url = self.endpoints.token_url
        with reaching(url):
            return self.http.post(url, data=dict(form, client_id=self.client_id),
                                  auth=NO_AUTH)

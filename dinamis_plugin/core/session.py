"""`DinamisSession`: the one object that holds a login and hands out authenticated HTTP.

Every other part (signer, catalogue, demands, GUI) uses `session.http`, a
`requests.Session` whose auth adds the login's headers, but only to this profile's own
services (an asset host or any third party never sees a token). Tokens are refreshed
ahead of expiry, and a 401 triggers one refresh and one retry, so a batch running for
hours does not die when a token expires (eodag's and the DINAMIS SDK's complaint).
Refresh tokens rotate; each new one is saved in the secret store at once. Programs sharing
the store (QGIS and a notebook) do not log each other out: a refused refresh token is
forgotten only if it is still the stored one, and a newer stored one is tried first.
`login_kept` says whether the login will survive a restart (the store took it).
A logout takes effect at once (`drop_login`, no network, no store: safe on the UI thread);
what remains (deleting the stored secrets, ending the server session) follows in the
background, and a refresh or restore still running then cannot bring the login back.
"""
import logging
import threading
import time
from typing import Callable, Dict, Optional

from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase

from .account import Account
from .api_key import ApiKey
from . import signed_url
from .errors import (AuthenticationFailed, DinamisError, LoginCancelled, LoginRequired,
                     ServiceUnreachable)
from .http import NO_AUTH, new_http_session
from .oidc import CancelSignal, DeviceCode, DevicePoll, OidcClient, TokenSet, discover
from .profiles import EndpointProfile
from .secrets import API_ACCESS_KEY, API_SECRET_KEY, REFRESH_TOKEN, SecretStore
from .signer import request_signatures

LOG = logging.getLogger("dinamis")

REFRESH_MARGIN_MAX = 60.0      # seconds before expiry a token is renewed...
REFRESH_MARGIN_FRACTION = 0.1  # ...or 10 % of its lifetime when that is shorter...
REFRESH_MARGIN_MIN = 2.0       # ...but at least this (up to half the lifetime): a JWT's
# expiry is in whole seconds (up to 1 s earlier than `expires_in` says) and a request
# takes time to reach the service


def api_key_check_url(profile: EndpointProfile) -> str:
    """A url on the profile's object storage: the signing service signs it for any valid
    key, so checking a key does not depend on an answer nobody has seen (an empty list)."""
    signing = urlsplit(profile.signing_url)
    host = profile.storage_hosts[0] if profile.storage_hosts else signing.hostname
    return f"{signing.scheme}://{host}/dinamis-qgis/api-key-check.tif"


class _DinamisAuth(AuthBase):
    """Adds the session's credentials to requests for the profile's services only; never
    to a presigned url (its signature is the credential; S3 refuses two)."""

    def __init__(self, session: "DinamisSession"):
        self.session = session

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        if (not self.session.profile.owns_url(request.url)
                or signed_url.is_signed(request.url)):
            return request
        headers = self.session.credential_headers()
        if headers:
            request.headers.update(headers)
            request.register_hook("response", self.session._retry_after_401)
        return request

    def __repr__(self) -> str:
        return "<DinamisAuth>"


class DinamisSession:
    """A login to one DINAMIS deployment (`profile`), kept in `secret_store` between runs.

    Thread-safe: any number of threads may use `http` at once; refreshes are serialised
    (`_lock`, held across their network calls). The login itself is swapped under
    `_swap_lock`, never held across I/O, so `drop_login` never waits for the network.
    `_epoch` counts the logins and logouts: a refresh or restore installs its result only
    if no logout or other login happened while it ran.
    """

    def __init__(self, profile: EndpointProfile, secret_store: SecretStore,
                 http: Optional[requests.Session] = None):
        self.profile = profile
        self.secret_store = secret_store
        self.http = http if http is not None else new_http_session()
        self.http.auth = _DinamisAuth(self)
        self._lock = threading.RLock()
        self._swap_lock = threading.Lock()
        self._epoch = 0
        self._tokens: Optional[TokenSet] = None
        self._api_key: Optional[ApiKey] = None
        self._oidc: Optional[OidcClient] = None
        self._kept = True

    def __repr__(self) -> str:
        return f"DinamisSession(profile={self.profile.name!r}, login={self.login_kind})"

    # --- state ------------------------------------------------------------------------

    @property
    def is_logged_in(self) -> bool:
        return self._tokens is not None or self._api_key is not None

    @property
    def login_kept(self) -> bool:
        """False when the secret store refused the login (or its last rotation): it works
        now but will not survive a restart. Say so; `keep_login()` tries again."""
        return self._kept or not self.is_logged_in

    @property
    def login_kind(self) -> Optional[str]:
        """"account" (device login), "api_key", or None."""
        if self._tokens is not None:
            return "account"
        if self._api_key is not None:
            return "api_key"
        return None

    def oidc(self) -> OidcClient:
        """The login endpoints of this profile, discovered once."""
        with self._lock:
            if self._oidc is None:
                endpoints = discover(self.profile.signing_url, self.http,
                                     issuer=self.profile.oidc_issuer)
                self._oidc = OidcClient(endpoints, self.http, self.profile.oidc_client_id)
            return self._oidc

    # --- logging in and out -----------------------------------------------------------

    def login_device(self, on_code: Callable[[DeviceCode], None],
                     cancel_event: CancelSignal = None) -> None:
        """Log in with the device flow; blocks until approved (run it off the UI thread).

        `on_code(device_code)` is called once the code exists, to show `user_code` and
        open `browser_url`. Raises LoginDenied, DeviceCodeExpired, LoginCancelled.
        """
        poll = self.start_device_login()
        on_code(poll.device)
        tokens = self.oidc().poll_device_login(poll.device, cancel_event)
        self._install_device_login(poll, tokens)

    def start_device_login(self) -> DevicePoll:
        """First step of a device login driven by the caller (QGIS polls from a timer so
        that no thread waits while the user is in the browser): show `poll.device`, then
        call `complete_device_login(poll)` every `poll.interval` seconds."""
        poll = DevicePoll(self.oidc().start_device_login())
        poll.epoch = self._epoch
        return poll

    def complete_device_login(self, poll: DevicePoll) -> bool:
        """Ask once whether the browser approval came: True once logged in (and kept),
        False while still pending. Raises LoginDenied, DeviceCodeExpired, and
        LoginCancelled when a logout happened since the login started."""
        tokens = self.oidc().poll_device_login_once(poll)
        if tokens is None:
            return False
        self._install_device_login(poll, tokens)
        return True

    def _install_device_login(self, poll: DevicePoll, tokens) -> None:
        with self._lock:
            if not self._set_login(tokens, None, since=poll.epoch):
                raise LoginCancelled()  # logged out meanwhile: that wins
            self._save(REFRESH_TOKEN, tokens.refresh_token)
            self._forget(API_ACCESS_KEY, API_SECRET_KEY)
        LOG.info("logged in to %s with an account", self.profile.name)

    def login_api_key(self, access_key: str, secret_key: str) -> None:
        """Check an API key by signing one url of the storage with it, then keep it.

        Raises AuthenticationFailed (unknown or revoked key), AccountNotActive.
        """
        key = ApiKey((access_key or "").strip(), (secret_key or "").strip())
        if not key.access_key or not key.secret_key:
            raise AuthenticationFailed()
        epoch = self._epoch
        # Sent with explicit headers (not through our auth) so a failed check changes nothing.
        request_signatures(self.http, self.profile.signing_url,
                           [api_key_check_url(self.profile)], headers=key.headers(),
                           auth=NO_AUTH)
        with self._lock:
            if not self._set_login(None, key, since=epoch):
                raise LoginCancelled()  # logged out meanwhile: that wins
            self._save(API_ACCESS_KEY, key.access_key)
            self._save(API_SECRET_KEY, key.secret_key)
            self._forget(REFRESH_TOKEN)
        LOG.info("logged in to %s with an API key", self.profile.name)

    def restore(self) -> bool:
        """Resume the login kept in the secret store; False when there is none.

        A stored refresh token is exchanged for fresh tokens (LoginRequired, and the
        token is forgotten, when the server no longer accepts it); a stored API key is
        taken as is (its first use tells whether it still works).
        """
        with self._lock:
            epoch = self._epoch
            refresh_token = self.secret_store.get(self.profile.name, REFRESH_TOKEN)
            if refresh_token:
                tokens = self._exchange_locked(refresh_token)
                if not self._set_login(tokens, None, since=epoch):
                    return False  # logged out (or in) meanwhile
                self._save(REFRESH_TOKEN, tokens.refresh_token)
                return True
            access = self.secret_store.get(self.profile.name, API_ACCESS_KEY)
            secret = self.secret_store.get(self.profile.name, API_SECRET_KEY)
            if access and secret:
                return self._set_login(None, ApiKey(access, secret), since=epoch)
            return False

    def keep_login(self) -> bool:
        """Save the current login in the secret store again (e.g. once QGIS's
        authentication database is unlocked); whether it is kept now."""
        with self._lock:
            self._kept = True
            tokens, key = self._tokens, self._api_key
            if tokens is not None:
                self._save(REFRESH_TOKEN, tokens.refresh_token)
            elif key is not None:
                self._save(API_ACCESS_KEY, key.access_key)
                self._save(API_SECRET_KEY, key.secret_key)
            return self.login_kept

    def logout(self) -> None:
        """Forget the login here and in the secret store; end the server session if cheap."""
        self.drop_login()()

    def drop_login(self) -> Callable[[], None]:
        """Forget the login in this session now (no network, no secret store: safe on the
        UI thread), so nothing is sent or signed with it any more; return the rest of the
        logout, to run off the UI thread: delete the stored secrets (unless a new login
        replaced them meanwhile) and end the server session."""
        with self._swap_lock:
            tokens, self._tokens, self._api_key = self._tokens, None, None
            self._kept = True
            self._epoch += 1
            epoch = self._epoch
        LOG.info("logged out of %s", self.profile.name)

        def finish() -> None:
            with self._lock:  # after a refresh still running: it may have saved a token
                if self._epoch == epoch:
                    self._forget(REFRESH_TOKEN, API_ACCESS_KEY, API_SECRET_KEY)
                oidc = self._oidc
            if tokens is not None and tokens.refresh_token and oidc is not None:
                oidc.end_session(tokens.refresh_token)
        return finish

    # --- who is logged in -------------------------------------------------------------

    def account(self) -> Account:
        """The account's details (userinfo); `Account.unknown()` for an API key."""
        if self._api_key is not None and self._tokens is None:
            return Account.unknown()
        access_token = self.access_token()
        return Account.from_claims(self.oidc().userinfo(access_token))

    # --- credentials for requests -----------------------------------------------------

    def access_token(self) -> str:
        """A valid access token, refreshed first when close to expiry. LoginRequired if none."""
        with self._lock:
            tokens = self._tokens
            if tokens is None:
                raise LoginRequired()
            if self._needs_refresh(tokens):
                tokens = self._refresh_locked(tokens)
            return tokens.access_token

    def credential_headers(self) -> Dict[str, str]:
        """Headers that authenticate a request to the profile's services ({} if logged out)."""
        with self._lock:
            if self._tokens is not None:
                return {"Authorization": "Bearer " + self.access_token()}
            if self._api_key is not None:
                return self._api_key.headers()
            return {}

    @staticmethod
    def _needs_refresh(tokens: TokenSet) -> bool:
        lifetime = max(0.0, tokens.expires_at - tokens.issued_at)
        margin = min(REFRESH_MARGIN_MAX, max(REFRESH_MARGIN_FRACTION * lifetime,
                                             min(REFRESH_MARGIN_MIN, lifetime / 2)))
        return tokens.lifetime_left <= margin

    def _refresh_locked(self, current: TokenSet) -> TokenSet:
        """Renew `current`, the tokens in use (lock held); the tokens to use now. Keeps a
        still-valid token if the server is down. LoginRequired when the refresh token is
        refused, or the login was dropped meanwhile (its fresh tokens are not kept)."""
        epoch = self._epoch
        try:
            expires = current.refresh_expires_at
            expired = expires is not None and expires <= time.time()
            fresh = self._exchange_locked(current.refresh_token, expired=expired)
        except LoginRequired:
            LOG.info("the stored login of %s is no longer valid", self.profile.name)
            with self._swap_lock:
                if self._epoch == epoch:
                    self._tokens = None
            raise
        except ServiceUnreachable:
            if current.lifetime_left > 0:
                LOG.warning("token refresh failed (service unreachable); using current token")
                return current
            raise
        with self._swap_lock:
            dropped = self._epoch != epoch
            if not dropped:
                self._tokens = fresh
        if dropped:
            raise LoginRequired()
        self._save(REFRESH_TOKEN, fresh.refresh_token)
        return fresh

    def _retry_after_401(self, response: requests.Response, **send_kwargs):
        """Response hook: on a 401 with our bearer token, refresh once and retry once."""
        request = response.request
        if response.status_code != 401 or getattr(request, "_dinamis_retried", False):
            return response
        sent = request.headers.get("Authorization", "")
        with self._lock:
            tokens = self._tokens
            if tokens is None or not sent.startswith("Bearer "):
                return response
            if sent == "Bearer " + tokens.access_token:
                LOG.info("access token refused (401); refreshing once")
                tokens = self._refresh_locked(tokens)
            headers = {"Authorization": "Bearer " + tokens.access_token}
        response.content  # read to the end so the connection can be reused
        response.close()
        retry = request.copy()
        retry._dinamis_retried = True
        retry.headers.update(headers)
        second = response.connection.send(retry, **send_kwargs)
        second.history.append(response)
        second.request = retry
        return second

    def _exchange_locked(self, refresh_token: str, expired: bool = False) -> TokenSet:
        """Fresh tokens for `refresh_token` (lock held; `expired`: known dead, the server is
        not asked). When it is refused, a different refresh token in the store (saved by a
        program sharing it, after its own rotation) is tried; a refused token is forgotten
        only if it is still the stored one. Raises LoginRequired."""
        try:
            if expired:
                raise LoginRequired()
            return self.oidc().refresh_with(refresh_token)
        except LoginRequired:
            stored = self._stored(REFRESH_TOKEN)
            if not stored or stored == refresh_token:
                self._forget_if_still(REFRESH_TOKEN, refresh_token)
                raise
        LOG.info("the login of %s was renewed by another program; continuing with it",
                 self.profile.name)
        try:
            return self.oidc().refresh_with(stored)
        except LoginRequired:
            self._forget_if_still(REFRESH_TOKEN, stored)
            raise

    def _set_login(self, tokens: Optional[TokenSet], api_key: Optional[ApiKey],
                   since: int) -> bool:
        """Install a login obtained while the epoch was `since`; False (nothing changed)
        when a logout or another login happened in the meantime."""
        with self._swap_lock:
            if self._epoch != since:
                return False
            self._tokens, self._api_key, self._kept = tokens, api_key, True
            self._epoch += 1
            return True

    # --- secret store -----------------------------------------------------------------

    def _save(self, key: str, value: Optional[str]) -> None:
        if not value:
            return
        try:
            self.secret_store.set(self.profile.name, key, value)
        except DinamisError as err:  # the login still works, until QGIS restarts
            self._kept = False
            LOG.warning("could not keep the login in the secret store: %s",
                        type(err).__name__)

    def _stored(self, key: str) -> Optional[str]:
        try:
            return self.secret_store.get(self.profile.name, key)
        except DinamisError:
            return None

    def _forget_if_still(self, key: str, value: str) -> None:
        """Delete `key` only if it still holds `value` (another program may have replaced
        it since: its login must survive ours failing)."""
        if self._stored(key) == value:
            self._forget(key)

    def _forget(self, *keys: str) -> None:
        for key in keys:
            try:
                self.secret_store.delete(self.profile.name, key)
            except DinamisError as err:
                LOG.warning("could not remove a secret from the store: %s", type(err).__name__)


"""The login a Processing algorithm downloads with, in QGIS and headless.

Inside QGIS the algorithms use the plugin's own login (the panel's, which the console
shares through its host), or the console's. Where there is none, as under `qgis_process`,
they use an API key from the environment, `DINAMIS_ACCESS_KEY` and `DINAMIS_SECRET_KEY`
(environment, not parameters: Processing keeps parameters in its history), else resume the
login kept for the active profile: by the plugin (keyring or QGIS's authentication
database), else by the console outside QGIS (the system keyring).
"""
import logging
import os
import threading

from ..core.secrets import MemorySecretStore
from . import settings
from .plugin_session import default_secret_store, new_glue_http_session

LOG = logging.getLogger("dinamis")

ACCESS_KEY_VARIABLE = "DINAMIS_ACCESS_KEY"
SECRET_KEY_VARIABLE = "DINAMIS_SECRET_KEY"

_lock = threading.Lock()
_own = {}  # profile -> (DinamisSession, Signer) made here, reused by later runs


def processing_login():
    """(DinamisSession, Signer) for the active profile, logged in; LoginRequired if none."""
    from .. import api
    from ..core.errors import LoginRequired
    from ..core.session import DinamisSession
    from ..core.signer import Signer
    from ..console_host import current as console_host
    profile = settings.active_profile()
    host = console_host()
    plugin_session = getattr(getattr(host, "controller", None), "session", None)
    for shared in (plugin_session, api._shared_session()):
        if shared is not None and shared.profile == profile and shared.is_logged_in:
            return shared, api.signer()
    with _lock:
        known = _own.get(profile)
        if known is not None and known[0].is_logged_in:
            return known
        access, secret = (os.environ.get(ACCESS_KEY_VARIABLE, "").strip(),
                          os.environ.get(SECRET_KEY_VARIABLE, "").strip())
        if access and secret:
            session = DinamisSession(profile, MemorySecretStore(),  # the key is not kept
                                     http=new_glue_http_session())
            session.login_api_key(access, secret)
        else:
            session = _restored(profile)
        if not session.is_logged_in:
            raise LoginRequired()
        _own[profile] = (session, Signer(session.http, profile.signing_url,
                                         profile.is_storage_url))
        return _own[profile]


def _restored(profile):
    """A session resuming the login kept by the plugin (its store), else by the console
    outside QGIS (the system keyring); not logged in when neither holds one."""
    from ..core.errors import DinamisError
    from ..core.session import DinamisSession
    from .secret_store import system_keyring_store
    session = None
    for make_store in (default_secret_store, system_keyring_store):
        try:
            store = make_store()
        except Exception:  # noqa: BLE001 - an unusable store holds no login
            continue
        if store is None:
            continue
        session = DinamisSession(profile, store, http=new_glue_http_session())
        try:
            if session.restore():
                return session
        except DinamisError as error:
            LOG.info("no stored login to resume: %s", type(error).__name__)
    return session or DinamisSession(profile, MemorySecretStore(),
                                     http=new_glue_http_session())

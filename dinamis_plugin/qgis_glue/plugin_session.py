"""The plugin's one DINAMIS login, driven from the UI without ever blocking it.

`SessionController` owns the `DinamisSession` of the active profile and runs every step
that touches the network (device login, API-key login, restore at start-up, refresh of
account and quotas, logout) through the TaskRunner. Widgets observe its `changed` signal
and read `state`, `account`, `quotas` and `error`; the device code arrives via the
`device_code` signal (emitted on the worker thread, delivered queued on the main thread).
The heavy modules (requests, keyring) are imported only when a session is first needed.
"""
import logging
from typing import Callable, List, Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.i18n import tr
from . import settings
from .tasks import TaskRunner

LOG = logging.getLogger("dinamis")

LOGGED_OUT = "logged_out"
RESTORING = "restoring"
LOGGING_IN = "logging_in"
LOGGED_IN = "logged_in"


def default_secret_store():
    """The system keyring when usable, else QGIS's encrypted auth database."""
    from ..core.secrets import KeyringSecretStore, keyring_usable
    if keyring_usable():
        return KeyringSecretStore()
    from .authdb import AuthDbSecretStore
    return AuthDbSecretStore()


def new_glue_http_session(**options):
    """A core HTTP session honouring QGIS's proxy settings (raises ProxyNotSupported);
    `options` go to `new_http_session` (e.g. retries=0 for the downloader)."""
    from ..core.http import new_http_session
    from .proxy import qgis_proxy
    route = qgis_proxy()
    route.check_usable()
    proxies = route.requests_proxies()
    http = new_http_session(proxies=proxies or None, **options)
    route.install(http)
    return http


def share_with_console(session) -> None:
    """Let `import dinamis` in the QGIS Python console use the plugin's login."""
    import importlib
    import sys
    api_name = __name__.rsplit(".", 2)[0] + ".api"
    if session is None and api_name not in sys.modules:
        return  # nobody used the console: nothing to detach, and nothing to import at unload
    try:  # import_module, not "from .. import api": that would fall into the package's
        # __getattr__ (console API names) when the module is missing
        api = importlib.import_module(api_name)
    except ImportError:  # console API not available in this build
        LOG.debug("console API not available")
        return
    setter = getattr(api, "_set_session", None)
    if setter is not None:
        setter(session)


def _flag(value) -> bool:
    """`is_logged_in` as a property or a method."""
    return bool(value() if callable(value) else value)


class SessionController(QObject):
    """Login state of the active profile; every network step runs in a QgsTask."""

    changed = pyqtSignal()
    device_code = pyqtSignal(object)  # core.oidc.DeviceCode
    failed = pyqtSignal(str)  # a translated sentence, for the message bar

    def __init__(self, secret_store_factory: Callable[[], object] = default_secret_store,
                 parent=None):
        super().__init__(parent)
        self._secret_store_factory = secret_store_factory
        self._secret_store = None
        self.runner = TaskRunner()
        self.session = None
        self.profile = settings.active_profile()
        self.state = LOGGED_OUT
        self.account = None
        self.quotas: Optional[List] = None
        self.error = ""
        self._generation = 0  # results of tasks from an older profile/session are dropped
        self._login_task = None

    # --- session and profile -------------------------------------------------------
    def secret_store(self):
        if self._secret_store is None:
            self._secret_store = self._secret_store_factory()
        return self._secret_store

    def _unlock_store(self) -> None:
        """Main thread, before a task: the auth-db store may need QGIS's master password."""
        unlock = getattr(self.secret_store(), "unlock", None)
        if unlock is not None:
            unlock()

    def _nothing_stored(self) -> bool:
        has_any = getattr(self.secret_store(), "has_any", None)
        return has_any is not None and not has_any(self.profile.name)

    def ensure_session(self):
        """The DinamisSession of the active profile, created on first use (main thread)."""
        if self.session is None:
            from ..core.session import DinamisSession
            self.session = DinamisSession(self.profile, self.secret_store(),
                                          http=new_glue_http_session())
            share_with_console(self.session)
        return self.session

    def set_profile(self, name: str) -> None:
        """Switch to another profile: stop its tasks, forget the session, try a restore."""
        settings.set_active_profile_name(name)
        profile = settings.active_profile()
        if profile == self.profile and self.session is not None:
            return
        self._reset(profile)
        self.restore()

    def reload_profile(self) -> None:
        """Settings changed (profile edited, local url changed): follow them."""
        profile = settings.active_profile()
        if profile != self.profile:
            self._reset(profile)
            self.restore()

    def _reset(self, profile) -> None:
        self._generation += 1
        self.runner.cancel_all()
        self._login_task = None
        self.profile = profile
        self.session = None
        self.account = None
        self.quotas = None
        self.error = ""
        self.state = LOGGED_OUT
        self.changed.emit()

    # --- actions ---------------------------------------------------------------------
    def restore(self) -> None:
        """Resume a stored login (refresh token or API key) in the background, if any."""
        def work(_cancel):
            if not session.restore():
                return None
            return self._who_and_quotas(session)

        try:
            if self._nothing_stored():
                return
        except Exception:  # noqa: BLE001 - an unusable store: nothing to resume
            return
        session = self._start_or_fail()
        if session is None:
            return
        self._set_state(RESTORING)
        self._run(tr("Restoring the DINAMIS login"), work, self._on_logged_in,
                  self._on_restore_failed)

    def login_device(self) -> None:
        """Device-code login: `device_code` is emitted for the dialog, then the task polls."""
        def work(cancel):
            session.login_device(self.device_code.emit, cancel)
            return self._who_and_quotas(session)

        session = self._start_or_fail()
        if session is None:
            return
        self._set_state(LOGGING_IN)
        self._login_task = self._run(tr("Logging in to DINAMIS"), work, self._on_logged_in,
                                     self._on_login_failed)

    def login_api_key(self, access_key: str, secret_key: str) -> None:
        access_key, secret_key = access_key.strip(), secret_key.strip()
        if not access_key or not secret_key:
            self._fail(tr("Enter both the access key and the secret key of your API key."))
            return

        def work(_cancel):
            session.login_api_key(access_key, secret_key)
            return self._who_and_quotas(session)

        session = self._start_or_fail()
        if session is None:
            return
        self._set_state(LOGGING_IN)
        self._login_task = self._run(tr("Logging in to DINAMIS with an API key"), work,
                                     self._on_logged_in, self._on_login_failed)

    def cancel_login(self) -> None:
        task, self._login_task = self._login_task, None
        if task is not None:
            try:
                task.cancel()
            except RuntimeError:  # already finished and deleted by the task manager
                pass

    def refresh(self) -> None:
        """Fetch the account and quotas again (e.g. after the referent validated it)."""
        if self.session is None or self.state != LOGGED_IN:
            return
        session = self.session
        self._run(tr("Refreshing the DINAMIS account"),
                  lambda _cancel: self._who_and_quotas(session), self._on_logged_in,
                  self._on_login_failed)

    def logout(self) -> None:
        """Forget the login now; the session revokes/deletes stored secrets in a task."""
        session = self.session
        self._generation += 1
        self.runner.cancel_all()
        self._login_task = None
        self.account, self.quotas, self.error = None, None, ""
        self._set_state(LOGGED_OUT)
        if session is not None:
            self._run(tr("Logging out of DINAMIS"), lambda _cancel: session.logout(),
                      None, self._fail)

    def shutdown(self) -> None:
        """Plugin unload: cancel every task and detach the console API."""
        self._generation += 1
        self._login_task = None
        self.runner.cancel_all()
        self.runner.wait_all(5.0)
        share_with_console(None)  # the console makes its own session from now on
        self.session = None

    # --- internals ------------------------------------------------------------------
    @staticmethod
    def _who_and_quotas(session):
        """Worker thread: the account, and quotas when the demand manager has them."""
        from ..core.errors import DinamisError
        from ..core.quotas import remaining_quotas
        account = session.account()
        quotas = None
        if getattr(account, "known", True) and getattr(account, "status", None) == "active":
            try:
                quotas = remaining_quotas(session.http, session.profile.demands_url)
            except DinamisError as error:  # quotas are extra information: never fatal
                LOG.info("quotas not available: %s", type(error).__name__)
        return account, quotas

    def _start_or_fail(self):
        try:
            session = self.ensure_session()
            self._unlock_store()
            return session
        except Exception as error:  # noqa: BLE001 - proxy/keyring problems become words
            from .tasks import error_message
            self._fail(error_message(error))
            return None

    def _run(self, description, work, on_done, on_error):
        generation = self._generation

        def current(callback):
            if callback is None:
                return None

            def deliver(value):
                if generation == self._generation:
                    callback(value)
            return deliver

        return self.runner.run(description, work, current(on_done), current(on_error))

    def _set_state(self, state: str) -> None:
        self.state = state
        if state in (LOGGING_IN, RESTORING):
            self.error = ""
        self.changed.emit()

    def _on_logged_in(self, result) -> None:
        self._login_task = None
        if result is None:  # nothing stored to restore
            self._set_state(LOGGED_OUT)
            return
        self.account, self.quotas = result
        self.error = ""
        self._set_state(LOGGED_IN)

    def _on_login_failed(self, message: str) -> None:
        self._login_task = None
        logged_in = self.session is not None and _flag(self.session.is_logged_in)
        self._fail(message, LOGGED_IN if logged_in and self.account else LOGGED_OUT)

    def _on_restore_failed(self, message: str) -> None:
        """A stored login that no longer works: say so in the panel only."""
        self.error = message
        self._set_state(LOGGED_OUT)

    def _fail(self, message: str, state: Optional[str] = None) -> None:
        self.error = message
        if state is not None:
            self.state = state
        elif self.state in (LOGGING_IN, RESTORING):
            self.state = LOGGED_OUT
        self.changed.emit()
        self.failed.emit(message)

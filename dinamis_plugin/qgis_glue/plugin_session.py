"""The plugin's one DINAMIS login, driven from the UI without ever blocking it.

`SessionController` owns the `DinamisSession` of the active profile and runs every step
that touches the network (device login, API-key login, restore at start-up, refresh of
account and quotas, logout) through the TaskRunner. Widgets observe its `changed` signal
and read `state`, `account`, `quotas` and `error`; the device code arrives via the
`device_code` signal, on the main thread, from a login that waits on a timer (device_login.py).
The heavy modules (requests, keyring) are imported only when a session is first needed.

Userinfo claims beyond core OpenID Connect are optional, so the account status is also
learned from the services' answers: every response of the session's own services passes
by `_watch_status`, and a 403 `account_pending` (or a successful signing) updates the
account the panel and the console show. `ConsoleHost` lets `import dinamis` in the QGIS
console use this controller: its profile, its session and its non-blocking login.
"""
import logging
import threading
from typing import Callable, List, Optional

from qgis.PyQt.QtCore import QCoreApplication, QObject, QThread, pyqtSignal

from ..core.i18n import tr
from . import settings
from .tasks import TaskRunner

LOG = logging.getLogger("dinamis")

LOGGED_OUT = "logged_out"
RESTORING = "restoring"
LOGGING_IN = "logging_in"
LOGGED_IN = "logged_in"


def default_secret_store():
    """The system keyring, falling back to QGIS's encrypted auth database (secret_store.py);
    nothing is asked of either until a secret is read or written."""
    from .secret_store import PluginSecretStore
    return PluginSecretStore()


def new_glue_http_session(**options):
    """A core HTTP session honouring QGIS's proxy settings (raises ProxyNotSupported) and
    QGIS's HTTPS trust: its CA certificates and SSL server exceptions (tls.py);
    `options` go to `new_http_session` (e.g. retries=0 for the downloader)."""
    from ..core.http import new_http_session
    from . import tls
    from .proxy import qgis_proxy
    route = qgis_proxy()
    route.check_usable()
    proxies = route.requests_proxies()
    http = new_http_session(proxies=proxies or None, **options)
    route.install(http)
    tls.install(http)
    return http


def share_with_console(session, signer=None) -> None:
    """Let `import dinamis` in the QGIS Python console use the plugin's login and signer."""
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
        setter(session, signer)


def _flag(value) -> bool:
    """`is_logged_in` as a property or a method."""
    return bool(value() if callable(value) else value)


class SessionController(QObject):
    """Login state of the active profile; every network step runs in a QgsTask."""

    changed = pyqtSignal()
    device_code = pyqtSignal(object)  # core.oidc.DeviceCode
    device_login_started = pyqtSignal()  # the account panel opens its login dialog
    failed = pyqtSignal(str)  # a translated sentence, for the message bar
    _status_learned = pyqtSignal(object, str)  # (session, status), from any thread
    _session_changed_elsewhere = pyqtSignal(object)  # a console login/logout on a thread

    def __init__(self, secret_store_factory: Callable[[], object] = default_secret_store,
                 parent=None):
        super().__init__(parent)
        self._secret_store_factory = secret_store_factory
        self._secret_store = None
        self.runner = TaskRunner()
        # Logouts and forgotten logins: never cancelled (a profile switch must not leave a
        # login it was deleting in the secret store, to be resumed at the next start).
        self.cleanup = TaskRunner()
        self.session = None
        self._signer = None
        self.profile = settings.active_profile()
        self.state = LOGGED_OUT
        self.account = None
        self.quotas: Optional[List] = None
        self.error = ""
        self._generation = 0  # results of tasks from an older profile/session are dropped
        self._login_task = None
        self._learned_status: Optional[str] = None  # told by a service, not by the claims
        self._session_lock = threading.Lock()
        self._status_learned.connect(self._on_status_learned)
        self._session_changed_elsewhere.connect(self._follow_session)

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
        """The DinamisSession of the active profile, created on first use, with its one
        `Signer`.

        The main thread normally; the console API may ask from a worker thread."""
        with self._session_lock:
            created = self.session is None
            if created:
                from ..core.session import DinamisSession
                from ..core.signer import Signer
                self.session = DinamisSession(self.profile, self.secret_store(),
                                              http=new_glue_http_session())
                self._signer = Signer(self.session.http, self.profile.signing_url,
                                      self.profile.is_storage_url)
                self._watch_status(self.session)
            session, signer = self.session, self._signer
        if created:  # outside the lock: the console API takes its own lock first
            share_with_console(session, signer)
        return session

    def _watch_status(self, session) -> None:
        """Learn the account status from every answer of the session's own services."""
        from ..core.account import status_told_by
        signing_url = session.profile.signing_url
        learned = self._status_learned

        def observe(response, **_kwargs):
            try:
                if session.profile.owns_url(response.url):
                    status = status_told_by(response, signing_url)
                    if status:
                        learned.emit(session, status)  # queued to the main thread
            except Exception:  # noqa: BLE001 - watching must never break the call itself
                LOG.debug("account status not read from an answer")
            return None

        session.http.hooks["response"].append(observe)

    def signer(self, create: bool = True):
        """The plugin's one `Signer` for this session (its cache is shared by streamed
        layers, Processing and the console); a new one after a profile change, emptied
        on logout. Signing needs `state == LOGGED_IN`. `create=False`: None rather than
        starting a session."""
        if create:
            self.ensure_session()
        return self._signer

    def can_sign(self) -> bool:
        return self.state == LOGGED_IN and self.session is not None

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
        self._stop_login()
        self.profile = profile
        if self.session is not None:
            share_with_console(None)  # the console follows to the new profile
        self.session = None
        if self._signer is not None:
            self._signer.clear_cache()
        self._signer = None
        self.account = None
        self.quotas = None
        self._learned_status = None
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
        """Device-code login: `device_login_started` opens the dialog, `device_code` gives
        it the code, then short polls at the server's interval (device_login.py: no task
        thread is held while the user is in the browser), then account and quotas."""
        from .device_login import DeviceLoginJob

        def approved():
            self._login_task = self._run(tr("Logging in to DINAMIS"),
                                         lambda _cancel: self._who_and_quotas(session),
                                         self._on_logged_in, self._on_login_failed)

        session = self._start_or_fail()
        if session is None:
            return
        self._stop_login()
        self._learned_status = None
        self._set_state(LOGGING_IN)
        self._login_task = DeviceLoginJob(session, self._run, self.device_code.emit, approved,
                                          self._on_login_failed, self).start()
        self.device_login_started.emit()

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
        self._learned_status = None
        self._set_state(LOGGING_IN)
        self._login_task = self._run(tr("Logging in to DINAMIS with an API key"), work,
                                     self._on_logged_in, self._on_login_failed)

    def _stop_login(self) -> None:
        """End a login in progress without a word (its polls and timer stop)."""
        job, self._login_task = self._login_task, None
        if job is not None:
            job.detach()
            try:
                job.cancel()
            except RuntimeError:  # a task already finished and deleted by QGIS
                pass

    def cancel_login(self) -> None:
        """The user changed their mind: no error, back to the state before the login."""
        if self._login_task is None:
            return
        self._stop_login()  # its LoginCancelled is nothing to report
        self.error = ""
        self._set_state(LOGGED_IN if self._still_logged_in() else LOGGED_OUT)

    def refresh(self) -> None:
        """Fetch the account and quotas again (e.g. after the referent validated it)."""
        if self.session is None or self.state != LOGGED_IN:
            return
        session = self.session
        self._run(tr("Refreshing the DINAMIS account"),
                  lambda _cancel: self._who_and_quotas(session), self._on_logged_in,
                  self._on_login_failed)

    def logout(self) -> None:
        """Forget the login now (the session, the console and the panel at once, without
        a network call); the stored secrets are deleted and the server session ended in a
        task that nothing cancels."""
        session = self.session
        self._generation += 1
        self.runner.cancel_all()
        self._stop_login()
        self.account, self.quotas, self.error = None, None, ""
        if self._signer is not None:
            self._signer.clear_cache()  # signatures belong to the login that asked for them
        self._learned_status = None
        if session is not None:
            finish = session.drop_login()
            self.cleanup.run(tr("Logging out of DINAMIS"), lambda _cancel: finish(), None,
                             self._fail)
        self._set_state(LOGGED_OUT)

    def forget_profiles(self, names) -> None:
        """Delete the stored logins of profiles that were removed or re-addressed."""
        from ..core.secrets import SECRET_NAMES
        names = [n for n in names if n]
        if not names:
            return

        def work(_cancel):
            for name in names:
                for key in SECRET_NAMES:
                    store.delete(name, key)

        try:
            store = self.secret_store()
            self._unlock_store()
        except Exception as error:  # noqa: BLE001 - an unusable store: say so
            from .tasks import error_message
            self._fail(error_message(error))
            return
        self.cleanup.run(tr("Forgetting the logins of removed DINAMIS profiles"), work,
                         None, self._fail)

    def follow_session_from_any_thread(self) -> None:
        """The console logged in or out on its own thread: show it (on the main thread)."""
        self._session_changed_elsewhere.emit(self.session)

    def shutdown(self) -> None:
        """Plugin unload: cancel every task and detach the console API."""
        self._generation += 1
        self._stop_login()
        self.runner.cancel_all()
        self.runner.wait_all(5.0)
        self.cleanup.wait_all(5.0)  # a logout's secrets are deleted before the plugin goes
        share_with_console(None)  # the console makes its own session from now on
        self.session = None
        self._signer = None

    # --- internals ------------------------------------------------------------------
    @staticmethod
    def _who_and_quotas(session):
        """Worker thread: the account, and quotas whenever there is a demand manager
        (whatever the claims say: they may not state a status at all). A 403 naming the
        account's status tells the status."""
        from ..core.errors import AccountNotActive, DinamisError
        from ..core.quotas import remaining_quotas
        account = session.account()
        quotas = None
        try:
            quotas = remaining_quotas(session.http, session.profile.demands_url)
        except AccountNotActive as error:
            account = account.with_status(error.status)
        except DinamisError as error:  # quotas are extra information: never fatal
            LOG.info("quotas not available: %s", type(error).__name__)
        return account, quotas

    def _on_status_learned(self, session, status: str) -> None:
        """Main thread: a service told this login's account status."""
        if session is not self.session or not _flag(session.is_logged_in):
            return
        self._learned_status = status
        if self.account is not None and self.account.status != status:
            self.account = self.account.with_status(status)
            self.changed.emit()

    def _follow_session(self, session) -> None:
        """Main thread: show a login or logout the console made on the shared session."""
        if session is None or session is not self.session:
            return
        if not _flag(session.is_logged_in):
            if self.state != LOGGED_OUT:
                self.account, self.quotas, self.error = None, None, ""
                self._learned_status = None
                self._set_state(LOGGED_OUT)
            return
        self._learned_status = None
        self._set_state(LOGGING_IN)
        self._run(tr("Refreshing the DINAMIS account"),
                  lambda _cancel: self._who_and_quotas(session), self._on_logged_in,
                  self._on_login_failed)

    def _still_logged_in(self) -> bool:
        return (self.session is not None and _flag(self.session.is_logged_in)
                and self.account is not None)

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
        account, self.quotas = result
        if account.status is None and self._learned_status:
            account = account.with_status(self._learned_status)  # the claims say nothing
        self.account = account
        warning = self._keep_login()
        # Not kept: the panel says so in place; kept elsewhere than asked: the message bar.
        self.error = "" if self.login_kept else warning
        self._set_state(LOGGED_IN)
        if warning:
            self.failed.emit(warning)

    @property
    def login_kept(self) -> bool:
        """False when the login works now but will not survive a restart (no store took
        it): the panel must not show it as an ordinary login."""
        return self.session is None or self.session.login_kept

    def _keep_login(self) -> str:
        """Main thread, after a login: where the secret store could not keep it in the
        worker (the keyring refused and QGIS's authentication database was locked), unlock
        the database (QGIS may ask for its master password) and try again. A translated
        warning for the user, or ""."""
        store = self.secret_store()
        if not self.session.login_kept:
            try:
                self._unlock_store()
                self.session.keep_login()
            except Exception as error:  # noqa: BLE001 - any store failure: not kept
                LOG.warning("the login could not be kept: %s", type(error).__name__)
        if not self.session.login_kept:
            return tr("Logged in for this QGIS session only: neither the system keyring nor "
                      "QGIS's authentication database could keep your login, so you will "
                      "have to log in again after restarting QGIS.")
        take_notice = getattr(store, "take_notice", None)
        return take_notice() if take_notice is not None else ""

    def _on_login_failed(self, message: str) -> None:
        self._login_task = None
        self._fail(message, LOGGED_IN if self._still_logged_in() else LOGGED_OUT)

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


class ConsoleHost(QObject):
    """What `import dinamis` uses inside QGIS: the plugin's profile, session and login.

    The plugin registers it in `dinamis.console_host` at start-up (nothing heavy is
    imported then) and the console API asks it on each use, so the console follows the
    plugin's active profile from the start and a login typed in the console is the
    panel's login. On the main thread a console login opens the panel's login dialog and
    returns at once (QGIS never freezes waiting for the browser); on a worker thread the
    console API logs in itself, blocking that thread only, and tells the controller.
    """

    _call = pyqtSignal(object)  # a callable to run on the main thread (queued)
    MAIN_THREAD_WAIT_S = 30.0

    def __init__(self, controller: SessionController):
        super().__init__()
        self.controller = controller
        self._call.connect(self._run_call)

    def attach(self) -> None:
        """Become the console's host; a console session made before (e.g. while the
        plugin was being reloaded) is dropped, so the next call follows the plugin."""
        from ..console_host import attach
        attach(self)
        share_with_console(None)

    def detach(self) -> None:
        from ..console_host import detach
        detach(self)

    @staticmethod
    def on_main_thread() -> bool:
        app = QCoreApplication.instance()
        return app is not None and QThread.currentThread() == app.thread()

    def session(self):
        """The plugin's DinamisSession of its active profile (created if needed)."""
        return self.controller.ensure_session()

    def signer(self):
        """The plugin's Signer (streamed layers sign through it too)."""
        return self.controller.signer()

    def use_profile(self, profile):
        """Switch the plugin (panel and console together) to one of its profiles."""
        from ..core.errors import DinamisError
        from ..core.profiles import EndpointProfile
        given = profile if isinstance(profile, EndpointProfile) else None
        wanted = given.name if given else str(profile).strip()
        known = settings.find_profile(wanted) or next(
            (p for p in settings.all_profiles() if p.name.lower() == wanted.lower()), None)
        if known is None or (given is not None and given != known):
            raise DinamisError(tr(
                "Inside QGIS the console uses the DINAMIS plugin's profiles: add this one in "
                "the DINAMIS settings (or change its addresses there), then choose it. Known "
                "profiles: {names}.").format(names=", ".join(
                    p.name for p in settings.all_profiles())))
        self._on_main_thread(lambda: self.controller.set_profile(known.name))
        return known

    def login(self, api_key: Optional[str] = None, secret_key: Optional[str] = None) -> bool:
        """Start the panel's login without waiting; False off the main thread (the caller
        may block there and logs in itself)."""
        if not self.on_main_thread():
            return False
        self._refuse_when_busy()
        if api_key is None:
            self.controller.login_device()
        else:
            self.controller.login_api_key(api_key, secret_key)
        return True

    def logout(self) -> bool:
        """Log the plugin out (the server side ends in a task); False off the main thread."""
        if not self.on_main_thread():
            return False
        self.controller.logout()
        return True

    def account(self):
        """The account the panel shows, without a network call; None off the main thread
        (the caller asks the session itself). Raises what the console user must know."""
        from ..core.errors import DinamisError, LoginRequired
        if not self.on_main_thread():
            return None
        state = self.controller.state
        if state == LOGGED_IN and self.controller.account is not None:
            return self.controller.account
        if state in (LOGGING_IN, RESTORING):
            raise DinamisError(_busy_message(state))
        raise LoginRequired()

    def session_changed(self) -> None:
        """The console logged in or out on a worker thread: the panel follows."""
        self.controller.follow_session_from_any_thread()

    def _refuse_when_busy(self) -> None:
        from ..core.errors import DinamisError
        if self.controller.state in (LOGGING_IN, RESTORING):
            raise DinamisError(_busy_message(self.controller.state))

    def _on_main_thread(self, function):
        if self.on_main_thread():
            return function()
        done, box = threading.Event(), {}

        def job():
            try:
                box["value"] = function()
            except Exception as error:  # noqa: BLE001 - raised again on the caller's thread
                box["error"] = error
            finally:
                done.set()

        self._call.emit(job)
        if not done.wait(self.MAIN_THREAD_WAIT_S):
            from ..core.errors import DinamisError
            raise DinamisError(tr("QGIS is busy and did not switch the DINAMIS profile. "
                                  "Try again from the Python console."))
        if "error" in box:
            raise box["error"]
        return box.get("value")

    @staticmethod
    def _run_call(job) -> None:
        job()


def _busy_message(state: str) -> str:
    if state == RESTORING:
        return tr("DINAMIS is resuming your previous login; try again in a moment.")
    return tr("A DINAMIS login is in progress: approve it in your browser (the DINAMIS "
              "login window shows the code) or cancel it there, then try again.")

"""Requests for new imagery in QGIS: the demand manager's data, never waited for on the UI.

`DemandService` follows the plugin's login (`SessionController`): for the active profile
it holds the server's options and the user's quotas, projects and requests, refreshed in
QgsTasks; it confirms estimates with `requests/quote` once the user pauses (debounced,
answers to an older area dropped); it files requests with the draft's frozen body and
idempotency key; and it polls the requests in the background, announcing each status
change (`status_changed`), also those that happened while QGIS was closed.

Local state (drafts, last seen statuses) lives in the QGIS profile folder, one folder
per endpoint profile (`state_folder()`).
"""
import logging
from dataclasses import replace
from pathlib import Path
from typing import Callable, Dict, List, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.demand_drafts import DraftStore, RequestDraft
from ..core.demand_models import Options
from ..core.demand_watch import StatusWatcher
from ..core.errors import AccountNotActive, DinamisError
from ..core.i18n import tr
from ..core.local_files import profile_folder
from .plugin_session import LOGGED_IN
from .tasks import TaskRunner

LOG = logging.getLogger("dinamis")

POLL_INTERVAL_S = 120
QUOTE_DELAY_MS = 700


def default_state_base() -> Path:
    """<QGIS profile folder>/dinamis: per-user, per-QGIS-profile, never in a project."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "dinamis"


class DemandService(QObject):
    """The active profile's demand manager state and calls, for the dock and the plugin."""

    changed = pyqtSignal()  # options, quotas, projects or requests refreshed; profile switched
    quote_ready = pyqtSignal(object)  # core Quote for the latest body asked
    quote_failed = pyqtSignal(str)
    status_changed = pyqtSignal(object)  # core StatusChange
    failed = pyqtSignal(str)  # a translated sentence

    def __init__(self, controller, state_base=None, poll_interval_s: float = POLL_INTERVAL_S,
                 quote_delay_ms: int = QUOTE_DELAY_MS, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.state_base = Path(state_base) if state_base is not None else default_state_base()
        self.runner = TaskRunner()
        self.options: Optional[Options] = None
        self.quotas: Dict[str, object] = {}
        self.projects: List = []
        self.requests: List = []
        self._me: Optional[dict] = None
        self.loading = False
        self.error = ""
        self._profile_name = None
        self._drafts: Optional[DraftStore] = None
        # One store per profile folder, kept: a profile switched back to finds its drafts as
        # they are, without reading the disk again or waiting for it to be written.
        self._draft_stores: Dict[Path, DraftStore] = {}
        self._watcher: Optional[StatusWatcher] = None
        self._generation = 0
        self._quote_generation = 0
        self._quote_body = None
        self._quote_failed = False
        self._last_quote = None
        self.quotes_sent = 0
        self.stale_quotes_dropped = 0
        self._polling = False
        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.setInterval(quote_delay_ms)
        self._quote_timer.timeout.connect(self._send_quote)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(int(poll_interval_s * 1000))
        self._poll_timer.timeout.connect(self.poll)
        controller.changed.connect(self._follow_login)
        self._follow_login()

    # --- where and who ----------------------------------------------------------------
    @property
    def profile(self):
        return self.controller.profile

    @property
    def available(self) -> bool:
        """The profile has a demand manager API (the real DINAMIS has none public yet)."""
        return bool(self.profile.demands_url)

    @property
    def logged_in(self) -> bool:
        return self.controller.state == LOGGED_IN

    @property
    def account(self):
        """The login's account, completed by the demand manager's `me` where the login's
        claims say nothing (plain OpenID Connect, API keys): category, roles, status."""
        account = self.controller.account if self.logged_in else None
        me = self._me
        if account is None or not me:
            return account
        return replace(account, username=account.username or me.get("username"),
                       entity=account.entity or me.get("entity"),
                       category=account.category or me.get("category"),
                       roles=account.roles or tuple(me.get("roles") or ()),
                       status=account.status or me.get("status"))

    def submit_blocker(self) -> str:
        """Why this user cannot file a request now ("" when they can)."""
        if not self.available:
            return tr("These DINAMIS services have no interface for requests from QGIS: "
                      "export the area and use the DINAMIS web form.")
        if not self.logged_in:
            return tr("Log in to DINAMIS (account panel) to file requests.")
        account = self.account
        status = getattr(account, "status", None)
        if getattr(account, "known", True) and status and status != "active":
            return str(AccountNotActive(status))
        return ""

    def state_folder(self) -> Path:
        return profile_folder(self.state_base, self.profile.name)

    @property
    def drafts(self) -> DraftStore:
        if self._drafts is None:
            folder = self.state_folder()
            if folder not in self._draft_stores:
                self._draft_stores[folder] = DraftStore(folder)
            self._drafts = self._draft_stores[folder]
        return self._drafts

    def _follow_login(self) -> None:
        """The login or profile changed: switch local state, refresh or forget server data."""
        if self.profile.name != self._profile_name:
            self._profile_name = self.profile.name
            self._generation += 1
            self._drafts = None
            self._watcher = None
            self.options, self.quotas, self.projects, self.requests = None, {}, [], []
            self._me = None
            self.changed.emit()
            if self.available:
                self.refresh_options()
        if self.logged_in and self.available:
            if not self._poll_timer.isActive():
                self._poll_timer.start()
                self.refresh()
        elif self._poll_timer.isActive() or self.projects or self.requests:
            self._poll_timer.stop()
            self._generation += 1
            self.quotas, self.projects, self.requests, self._me = {}, [], [], None
        self.changed.emit()  # who is logged in changed what every view shows

    # --- running calls ------------------------------------------------------------------
    def _client(self):
        from ..core.demands import DemandClient
        return DemandClient.for_session(self.controller.ensure_session())

    def _run(self, description: str, work: Callable, on_done=None, on_error=None,
             always: bool = False):
        """work(client, cancel_event) in a task; callbacks dropped if the profile or the
        login changed meanwhile, unless `always` (the caller must hear how it ended)."""
        generation = self._generation
        try:
            client = self._client()
        except Exception as error:  # noqa: BLE001 - no session (proxy, keyring): words
            from .tasks import error_message
            self._report(error_message(error), on_error)
            return None

        def done(result):
            if (always or generation == self._generation) and on_done is not None:
                on_done(result)

        def failed(message):
            if always or generation == self._generation:
                self._report(message, on_error)

        return self.runner.run(description, lambda cancel: work(client, cancel), done, failed)

    def _report(self, message: str, on_error) -> None:
        if on_error is not None:
            on_error(message)
        else:
            self.error = message
            self.failed.emit(message)

    # --- reference data and lists -------------------------------------------------------
    def refresh_options(self) -> None:
        def done(options):
            self.options = options
            self.changed.emit()
        self._run(tr("Reading the DINAMIS request options"),
                  lambda client, _c: client.options(), done)

    def refresh(self) -> None:
        """Options, quotas, projects and requests again (also after the user asked)."""
        if not self.available:
            return
        if self.options is None:
            self.refresh_options()
        if not self.logged_in:
            return

        def work(client, _cancel):
            try:
                me = client.me()
            except DinamisError:  # extra information only
                me = None
            quotas = {q.sensor: q for q in client.my_quotas()}
            return me, quotas, client.projects(), client.requests()

        def done(result):
            self.loading = False
            self._me, self.quotas, self.projects, requests = result
            self._take_requests(requests)

        def failed(message):
            self.loading = False
            self.error = message
            self.failed.emit(message)
            self.changed.emit()

        self.loading = True
        self.error = ""
        self._run(tr("Reading your DINAMIS requests"), work, done, failed)

    def poll(self) -> None:
        """Background check of the requests' statuses (the poll timer calls it)."""
        if self._polling or not (self.logged_in and self.available):
            return
        self._polling = True

        def done(requests):
            self._polling = False
            self._take_requests(requests)

        def failed(message):  # a missed poll is not worth a message: the next one retries
            self._polling = False
            LOG.info("request status poll failed: %s", message[:80])

        if self._run(tr("Checking your DINAMIS requests"),
                     lambda client, _c: client.requests(), done, failed) is None:
            self._polling = False

    def _take_requests(self, requests) -> None:
        self.requests = list(requests)
        if self._watcher is None:
            self._watcher = StatusWatcher(self.state_folder())
        changes = self._watcher.update(self.requests)
        self.changed.emit()
        for change in changes:
            self.status_changed.emit(change)
        if changes:  # an accepted request holds quota: the figures shown must follow
            self._refresh_quotas()

    def _refresh_quotas(self) -> None:
        def done(quotas):
            self.quotas = quotas
            self.changed.emit()
        self._run(tr("Reading your DINAMIS quotas"),
                  lambda client, _c: {q.sensor: q for q in client.my_quotas()}, done,
                  lambda message: LOG.info("quota refresh failed: %s", message[:80]))

    def quota_for(self, sensor: str):
        return self.quotas.get(sensor)

    # --- quotes -------------------------------------------------------------------------
    def ask_quote(self, body: dict) -> None:
        """Confirm an estimate with the server once the user pauses; older answers dropped.
        The same body again (a refresh that changed nothing) asks nothing new: its quote,
        once known, is given again at once."""
        if body == self._quote_body and not self._quote_failed:
            if self._last_quote is not None:
                self.quote_ready.emit(self._last_quote)
            return
        self._quote_generation += 1
        self._quote_body = body
        self._quote_failed = False
        self._last_quote = None
        if self.logged_in and self.available:
            self._quote_timer.start()

    def known_quote(self, body: dict):
        """DINAMIS's quote for exactly this body, if it has answered (else None)."""
        return self._last_quote if body == self._quote_body else None

    def cancel_quote(self) -> None:
        self._quote_generation += 1
        self._quote_body = None
        self._last_quote = None
        self._quote_timer.stop()

    def _send_quote(self) -> None:
        wanted, body = self._quote_generation, self._quote_body
        self.quotes_sent += 1

        def done(quote):
            if wanted != self._quote_generation:
                self.stale_quotes_dropped += 1
                return
            self._last_quote = quote
            self.quote_ready.emit(quote)

        def failed(message):
            if wanted != self._quote_generation:
                self.stale_quotes_dropped += 1
                return
            self._quote_failed = True
            self.quote_failed.emit(message)

        self._run(tr("Asking DINAMIS for a quote"), lambda client, _c: client.quote(body),
                  done, failed)

    # --- filing -------------------------------------------------------------------------
    def submit(self, draft: RequestDraft, body: dict, on_done, on_error) -> None:
        """File the draft: its body and key are frozen and saved first, then sent (retried
        with the same key); `on_done(SubmitResult)` or `on_error(message)`, always called,
        even after a logout or a profile switch."""
        frozen = draft.freeze_submission(body)
        drafts = self.drafts  # the draft's own store, whatever the profile is later
        drafts.save(draft)
        generation = self._generation

        def done(result):
            draft.pending_submit = None
            draft.request_id = result.request.id
            drafts.delete(draft.id)
            if generation == self._generation:
                self.requests = [r for r in self.requests if r.id != result.request.id] + [
                    result.request]
                if self._watcher is not None:
                    self._watcher.update(self.requests)
            on_done(result)
            if generation == self._generation:
                self.refresh()

        refused = []

        def work(client, cancel):
            from ..core.demands import SubmissionUncertain
            # on disk before anything leaves: a crash cannot lose the key (waited for here,
            # off the UI thread)
            drafts.flush(30.0)
            try:
                return client.submit(frozen["body"], frozen["key"], cancel_event=cancel)
            except SubmissionUncertain:
                raise
            except DinamisError:  # a clear refusal (invalid, account not active): not filed
                refused.append(True)
                raise

        def failed(message):
            if refused:  # nothing exists: the user may edit and file again, with a new key
                draft.pending_submit = None
                drafts.save(draft, make_current=False)
            on_error(message)

        self._run(tr("Filing your DINAMIS request"), work, done, failed, always=True)

    def fetch_item(self, item_id: str, on_done, on_error) -> None:
        """A catalogue item by id (for an archive request), read in a task."""
        from ..core.demand_items import fetch_item
        try:
            session = self.controller.ensure_session()
        except Exception as error:  # noqa: BLE001 - no session (proxy, keyring): words
            from .tasks import error_message
            on_error(error_message(error))
            return
        stac_url = self.profile.stac_url
        self.runner.run(tr("Reading the catalogue item"),
                        lambda _cancel: fetch_item(session.http, stac_url, item_id),
                        on_done, on_error)

    def resubmit(self, draft: RequestDraft, changes: dict, on_done, on_error) -> None:
        """Send the edits of a request DINAMIS sent back, then submit it again. Safe to
        press twice: a request already submitted again is simply returned. The callbacks
        are always called, like submit's."""
        request_id = draft.edits_request

        def work(client, _cancel):
            from ..core.demand_models import EDITABLE_STATUSES
            if client.request(request_id).status not in EDITABLE_STATUSES:
                return client.request(request_id)  # an earlier attempt went through
            client.edit_request(request_id, changes)
            return client.transition(request_id, "submitted")

        drafts, generation = self.drafts, self._generation

        def done(request):
            drafts.delete(draft.id)
            if generation == self._generation:
                self.requests = [request if r.id == request.id else r for r in self.requests]
                if self._watcher is not None:
                    self._watcher.update(self.requests)  # the user's own move: no news
                self.changed.emit()
            on_done(request)

        self._run(tr("Sending your changes"), work, done, on_error, always=True)

    # --- projects, thread, lifecycle -----------------------------------------------------
    def save_project(self, project_id: Optional[str], fields: dict, on_done, on_error) -> None:
        """Create (project_id None) or edit a project."""
        def work(client, _cancel):
            if project_id:
                return client.edit_project(project_id, fields)
            return client.create_project(fields)

        def done(project):
            self.projects = [p for p in self.projects if p.id != project.id] + [project]
            self.changed.emit()
            on_done(project)

        self._run(tr("Saving the project"), work, done, on_error)

    def load_thread(self, request_id: str, on_done, on_error=None):
        """on_done((request with history, messages)); None when it could not start."""
        return self._run(tr("Reading the request's messages"),
                         lambda client, _c: (client.request(request_id),
                                             client.messages(request_id)),
                         on_done, on_error, always=True)  # the caller waits for an end

    def send_message(self, request_id: str, text: str, on_done, on_error) -> None:
        self._run(tr("Sending your message"),
                  lambda client, _c: client.post_message(request_id, text), on_done, on_error)

    def transition(self, request_id: str, to: str, on_done, on_error, comment: str = "") -> None:
        def done(request):
            self.requests = [request if r.id == request.id else r for r in self.requests]
            if self._watcher is not None:
                self._watcher.update(self.requests)  # the user's own move: not announced
            self.changed.emit()
            on_done(request)

        self._run(tr("Updating the request"),
                  lambda client, _c: client.transition(request_id, to, comment), done, on_error)

    def shutdown(self) -> None:
        self._generation += 1
        self._quote_timer.stop()
        self._poll_timer.stop()
        try:
            self.controller.changed.disconnect(self._follow_login)
        except TypeError:
            pass
        self.runner.cancel_all()
        self.runner.wait_all(5.0)
        if self._drafts is not None:
            self._drafts.flush(5.0)

"""A device-code login that holds no QGIS task thread while the user is in the browser.

QGIS runs every QgsTask (and renders the map) on one thread pool, as large as the number
of cores: two on many laptops. A task that sleeps between polls for the minutes a user
takes to approve would hold one of them all that time. So the waiting happens on the main
thread's event loop (a QTimer, the server's interval), and each step that touches the
network (asking for the code, each poll) is a short task of its own.
"""
from qgis.PyQt.QtCore import QObject, QTimer

from ..core.i18n import tr


class DeviceLoginJob(QObject):
    """One device login of `session`, driven by `run(description, work, on_done,
    on_error)` (the controller's task runner). `on_code(device)` shows the code,
    `on_approved()` follows the approval, `on_error(message)` ends it."""

    def __init__(self, session, run, on_code, on_approved, on_error, parent=None):
        super().__init__(parent)
        self._session = session
        self._run = run
        self._on_code = on_code
        self._on_approved = on_approved
        self._on_error = on_error
        self._poll = None
        self._task = None
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._ask)

    def start(self) -> "DeviceLoginJob":
        self._task = self._run(tr("Logging in to DINAMIS"),
                               lambda _cancel: self._session.start_device_login(),
                               self._started, self._failed)
        return self

    def detach(self) -> None:
        """Nothing more will be reported (the user cancelled; the controller moved on)."""
        self._end()

    def _end(self) -> None:
        """Stop for good and free this job (its parent, the controller, lives on: without
        this, every login attempt would leave an object and its timer behind). A task
        still running reports to `_stopped`, a plain attribute, and is ignored."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        self.deleteLater()

    def cancel(self) -> None:
        self.detach()
        task, self._task = self._task, None
        if task is not None:
            try:
                task.cancel()
            except RuntimeError:  # already finished and deleted by the task manager
                pass

    def _started(self, poll) -> None:
        self._task = None
        if self._stopped:
            return
        self._poll = poll
        self._on_code(poll.device)
        self._wait()

    def _wait(self) -> None:
        self._timer.start(int(self._poll.interval * 1000))

    def _ask(self) -> None:
        if self._stopped:
            return
        poll = self._poll
        self._task = self._run(tr("Waiting for the DINAMIS login approval"),
                               lambda _cancel: self._session.complete_device_login(poll),
                               self._answered, self._failed)

    def _answered(self, logged_in: bool) -> None:
        self._task = None
        if self._stopped:
            return
        if logged_in:
            self._end()
            self._on_approved()
        else:
            self._wait()

    def _failed(self, message: str) -> None:
        self._task = None
        if self._stopped:
            return
        self._end()
        self._on_error(message)
